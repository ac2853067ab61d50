/**
 * Check Setup in each of the five nodes, against the whole sandbox: what a user sees in the items,
 * what leaves (only GET requests and token requests), how gently, and that no data of the account
 * gets into the output.
 */
import type { Logger } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { startSandbox } from '../../../sandbox';
import { staffRecords } from '../../../sandbox/cegid-loop/readsData';
import type { CheckItem, NodeName } from './helpers';
import { NODE_NAMES, results, runCheckSetup } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

/** Where each service takes its token request (the guides), in the sandbox's log. */
const TOKEN_REQUESTS: Array<{ service: string; path: RegExp }> = [
	{ service: 'infinigate', path: /^\/authorization\/token$/ },
	{ service: 'collabor8EqHub', path: /^\/token$/ },
	{ service: 'collabor8Loop', path: /^\/token$/ },
	{ service: 'entra', path: /^\/[^/]+\/oauth2\/v2\.0\/token$/ },
];

const KEYS = ['check', 'kind', 'method', 'address', 'result', 'status', 'field', 'suggestion', 'answerShape'];

function apiCalls(): Array<{ method: string; service: string; path: string; query: Record<string, string[]> }> {
	return sandbox.server.log.filter(
		(entry) => !TOKEN_REQUESTS.some((token) => token.service === entry.service && token.path.test(entry.path)),
	);
}

describe.each(NODE_NAMES)('Check Setup of %s against the default sandbox', (name: NodeName) => {
	test('every check reports works or not checked, in one item per check of the same shape', async () => {
		const run = await runCheckSetup(sandbox, name);

		expect(run.error).toBeUndefined();
		expect(run.checks.length).toBeGreaterThan(1);
		for (const check of run.checks) {
			expect(Object.keys(check)).toEqual(KEYS);
			expect(['documented', 'public', 'guess']).toContain(check.kind);
		}
		const bad = run.checks.filter((check) => check.result !== 'works' && check.result !== 'not checked');
		expect(results(bad)).toEqual([]);
		// The first check proves the credential.
		expect(run.checks[0].result).toBe('works');
	});

	test('only GET requests and the token request leave, at most one request per check', async () => {
		const run = await runCheckSetup(sandbox, name);

		const methods = new Set(apiCalls().map((entry) => entry.method));
		expect([...methods]).toEqual(['GET']);
		for (const entry of sandbox.server.log.filter((logged) => logged.method !== 'GET')) {
			expect(TOKEN_REQUESTS.some((token) => token.service === entry.service && token.path.test(entry.path))).toBe(true);
		}
		expect(apiCalls().length).toBeLessThanOrEqual(run.checks.length);
		// A write is listed, never sent.
		const writes = run.checks.filter((check) => /\(a write\)/.test(check.check));
		for (const write of writes) {
			expect(write.result).toBe('not checked');
			expect(write.method).not.toBe('GET');
		}
	});

	test('lists are asked for one entry, and the whole run takes well under 10 seconds', async () => {
		const started = Date.now();
		await runCheckSetup(sandbox, name);

		expect(Date.now() - started).toBeLessThan(10_000);
		for (const entry of apiCalls()) {
			const size = entry.query.Take ?? entry.query.take ?? entry.query.limit;
			if (size !== undefined) expect(size).toEqual(['1']);
		}
	});
});

describe('Check Setup: gentle and clear', () => {
	test('no more than four requests are in flight at once, even when the service is slow', async () => {
		sandbox.server.latencyMs = 150;

		const run = await runCheckSetup(sandbox, 'infinigate');

		expect(run.error).toBeUndefined();
		const peak = sandbox.server.peakInFlight('infinigate');
		expect(peak).toBeLessThanOrEqual(4);
		expect(peak).toBeGreaterThan(1);
	});

	test.each(NODE_NAMES)('a refused credential of %s gives one clear item and stops the other checks', async (name) => {
		const wrongKeys: Record<NodeName, Record<string, string>> = {
			cegidLoop: { applicationSecret: 'not-the-secret' },
			infinigate: { clientSecret: 'not-the-secret' },
			eqhub: { clientSecret: 'not-the-secret' },
			virtualInventory: { clientSecret: 'not-the-secret' },
			loop: { clientSecret: 'not-the-secret' },
		};

		const run = await runCheckSetup(sandbox, name, { credentials: wrongKeys[name] });

		expect(run.error).toBeUndefined();
		expect(run.checks).toHaveLength(1);
		expect(run.checks[0].result).toBe('refused: credentials');
		expect(run.checks[0].field).toMatch(/^Credential → /);
		expect(JSON.stringify(run.checks)).not.toContain('not-the-secret');
		// Nothing but the refused call (and a token request or two) was sent.
		expect(apiCalls().length).toBeLessThanOrEqual(1);
	});

	test('several input items still run the checks once, every item paired with the first input', async () => {
		const run = await runCheckSetup(sandbox, 'loop', { items: [{ a: 1 }, { a: 2 }, { a: 3 }] });

		expect(run.error).toBeUndefined();
		expect(apiCalls().filter((entry) => entry.path === '/sales')).toHaveLength(1);
		expect(run.outputs[0].map((item) => item.pairedItem)).toEqual(run.checks.map(() => ({ item: 0 })));
	});
});

describe('Check Setup: answer shapes, never data', () => {
	const PLANTED = {
		secret: 'sk_live_PLANTED-7f3a9c1e',
		email: 'jane.planted@example.org',
		person: 'Janet Plantedottir',
		phone: '+47 987 65 432',
	};

	/** What n8n's execution engine logs (through LoggerProxy), every level, messages and metadata. */
	const n8nLog: string[] = [];

	// Set before every test: n8n-core sets its own logger when a run starts.
	beforeEach(() => {
		n8nLog.length = 0;
		const capture = (message: string, meta?: object) => {
			n8nLog.push(JSON.stringify([message, meta ?? {}]));
		};
		const logger = { error: capture, warn: capture, info: capture, debug: capture, scoped: () => logger };
		LoggerProxy.init(logger as unknown as Logger);
	});

	/** The items and the n8n log of the run, as one text to search. */
	function outputOf(checks: CheckItem[]): string {
		expect(n8nLog.length).toBeGreaterThan(0);
		return [JSON.stringify(checks), ...n8nLog].join('\n');
	}

	function expectNoneOf(text: string, values: string[]): void {
		for (const value of values) expect(text).not.toContain(value);
	}

	test('Loop: the values, names, e-mails and IDs of a sale never appear, only its field paths and types', async () => {
		const sale = sandbox.state.loop.sales[0];
		sale.id = `sale-${PLANTED.secret}`;
		sale.objectInformation.description = `${PLANTED.person}, ${PLANTED.phone}`;
		sale.saleInformation.contactEmail = PLANTED.email;
		// A map keyed by personal data: the key itself must not appear.
		(sale as unknown as Record<string, unknown>).watchers = { [PLANTED.email]: { note: PLANTED.secret } };

		const run = await runCheckSetup(sandbox, 'loop');

		const text = outputOf(run.checks);
		expectNoneOf(text, Object.values(PLANTED));
		expectNoneOf(text, [sale.createdAt, sale.status]);
		const shape = run.checks[0].answerShape!;
		expect(shape['data']).toBe('list of 1');
		expect(shape['data[].objectInformation.description']).toBe('string');
		expect(shape['data[].saleInformation.contactEmail']).toBe('string');
		expect(shape['data[].watchers.*.note']).toBe('string');
		// The one sale Check Setup read is named by its placeholder, not its ID.
		expect(run.checks.find((check) => check.check === 'Sale address')!.address).toMatch(/\/sales\/\{saleId\}$/);
	});

	test('Infinigate: product, invoice and quote values never appear, nor the IDs of the documents read', async () => {
		const state = sandbox.state.infinigate;
		state.products = state.products.map((entry) => ({
			...entry,
			product: { ...entry.product, descriptionFullText: `switch ${PLANTED.person}`, vendorName: PLANTED.secret },
		}));
		for (const document of [...state.invoices, ...state.quotes]) {
			document.header.buyerReference = PLANTED.email;
			document.header.salesContact = { name: PLANTED.person, phone: PLANTED.phone };
		}
		const guids = [...state.invoices, ...state.quotes].map((document) => String(document.header.documentGuid));
		const numbers = [...state.invoices, ...state.quotes].map((document) => String(document.header.documentNumber));

		const run = await runCheckSetup(sandbox, 'infinigate');

		expect(run.checks.filter((check) => check.result === 'works').length).toBeGreaterThan(5);
		const text = outputOf(run.checks);
		expectNoneOf(text, Object.values(PLANTED));
		expectNoneOf(text, [...guids, ...numbers]);
		expectNoneOf(text, Object.values(sandbox.credentials.infinigateApi).filter((value) => String(value).length > 6).map(String).filter((value) => !value.startsWith('http')));
	});

	test('Cegid Loop: the staff member in the answer is described, not named', async () => {
		const run = await runCheckSetup(sandbox, 'cegidLoop');

		const text = outputOf(run.checks);
		// Every text value of the sandbox's staff (INVENTED in the sandbox).
		const staffValues = staffRecords().flatMap((record) => Object.values(record)).filter((value) => typeof value === 'string');
		expect(staffValues.length).toBeGreaterThan(3);
		expectNoneOf(text, staffValues as string[]);
		expect(run.checks[0].answerShape).toMatchObject({ $: 'object', data: 'list of 1', 'data[].objectId': 'string' });
	});

	test('no key, secret or token of any credential appears in any Check Setup output', async () => {
		const texts: string[] = [];
		for (const name of NODE_NAMES) texts.push(outputOf((await runCheckSetup(sandbox, name)).checks));
		const secrets = Object.values(sandbox.credentials)
			.flatMap((credential) => Object.entries(credential))
			.filter(([field]) => /secret|key|password/i.test(field))
			.map(([, value]) => String(value));
		expect(secrets.length).toBeGreaterThan(3);
		expectNoneOf(texts.join('\n'), secrets);
	});
});

describe('Check Setup: a service that gives no usable answer', () => {
	test('a token endpoint that answers a maintenance page is not taken for refused keys, and stops the checks', async () => {
		sandbox.faults.set('loop', { every: 1, faults: { kind: 'html' } });

		const run = await runCheckSetup(sandbox, 'loop');

		expect(run.error).toBeUndefined();
		expect(results(run.checks)).toEqual(['Credential and sales list: not checked']);
		expect(run.checks[0].suggestion).toMatch(/^No token: .*without an access token/);
	});
});

describe('Check Setup: how an answer is read', () => {
	test('a 403 is refused: permissions on that check alone; the others still run', async () => {
		sandbox.server.addFault({
			service: 'infinigate',
			method: 'GET',
			path: '^/order-management/v2/purchasequote$',
			kind: 'status',
			status: 403,
			body: { statusCode: 403, message: 'Forbidden' },
			times: 1,
		});

		const run = await runCheckSetup(sandbox, 'infinigate');

		expect(run.checks.find((check) => check.check === 'Quotes address')).toMatchObject({ result: 'refused: permissions', status: 403 });
		expect(run.checks.find((check) => check.check === 'Purchase invoice list')!.result).toBe('works');
	});

	test("a 404 in the service's own words where a list was expected is a wrong address, never an empty list", async () => {
		sandbox.server.addFault({
			service: 'infinigate',
			method: 'GET',
			path: '^/invoice-management/v2/purchaseinvoice$',
			kind: 'status',
			status: 404,
			body: { type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4', title: 'Not Found', status: 404 },
			times: 1,
		});

		const run = await runCheckSetup(sandbox, 'infinigate');

		expect(run.checks.find((check) => check.check === 'Purchase invoice list')).toMatchObject({
			result: 'wrong address',
			status: 404,
			field: 'Options → API Version',
		});
		expect(run.checks.find((check) => check.check === 'Invoice date field')!.result).toBe('not checked');
	});

	test('an answer the node would not read is an unexpected answer, with its shape', async () => {
		sandbox.server.addFault({
			service: 'infinigate',
			method: 'GET',
			path: '^/product-management/v1/pricelist/search/count/',
			kind: 'status',
			status: 200,
			body: { matches: { total: 12 } },
			times: 1,
		});

		const run = await runCheckSetup(sandbox, 'infinigate');

		expect(run.checks[0]).toMatchObject({
			check: 'Credential and price-list count',
			result: 'unexpected answer',
			answerShape: { $: 'object', matches: 'object', 'matches.total': 'number' },
		});
		// Not a refusal: the other checks ran.
		expect(run.checks.length).toBeGreaterThan(1);
	});
});
