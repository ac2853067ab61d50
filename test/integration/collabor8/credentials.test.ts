import type { ICredentialDataDecryptedObject, INode, INodeParameters, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { COLLABOR8_ACCOUNTS } from '../../../sandbox/collabor8/gateway';
import type { Collabor8Product } from './helpers';
import {
	apiRequests,
	credentialsOf,
	CREDENTIAL_TYPES,
	httpRequestNode,
	runCollabor8,
	secretsOf,
	sharedCredentials,
	sleepMs,
	startCollabor8,
	testCredential,
	tokenRequests,
} from './helpers';
import { runNode } from '../../support/run-node';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startCollabor8();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

/** One cheap read per service. */
const READ: Record<Collabor8Product, INodeParameters> = {
	eqhub: { resource: 'product', operation: 'getLegacy', legacyId: '100234' },
	loop: { resource: 'sale', operation: 'getMany', returnAll: false, limit: 1 },
	virtualInventory: { resource: 'inventoryImport', operation: 'getStatus' },
};

function read(product: Collabor8Product): INodeParameters {
	return { ...READ[product] };
}

const PRODUCTS: Collabor8Product[] = ['eqhub', 'loop', 'virtualInventory'];

/** Resolves an expression of a credential's test request as n8n does, against the given credential data. */
function resolveForCredential(expression: string, credentials: ICredentialDataDecryptedObject): string {
	const node: INode = { id: 'n', name: 'n', type: 'n', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodeTypes = { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return String(workflow.expression.getSimpleParameterValue(node, expression, 'internal', { $credentials: credentials }, undefined, ''));
}

describe('Collabor8 credentials: tokens', () => {
	test.each(['eqhub', 'loop'] as const)('the %s token comes from the gateway with a client-credentials form, answered 201', async (product) => {
		const run = await runCollabor8(sandbox, product, read(product));

		expect(run.error).toBeUndefined();
		const [token] = tokenRequests(sandbox, product);
		expect(token.status).toBe(201);
		expect(token.contentType).toMatch(/^application\/x-www-form-urlencoded/);
		expect(Object.fromEntries(new URLSearchParams(token.bodyText))).toEqual({
			grant_type: 'client_credentials',
			client_id: COLLABOR8_ACCOUNTS[product].clientId,
			client_secret: COLLABOR8_ACCOUNTS[product].clientSecret,
		});
		const stored = run.credentialsHelper.stored.get(CREDENTIAL_TYPES[product].name);
		expect(apiRequests(sandbox, product)[0].headers.authorization).toBe(`Bearer ${String(stored?.accessToken)}`);
		expect(Number(stored?.tokenRenewAt)).toBeGreaterThan(Date.now() + 3000 * 1000);
	});

	test.each(PRODUCTS)('one %s token serves every item of a run and the next execution', async (product) => {
		const credentialsHelper = sharedCredentials(sandbox, product);
		const items = Array.from({ length: 8 }, (_unused, index) => ({ index }));

		const first = await runCollabor8(sandbox, product, read(product), { items, credentialsHelper });
		const second = await runCollabor8(sandbox, product, read(product), { items, credentialsHelper });

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(tokenRequests(sandbox, product)).toHaveLength(1);
		expect(apiRequests(sandbox, product)).toHaveLength(16);
		expect(credentialsHelper.preAuthenticationCalls.get(CREDENTIAL_TYPES[product].name)).toBe(1);
	});

	test.each(PRODUCTS)('an expired %s token is renewed before the next call, without a refused call', async (product) => {
		sandbox.state[product].tokenLifetimeSeconds = 1;
		const credentialsHelper = sharedCredentials(sandbox, product);

		await runCollabor8(sandbox, product, read(product), { credentialsHelper });
		await sleepMs(1050);
		const second = await runCollabor8(sandbox, product, read(product), { credentialsHelper });

		expect(second.error).toBeUndefined();
		expect(tokenRequests(sandbox, product)).toHaveLength(2);
		expect(apiRequests(sandbox, product).map((entry) => entry.status)).toEqual([200, 200]);
	});

	test.each(PRODUCTS)('a %s token revoked early is refused once, renewed, and the call repeated', async (product) => {
		const credentialsHelper = sharedCredentials(sandbox, product);
		await runCollabor8(sandbox, product, read(product), { credentialsHelper });
		sandbox.state[product].tokens.revokeAll();

		const second = await runCollabor8(sandbox, product, read(product), { credentialsHelper });

		expect(second.error).toBeUndefined();
		expect(tokenRequests(sandbox, product)).toHaveLength(2);
		expect(apiRequests(sandbox, product).map((entry) => entry.status)).toEqual([200, 401, 200]);
	});

	test('a call refused twice fails with a message about access, and no more tokens are fetched', async () => {
		sandbox.server.addFault({ service: 'collabor8Loop', path: '^/sales$', kind: 'status', status: 401, times: 5 });

		const run = await runCollabor8(sandbox, 'loop', read('loop'));

		expect(run.error?.message).toContain('Collabor8 Loop: The access token was refused');
		expect(run.error?.description).toContain('still refused it');
		expect(tokenRequests(sandbox, 'loop')).toHaveLength(2);
	});
});

describe('Collabor8 credentials: refusals name the value to fix', () => {
	test.each([
		['eqhub', 'Collabor8 EqHub'],
		['loop', 'Collabor8 Loop'],
		['virtualInventory', 'Collabor8 Virtual Inventory'],
	] as const)('a wrong %s client secret is named, never shown, and no API call is made', async (product, service) => {
		const run = await runCollabor8(sandbox, product, read(product), { credentials: { clientSecret: 'wrong-secret-4711' } });

		expect(run.error?.message).toContain(`${service} refused the token request: the client secret is wrong. Check Client Secret`);
		expect(run.error?.message).toContain('AADSTS7000215');
		expect(run.error?.message).not.toContain('Trace ID');
		expect(JSON.stringify([run.error, run.error?.message, run.error?.description])).not.toContain('wrong-secret-4711');
		expect(apiRequests(sandbox, product)).toHaveLength(0);
	});

	test('an unknown client ID is named, with the reminder that test and production accounts differ', async () => {
		const run = await runCollabor8(sandbox, 'loop', read('loop'), { credentials: { clientId: COLLABOR8_ACCOUNTS.eqhub.clientId } });

		expect(run.error?.message).toContain('the client ID is unknown. Check Client ID and Environment');
		expect(run.error?.message).toContain('AADSTS700016');
	});

	test('the production scope against the test directory is named as a scope problem', async () => {
		const run = await runCollabor8(sandbox, 'virtualInventory', read('virtualInventory'), {
			credentials: { scope: 'api://2f731f1f-72e6-4998-8854-d026d5ccb151/.default' },
		});

		expect(run.error?.message).toContain('the scope is not valid for this client');
		expect(run.error?.message).toContain('AADSTS500011');
	});

	test('a token URL with another directory is named as a Token URL problem', async () => {
		const tokenUrl = String(credentialsOf(sandbox, 'virtualInventory').tokenUrl).replace('4d1df598', '00000000');

		const run = await runCollabor8(sandbox, 'virtualInventory', read('virtualInventory'), { credentials: { tokenUrl } });

		expect(run.error?.message).toContain('Check Token URL');
		expect(run.error?.message).toContain('AADSTS90002');
	});

	test('a Custom environment without a base URL fails before any request', async () => {
		const run = await runCollabor8(sandbox, 'eqhub', read('eqhub'), { credentials: { baseUrl: '' } });

		expect(run.error?.message).toContain('Base URL is empty');
		expect(sandbox.server.log).toHaveLength(0);
	});
});

describe('Collabor8 credentials: the Test button', () => {
	test.each(PRODUCTS)('the %s Test button succeeds with the sandbox values', async (product) => {
		const result = await testCredential(product, credentialsOf(sandbox, product));

		expect(result).toMatchObject({ status: 'OK' });
		expect(tokenRequests(sandbox, product)).toHaveLength(1);
		expect(apiRequests(sandbox, product)).toHaveLength(1);
	});

	test.each([
		['eqhub', 'test', 'https://apis-test-vi.collabor8.no/eqhub-m2m/eqhub-api/v1/legacy/Teknos/0'],
		['eqhub', 'production', 'https://apis-vi.collabor8.no/eqhub-m2m/eqhub-api/v1/legacy/Teknos/0'],
		['loop', 'test', 'https://apis-test-vi.collabor8.no/loop-m2m/loop-api/v1/sales'],
		['loop', 'production', 'https://apis-vi.collabor8.no/loop-m2m/loop-api/v1/sales'],
		['virtualInventory', 'test', 'https://apis-test-vi.collabor8.no/virtual-inventory-api/v1/m2m/inventory-import/status'],
		['virtualInventory', 'production', 'https://apis-vi.collabor8.no/virtual-inventory-api/v1/m2m/inventory-import/status'],
	] as const)('the %s Test button calls the documented gateway of the %s environment', (product, environment, url) => {
		const request = CREDENTIAL_TYPES[product].test!.request;

		const baseUrl = resolveForCredential(String(request.baseURL), { environment, baseUrl: '' });

		expect(`${baseUrl.replace(/\/+$/, '')}/${String(request.url).replace(/^\/+/, '')}`).toBe(url);
	});

	test('the EqHub Test button accepts "not found" for its probe product, which proves the token works', async () => {
		await testCredential('eqhub', credentialsOf(sandbox, 'eqhub'));

		expect(apiRequests(sandbox, 'eqhub').map((entry) => [entry.path, entry.status])).toEqual([['/legacy/Teknos/0', 404]]);
	});

	test('the EqHub Test button fails when EqHub refuses the token', async () => {
		sandbox.server.addFault({ service: 'collabor8EqHub', path: '^/legacy/', kind: 'status', status: 403, times: 5 });

		const result = await testCredential('eqhub', credentialsOf(sandbox, 'eqhub'));

		expect(result).toMatchObject({ status: 'Error', message: 'EqHub denied access: this account may not use the EqHub API' });
	});

	test.each(PRODUCTS)('the %s Test button says that the client secret is wrong', async (product) => {
		const result = await testCredential(product, { ...credentialsOf(sandbox, product), clientSecret: 'not-the-secret' });

		expect(result.status).toBe('Error');
		expect(result.message).toContain('the client secret is wrong. Check Client Secret');
		expect(result.message).not.toContain('not-the-secret');
		expect(apiRequests(sandbox, product)).toHaveLength(0);
	});
});

describe('Collabor8 credentials: the HTTP Request node', () => {
	test.each([
		['eqhub', '/eqhub-m2m/eqhub-api/v1/legacy/Teknos/204518', 'TekNo'],
		['loop', '/loop-m2m/loop-api/v1/sales?page=1&limit=1', 'data'],
		['virtualInventory', '/virtual-inventory-api/v1/m2m/inventory-import/status', 'isImportAllowed'],
	] as const)('the %s credential works as a predefined credential type, and after its token was revoked', async (product, path, field) => {
		const type = CREDENTIAL_TYPES[product];
		const credentialsHelper = sharedCredentials(sandbox, product);
		const call = async () =>
			await runNode({
				node: httpRequestNode(type.name),
				credentialTypes: [type],
				credentials: {},
				credentialsHelper,
				parameters: { url: `${sandbox.url}/collabor8${path}` },
			});

		const first = await call();
		sandbox.state[product].tokens.revokeAll();
		const second = await call();

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(second.json[0]).toHaveProperty(field);
		expect(tokenRequests(sandbox, product)).toHaveLength(2);
		expect(apiRequests(sandbox, product).map((entry) => entry.status)).toEqual([200, 401, 200]);
	});
});

describe('Collabor8 credentials: secrets', () => {
	test('no client secret or token appears in outputs or errors', async () => {
		const seen: unknown[] = [];
		const tokens: string[] = [];
		for (const product of PRODUCTS) {
			const ok = await runCollabor8(sandbox, product, read(product));
			const wrong = await runCollabor8(sandbox, product, read(product), {
				credentials: { clientSecret: `${COLLABOR8_ACCOUNTS[product].clientSecret}-x` },
			});
			const refused = await runCollabor8(sandbox, product, read(product), { continueOnFail: true, credentials: { baseUrl: `${sandbox.url}/nowhere` } });
			seen.push(ok.json, wrong.error, wrong.error?.message, wrong.error?.description, refused.json);
			tokens.push(String(ok.credentialsHelper.stored.get(CREDENTIAL_TYPES[product].name)?.accessToken));
		}
		const text = JSON.stringify(seen);

		expect(text).toContain('the client secret is wrong');
		expect(tokens.every((token) => token.length > 20)).toBe(true);
		for (const secret of secretsOf()) expect(text).not.toContain(secret);
		for (const token of tokens) expect(text).not.toContain(token);
	});
});
