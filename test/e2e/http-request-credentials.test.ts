/**
 * Every credential type of the package used from n8n's own HTTP Request node as a "predefined
 * credential type", which is how users reach endpoints the nodes do not cover. n8n itself then
 * fetches the token (preAuthentication) and adds the headers, so this checks the credentials
 * alone, without the package's request code.
 */
import type { Sandbox } from '../../sandbox';
import { freshN8n, startE2eSandbox, succeeded } from '../support/e2e';
import { sandboxCredentialName } from '../support/examples';
import { outputItems } from '../support/n8n';
import type { ExecutionRun, WorkflowFile } from '../support/n8n';
import { packageCredentialTypes } from '../support/package';

type Credentials = Record<string, string | number | boolean>;

/** One cheap authenticated call per credential type, and where the sandbox logs it. */
interface Probe {
	method: 'GET' | 'POST';
	url: (credentials: Credentials) => string;
	body?: (credentials: Credentials) => Record<string, unknown>;
	service: string;
	/** The path below the service's prefix in the sandbox. */
	path: string;
	/** Headers the service requires, which n8n must have added from the credential. */
	headers: string[];
	/** Where n8n fetches the token (the credential's preAuthentication), for credentials with one. */
	token?: { service: string; path: RegExp };
}

// The addresses come from the guides and Cegid's public pages, never from the nodes.
const PROBES: Record<string, Probe> = {
	// Cegid Developers, "Collaborateur du Cabinet": GET /collaborateurCabinet, codeDossier "cabinet".
	cegidLoopApi: {
		method: 'GET',
		url: (c) => `${String(c.baseUrl)}/collaborateurCabinet?codeDossier=cabinet&take=1`,
		service: 'cegidLoop',
		path: '/collaborateurCabinet',
		headers: ['ocp-apim-subscription-key', 'x-apikey'],
	},
	infinigateApi: {
		method: 'GET',
		url: (c) => `${String(c.baseUrl)}/product-management/v1/pricelist/search/count/switch`,
		service: 'infinigate',
		path: '/product-management/v1/pricelist/search/count/switch',
		headers: ['authorization', 'api-key'],
		token: { service: 'infinigate', path: /^\/authorization\/token$/ },
	},
	collabor8EqHubApi: {
		method: 'GET',
		// "EqHub API: Getting Started": …/eqhub-m2m/eqhub-api/v1/legacy/Teknos/{id}
		url: (c) => `${String(c.baseUrl)}/eqhub-m2m/eqhub-api/v1/legacy/Teknos/100234`,
		service: 'collabor8EqHub',
		path: '/legacy/Teknos/100234',
		headers: ['authorization'],
		token: { service: 'collabor8EqHub', path: /^\/token$/ },
	},
	collabor8LoopApi: {
		method: 'GET',
		// "Loop API: Getting Started": GET …/loop-m2m/loop-api/v1/sales?page=1&limit=1&countQueries=true
		url: (c) => `${String(c.baseUrl)}/loop-m2m/loop-api/v1/sales?page=1&limit=1&countQueries=true`,
		service: 'collabor8Loop',
		path: '/sales',
		headers: ['authorization'],
		token: { service: 'collabor8Loop', path: /^\/token$/ },
	},
	collabor8VirtualInventoryApi: {
		method: 'GET',
		// "Virtual Inventory API: Getting Started": …v1/m2m/inventory-import/status
		url: (c) => `${String(c.baseUrl)}/v1/m2m/inventory-import/status`,
		service: 'collabor8VirtualInventory',
		path: '/v1/m2m/inventory-import/status',
		headers: ['authorization'],
		token: { service: 'entra', path: /\/oauth2\/v2\.0\/token$/ },
	},
};

function probeWorkflow(credentials: Record<string, Credentials>, types: string[]): WorkflowFile {
	const nodes: WorkflowFile['nodes'] = [
		{ id: 'e0000000-0000-4000-8000-000000000000', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	];
	const targets: Array<{ node: string; type: string; index: number }> = [];
	types.forEach((type, index) => {
		const probe = PROBES[type];
		const body = probe.body?.(credentials[type]);
		nodes.push({
			id: `e0000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
			name: type,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [300, index * 160],
			// One failing probe must not hide what the others show.
			onError: 'continueRegularOutput',
			parameters: {
				method: probe.method,
				url: probe.url(credentials[type]),
				authentication: 'predefinedCredentialType',
				nodeCredentialType: type,
				...(body ? { sendBody: true, specifyBody: 'json', jsonBody: JSON.stringify(body) } : {}),
				options: {},
			},
			credentials: { [type]: { id: type, name: sandboxCredentialName(type) } },
		});
		targets.push({ node: type, type: 'main', index: 0 });
	});
	return {
		id: 'b2bE2eHttpCreds01',
		name: 'E2E: the credentials from the HTTP Request node',
		nodes,
		connections: { Start: { main: [targets] } },
		settings: { executionOrder: 'v1' },
	};
}

const credentialTypes = packageCredentialTypes();

describe("each credential type from n8n's HTTP Request node", () => {
	let sandbox: Sandbox;
	let run: ExecutionRun;

	beforeAll(async () => {
		sandbox = await startE2eSandbox();
		const probed = credentialTypes.filter((type) => PROBES[type] !== undefined);
		const n8n = await freshN8n('http-request-credentials');
		const workflow = probeWorkflow(sandbox.credentials, probed);
		await n8n.importWorkflows([workflow]);
		run = succeeded(await n8n.execute(workflow.id));
		n8n.remove();
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	test('every credential type of the package has a probe here', () => {
		expect(credentialTypes.filter((type) => PROBES[type] === undefined)).toEqual([]);
	});

	test.each(credentialTypes)('%s authenticates a request of the HTTP Request node against the sandbox', (type) => {
		const probe = PROBES[type];
		const items = outputItems(run, type);
		expect(items.length).toBeGreaterThan(0);
		expect(items[0].json.error).toBeUndefined();

		const calls = sandbox.server.requests({ service: probe.service, method: probe.method, path: probe.path });
		expect(calls.map((call) => call.status)).toEqual([200]);
		for (const header of probe.headers) expect(calls[0].headers[header]).toEqual(expect.any(String));
		if (probe.token) {
			const tokenCalls = sandbox.server.requests({ service: probe.token.service, method: 'POST', path: probe.token.path });
			expect(tokenCalls.map((call) => call.status)).toEqual([expect.any(Number)]);
			expect(tokenCalls[0].status).toBeLessThan(300);
		}
	});
});
