/**
 * Accounting entries (Cegid Developers, "Ecriture Comptable"): a filter on codeLettrage or
 * ecritureOrigine is required, journalCode, refPiece, datePiece (== or >=) and compteNumero narrow it
 * down, and Loop answers at most 100 entries per request.
 */
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { runCegid } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.server.reset());

const folder = { __rl: true, mode: 'id', value: 'MANON001' };

/** Lettering codes and origin entry of the sandbox's folder MANON001. */
const SMALL_PACKAGE = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const LARGE_PACKAGE = '5f0c1e9a-2b7d-4c3e-9a1f-6d2e8b4c7a10';
const ORIGIN = '0d07ade2-c4fa-4892-90bd-2dbd50d1c6b7';

function entryReads() {
	return sandbox.server.requests({ service: 'cegidLoop', method: 'GET', path: /^\/EcritureComptable$/i });
}

describe('Cegid Loop: accounting entries', () => {
	test('the entries of a lettering package are read with codeLettrage=="…"', async () => {
		const run = await runCegid(sandbox, {
			resource: 'accountingEntry',
			operation: 'getMany',
			codeDossier: folder,
			findBy: 'letteringPackage',
			codeLettrage: SMALL_PACKAGE,
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json.map((entry) => entry.refPiece)).toEqual(['FA-2026-001 "Zoé"', 'REG\\2026\\001']);
		expect(entryReads()[0].query).toMatchObject({ codeDossier: ['MANON001'], filter: [`codeLettrage=="${SMALL_PACKAGE}"`] });
	});

	test('Return All reads a package of 130 lines in pages of at most 100', async () => {
		const run = await runCegid(sandbox, {
			resource: 'accountingEntry',
			operation: 'getMany',
			codeDossier: folder,
			findBy: 'letteringPackage',
			codeLettrage: LARGE_PACKAGE,
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(130);
		expect(new Set(run.json.map((entry) => entry.objectId)).size).toBe(130);
		expect(entryReads().map((entry) => [entry.query.skip?.[0], entry.query.take?.[0]])).toEqual([
			['0', '100'],
			['100', '100'],
			['130', '100'],
		]);
	});

	test('the origin entry of a document sent to the robot is read with ecritureOrigine=="…"', async () => {
		const run = await runCegid(sandbox, {
			resource: 'accountingEntry',
			operation: 'getMany',
			codeDossier: folder,
			findBy: 'originEntry',
			ecritureOrigine: ORIGIN,
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([expect.objectContaining({ ecritureOrigine: ORIGIN, refPiece: 'Facture Électricité', compteNumero: '401000' })]);
	});

	test('unlettered entries are codeLettrage==null, narrowed down by journal and date from', async () => {
		const run = await runCegid(sandbox, {
			resource: 'accountingEntry',
			operation: 'getMany',
			codeDossier: folder,
			findBy: 'unlettered',
			criteria: { journalCode: 'VT', datePieceFrom: '2026-03-11' },
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json.map((entry) => entry.refPiece)).toEqual(['FA-2026-002']);
		expect(entryReads()[0].query.filter).toEqual(['codeLettrage==null && journalCode=="VT" && datePiece>="2026-03-11"']);
	});

	test('lettered entries of one account and reference with quotes and backslashes', async () => {
		const run = await runCegid(sandbox, {
			resource: 'accountingEntry',
			operation: 'getMany',
			codeDossier: folder,
			findBy: 'lettered',
			criteria: { compteNumero: '411000', refPiece: 'REG\\2026\\001' },
			returnAll: true,
		});

		expect(run.error).toBeUndefined();
		expect(run.json.map((entry) => entry.journalCode)).toEqual(['BQ']);
		expect(entryReads()[0].query.filter).toEqual(['codeLettrage!=null && refPiece=="REG\\\\2026\\\\001" && compteNumero=="411000"']);
	});

	test('sorted by date descending, limited, with only the fields asked for', async () => {
		const run = await runCegid(sandbox, {
			resource: 'accountingEntry',
			operation: 'getMany',
			codeDossier: folder,
			findBy: 'letteringPackage',
			codeLettrage: LARGE_PACKAGE,
			returnAll: false,
			limit: 3,
			sort: { fields: [{ field: 'datePiece', direction: 'desc' }, { field: 'refPiece', direction: 'asc' }] },
			options: { select: ['refPiece', 'datePiece'] },
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{ refPiece: 'LOT-083', datePiece: '2026-02-28' },
			{ refPiece: 'LOT-111', datePiece: '2026-02-28' },
			{ refPiece: 'LOT-082', datePiece: '2026-02-27' },
		]);
	});

	test('a lettering package without its code fails on the item before any request', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'accountingEntry', operation: 'getMany', codeDossier: folder, findBy: 'letteringPackage', codeLettrage: '  ', returnAll: true },
			{ continueOnFail: true },
		);

		expect(run.json[0].error).toBe('Lettering Code must not be empty [item 0]');
		expect(entryReads()).toHaveLength(0);
	});

	test('a date that is not YYYY-MM-DD fails on the item', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'accountingEntry', operation: 'getMany', codeDossier: folder, findBy: 'unlettered', criteria: { datePiece: '31/03/2026' }, returnAll: true },
			{ continueOnFail: true },
		);

		expect(run.json[0].error).toBe('Narrow Down → Date must be a date YYYY-MM-DD; got "31/03/2026" [item 0]');
	});
});

describe('Cegid Loop sandbox: the data reads refuse what Cegid refuses', () => {
	async function get(path: string): Promise<{ status: number; body: { message?: string; data?: unknown[] } }> {
		const credentials = sandbox.credentials.cegidLoopApi;
		const response = await fetch(`${String(credentials.baseUrl)}${path}`, {
			headers: {
				'Ocp-Apim-Subscription-Key': String(credentials.subscriptionApiKey),
				'x-apikey': `${String(credentials.applicationKey)}:${String(credentials.applicationSecret)}`,
			},
		});
		return { status: response.status, body: (await response.json()) as { message?: string; data?: unknown[] } };
	}

	test('a read without codeDossier', async () => {
		expect(await get('/collaborateurCabinet')).toEqual({ status: 400, body: { message: 'Le paramètre codeDossier est obligatoire' } });
	});

	test('accounting entries without a filter on codeLettrage or ecritureOrigine', async () => {
		const refused = { status: 400, body: { message: 'Un filtre sur codeLettrage ou ecritureOrigine est obligatoire' } };
		expect(await get('/EcritureComptable?codeDossier=MANON001')).toEqual(refused);
		expect(await get(`/EcritureComptable?codeDossier=MANON001&filter=${encodeURIComponent('journalCode=="VT"')}`)).toEqual(refused);
	});

	test('an unknown field in select', async () => {
		expect(await get('/tiersClient?codeDossier=MANON001&select=code,chiffreAffaires')).toEqual({
			status: 400,
			body: { message: "Le champ chiffreAffaires n'existe pas" },
		});
	});

	test('at most 100 entries per answer, whatever take asks', async () => {
		const filter = encodeURIComponent(`codeLettrage=="${LARGE_PACKAGE}"`);
		const answer = await get(`/EcritureComptable?codeDossier=MANON001&filter=${filter}&take=500`);
		expect(answer.status).toBe(200);
		expect(answer.body.data).toHaveLength(100);
	});

	test('the pages\' example filter reads as written, with spaces and quotes', async () => {
		const answer = await get(`/collaborateurCabinet?codeDossier=cabinet&filter=${encodeURIComponent('identifiant == "Collaborateur_100"')}`);
		expect(answer.body.data).toEqual([expect.objectContaining({ identifiant: 'Collaborateur_100' })]);
	});
});
