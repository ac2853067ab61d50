/**
 * The package's polling triggers with two workers running. n8n polls on the main process only and
 * keeps what a trigger has seen in the workflow's static data, in the shared database; each poll
 * that finds something becomes one execution, queued and run by one worker. So every new client
 * folder, invoice and sale runs its workflow once: never once per worker, never again at a later
 * poll. n8n polls at most once a minute, so the test waits for the next polls.
 */
import type { Sandbox } from '../../sandbox';
import type { LogEntry } from '../../sandbox/core/server';
import { loadExamples } from '../support/examples';
import { sleep } from '../support/n8n';
import { resetSandbox } from '../support/sandbox-data';
import type { ExecutionRecord } from '../support/queue/client';
import { queueCluster, resetCredentials, startQueueSandbox, workerOfEach } from '../support/queue/suite';

/** The trigger examples whose events are easy to count: each event reads or writes one thing once. */
const TRIGGERS = {
	cegid: 'cegid-loop-trigger-provision-new-folders',
	infinigate: 'infinigate-trigger-new-invoice-lines',
	loop: 'collabor8-loop-trigger-sale-updates',
};
const workflowIds = Object.values(TRIGGERS).map((slug) => {
	const example = loadExamples().find((candidate) => candidate.slug === slug);
	if (!example) throw new Error(`No example ${slug}`);
	return example.workflow.id;
});

/** Long enough for the next once-a-minute poll of every trigger, on a loaded machine. */
const NEXT_POLL_MS = 150_000;
const cluster = queueCluster();

async function waitUntil(what: string, condition: () => boolean): Promise<void> {
	const deadline = Date.now() + NEXT_POLL_MS;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`Timed out after ${NEXT_POLL_MS / 1000} s waiting until ${what}`);
		await sleep(1000);
	}
}

describe('polling triggers with two workers', () => {
	let sandbox: Sandbox;
	const requests = (service: string, path: string | RegExp, method?: string) => sandbox.server.requests({ service, path, method });
	// A poll reads a whole list, page by page: its first page marks one poll.
	const firstPages = (entries: LogEntry[], parameter: string, first: string) =>
		entries.filter((entry) => (entry.query[parameter]?.[0] ?? first) === first).length;
	const polls = () => ({
		cegid: requests('cegidLoop', '/loophub/getFolders').length,
		infinigate: firstPages(requests('infinigate', '/invoice-management/v2/purchaseinvoice', 'GET'), 'Skip', '0'),
		loop: firstPages(requests('collabor8Loop', '/sales', 'GET'), 'page', '1'),
	});
	const provisioned = (code: string) =>
		requests('cegidLoop', '/companyProvisioning/provisionCompany').filter((entry) => JSON.parse(entry.bodyText).codeDossier === code).length;
	const invoiceReads = (guid: string) => requests('infinigate', `/invoice-management/v2/purchaseinvoice/${guid}`, 'GET').length;
	const saleReads = (id: string) => requests('collabor8Loop', `/sales/${id}`, 'GET').length;

	beforeAll(async () => {
		sandbox = await startQueueSandbox();
		resetSandbox(sandbox);
		await resetCredentials(cluster, sandbox);
	});

	afterAll(async () => {
		for (const id of workflowIds) await cluster.deactivate(id).catch(() => undefined);
		await sandbox?.close();
	});

	test('each new folder, invoice and sale runs its workflow once, on one worker, however many polls and workers', async () => {
		for (const id of workflowIds) expect(await cluster.executions(id)).toEqual([]);
		const activeFrom = Date.now();
		for (const id of workflowIds) await cluster.activate(id);

		// The first poll of each trigger starts from now: what exists already is no event.
		await waitUntil('every trigger polled once', () => Object.values(polls()).every((count) => count > 0));

		const folders = ['QUEUE0001', 'QUEUE0002'];
		for (const code of folders) sandbox.state.cegidLoop.linkFolder(code);
		const invoices = [sandbox.state.infinigate.addInvoice(), sandbox.state.infinigate.addInvoice()].map((invoice) =>
			String(invoice.header.documentGuid),
		);
		const sales = [sandbox.state.loop.addSale('Queue surplus pump'), sandbox.state.loop.addSale('Queue surplus valve')].map((sale) => sale.id);
		await waitUntil('the workflows ran for the first folders, invoices and sales', () =>
			[...folders.map(provisioned), ...invoices.map(invoiceReads), ...sales.map(saleReads)].every((count) => count > 0),
		);

		// A later poll brings the next events only.
		folders.push('QUEUE0003');
		sandbox.state.cegidLoop.linkFolder('QUEUE0003');
		invoices.push(String(sandbox.state.infinigate.addInvoice().header.documentGuid));
		sales.push(sandbox.state.loop.addSale('Queue surplus motor').id);
		await waitUntil('the workflows ran for the next folder, invoice and sale', () =>
			[provisioned('QUEUE0003'), invoiceReads(invoices[2]), saleReads(sales[2])].every((count) => count > 0),
		);

		for (const id of workflowIds) await cluster.deactivate(id);
		const records: ExecutionRecord[] = [];
		for (const id of workflowIds) records.push(...(await cluster.waitForExecutions({ workflowId: id, count: 2 }, 120_000)));
		// n8n applies a deactivation a moment later: count the polls up to now.
		const pollCounts = polls();
		const activeFor = Date.now() - activeFrom;
		console.log(`[queue] triggers active for ${(activeFor / 1000).toFixed(0)} s: polls ${JSON.stringify(pollCounts)}, ${records.length} executions`);

		expect({ folders: folders.map(provisioned), invoices: invoices.map(invoiceReads), sales: sales.map(saleReads) }).toEqual({
			folders: [1, 1, 1],
			invoices: [1, 1, 1],
			sales: [1, 1, 1],
		});
		// One execution per poll that found something: two per workflow, each run by one worker.
		expect(records.map((record) => `${record.workflowId} ${record.mode} ${record.status}`).sort()).toEqual(
			workflowIds.flatMap((id) => [`${id} trigger success`, `${id} trigger success`]).sort(),
		);
		await workerOfEach(
			cluster,
			records.map((record) => record.id),
		);
		// Only the main process polls: at most one poll a minute per trigger, plus the first one.
		const mostPolls = Math.floor(activeFor / 60_000) + 2;
		for (const count of Object.values(pollCounts)) expect(count).toBeLessThanOrEqual(mostPolls);
	});
});
