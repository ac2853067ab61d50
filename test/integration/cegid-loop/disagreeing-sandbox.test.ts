/**
 * Every guess a user can correct, against a sandbox that reads Cegid differently (its DISAGREEING
 * inventions): with the guess, the item fails naming the field that corrects it; with that field set
 * to the sandbox's reading, it passes. The other corrections of the same call are set, so that each
 * test shows one field at work.
 */
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { DISAGREEING } from '../../../sandbox/cegid-loop/inventions';
import { runCegid } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ inventions: 'disagree' });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.server.reset());

const anna = { email: 'anna.martin@client.example', codeDossier: 'MANON004', offer: 'consultation', lastName: 'Martin', firstName: 'Anna' };

async function addAnna(): Promise<void> {
	const run = await runCegid(sandbox, { resource: 'client', operation: 'add', ...anna });
	expect(run.error).toBeUndefined();
}

describe('Cegid Loop credential: LoopHub Address', () => {
	const listFolders = (credentials: Record<string, string>) =>
		runCegid(sandbox, { resource: 'folder', operation: 'getMany', returnAll: true }, { credentials: { overrideApiAddresses: true, ...credentials } });

	test('the guessed address fails, naming LoopHub Address; the sandbox\'s address lists the folders', async () => {
		const guessed = await listFolders({ loopHubMethod: DISAGREEING.loopHubMethod });
		expect(guessed.error?.message).toBe('Cegid Loop: No API at this address (the gateway answered "Resource not found")');
		expect(guessed.error?.description).toContain(
			'correct LoopHub Address and LoopHub Method of the Cegid Loop API credential (switch on Override API Addresses there to show them)',
		);

		const corrected = await listFolders({ loopHubMethod: DISAGREEING.loopHubMethod, loopHubPath: DISAGREEING.loopHubPath });
		expect(corrected.error).toBeUndefined();
		expect(corrected.json.map((folder) => folder.codeIbs)).toContain('MANON004');
	});
});

describe('Cegid Loop credential: LoopHub Method', () => {
	test('the guessed method fails, naming LoopHub Method; the sandbox\'s method lists the folders', async () => {
		const guessed = await runCegid(
			sandbox,
			{ resource: 'folder', operation: 'getMany', returnAll: true },
			{ credentials: { overrideApiAddresses: true, loopHubPath: DISAGREEING.loopHubPath } },
		);
		expect(guessed.error?.message).toBe('Cegid Loop: The address does not take this method (the gateway answered "Method not allowed")');
		expect(guessed.error?.description).toContain('LoopHub Method of the Cegid Loop API credential');

		const corrected = await runCegid(
			sandbox,
			{ resource: 'folder', operation: 'getMany', returnAll: true },
			{ credentials: { overrideApiAddresses: true, loopHubPath: DISAGREEING.loopHubPath, loopHubMethod: DISAGREEING.loopHubMethod } },
		);
		expect(corrected.error).toBeUndefined();
		expect(corrected.json.length).toBeGreaterThan(0);
	});
});

describe('Cegid Loop 1.1 (a saved workflow): Collaborative Offer → Remove for one contact, Options → Contact Removal Address', () => {
	test('the guessed address fails, naming the option; the sandbox\'s address removes the offer', async () => {
		await addAnna();
		// Workflows saved with version 1.1 keep their overrides in Options, and those still correct the guesses.
		const remove = (options: Record<string, string>) =>
			runCegid(sandbox, { resource: 'collaborativeOffer', operation: 'remove', removeFrom: 'contact', ...anna, options }, { typeVersion: 1.1 });

		const guessed = await remove({ contactEmailKey: DISAGREEING.contactEmailKey });
		expect(guessed.error?.httpCode).toBe('404');
		expect(guessed.error?.description).toContain('correct Options → Contact Removal Address');

		const corrected = await remove({ contactEmailKey: DISAGREEING.contactEmailKey, removeForContactPath: DISAGREEING.removeForContactPath });
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.cegidLoop.contact(anna.email)?.applications).toEqual([]);
	});
});

describe('Cegid Loop: Collaborative Offer → Add for one contact, API Overrides → Contact Email Key', () => {
	test('the guessed name fails, naming the override; the sandbox\'s name adds the offer', async () => {
		await addAnna();
		const add = (apiOverrides: Record<string, string>) =>
			runCegid(sandbox, { resource: 'collaborativeOffer', operation: 'add', ...anna, offer: 'start', apiOverrides });

		const guessed = await add({});
		expect(guessed.error?.message).toBe(`Cegid Loop: Le champ ${DISAGREEING.contactEmailKey} est obligatoire`);
		expect(guessed.error?.description).toContain('set API Overrides → Contact Email Key');

		const corrected = await add({ contactEmailKey: DISAGREEING.contactEmailKey });
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.cegidLoop.contact(anna.email)?.applications).toEqual(['consultation', 'start']);
	});
});

describe('Cegid Loop 1.2: Collaborative Offer → Remove, API Overrides', () => {
	test('removes for one contact by default; the guessed address fails naming API Overrides; the overrides there remove the offer', async () => {
		await addAnna();
		// No Remove From: version 1.2 removes for the one contact given, the narrower write.
		const remove = (apiOverrides: Record<string, string>) =>
			runCegid(sandbox, { resource: 'collaborativeOffer', operation: 'remove', ...anna, apiOverrides }, { typeVersion: 1.2 });

		const guessed = await remove({ contactEmailKey: DISAGREEING.contactEmailKey });
		expect(guessed.error?.httpCode).toBe('404');
		expect(guessed.error?.description).toContain('correct API Overrides → Contact Removal Address');
		expect(sandbox.state.cegidLoop.contact(anna.email)?.applications).not.toEqual([]);

		const corrected = await remove({ contactEmailKey: DISAGREEING.contactEmailKey, removeForContactPath: DISAGREEING.removeForContactPath });
		expect(corrected.error).toBeUndefined();
		expect(sandbox.state.cegidLoop.contact(anna.email)?.applications).toEqual([]);
	});
});
