/**
 * The polling trigger examples active in a real `n8n start`: the sandbox changes, each workflow runs
 * once per change, and a restart of n8n in between neither repeats nor loses an event. n8n polls at
 * most once a minute, so each phase waits for the next poll.
 */
import type { Sandbox } from '../../sandbox';
import { freshN8n, startE2eSandbox } from '../support/e2e';
import { loadExamples } from '../support/examples';
import type { N8nInstance, N8nServer, WorkflowFile } from '../support/n8n';
import { sleep } from '../support/n8n';
import { freePort } from '../support/runtime';

const TRIGGER_EXAMPLES = [
	'cegid-loop-trigger-provision-new-folders',
	'infinigate-trigger-new-invoice-lines',
	'collabor8-loop-trigger-sale-updates',
	'collabor8-virtual-inventory-trigger-import-finished',
];

const examples = loadExamples().filter((example) => TRIGGER_EXAMPLES.includes(example.slug));
const workflows: WorkflowFile[] = examples.map((example) => example.workflow);
const idOf = (slug: string): string => examples.find((example) => example.slug === slug)!.workflow.id;

/** Long enough for the next once-a-minute poll of every workflow, on a loaded machine. */
const NEXT_POLL_MS = 150_000;

async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = NEXT_POLL_MS): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await condition()) return;
		await sleep(1_000);
	}
	throw new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`);
}

describe('the polling trigger examples, active in n8n start', () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;
	let server: N8nServer | undefined;
	let cookie = '';
	let port = 0;

	const requests = (service: string, path: string | RegExp, method?: string) => sandbox.server.requests({ service, path, method });
	const provisioned = (code: string) =>
		requests('cegidLoop', '/companyProvisioning/provisionCompany').filter((entry) => JSON.parse(entry.bodyText).codeDossier === code).length;
	const saleReads = (id: string) => requests('collabor8Loop', `/sales/${id}`, 'GET').length;
	const invoiceReads = (guid: string) => requests('infinigate', `/invoice-management/v2/purchaseinvoice/${guid}`, 'GET').length;
	const statusPolls = () => requests('collabor8VirtualInventory', '/v1/m2m/inventory-import/status').length;

	/** Finished executions of a workflow, as the editor lists them. */
	async function executions(workflowId: string): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const response = await fetch(`${server!.url}/rest/executions?filter=${filter}`, { headers: { Cookie: cookie } });
		if (!response.ok) throw new Error(`GET /rest/executions answered ${response.status}: ${await response.text()}`);
		const body = (await response.json()) as { data: { results: Array<{ status: string }> } };
		return body.data.results.filter((execution) => execution.status === 'success').length;
	}

	async function start(): Promise<void> {
		server = await n8n.startServer(port);
		cookie = await server.setupOwner({ email: 'e2e@example.com', password: 'E2e-password-1', firstName: 'End', lastName: 'ToEnd' }).catch(
			async () => await login(),
		);
	}

	async function login(): Promise<string> {
		const response = await fetch(`${server!.url}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: 'e2e@example.com', password: 'E2e-password-1' }),
		});
		if (!response.ok) throw new Error(`n8n refused the login (${response.status}): ${await response.text()}`);
		return response.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
	}

	beforeAll(async () => {
		sandbox = await startE2eSandbox();
		sandbox.server.reset();
		n8n = await freshN8n('triggers');
		await n8n.importWorkflows(workflows);
		for (const workflow of workflows) await n8n.publish(workflow.id);
		port = await freePort();
		await start();
	});

	afterAll(async () => {
		await server?.stop();
		await sandbox?.close();
		n8n?.remove();
	});

	test('the first activation starts from now: every trigger polls once and no workflow runs', async () => {
		await waitUntil('each trigger polled its service', () =>
			requests('cegidLoop', '/loophub/getFolders').length > 0 &&
			requests('infinigate', '/invoice-management/v2/purchaseinvoice', 'GET').length > 0 &&
			requests('collabor8Loop', '/sales', 'GET').length > 0 &&
			statusPolls() > 0,
		);
		for (const workflow of workflows) expect(await executions(workflow.id)).toBe(0);
		expect(requests('cegidLoop', '/companyProvisioning/provisionCompany')).toHaveLength(0);
	});

	let sale = '';
	let invoiceGuid = '';

	test('each change in the sandbox runs its workflow once', async () => {
		sandbox.state.cegidLoop.linkFolder('E2E00001');
		invoiceGuid = String(sandbox.state.infinigate.addInvoice().header.documentGuid);
		sale = sandbox.state.loop.addSale('E2E surplus pump').id;
		sandbox.state.loop.setSaleStatus('sale-0001', 'cancelled');
		sandbox.state.virtualInventory.startWebImport(30 * 60_000);
		const pollsBefore = statusPolls();

		await waitUntil('the workflows ran for the new folder, invoice and sales, and a poll saw the import', () =>
			provisioned('E2E00001') > 0 && invoiceReads(invoiceGuid) > 0 && saleReads(sale) > 0 && saleReads('sale-0001') > 0 && statusPolls() > pollsBefore,
		);
		sandbox.state.virtualInventory.startWebImport(0);
		const pollsWhenDone = statusPolls();
		await waitUntil('the import-finished workflow ran', async () => (await executions(idOf(TRIGGER_EXAMPLES[3]))) > 0);
		// Its own Get Status node asked once more after the trigger's poll.
		expect(statusPolls()).toBeGreaterThan(pollsWhenDone);

		expect(provisioned('E2E00001')).toBe(1);
		expect(invoiceReads(invoiceGuid)).toBe(1);
		expect(saleReads(sale)).toBe(1);
		expect(saleReads('sale-0001')).toBe(1);
		expect(await executions(idOf(TRIGGER_EXAMPLES[0]))).toBe(1);
		expect(await executions(idOf(TRIGGER_EXAMPLES[1]))).toBe(1);
		// One execution per poll: the new sale and the status change came in one poll, or in two.
		expect(await executions(idOf(TRIGGER_EXAMPLES[2]))).toBeGreaterThanOrEqual(1);
		expect(await executions(idOf(TRIGGER_EXAMPLES[3]))).toBe(1);
	});

	test('after a restart of n8n, what changed while it was down runs once and nothing runs twice', async () => {
		await server!.stop();
		server = undefined;
		sandbox.state.cegidLoop.linkFolder('E2E00002');
		sandbox.state.loop.setSaleStatus(sale, 'published');
		await start();

		await waitUntil('the workflows ran for the folder and the status change of the downtime', () => provisioned('E2E00002') > 0 && saleReads(sale) > 1);
		// One more poll after the restart's first one: it must find nothing new.
		const pollsAfterRestart = requests('cegidLoop', '/loophub/getFolders').length;
		await waitUntil('the Cegid trigger polled again', () => requests('cegidLoop', '/loophub/getFolders').length > pollsAfterRestart);
		await sleep(5_000);

		expect(provisioned('E2E00001')).toBe(1);
		expect(provisioned('E2E00002')).toBe(1);
		expect(saleReads(sale)).toBe(2);
		expect(saleReads('sale-0001')).toBe(1);
		expect(invoiceReads(invoiceGuid)).toBe(1);
		expect(await executions(idOf(TRIGGER_EXAMPLES[0]))).toBe(2);
		expect(await executions(idOf(TRIGGER_EXAMPLES[1]))).toBe(1);
	});
});
