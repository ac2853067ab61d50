/**
 * The MCP example active in a real `n8n start`: a real MCP client (the SDK agents use) connects to
 * n8n's MCP Server Trigger, lists the package's operations as tools with the example's descriptions
 * and the parameters the agent fills ($fromAI), calls them, and the calls reach the sandbox.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { Sandbox } from '../../sandbox';
import { freshN8n, secretValues, startE2eSandbox } from '../support/e2e';
import { loadExamples } from '../support/examples';
import type { N8nInstance, N8nServer } from '../support/n8n';
import { sleep } from '../support/n8n';
import { freePort } from '../support/runtime';

const example = loadExamples().find((candidate) => candidate.slug === 'mcp-provisioning-tools')!;
const trigger = example.workflow.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger')!;
const descriptionOf = (name: string): unknown => example.workflow.nodes.find((node) => node.name === name)?.parameters?.toolDescription;

interface ToolResult {
	content: Array<{ type: string; text?: string }>;
	isError?: boolean;
}

/**
 * n8n registers an active workflow's webhooks a moment after its editor is up; until then the MCP
 * path answers 404, so the client connects again until it is there.
 */
async function connectWhenRegistered(url: URL, timeoutMs = 60_000): Promise<Client> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const client = new Client({ name: 'b2b-provisioning-e2e', version: '1.0.0' });
		try {
			await client.connect(new StreamableHTTPClientTransport(url));
			return client;
		} catch (error) {
			if (!/\b404\b/.test(String(error)) || Date.now() > deadline) throw error;
			await sleep(500);
		}
	}
}

const textOf = (result: ToolResult): string => result.content.map((part) => part.text ?? '').join('\n');

describe('the MCP example: provisioning tools for AI agents, served by n8n', () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;
	let server: N8nServer;
	let client: Client;
	let serverOutput = '';
	const answers: string[] = [];

	async function call(name: string, args: Record<string, unknown>): Promise<ToolResult> {
		const result = (await client.callTool({ name, arguments: args })) as ToolResult;
		answers.push(textOf(result));
		return result;
	}

	beforeAll(async () => {
		sandbox = await startE2eSandbox();
		n8n = await freshN8n('mcp');
		await n8n.importWorkflows([example.workflow]);
		await n8n.publish(example.workflow.id);
		server = await n8n.startServer(await freePort(), { onLine: (line) => (serverOutput += `${line}\n`) });
		client = await connectWhenRegistered(new URL(`${server.url}/mcp/${String(trigger.parameters?.path)}`));
	});

	afterAll(async () => {
		await client?.close();
		await server?.stop();
		await sandbox?.close();
		n8n?.remove();
	});

	beforeEach(() => sandbox.server.reset());

	test('lists the three tools with the descriptions and the parameters an agent fills', async () => {
		const { tools } = await client.listTools();

		expect(tools.map((tool) => tool.name).sort()).toEqual(['add_cegid_client', 'infinigate_sku_prices', 'list_cegid_folders']);
		for (const tool of tools) expect(tool.description).toBe(descriptionOf(tool.name));
		const parameters = (name: string): string[] =>
			Object.keys((tools.find((tool) => tool.name === name)?.inputSchema.properties ?? {}) as object).sort();
		expect(parameters('add_cegid_client')).toEqual(['codeDossier', 'email', 'firstName', 'lastName', 'offer', 'phone']);
		expect(parameters('infinigate_sku_prices')).toEqual(['skus']);
	});

	test('list_cegid_folders returns the folders LoopHub lists', async () => {
		const result = await call('list_cegid_folders', {});

		expect(result.isError).toBeFalsy();
		for (const code of ['044212', 'MANON001', 'MANON004', 'CEGID003']) expect(textOf(result)).toContain(code);
		expect(sandbox.server.requests({ service: 'cegidLoop', path: '/loophub/getFolders' })).toHaveLength(1);
	});

	test('add_cegid_client adds the contact the agent describes to the folder it names', async () => {
		const result = await call('add_cegid_client', {
			email: 'anna.martin@client.example',
			codeDossier: 'MANON004',
			offer: 'consultation',
			lastName: 'Martin',
			firstName: 'Anna',
			phone: '0705060302',
		});

		expect(result.isError).toBeFalsy();
		const contact = sandbox.state.cegidLoop.contact('anna.martin@client.example');
		expect(contact).toMatchObject({ codeDossier: 'MANON004', nom: 'Martin', prenom: 'Anna', telephone: '0705060302', applications: ['consultation'] });
		expect(textOf(result)).toContain(contact!.objectId);
	});

	test("a refused add_cegid_client comes back to the agent with Loop's reason in English", async () => {
		const result = await call('add_cegid_client', {
			email: 'someone@gmail.com',
			codeDossier: 'MANON004',
			offer: 'start',
			lastName: 'One',
			firstName: 'Some',
			phone: '',
		});

		expect(textOf(result)).toMatch(/invite them to your tenant/i);
		expect(sandbox.state.cegidLoop.contact('someone@gmail.com')).toBeUndefined();
	});

	test('infinigate_sku_prices returns the price and stock of the SKUs asked for', async () => {
		const [first, second] = sandbox.state.infinigate.products.slice(0, 2).map((entry) => entry.product);

		const result = await call('infinigate_sku_prices', { skus: `${first.sku}, ${second.sku}` });

		expect(result.isError).toBeFalsy();
		expect(textOf(result)).toContain(first.vendorSku);
		expect(textOf(result)).toContain(second.vendorSku);
		const lookups = sandbox.server.requests({ service: 'infinigate', path: '/product-management/v1/pricelist/sku' });
		expect(lookups).toHaveLength(1);
		expect(lookups[0].query).toEqual({ no: [first.sku, second.sku] });
	});

	test('no secret of a credential reaches the agent or the server log', () => {
		expect(answers).toHaveLength(4);
		for (const secret of secretValues(sandbox.credentials)) {
			expect(serverOutput).not.toContain(secret);
			for (const answer of answers) expect(answer).not.toContain(secret);
		}
	});
});
