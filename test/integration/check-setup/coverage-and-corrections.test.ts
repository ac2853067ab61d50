/**
 * Check Setup covers every guess, and it tries what the user corrected: a wrong address set in the
 * API Overrides is reported as a wrong address naming that field, and the right one as working.
 * One test shows a workflow saved with version 1.1, whose corrections are in Options.
 */
import * as cegidLoopChecks from '../../../nodes/CegidLoop/checks';
import * as cegidLoopGuesses from '../../../nodes/CegidLoop/guesses';
import * as eqhubChecks from '../../../nodes/Collabor8EqHub/checks';
import * as eqhubGuesses from '../../../nodes/Collabor8EqHub/guesses';
import * as loopChecks from '../../../nodes/Collabor8Loop/checks';
import * as loopGuesses from '../../../nodes/Collabor8Loop/guesses';
import * as virtualInventoryChecks from '../../../nodes/Collabor8VirtualInventory/checks';
import * as virtualInventoryGuesses from '../../../nodes/Collabor8VirtualInventory/guesses';
import * as infinigateChecks from '../../../nodes/Infinigate/checks';
import * as infinigateGuesses from '../../../nodes/Infinigate/guesses';
import type { Sandbox } from '../../../sandbox';
import { startSandbox } from '../../../sandbox';
import { DISAGREEING as CEGID } from '../../../sandbox/cegid-loop/inventions';
import { DISAGREEING as EQHUB } from '../../../sandbox/collabor8/eqhub/inventions';
import { DISAGREEING as LOOP } from '../../../sandbox/collabor8/loop/inventions';
import { DISAGREEING as VI, READING as VI_READING } from '../../../sandbox/collabor8/virtual-inventory/inventions';
import { DISAGREEING as INFINIGATE } from '../../../sandbox/infinigate/inventions';
import type { CheckItem, NodeName } from './helpers';
import { results, runCheckSetup } from './helpers';

const MODULES: Record<NodeName, { guesses: object; checks: ReadonlyArray<{ name: string; covers: readonly string[] }> }> = {
	cegidLoop: { guesses: cegidLoopGuesses, checks: cegidLoopChecks.checks },
	infinigate: { guesses: infinigateGuesses, checks: infinigateChecks.checks },
	eqhub: { guesses: eqhubGuesses, checks: eqhubChecks.checks },
	virtualInventory: { guesses: virtualInventoryGuesses, checks: virtualInventoryChecks.checks },
	loop: { guesses: loopGuesses, checks: loopChecks.checks },
};

describe.each(Object.keys(MODULES) as NodeName[])('Check Setup of %s covers every guess', (name) => {
	const { guesses, checks } = MODULES[name];
	const exported = Object.keys(guesses).sort();

	test('every exported guess has a check that sends a GET for it, or says why it cannot', () => {
		const covered = new Set(checks.flatMap((check) => check.covers));
		expect(exported.filter((guess) => !covered.has(guess))).toEqual([]);
	});

	test('no check claims a guess that guesses.ts does not export', () => {
		const claimed = [...new Set(checks.flatMap((check) => check.covers))];
		expect(claimed.filter((guess) => !exported.includes(guess))).toEqual([]);
	});

	test('every guess appears in the output, as a check or as not checked with its reason', async () => {
		const sandbox = await startSandbox();
		try {
			const run = await runCheckSetup(sandbox, name);
			expect(run.checks.map((check) => check.check)).toEqual(checks.map((check) => check.name));
			for (const check of run.checks.filter((item) => item.result === 'not checked')) {
				expect(check.suggestion).toMatch(/^Not checked|^No /);
			}
		} finally {
			await sandbox.close();
		}
	});
});

describe('Check Setup tries the addresses the user set', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});

	afterAll(async () => await sandbox.close());

	beforeEach(() => sandbox.server.reset());

	test('Infinigate: a Quotes Address the gateway does not know is a wrong address naming the override; the right one works', async () => {
		const wrong = await runCheckSetup(sandbox, 'infinigate', { apiOverrides: { quotesLocation: '/invoice-management/v2/purchasequote' } });

		const quotes = wrong.checks.find((check) => check.check === 'Quotes address')!;
		expect(quotes).toMatchObject({ result: 'wrong address', status: 404, field: 'API Overrides → Quotes Address' });
		expect(quotes.address).toMatch(/\/invoice-management\/v2\/purchasequote\?Take=1$/);
		// The gateway's own 404, described by its shape.
		expect(quotes.answerShape).toEqual({ $: 'object', statusCode: 'number', message: 'string' });
		expect(wrong.checks.find((check) => check.check === 'Quote by ID')!.result).toBe('not checked');

		sandbox.server.reset();
		const right = await runCheckSetup(sandbox, 'infinigate', { apiOverrides: { quotesLocation: '/order-management/v2/purchasequote' } });
		expect(right.checks.find((check) => check.check === 'Quotes address')!.result).toBe('works');
	});

	test('Loop: a Sale Address and Total Fields that do not fit are reported with the fields that correct them', async () => {
		const run = await runCheckSetup(sandbox, 'loop', { apiOverrides: { saleEndpoint: '/sale/{saleId}', totalFields: 'totalSales' } });

		expect(results(run.checks.filter((check) => check.field?.startsWith('API Overrides → ') && check.result !== 'not checked'))).toEqual([
			'Total fields: unexpected answer',
			'Sale address: wrong address',
		]);
		expect(run.checks.find((check) => check.check === 'Sale address')!.field).toBe('API Overrides → Sale Address');
		expect(run.checks.find((check) => check.check === 'Total fields')!.suggestion).toContain('totalSales');
	});

	test('EqHub: a Product Details Address the gateway does not know is a wrong address', async () => {
		const run = await runCheckSetup(sandbox, 'eqhub', { apiOverrides: { productDetailsEndpoint: '/products/{eqhubProductId}' } });

		expect(run.checks.find((check) => check.check === 'Product details address')).toMatchObject({
			result: 'wrong address',
			field: 'API Overrides → Product Details Address',
		});
	});

	test('Virtual Inventory: a wrong API Path in the credential is a wrong address of the credential field', async () => {
		// The sandbox credential is Custom, whose Base URL holds the API path.
		const run = await runCheckSetup(sandbox, 'virtualInventory', { credentials: { baseUrl: `${sandbox.url}/collabor8/vi-api` } });

		expect(run.checks[0]).toMatchObject({
			result: 'wrong address',
			status: 404,
			field: 'Credential → Override API Addresses → API Path (Base URL for Custom)',
		});
		// The token was granted: the other checks still ran.
		expect(run.checks).toHaveLength(2);
	});

	test('Cegid Loop: with LoopHub Method GET, the folder list is asked by GET with the key hidden in the reported address', async () => {
		const run = await runCheckSetup(sandbox, 'cegidLoop', { credentials: { overrideApiAddresses: true, loopHubMethod: 'GET', domain: 'TESTRDDCABINET' } });

		const loopHub = run.checks.find((check) => check.check === 'LoopHub folder list')!;
		expect(loopHub.method).toBe('GET');
		expect(loopHub.address).toMatch(/\/loophub\/getFolders\?apiKey=%E2%80%A6&domain=TESTRDDCABINET$/);
		// The sandbox reads the guide's POST: a GET there is not served.
		expect(loopHub.result).not.toBe('works');
	});
});

/**
 * Against a sandbox that reads every guess differently (its DISAGREEING inventions,
 * sandbox/<service>/inventions.ts): Check Setup reports each differing guess a GET can observe as
 * "wrong address" or "unexpected answer", naming the field that corrects it; once the test sets
 * that field to the sandbox's reading, a second run reports "works". What only a write can show
 * stays "not checked".
 */
describe('Check Setup against a disagreeing sandbox (inventions)', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ inventions: 'disagree' });
	});

	afterAll(async () => await sandbox.close());

	beforeEach(() => sandbox.server.reset());

	const find = (run: { checks: CheckItem[] }, name: string): CheckItem => {
		const check = run.checks.find((item) => item.check === name);
		if (!check) throw new Error(`No check "${name}" in ${results(run.checks).join('; ')}`);
		return check;
	};

	/** Every check of a run is "works" or "not checked": nothing left for the user to correct. */
	const allSettled = (run: { checks: CheckItem[] }) =>
		expect(results(run.checks.filter((check) => check.result !== 'works' && check.result !== 'not checked'))).toEqual([]);

	test('Cegid Loop: the LoopHub folder list is not checked while asked by POST; by GET at the guessed address it is a wrong address of the credential; at the sandbox\'s address it works', async () => {
		const guessed = await runCheckSetup(sandbox, 'cegidLoop');
		expect(find(guessed, 'Credential and staff list').result).toBe('works');
		expect(find(guessed, 'LoopHub folder list')).toMatchObject({
			result: 'not checked',
			method: 'POST',
			field: 'Credential → Override API Addresses → LoopHub Address, LoopHub Method',
		});
		expect(find(guessed, 'Remove an offer for one contact (a write)')).toMatchObject({
			result: 'not checked',
			field: 'API Overrides → Contact Removal Address, Contact Email Key',
		});
		allSettled(guessed);

		sandbox.server.reset();
		const methodOnly = await runCheckSetup(sandbox, 'cegidLoop', {
			credentials: { overrideApiAddresses: true, loopHubMethod: CEGID.loopHubMethod, domain: 'TESTRDDCABINET' },
		});
		expect(find(methodOnly, 'LoopHub folder list')).toMatchObject({
			result: 'wrong address',
			status: 404,
			method: 'GET',
			field: 'Credential → Override API Addresses → LoopHub Address, LoopHub Method',
		});
		expect(find(methodOnly, 'LoopHub folder list').suggestion).toMatch(/^Switch on Override API Addresses in the credential and set LoopHub Address and LoopHub Method/);

		sandbox.server.reset();
		const corrected = await runCheckSetup(sandbox, 'cegidLoop', {
			credentials: { overrideApiAddresses: true, loopHubMethod: CEGID.loopHubMethod, loopHubPath: CEGID.loopHubPath, domain: 'TESTRDDCABINET' },
		});
		expect(find(corrected, 'LoopHub folder list')).toMatchObject({ result: 'works', method: 'GET' });
		expect(find(corrected, 'LoopHub folder list').address).toContain('/loopHub/dossiersCleApplication?');
		expect(find(corrected, 'Remove an offer for one contact (a write)').result).toBe('not checked');
		allSettled(corrected);
	});

	test('Infinigate: v1-only documents and quotes elsewhere are wrong addresses naming Options → API Version and API Overrides → Quotes Address; once set, the lists, the date field and the quote by ID work', async () => {
		const guessed = await runCheckSetup(sandbox, 'infinigate');
		expect(find(guessed, 'Credential and price-list count').result).toBe('works');
		for (const name of ['Purchase invoice list', 'Purchase credit memo list']) {
			expect(find(guessed, name)).toMatchObject({ result: 'wrong address', status: 404, field: 'Options → API Version' });
		}
		expect(find(guessed, 'Quotes address')).toMatchObject({ result: 'wrong address', status: 404, field: 'API Overrides → Quotes Address' });
		expect(find(guessed, 'Quotes address').suggestion).toContain(INFINIGATE.quotesPath);
		// The lists gave no answer: the checks that read them say so, rather than "no quote in the list".
		expect(find(guessed, 'Quote by ID')).toMatchObject({ result: 'not checked', status: null });
		expect(find(guessed, 'Quote by ID').suggestion).toBe('Not checked: it needs the answer of "Quotes address", which gave none (see that check).');
		expect(find(guessed, 'Invoice date field').suggestion).toBe(
			'Not checked: it needs the answer of "Purchase invoice list", which gave none (see that check).',
		);
		// What only a write or a large request shows: the quote request's address, the size limits.
		expect(find(guessed, 'Request a quote (a write)')).toMatchObject({ result: 'not checked', field: 'API Overrides → Quote Request Address' });
		for (const name of ['Price-list page size', 'Document page size', 'SKUs per look-up']) {
			expect(find(guessed, name).result).toBe('not checked');
		}

		sandbox.server.reset();
		const corrected = await runCheckSetup(sandbox, 'infinigate', { options: { apiVersion: 'v1' }, apiOverrides: { quotesLocation: INFINIGATE.quotesPath } });
		expect(results(corrected.checks.filter((check) => check.result === 'works'))).toEqual(
			expect.arrayContaining([
				'Purchase invoice list: works',
				'Purchase credit memo list: works',
				'Invoice date field: works',
				'Quotes address: works',
				'Quote by ID: works',
			]),
		);
		expect(find(corrected, 'Purchase invoice list').address).toContain('/invoice-management/v1/purchaseinvoice?');
		expect(find(corrected, 'Quote by ID').address).toContain('/invoice-management/v2/purchasequote/');
		expect(find(corrected, 'Request a quote (a write)').result).toBe('not checked');
		// The write is not sent, but the address it names follows the Quotes Address the user set.
		expect(find(corrected, 'Accept or reject a quote (a write)')).toMatchObject({ result: 'not checked', method: 'POST' });
		expect(find(corrected, 'Accept or reject a quote (a write)').address).toMatch(/\/invoice-management\/v2\/purchasequote\/acceptance$/);
		allSettled(corrected);
	});

	test('EqHub: an invented product-details address is a wrong address naming API Overrides → Product Details Address; once set, it works', async () => {
		const guessed = await runCheckSetup(sandbox, 'eqhub');
		expect(find(guessed, 'Product details address')).toMatchObject({ result: 'wrong address', status: 404, field: 'API Overrides → Product Details Address' });

		sandbox.server.reset();
		const corrected = await runCheckSetup(sandbox, 'eqhub', { apiOverrides: { productDetailsEndpoint: EQHUB.productDetailsPath } });
		expect(find(corrected, 'Product details address').result).toBe('works');
		expect(find(corrected, 'Product details address').address).toMatch(/\/products\/[^/]+\/details$/);
		allSettled(corrected);
	});

	test('Virtual Inventory: an invented API path is a wrong address of the credential\'s API Path; once set, it works; the upload stays not checked', async () => {
		const guessed = await runCheckSetup(sandbox, 'virtualInventory');
		expect(find(guessed, 'Credential, API Path and import status')).toMatchObject({
			result: 'wrong address',
			status: 404,
			field: 'Credential → Override API Addresses → API Path (Base URL for Custom)',
		});
		expect(find(guessed, 'Upload import file (a write)').result).toBe('not checked');

		sandbox.server.reset();
		// The sandbox credential is Custom, whose Base URL holds the API path.
		const baseUrl = String(sandbox.credentials.collabor8VirtualInventoryApi.baseUrl).replace(VI_READING.apiPath, VI.apiPath);
		const corrected = await runCheckSetup(sandbox, 'virtualInventory', { credentials: { baseUrl } });
		expect(find(corrected, 'Credential, API Path and import status')).toMatchObject({ result: 'works', status: 200 });
		expect(find(corrected, 'Upload import file (a write)')).toMatchObject({
			result: 'not checked',
			field: 'API Overrides → Step by Step Mode Value, No Feedback Mode Value, Upload Field Name, File Type If Unknown',
		});
		allSettled(corrected);
	});

	test('Loop 1.2: the checks name API Overrides, and the overrides set there work', async () => {
		const guessed = await runCheckSetup(sandbox, 'loop', { typeVersion: 1.2 });
		expect(find(guessed, 'Sale address')).toMatchObject({ result: 'wrong address', field: 'API Overrides → Sale Address' });
		expect(find(guessed, 'Total fields')).toMatchObject({ result: 'unexpected answer', field: 'API Overrides → Total Fields' });

		sandbox.server.reset();
		const corrected = await runCheckSetup(sandbox, 'loop', { typeVersion: 1.2, apiOverrides: { saleEndpoint: LOOP.salePath, totalFields: LOOP.totalField } });
		expect(find(corrected, 'Sale address').result).toBe('works');
		expect(find(corrected, 'Total fields').result).toBe('works');
	});

	test('Loop 1.1 (a saved workflow): an invented sale address and total field are "wrong address" and "unexpected answer" naming their Options; once set, both work; the writes stay not checked', async () => {
		const guessed = await runCheckSetup(sandbox, 'loop', { typeVersion: 1.1 });
		expect(find(guessed, 'Sale address')).toMatchObject({ result: 'wrong address', status: 404, field: 'Options → Sale Address' });
		expect(find(guessed, 'Total fields')).toMatchObject({ result: 'unexpected answer', status: 200, field: 'Options → Total Fields' });
		for (const name of ['Update sale status (a write)', 'Create item (a write)', 'Page size']) {
			expect(find(guessed, name).result).toBe('not checked');
		}
		// The sandbox's invented statuses show only in a status update: the one sale read claims no more than its own.
		expect(find(guessed, 'Sale status values').suggestion).toContain('show only when it is sent');

		sandbox.server.reset();
		const corrected = await runCheckSetup(sandbox, 'loop', { typeVersion: 1.1, options: { saleEndpoint: LOOP.salePath, totalFields: LOOP.totalField } });
		expect(find(corrected, 'Sale address').result).toBe('works');
		expect(find(corrected, 'Sale address').address).toMatch(/\/sales\/[^/]+\/details$/);
		expect(find(corrected, 'Total fields').result).toBe('works');
		expect(find(corrected, 'Update sale status (a write)')).toMatchObject({
			result: 'not checked',
			field: 'Options → Status Address, Status Method, Status Body Field',
		});
		allSettled(corrected);
	});
});
