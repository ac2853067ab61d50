/**
 * A bad-input corpus for every Cegid Loop operation: each bad value fails its own item with an
 * error naming the field and the item, and nothing reaches the service.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

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

interface BadCase {
	name: string;
	value: unknown;
	problem: RegExp;
}

const HUNDRED_KB = 'A'.repeat(100_000);

/** What every text field refuses. */
const TEXT_CASES: BadCase[] = [
	{ name: 'an object', value: { code: 'MANON001' }, problem: /must be text; got an object/ },
	{ name: 'an array', value: ['MANON001', 'CEGID003'], problem: /must be text; got a list/ },
	{ name: 'a boolean', value: true, problem: /must be text; got the boolean true/ },
	{ name: 'a lone surrogate', value: 'MAN\uD800ON', problem: /cannot be sent \(half of a UTF-16 surrogate pair/ },
	{ name: '100 KB', value: HUNDRED_KB, problem: /must be at most \d+ characters long; got 100000/ },
	{ name: 'CR/LF', value: 'MAN\r\nON001', problem: /line breaks/ },
];

/** What a required text field refuses on top. */
const REQUIRED_CASES: BadCase[] = [
	{ name: 'empty', value: '', problem: /must not be empty/ },
	{ name: 'whitespace', value: ' \t ', problem: /must not be empty/ },
	{ name: 'null', value: null, problem: /must not be empty/ },
];

/** What a value that could act as an address refuses on top. */
const ADDRESS_CASES: BadCase[] = [
	{ name: '.', value: '.', problem: /cannot be "\."/ },
	{ name: '..', value: '..', problem: /cannot be "\.\."/ },
	{ name: '../', value: '../provisionningCollab/addClient', problem: /slashes/ },
	{ name: '?', value: 'MANON001?x=1', problem: /"\?"/ },
	{ name: '#', value: 'MANON001#x', problem: /"#"/ },
	{ name: '%2F', value: 'MANON001%2F..', problem: /"%"/ },
];

const FOLDER_CODE_CASES = [...REQUIRED_CASES, ...TEXT_CASES, ...ADDRESS_CASES];

const EMAIL_CASES: BadCase[] = [
	...REQUIRED_CASES,
	...TEXT_CASES.filter((bad) => bad.name !== '100 KB' && bad.name !== 'CR/LF'),
	{ name: 'no @', value: 'anna.client.example', problem: /is not a valid email address/ },
	{ name: 'no domain dot', value: 'anna@client', problem: /is not a valid email address/ },
	{ name: 'two @', value: 'anna@@client.example', problem: /is not a valid email address/ },
	{ name: 'a space', value: 'anna martin@client.example', problem: /is not a valid email address/ },
	{ name: 'CR/LF', value: 'anna@client.example\r\nBcc: x@y.z', problem: /is not a valid email address/ },
	{ name: '100 KB', value: `${HUNDRED_KB}@client.example`, problem: /must be at most 255 characters long/ },
];

const NAME_CASES = [...REQUIRED_CASES, ...TEXT_CASES];

function withValue(parameters: INodeParameters, parameterPath: string, value: string): INodeParameters {
	const [head, tail] = parameterPath.split('.');
	if (tail === undefined) return { ...parameters, [head]: value };
	return { ...parameters, [head]: { ...((parameters[head] as INodeParameters) ?? {}), [tail]: value } };
}

/** Runs one item per bad value through the field, and checks every item's error and the request log. */
async function expectRefused(base: INodeParameters, parameterPath: string, field: string, cases: BadCase[]): Promise<void> {
	const run = await runCegid(sandbox, withValue(base, parameterPath, '={{ $json.value }}'), {
		items: cases.map((bad) => ({ value: bad.value }) as IDataObject),
		continueOnFail: true,
	});

	const output = run.outputs[0];
	expect(output).toHaveLength(cases.length);
	cases.forEach((bad, index) => {
		const error = String(output[index].json.error ?? `no error for ${bad.name}`);
		expect({ case: bad.name, error }).toEqual({ case: bad.name, error: expect.stringMatching(bad.problem) });
		expect({ case: bad.name, error }).toEqual({ case: bad.name, error: expect.stringContaining(`${field} `) });
		expect({ case: bad.name, error }).toEqual({ case: bad.name, error: expect.stringContaining(`[item ${index}]`) });
		expect(output[index].pairedItem).toEqual({ item: index });
	});
	expect(sandbox.server.requests({ service: 'cegidLoop' })).toEqual([]);
}

const contact = {
	email: 'anna.martin@client.example',
	codeDossier: 'MANON004',
	offer: 'consultation',
	lastName: 'Martin',
	firstName: 'Anna',
};

const operations: Array<{ name: string; base: INodeParameters; fields: Array<[string, string, BadCase[]]> }> = [
	{
		name: 'Company → Provision',
		base: { resource: 'company', operation: 'provision', codeDossier: 'MANON004' },
		fields: [['codeDossier', 'Folder Code', FOLDER_CODE_CASES]],
	},
	{
		name: 'Collaborative Offer → Add (one contact)',
		base: { resource: 'collaborativeOffer', operation: 'add', ...contact },
		fields: [
			['codeDossier', 'Folder Code', FOLDER_CODE_CASES],
			['email', 'Email', EMAIL_CASES],
			['offer', 'Offer', [...REQUIRED_CASES, ...TEXT_CASES.slice(0, 4), { name: 'unknown', value: 'premium', problem: /must be one of/ }]],
			['apiOverrides.contactEmailKey', 'Contact Email Key', [
				...TEXT_CASES.slice(0, 4),
				{ name: 'a space', value: 'e mail', problem: /must be a field name/ },
				{ name: 'a dot', value: '.', problem: /must be a field name/ },
				{ name: 'taken', value: 'codeDossier', problem: /already uses/ },
			]],
		],
	},
	{
		name: 'Collaborative Offer → Add (folder)',
		base: { resource: 'collaborativeOffer', operation: 'add', addTo: 'folder', codeDossier: 'MANON004', offer: 'start' },
		fields: [['codeDossier', 'Folder Code', FOLDER_CODE_CASES]],
	},
	{
		name: 'Collaborative Offer → Remove (folder)',
		base: { resource: 'collaborativeOffer', operation: 'remove', removeFrom: 'folder', codeDossier: 'MANON001', offer: 'co-production' },
		fields: [['codeDossier', 'Folder Code', FOLDER_CODE_CASES]],
	},
	{
		name: 'Collaborative Offer → Remove (one contact)',
		base: { resource: 'collaborativeOffer', operation: 'remove', removeFrom: 'contact', ...contact },
		fields: [
			['codeDossier', 'Folder Code', FOLDER_CODE_CASES],
			['email', 'Email', EMAIL_CASES],
			['apiOverrides.removeForContactPath', 'Contact Removal Address', [
				...TEXT_CASES.slice(0, 4),
				{ name: '..', value: '/collaborativeOffer/../provisionningCollab/addClient', problem: /must not hold "\." or "\.\." steps/ },
				{ name: '.', value: '/./x', problem: /must not hold "\." or "\.\." steps/ },
				{ name: '..\\', value: '/collaborativeOffer/..\\provisionningCollab/addClient', problem: /without "\\", "%"/ },
				{ name: '%2e%2e', value: '/collaborativeOffer/%2e%2e/provisionningCollab/addClient', problem: /without "\\", "%"/ },
				{ name: '%2E%2e', value: '/collaborativeOffer/%2E%2e/provisionningCollab/addClient', problem: /without "\\", "%"/ },
				{ name: '%5c', value: '/collaborativeOffer/..%5cprovisionningCollab', problem: /without "\\", "%"/ },
				{ name: '?', value: '/x?y=1', problem: /"\?"/ },
				{ name: '#', value: '/x#y', problem: /"#"/ },
				{ name: '%2F', value: '/x%2Fy', problem: /"%"/ },
				{ name: 'CR/LF', value: '/x\r\ny', problem: /or spaces/ },
				{ name: 'braces', value: '/x/{id}', problem: /braces/ },
			]],
		],
	},
	{
		name: 'Client → Add',
		base: { resource: 'client', operation: 'add', ...contact },
		fields: [
			['codeDossier', 'Folder Code', FOLDER_CODE_CASES],
			['email', 'Email', EMAIL_CASES],
			['lastName', 'Last Name', NAME_CASES],
			['firstName', 'First Name', NAME_CASES],
			['phone', 'Phone', TEXT_CASES],
			['additionalFields.profile', 'Profile', TEXT_CASES],
			['additionalFields.social', 'Social', [
				{ name: 'text', value: 'yes', problem: /must be true or false/ },
				{ name: 'a number', value: 1, problem: /must be true or false; got the number 1/ },
				{ name: 'an object', value: { on: true }, problem: /must be true or false; got an object/ },
				{ name: 'an array', value: [true], problem: /must be true or false; got a list/ },
			]],
		],
	},
	{
		name: 'Client → Update',
		base: { resource: 'client', operation: 'update', ...contact },
		fields: [
			['codeDossier', 'Folder Code', FOLDER_CODE_CASES],
			['email', 'Email', EMAIL_CASES],
			['phone', 'Phone', TEXT_CASES],
			['additionalFields.active', 'Active', [
				{ name: 'text', value: 'oui', problem: /must be true or false/ },
				{ name: 'a number', value: 0, problem: /must be true or false; got the number 0/ },
			]],
		],
	},
	{
		name: 'Client → Remove Application',
		base: { resource: 'client', operation: 'removeApplication', ...contact },
		fields: [
			['codeDossier', 'Folder Code', FOLDER_CODE_CASES],
			['email', 'Email', EMAIL_CASES],
		],
	},
	{
		name: 'Folder → Get Many',
		base: { resource: 'folder', operation: 'getMany', returnAll: false, limit: 10 },
		fields: [
			['limit', 'Limit', [
				...REQUIRED_CASES,
				{ name: 'an object', value: { n: 1 }, problem: /must be a whole number; got an object/ },
				{ name: 'an array', value: [1], problem: /must be a whole number; got a list/ },
				{ name: 'a boolean', value: true, problem: /must be a whole number; got the boolean true/ },
				{ name: 'a decimal', value: '1.5', problem: /must be a whole number/ },
				{ name: 'text', value: 'ten', problem: /must be a whole number/ },
				{ name: 'zero', value: 0, problem: /must be at least 1/ },
				{ name: 'a lone surrogate', value: '1\uD800', problem: /must be a whole number/ },
			]],
			['options.domain', 'Domain', TEXT_CASES.filter((bad) => bad.name !== 'CR/LF')],
			['returnAll', 'Return All', [
				{ name: 'text', value: 'all', problem: /must be true or false/ },
				{ name: 'a number', value: 1, problem: /must be true or false/ },
			]],
		],
	},
];

describe('Cegid Loop: bad input never reaches the service', () => {
	for (const operation of operations) {
		const total = operation.fields.reduce((sum, [, , cases]) => sum + cases.length, 0);

		test(`${operation.name}: ${total} bad values each fail their item, naming field and item, with no request`, async () => {
			expect(total).toBeGreaterThanOrEqual(10);
			for (const [parameterPath, field, cases] of operation.fields) {
				await expectRefused(operation.base, parameterPath, field, cases);
			}
		});
	}

	test('a lone surrogate in one item fails only that item', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'collaborativeOffer', operation: 'add', addTo: 'folder', codeDossier: '={{ $json.code }}', offer: 'start' },
			{ items: [{ code: 'MANON004' }, { code: 'CEGID\uDC00003' }, { code: 'CEGID003' }], continueOnFail: true },
		);

		const output = run.outputs[0];
		expect(output.map((item) => item.json.alreadyDone ?? item.json.error ?? item.json.message)).toEqual([
			"L'offre start a été ajoutée au dossier client MANON004",
			expect.stringMatching(/^Folder Code contains a character that cannot be sent .* \[item 1\]$/),
			"L'offre start a été ajoutée au dossier client CEGID003",
		]);
		expect(sandbox.server.requests({ service: 'cegidLoop' })).toHaveLength(2);
	});

	test('a Folder Code picked from the list and one typed by code read the same as the plain text of version-1 workflows', async () => {
		const plain = await runCegid(sandbox, { resource: 'company', operation: 'provision', codeDossier: 'MANON004' }, { typeVersion: 1 });
		sandbox.server.reset();
		const fromList = await runCegid(sandbox, {
			resource: 'company',
			operation: 'provision',
			codeDossier: { __rl: true, mode: 'list', value: 'MANON004', cachedResultName: 'MANON004' },
		});
		sandbox.server.reset();
		const byCode = await runCegid(sandbox, {
			resource: 'company',
			operation: 'provision',
			codeDossier: { __rl: true, mode: 'id', value: '={{ "MANON" + "004" }}' },
		});

		for (const run of [plain, fromList, byCode]) expect(run.json).toEqual([{ codeDossier: 'MANON004', provisioned: true }]);
	});
});
