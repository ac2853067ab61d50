/**
 * No secret anywhere n8n keeps things: every node runs once successfully and once failing (the
 * service answers with an error body that echoes the request's headers, keys and tokens included),
 * with n8n logging at debug level to a file. Then every secret of every credential, and every
 * token the sandbox issued, is searched for in n8n's whole user folder (the database with the
 * execution data, binary data, the log file) and in what n8n printed, in its plain, JSON-escaped
 * and URL-encoded spellings: zero hits.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { Sandbox } from '../../sandbox';
import { freshN8n, startE2eSandbox } from '../support/e2e';
import type { N8nInstance, WorkflowFile } from '../support/n8n';

/** A value the runs carry through their items: found in the scan, it shows that execution data is scanned. */
const MARKER = 'secret-scan-marker-5c1f';

const PACKAGE = 'n8n-nodes-b2b-provisioning';

interface NodeUnderTest {
	name: string;
	type: string;
	credentialType: string;
	/** The sandbox service (its name in `sandbox.state`) the node's calls go to. */
	service: 'cegidLoop' | 'infinigate' | 'eqhub' | 'loop' | 'virtualInventory';
	parameters: Record<string, unknown>;
}

const NODES: NodeUnderTest[] = [
	{
		name: 'Cegid Loop',
		type: `${PACKAGE}.cegidLoop`,
		credentialType: 'cegidLoopApi',
		service: 'cegidLoop',
		parameters: { resource: 'collaborativeOffer', operation: 'add', codeDossier: 'MANON001', offer: 'consultation' },
	},
	{
		name: 'Infinigate',
		type: `${PACKAGE}.infinigate`,
		credentialType: 'infinigateApi',
		service: 'infinigate',
		parameters: { resource: 'purchaseQuote', operation: 'getMany', returnAll: false, limit: 2 },
	},
	{
		name: 'EqHub',
		type: `${PACKAGE}.collabor8EqHub`,
		credentialType: 'collabor8EqHubApi',
		service: 'eqhub',
		parameters: { resource: 'product', operation: 'getLegacy', legacyId: '100234' },
	},
	{
		name: 'Virtual Inventory',
		type: `${PACKAGE}.collabor8VirtualInventory`,
		credentialType: 'collabor8VirtualInventoryApi',
		service: 'virtualInventory',
		parameters: { resource: 'inventoryImport', operation: 'getStatus' },
	},
	{
		name: 'Loop',
		type: `${PACKAGE}.collabor8Loop`,
		credentialType: 'collabor8LoopApi',
		service: 'loop',
		parameters: { resource: 'sale', operation: 'getMany', returnAll: false, limit: 2 },
	},
];

/** Manual Trigger → a Code node that emits one item carrying the marker → the nodes. */
function workflowOf(id: string, name: string, nodes: NodeUnderTest[]): WorkflowFile {
	const start = { id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const input = {
		id: `${id}-input`,
		name: 'Input',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, 0],
		parameters: { jsCode: `return [{ json: { note: '${MARKER}' } }];` },
	};
	return {
		id,
		name,
		nodes: [
			start,
			input,
			...nodes.map((node, index) => ({
				id: `${id}-node-${index}`,
				name: node.name,
				type: node.type,
				typeVersion: 1,
				position: [400, index * 150],
				parameters: node.parameters,
				credentials: { [node.credentialType]: { id: node.credentialType, name: node.credentialType } },
			})),
		],
		connections: {
			Start: { main: [[{ node: 'Input', type: 'main', index: 0 }]] },
			Input: { main: [nodes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] },
		},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all', saveManualExecutions: true },
	};
}

/** Every spelling a secret can take in logs and stored JSON. */
function spellings(secret: string): string[] {
	return [
		...new Set([
			secret,
			JSON.stringify(secret).slice(1, -1),
			JSON.stringify(JSON.stringify(secret)).slice(3, -3),
			encodeURIComponent(secret),
			new URLSearchParams({ s: secret }).toString().slice(2),
		]),
	];
}

/** Every file n8n wrote below its folder, except the installed package itself. */
function filesOf(dir: string): string[] {
	const files: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (name === 'node_modules' || name === 'nodes') continue;
		if (statSync(path).isDirectory()) files.push(...filesOf(path));
		else files.push(path);
	}
	return files;
}

describe('no secret in the execution data or in n8n’s debug log', () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;
	const printed: string[] = [];
	const logFile = () => join(n8n.userFolder, 'logs', 'n8n.log');

	beforeAll(async () => {
		sandbox = await startE2eSandbox();
		n8n = await freshN8n('secret-scan');
		await n8n.importWorkflows([
			workflowOf('b2bSecretScanOk01', 'Secret scan: every node succeeds', NODES),
			...NODES.map((node, index) => workflowOf(`b2bSecretScanFail${index}`, `Secret scan: ${node.name} fails`, [node])),
		]);
	});

	afterAll(async () => {
		await sandbox?.close();
		if (process.env.E2E_KEEP !== '1') n8n?.remove();
	});

	async function execute(workflowId: string) {
		const result = await n8n.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			env: { N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'console,file', N8N_LOG_FILE_LOCATION: logFile() },
		});
		printed.push(result.stdout, result.stderr);
		return result;
	}

	/** The node's calls that the service answered with success, token requests aside. */
	const answeredCalls = (node: NodeUnderTest) =>
		sandbox.server.log.filter(
			(entry) => entry.service === sandbox.faults.serviceName(node.service) && !entry.path.endsWith('/token') && entry.status >= 200 && entry.status < 300,
		);

	test('every node succeeds, then fails on an error body that echoes its headers: no secret anywhere', async () => {
		// The debug log mixes into what `n8n execute` prints, so the runs are judged by their exit code and by what the sandbox saw.
		const ok = await execute('b2bSecretScanOk01');
		expect(ok.code === 0 ? 'succeeded' : `${ok.stdout.slice(-3000)}\n${ok.stderr.slice(-3000)}`).toBe('succeeded');
		for (const node of NODES) expect({ node: node.name, answered: answeredCalls(node).length > 0 }).toEqual({ node: node.name, answered: true });
		expect(printed.join('\n')).toContain(MARKER);

		for (const [index, node] of NODES.entries()) {
			// Every call of the node's service, token requests aside, gets a 500 whose body repeats the request's headers.
			sandbox.faults.set(node.service, { path: '^(?!.*/token$)', faults: { kind: 'echoHeaders', status: 500 } });
			const failed = await execute(`b2bSecretScanFail${index}`);
			sandbox.faults.clear(node.service);
			expect({ node: node.name, code: failed.code }).toEqual({ node: node.name, code: 1 });
		}

		// The echoed headers did carry the secrets, so a leak had every chance to happen.
		const echoed = sandbox.server.log.filter((entry) => entry.fault === 'echoHeaders');
		expect(new Set(echoed.map((entry) => entry.service)).size).toBe(NODES.length);

		const secrets = new Set<string>();
		for (const data of Object.values(sandbox.credentials)) {
			for (const [field, value] of Object.entries(data)) {
				if (/secret|password|key/i.test(field) && typeof value === 'string' && value.length >= 8) secrets.add(value);
			}
		}
		// The tokens the services issued, as the nodes sent them.
		for (const entry of sandbox.server.log) {
			const bearer = /^Bearer\s+(\S+)$/i.exec(entry.headers.authorization ?? '')?.[1];
			if (bearer) secrets.add(bearer);
		}
		expect([...secrets].some((secret) => /["\\]/.test(secret))).toBe(true);

		const files = filesOf(n8n.n8nFolder);
		const haystacks = [
			...files.map((file) => ({ where: relative(n8n.userFolder, file), text: readFileSync(file).toString('latin1') })),
			{ where: 'what n8n printed', text: printed.join('\n') },
		];
		// The scan sees the execution data and a debug log, or it would prove nothing.
		expect(haystacks.some((haystack) => haystack.where.includes('database') && haystack.text.includes(MARKER))).toBe(true);
		const log = readFileSync(logFile(), 'utf8');
		expect(log).toMatch(/debug/i);
		expect(log).toContain('Cegid Loop');

		const hits: string[] = [];
		for (const secret of secrets) {
			for (const spelling of spellings(secret)) {
				for (const haystack of haystacks) {
					// latin1 keeps every byte: a UTF-8 secret is found by its bytes.
					if (haystack.text.includes(Buffer.from(spelling, 'utf8').toString('latin1'))) {
						hits.push(`${secret.slice(0, 6)}… (as ${JSON.stringify(spelling).slice(0, 12)}…) in ${haystack.where}`);
					}
				}
			}
		}
		expect(hits).toEqual([]);
	});
});
