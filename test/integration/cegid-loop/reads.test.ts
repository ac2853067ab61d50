/**
 * The data reads of Cegid's "Loop API management docs": every resource's Get Many against the
 * sandbox, Filters with awkward values, Sort, Fields to Return, Return All across pages, and Get by
 * objectId. Paths, parameters and field names are the pages' own, written here as literals.
 */
import type { IDataObject } from 'n8n-workflow';

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

function readsOf(path: string) {
	return sandbox.server.requests({ service: 'cegidLoop', method: 'GET', path: new RegExp(`^${path}$`, 'i') });
}

function queryOf(path: string, index = 0): Record<string, string> {
	const entry = readsOf(path)[index];
	return Object.fromEntries(Object.entries(entry.query).map(([name, values]) => [name, values[0]]));
}

describe('Cegid Loop data reads: every resource', () => {
	const cases: Array<[string, string, 'firm' | 'folder', string]> = [
		['staff', '/collaborateurCabinet', 'firm', 'identifiant'],
		['agency', '/AgenceCabinet', 'firm', 'libelle'],
		['workgroup', '/groupe', 'firm', 'agence'],
		['engagement', '/engagement', 'firm', 'codeIBS'],
		['analyticSection', '/section', 'folder', 'axe'],
		['establishment', '/etablissementComplet', 'folder', 'raisonsociale'],
		['ledgerAccount', '/compte', 'folder', 'lettrable'],
		['journal', '/journal', 'folder', 'type'],
		['customer', '/tiersClient', 'folder', 'raisonSociale'],
	];

	test.each(cases)('%s: Get Many reads GET %s with its codeDossier and returns records with objectId and revisionId', async (resource, path, level, field) => {
		const run = await runCegid(sandbox, {
			resource,
			operation: 'getMany',
			returnAll: false,
			limit: 2,
			...(level === 'folder' ? { codeDossier: folder } : {}),
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(2);
		for (const record of run.json) {
			expect(record.objectId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
			expect(record.revisionId).toEqual(expect.stringMatching(/^0x[0-9A-F]{16}$/));
			expect(record).toHaveProperty(field);
		}
		expect(queryOf(path)).toEqual({ codeDossier: level === 'firm' ? 'cabinet' : 'MANON001', skip: '0', take: '2' });
	});

	test('the firm reads need no folder: codeDossier is "cabinet" whatever the input', async () => {
		const run = await runCegid(sandbox, { resource: 'workgroup', operation: 'getMany', returnAll: true }, { items: [{ json: {} }, { json: {} }] });

		expect(run.error).toBeUndefined();
		expect(run.json.map((record) => record.code)).toEqual(['TPE', 'SOCIAL', 'AGRI', 'TPE', 'SOCIAL', 'AGRI']);
		expect(readsOf('/groupe').every((entry) => entry.query.codeDossier?.[0] === 'cabinet')).toBe(true);
	});

	test('a folder read of another item reads that item\'s folder', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'journal', operation: 'getMany', returnAll: true, codeDossier: { __rl: true, mode: 'id', value: '={{ $json.folder }}' } },
			{ items: [{ json: { folder: 'MANON001' } }, { json: { folder: 'CEGID003' } }] },
		);

		expect(run.error).toBeUndefined();
		// CEGID003 has no journals: its item yields nothing, MANON001's its five journals.
		expect(run.json.map((record) => record.code)).toEqual(['HA', 'OD', 'AN', 'BQ', 'VT']);
		expect(run.outputs[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});
});

describe('Cegid Loop data reads: Filters', () => {
	test('a value with double quotes and accents is quoted and escaped, and finds the customer', async () => {
		const run = await runCegid(sandbox, {
			resource: 'customer',
			operation: 'getMany',
			codeDossier: folder,
			returnAll: true,
			filters: { conditions: [{ field: 'raisonSociale', operator: 'equals', value: 'Boulangerie "Chez Zoé"' }] },
		});

		expect(run.error).toBeUndefined();
		expect(run.json.map((record) => record.code)).toEqual(['411ZOE']);
		expect(queryOf('/tiersClient').filter).toBe('raisonSociale=="Boulangerie \\"Chez Zoé\\""');
	});

	test('a backslash in a value is escaped, so that it stays a backslash', async () => {
		const run = await runCegid(sandbox, {
			resource: 'customer',
			operation: 'getMany',
			codeDossier: folder,
			returnAll: true,
			filters: { conditions: [{ field: 'raisonSociale', operator: 'equals', value: 'Atelier C:\\Déco' }] },
		});

		expect(run.error).toBeUndefined();
		expect(run.json.map((record) => record.code)).toEqual(['411DECO']);
		expect(queryOf('/tiersClient').filter).toBe('raisonSociale=="Atelier C:\\\\Déco"');
	});

	test('a staff member whose identifier holds a quote is found by it', async () => {
		const run = await runCegid(sandbox, {
			resource: 'staff',
			operation: 'getMany',
			returnAll: true,
			filters: { conditions: [{ field: 'identifiant', operator: 'equals', value: 'o"brien' }] },
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([expect.objectContaining({ identifiant: 'o"brien', prenom: 'Seán' })]);
	});

	test('a yes-no field is compared with true or false, not with the text "true"', async () => {
		const run = await runCegid(sandbox, {
			resource: 'ledgerAccount',
			operation: 'getMany',
			codeDossier: folder,
			returnAll: true,
			filters: { conditions: [{ field: 'lettrable', operator: 'equals', value: 'true' }] },
		});

		expect(run.error).toBeUndefined();
		expect(run.json.map((record) => record.numero)).toEqual(['401000', '411000']);
		expect(queryOf('/compte').filter).toBe('lettrable==true');
	});

	test('several conditions all hold, joined with &&, and Not Equals and Is Empty are written as Loop reads them', async () => {
		const run = await runCegid(sandbox, {
			resource: 'customer',
			operation: 'getMany',
			codeDossier: folder,
			returnAll: true,
			filters: {
				conditions: [
					{ field: 'actif', operator: 'equals', value: 'true' },
					{ field: 'code', operator: 'notEquals', value: '411DUPONT' },
					{ field: 'rib', operator: 'isNull' },
				],
			},
		});

		expect(run.error).toBeUndefined();
		expect(run.json.map((record) => record.code)).toEqual(['411ZOE', '411DECO']);
		expect(queryOf('/tiersClient').filter).toBe('actif==true && code!="411DUPONT" && rib==null');
	});

	test('a raw filter in Loop\'s own syntax is joined to the built conditions with &&', async () => {
		const run = await runCegid(sandbox, {
			resource: 'journal',
			operation: 'getMany',
			codeDossier: folder,
			returnAll: true,
			filters: { conditions: [{ field: 'type', operator: 'notEquals', value: '8' }] },
			options: { rawFilter: 'typeContrepartie==3' },
		});

		expect(run.error).toBeUndefined();
		expect(queryOf('/journal').filter).toBe('type!="8" && typeContrepartie==3');
		expect(run.json.map((record) => record.code)).toEqual(['BQ']);
	});

	test('a raw filter alone may use ||', async () => {
		const run = await runCegid(sandbox, {
			resource: 'journal',
			operation: 'getMany',
			codeDossier: folder,
			returnAll: true,
			options: { rawFilter: 'code=="BQ" || code=="HA"' },
		});

		expect(run.error).toBeUndefined();
		expect(run.json.map((record) => record.code)).toEqual(['HA', 'BQ']);
	});

	test('a raw filter with || beside Filters fails on the item instead of escaping them', async () => {
		const run = await runCegid(
			sandbox,
			{
				resource: 'journal',
				operation: 'getMany',
				codeDossier: folder,
				returnAll: true,
				filters: { conditions: [{ field: 'type', operator: 'notEquals', value: '8' }] },
				options: { rawFilter: 'code=="VT" || code=="HA"' },
			},
			{ continueOnFail: true },
		);

		expect(run.json[0].error).toBe('Options → Raw Filter cannot hold "||" while Filters (or the required criterion) are set [item 0]');
		expect(readsOf('/journal')).toHaveLength(0);
	});

	test('a field name that is not a name fails on the item before any request', async () => {
		const run = await runCegid(
			sandbox,
			{
				resource: 'customer',
				operation: 'getMany',
				codeDossier: folder,
				returnAll: true,
				filters: { conditions: [{ field: 'code=="x" || actif', operator: 'equals', value: 'true' }] },
			},
			{ continueOnFail: true },
		);

		expect(run.json).toEqual([{ error: expect.stringMatching(/^Filters → Condition 1 → Field must be a field name .*\[item 0\]$/), details: expect.any(Object) }]);
		expect(readsOf('/tiersClient')).toHaveLength(0);
	});

	test('a yes-no field compared with something else than true or false fails on the item', async () => {
		const run = await runCegid(
			sandbox,
			{
				resource: 'ledgerAccount',
				operation: 'getMany',
				codeDossier: folder,
				returnAll: true,
				filters: { conditions: [{ field: 'ferme', operator: 'equals', value: 'oui' }] },
			},
			{ continueOnFail: true },
		);

		expect(run.json[0].error).toBe('Filters → Condition 1 → Value must be true or false; got "oui" [item 0]');
	});
});

describe('Cegid Loop data reads: Sort, Fields to Return and paging', () => {
	test('Sort is written field1&&field2:desc and Loop answers in that order', async () => {
		const run = await runCegid(sandbox, {
			resource: 'workgroup',
			operation: 'getMany',
			returnAll: true,
			sort: { fields: [{ field: 'agence', direction: 'asc' }, { field: 'code', direction: 'desc' }] },
		});

		expect(run.error).toBeUndefined();
		expect(queryOf('/groupe').sort).toBe('agence&&code:desc');
		expect(run.json.map((record) => record.code)).toEqual(['AGRI', 'TPE', 'SOCIAL']);
	});

	test('Fields to Return sends select and the records hold only those fields', async () => {
		const run = await runCegid(sandbox, {
			resource: 'customer',
			operation: 'getMany',
			codeDossier: folder,
			returnAll: false,
			limit: 2,
			options: { select: ['code', 'raisonSociale', 'SIRET'] },
		});

		expect(run.error).toBeUndefined();
		expect(queryOf('/tiersClient').select).toBe('code,raisonSociale,SIRET');
		expect(run.json).toEqual([
			{ code: '411DUPONT', raisonSociale: 'Dupont SA', SIRET: '55210055400013' },
			{ code: '411ZOE', raisonSociale: 'Boulangerie "Chez Zoé"', SIRET: '40123456700018' },
		]);
	});

	test('Return All reads the whole chart of accounts page after page with skip and take', async () => {
		const run = await runCegid(sandbox, { resource: 'ledgerAccount', operation: 'getMany', codeDossier: folder, returnAll: true });

		expect(run.error).toBeUndefined();
		expect(run.json).toHaveLength(130);
		expect(new Set(run.json.map((record) => record.numero)).size).toBe(130);
		expect(readsOf('/compte').map((entry) => [entry.query.skip?.[0], entry.query.take?.[0]])).toEqual([
			['0', '100'],
			['100', '100'],
			['130', '100'],
		]);
	});

	test('Limit stops reading once enough records came', async () => {
		const run = await runCegid(sandbox, { resource: 'ledgerAccount', operation: 'getMany', codeDossier: folder, returnAll: false, limit: 120 });

		expect(run.json).toHaveLength(120);
		expect(readsOf('/compte').map((entry) => [entry.query.skip?.[0], entry.query.take?.[0]])).toEqual([
			['0', '100'],
			['100', '20'],
		]);
	});
});

describe('Cegid Loop data reads: Get by objectId', () => {
	test('Get returns the staff member with that objectId, asked with a filter on objectId', async () => {
		const run = await runCegid(sandbox, { resource: 'staff', operation: 'get', objectId: '5b1f0c7e-3f7a-4a53-9b1e-3c1d2b0a9f11' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{ objectId: '5b1f0c7e-3f7a-4a53-9b1e-3c1d2b0a9f11', revisionId: '0x0000000000033A37', identifiant: 'manon', prenom: 'Manon' },
		]);
		expect(queryOf('/collaborateurCabinet')).toEqual({
			codeDossier: 'cabinet',
			filter: 'objectId=="5b1f0c7e-3f7a-4a53-9b1e-3c1d2b0a9f11"',
			skip: '0',
			take: '1',
		});
	});

	test('Get of an objectId Loop does not have fails on the item, naming it', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'agency', operation: 'get', objectId: '00000000-0000-4000-8000-000000000000' },
			{ continueOnFail: true },
		);

		expect(run.json).toEqual([
			{ error: 'No agency has the objectId "00000000-0000-4000-8000-000000000000" [item 0]', details: expect.any(Object) },
		]);
	});
});

describe('Cegid Loop data reads: what Loop refuses', () => {
	test('an unknown folder is Loop\'s error on the item, not an empty list', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'customer', operation: 'getMany', codeDossier: { __rl: true, mode: 'id', value: 'NOPE01' }, returnAll: true },
			{ continueOnFail: true },
		);

		expect(run.json).toHaveLength(1);
		expect(String(run.json[0].error)).toContain("Le dossier NOPE01 n'existe pas");
	});

	test('an answer that is not a list of records is an error naming the item', async () => {
		sandbox.server.addFault({ service: 'cegidLoop', path: '^/tiersClient$', kind: 'status', status: 200, body: { message: 'ok' }, times: 1 });
		const run = await runCegid(
			sandbox,
			{ resource: 'customer', operation: 'getMany', codeDossier: folder, returnAll: true },
			{ continueOnFail: true },
		);

		expect((run.json[0] as IDataObject).error).toBe(
			'Cegid Loop answered the list of customers with something other than a list of records [item 0]',
		);
	});
});
