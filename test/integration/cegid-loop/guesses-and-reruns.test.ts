/**
 * The newer collaborative-offer calls, every field that corrects a guess (each changes the request),
 * and safe re-runs (exactly the "already done" answers become success items).
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

const anna = {
	email: 'anna.martin@client.example',
	codeDossier: 'MANON004',
	offer: 'consultation',
	lastName: 'Martin',
	firstName: 'Anna',
};

const bodies = (path: string) =>
	sandbox.server.requests({ service: 'cegidLoop', path }).map((entry) => JSON.parse(entry.bodyText) as unknown);

async function addAnna(): Promise<void> {
	const run = await runCegid(sandbox, { resource: 'client', operation: 'add', ...anna });
	expect(run.error).toBeUndefined();
}

describe('Cegid Loop: Collaborative Offer → Add for one contact (the default)', () => {
	test('sends the contact, the folder and the offer to addCollaborativeOffer', async () => {
		await addAnna();
		const run = await runCegid(sandbox, { resource: 'collaborativeOffer', operation: 'add', ...anna, offer: 'start' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{
				message: "L'offre start a été ajoutée au dossier client MANON004",
				messageEnglish: 'The offer start was added to the client folder MANON004',
			},
		]);
		expect(bodies('/collaborativeOffer/addCollaborativeOffer')).toEqual([
			{ email: anna.email, codeDossier: 'MANON004', offre: 'start' },
		]);
		expect(sandbox.server.requests({ path: '/collaborativeOffer/addOffer' })).toHaveLength(0);
		expect(sandbox.state.cegidLoop.contact(anna.email)?.applications).toEqual(['consultation', 'start']);
	});

	test('Contact Email Key changes the name the e-mail is sent under', async () => {
		await addAnna();
		const run = await runCegid(sandbox, {
			resource: 'collaborativeOffer',
			operation: 'add',
			...anna,
			apiOverrides: { contactEmailKey: 'emailInterlocuteur' },
		});

		expect(bodies('/collaborativeOffer/addCollaborativeOffer')).toEqual([
			{ emailInterlocuteur: anna.email, codeDossier: 'MANON004', offre: 'consultation' },
		]);
		// The sandbox reads the default name, so it misses the e-mail, and the error names the override.
		expect(run.error?.message).toBe('Cegid Loop: Le champ email est obligatoire');
		expect(run.error?.description).toContain('set API Overrides → Contact Email Key');
	});
});

describe('Cegid Loop: Collaborative Offer → Remove for one contact', () => {
	test('sends the contact, the folder and the offer to the default address', async () => {
		await addAnna();
		const run = await runCegid(sandbox, { resource: 'collaborativeOffer', operation: 'remove', removeFrom: 'contact', ...anna });

		expect(run.error).toBeUndefined();
		expect(bodies('/collaborativeOffer/removeCollaborativeOffer')).toEqual([
			{ email: anna.email, codeDossier: 'MANON004', offre: 'consultation' },
		]);
		expect(sandbox.state.cegidLoop.contact(anna.email)?.applications).toEqual([]);
	});

	test('its Address override changes where the request goes, and "not found" tells the user what to set', async () => {
		const run = await runCegid(sandbox, {
			resource: 'collaborativeOffer',
			operation: 'remove',
			removeFrom: 'contact',
			...anna,
			apiOverrides: { removeForContactPath: 'collaborativeOffer/removeOfferContact' },
		});

		expect(sandbox.server.requests({ service: 'cegidLoop' }).map((entry) => entry.path)).toEqual([
			'/collaborativeOffer/removeOfferContact',
		]);
		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.message).toBe('Cegid Loop: No API at this address (the gateway answered "Resource not found")');
		expect(run.error?.description).toContain('correct API Overrides → Contact Removal Address');
	});
});

describe('Cegid Loop: LoopHub address and method from the credential', () => {
	test('LoopHub Address changes where the folder list is asked, and "not found" says what to set', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'folder', operation: 'getMany', returnAll: true },
			{ credentials: { overrideApiAddresses: true, loopHubPath: '/loophub/folders' } },
		);

		expect(sandbox.server.requests({ service: 'cegidLoop' }).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			'POST /loophub/folders',
		]);
		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.description).toContain(
			'correct LoopHub Address and LoopHub Method of the Cegid Loop API credential (switch on Override API Addresses there to show them)',
		);
	});

	test('a LoopHub Address and Method saved while Override API Addresses is off are ignored: the folders are asked where the guide says', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'folder', operation: 'getMany', returnAll: true },
			{ credentials: { overrideApiAddresses: false, loopHubPath: '/loophub/folders', loopHubMethod: 'GET' } },
		);

		expect(run.error).toBeUndefined();
		expect(sandbox.server.requests({ service: 'cegidLoop' }).map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			'POST /loophub/getFolders',
		]);
	});

	test('a LoopHub Address that could leave the API\'s address is harmless while Override API Addresses is off', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'folder', operation: 'getMany', returnAll: true },
			{ credentials: { loopHubPath: '/loophub/../provisionningCollab/addClient' } },
		);

		expect(run.error).toBeUndefined();
		expect(sandbox.server.requests({ service: 'cegidLoop' }).map((entry) => entry.path)).toEqual(['/loophub/getFolders']);
	});

	test.each(['/loophub/../provisionningCollab/addClient', '/loophub/..\\provisionningCollab', '/loophub/%2e%2e/x', '/loophub/%2E%2e/x', '/loophub%2fx', '/loophub%5cx', '..'])(
		'a LoopHub Address that could leave the API\'s address (%s) is refused before any request, naming the field',
		async (loopHubPath) => {
			const run = await runCegid(
				sandbox,
				{ resource: 'folder', operation: 'getMany', returnAll: true },
				{ credentials: { overrideApiAddresses: true, loopHubPath } },
			);

			expect(run.error?.message).toMatch(/^LoopHub Address of the Cegid Loop API credential must/);
			expect(sandbox.server.requests({ service: 'cegidLoop' })).toHaveLength(0);
		},
	);

	test('LoopHub Method GET sends the key and the domain in the query instead of a body', async () => {
		await runCegid(sandbox, { resource: 'folder', operation: 'getMany', returnAll: true }, { credentials: { overrideApiAddresses: true, loopHubMethod: 'GET' } });

		const [request] = sandbox.server.requests({ service: 'cegidLoop' });
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/loophub/getFolders');
		expect(request.query).toEqual({ apiKey: [String(sandbox.credentials.cegidLoopApi.applicationKey)], domain: ['TESTRDDCABINET'] });
		expect(request.bodyText).toBe('');
	});
});

describe('Cegid Loop: safe re-runs', () => {
	test('Company → Provision run twice: the second run is a success marked alreadyDone, with the message', async () => {
		await runCegid(sandbox, { resource: 'company', operation: 'provision', codeDossier: 'MANON004' });
		const again = await runCegid(sandbox, { resource: 'company', operation: 'provision', codeDossier: 'MANON004' });

		expect(again.json).toEqual([
			{ codeDossier: 'MANON004', provisioned: true, alreadyDone: true, message: 'Le dossier MANON004 est déjà approvisionné' },
		]);
	});

	test('with the option off, the same answer fails the item', async () => {
		await runCegid(sandbox, { resource: 'company', operation: 'provision', codeDossier: 'MANON004' });
		const again = await runCegid(sandbox, {
			resource: 'company',
			operation: 'provision',
			codeDossier: 'MANON004',
			options: { alreadyDoneIsSuccess: false },
		});

		expect(again.error?.message).toBe('Cegid Loop: Le dossier MANON004 est déjà approvisionné');
	});

	test('an answer that does not prove the work done still fails with the option on', async () => {
		const run = await runCegid(sandbox, { resource: 'company', operation: 'provision', codeDossier: 'NOPE999' });

		expect(run.error?.message).toBe("Cegid Loop: Le dossier NOPE999 n'existe pas (The folder NOPE999 does not exist)");
	});

	test('Client → Add run twice: the guide\'s "e-mail already associated" becomes alreadyDone', async () => {
		await addAnna();
		const again = await runCegid(sandbox, { resource: 'client', operation: 'add', ...anna });

		expect(again.json).toEqual([
			{
				email: anna.email,
				codeDossier: 'MANON004',
				alreadyDone: true,
				message: "L'e-mail de cet interlocuteur est déjà associé à un autre interlocuteur",
				messageEnglish: "This contact's email is already associated with another contact",
			},
		]);
	});

	test('Client → Add of someone outside the tenant still fails: that refusal proves nothing was done', async () => {
		const run = await runCegid(sandbox, { resource: 'client', operation: 'add', ...anna, email: 'x@outside.example' });

		expect(run.error?.message).toContain("vous devez d'abord l'inviter sur votre tenant");
	});

	test('Collaborative Offer → Add, older way, run twice: the offer already on the folder is alreadyDone', async () => {
		const parameters = { resource: 'collaborativeOffer', operation: 'add', addTo: 'folder', codeDossier: 'MANON001', offer: 'co-production' };
		const run = await runCegid(sandbox, parameters);

		expect(run.json).toEqual([
			{ alreadyDone: true, message: "L'offre co-production est déjà présente dans le dossier client MANON001" },
		]);
	});

	test('Collaborative Offer → Add for one contact run twice: the second is alreadyDone', async () => {
		await addAnna();
		const parameters = { resource: 'collaborativeOffer', operation: 'add', ...anna, offer: 'start' };
		await runCegid(sandbox, parameters);
		const again = await runCegid(sandbox, parameters);

		expect(again.json).toEqual([
			{ alreadyDone: true, message: `L'offre start est déjà affectée à l'interlocuteur ${anna.email}` },
		]);
		expect(sandbox.server.requests({ path: '/collaborativeOffer/addCollaborativeOffer' }).map((entry) => entry.status)).toEqual([200, 400]);
	});
});

describe('Cegid Loop: a refusal that looks like "already done" but is about something else still fails', () => {
	const refuse = (path: string, message: string): void =>
		sandbox.server.addFault({ service: 'cegidLoop', path, kind: 'status', status: 400, body: { message }, times: 1 });

	test.each([
		['another folder', "L'offre consultation est déjà présente dans le dossier client MANON002"],
		['another offer', "L'offre start est déjà présente dans le dossier client MANON001"],
		['the known words inside another error', "Erreur : L'offre consultation est déjà présente dans le dossier client MANON001 mais la synchronisation a échoué"],
	])('Collaborative Offer → Add to the folder, answered about %s', async (_case, message) => {
		refuse('addOffer', message);
		const run = await runCegid(sandbox, {
			resource: 'collaborativeOffer',
			operation: 'add',
			addTo: 'folder',
			codeDossier: 'MANON001',
			offer: 'consultation',
		});

		expect(run.json).toEqual([]);
		expect(run.error?.message).toBe(`Cegid Loop: ${message}`);
	});

	test('Collaborative Offer → Add for one contact, answered about another contact', async () => {
		await addAnna();
		refuse('addCollaborativeOffer', "L'offre start est déjà affectée à l'interlocuteur paul.durand@client.example");
		const run = await runCegid(sandbox, { resource: 'collaborativeOffer', operation: 'add', ...anna, offer: 'start' });

		expect(run.error?.message).toBe("Cegid Loop: L'offre start est déjà affectée à l'interlocuteur paul.durand@client.example");
	});

	test('Company → Provision, answered about another folder', async () => {
		refuse('provisionCompany', 'Le dossier MANON002 est déjà approvisionné');
		const run = await runCegid(sandbox, { resource: 'company', operation: 'provision', codeDossier: 'MANON004' });

		expect(run.error?.message).toBe('Cegid Loop: Le dossier MANON002 est déjà approvisionné');
		expect(sandbox.state.cegidLoop.folder('MANON004')?.status).toBe('A préparer');
	});

	test("Client → Add, answered with the guide's words inside a different error", async () => {
		const message =
			"Échec de la synchronisation (L'e-mail de cet interlocuteur est déjà associé à un autre interlocuteur) : réessayez plus tard";
		refuse('addClient', message);
		const run = await runCegid(sandbox, { resource: 'client', operation: 'add', ...anna });

		expect(run.json).toEqual([]);
		expect(run.error?.message).toContain(`Cegid Loop: ${message}`);
	});
});
