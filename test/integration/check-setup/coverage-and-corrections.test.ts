/**
 * Check Setup covers every guess, and it tries what the user corrected: a wrong address set in the
 * Options is reported as a wrong address naming that field, and the right one as working.
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
import type { NodeName } from './helpers';
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

	test('Infinigate: a Quotes Address the gateway does not know is a wrong address naming the option; the right one works', async () => {
		const wrong = await runCheckSetup(sandbox, 'infinigate', { options: { quotesLocation: '/invoice-management/v2/purchasequote' } });

		const quotes = wrong.checks.find((check) => check.check === 'Quotes address')!;
		expect(quotes).toMatchObject({ result: 'wrong address', status: 404, field: 'Options → Quotes Address' });
		expect(quotes.address).toMatch(/\/invoice-management\/v2\/purchasequote\?Take=1$/);
		// The gateway's own 404, described by its shape.
		expect(quotes.answerShape).toEqual({ $: 'object', statusCode: 'number', message: 'string' });
		expect(wrong.checks.find((check) => check.check === 'Quote by ID')!.result).toBe('not checked');

		sandbox.server.reset();
		const right = await runCheckSetup(sandbox, 'infinigate', { options: { quotesLocation: '/order-management/v2/purchasequote' } });
		expect(right.checks.find((check) => check.check === 'Quotes address')!.result).toBe('works');
	});

	test('Loop: a Sale Address and Total Fields that do not fit are reported with the fields that correct them', async () => {
		const run = await runCheckSetup(sandbox, 'loop', { options: { saleEndpoint: '/sale/{saleId}', totalFields: 'totalSales' } });

		expect(results(run.checks.filter((check) => check.field?.startsWith('Options → ') && check.result !== 'not checked'))).toEqual([
			'Total fields: unexpected answer',
			'Sale address: wrong address',
		]);
		expect(run.checks.find((check) => check.check === 'Sale address')!.field).toBe('Options → Sale Address');
		expect(run.checks.find((check) => check.check === 'Total fields')!.suggestion).toContain('totalSales');
	});

	test('EqHub: a Product Details Address the gateway does not know is a wrong address', async () => {
		const run = await runCheckSetup(sandbox, 'eqhub', { options: { productDetailsEndpoint: '/products/{eqhubProductId}' } });

		expect(run.checks.find((check) => check.check === 'Product details address')).toMatchObject({
			result: 'wrong address',
			field: 'Options → Product Details Address',
		});
	});

	test('Virtual Inventory: a wrong API Path in the credential is a wrong address of the credential field', async () => {
		// The sandbox credential is Custom, whose Base URL holds the API path.
		const run = await runCheckSetup(sandbox, 'virtualInventory', { credentials: { baseUrl: `${sandbox.url}/collabor8/vi-api` } });

		expect(run.checks[0]).toMatchObject({ result: 'wrong address', status: 404, field: 'Credential → API Path (Base URL for Custom)' });
		// The token was granted: the other checks still ran.
		expect(run.checks).toHaveLength(2);
	});

	test('Cegid Loop: with LoopHub Method GET, the folder list is asked by GET with the key hidden in the reported address', async () => {
		const run = await runCheckSetup(sandbox, 'cegidLoop', { credentials: { loopHubMethod: 'GET', domain: 'TESTRDDCABINET' } });

		const loopHub = run.checks.find((check) => check.check === 'LoopHub folder list')!;
		expect(loopHub.method).toBe('GET');
		expect(loopHub.address).toMatch(/\/loophub\/getFolders\?apiKey=%E2%80%A6&domain=TESTRDDCABINET$/);
		// The sandbox reads the guide's POST: a GET there is not served.
		expect(loopHub.result).not.toBe('works');
	});
});

/**
 * The sandbox's inventions (sandbox/<service>/inventions.ts, `startSandbox({ inventions: 'disagree' })`)
 * are being written for each service; once a service reads its keys, each node gets a test: with the
 * disagreeing preset, Check Setup reports each differing guess as "wrong address" or "unexpected
 * answer" with its field, and after the user sets the invented value, a second run reports "works".
 */
describe('Check Setup against a disagreeing sandbox (inventions)', () => {
	test.todo('Cegid Loop: LoopHub Address/Method (credential) and Contact Removal Address stay not checked; the staff list works');
	test.todo('Infinigate: an invented quotes location → "Quotes address: wrong address" (Options → Quotes Address), then works once set; an invented count or list shape → unexpected answer');
	test.todo('EqHub: an invented product-details path → "Product details address: wrong address" (Options → Product Details Address), then works once set');
	test.todo('Virtual Inventory: an invented API path → "Credential, API Path and import status: wrong address" (Credential → API Path), then works once set');
	test.todo('Loop: an invented sale path and total field → "Sale address: wrong address" and "Total fields: unexpected answer", then works once Options → Sale Address and Total Fields are set; an invented ID or created field → unexpected answer');
});
