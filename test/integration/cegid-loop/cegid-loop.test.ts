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

const client = {
	resource: 'client',
	email: 'api.collab@client.example',
	codeDossier: 'CEGID003',
	offer: 'consultation',
	lastName: 'API',
	firstName: 'COLLAB',
	phone: '0705060302',
};

describe('Cegid Loop: collaborative offers', () => {
	test('adding an offer sends the guide body with the three headers and returns the French message with its English meaning', async () => {
		const run = await runCegid(sandbox, {
			resource: 'collaborativeOffer',
			operation: 'add',
			addTo: 'folder',
			codeDossier: 'MANON001',
			offer: 'consultation',
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{
				message: "L'offre consultation a été ajoutée au dossier client MANON001",
				messageEnglish: 'The offer consultation was added to the client folder MANON001',
			},
		]);
		const [request] = sandbox.server.requests({ service: 'cegidLoop', path: '/collaborativeOffer/addOffer' });
		expect(JSON.parse(request.bodyText)).toEqual({ codeDossier: 'MANON001', offre: 'consultation' });
		expect(request.headers['ocp-apim-subscription-key']).toBe(sandbox.credentials.cegidLoopApi.subscriptionApiKey);
		expect(request.headers['x-apikey']).toBe(
			`${sandbox.credentials.cegidLoopApi.applicationKey}:${sandbox.credentials.cegidLoopApi.applicationSecret}`,
		);
		expect(request.headers['cache-control']).toBe('no-cache');
		expect(request.contentType).toMatch(/^application\/json/);
		expect(sandbox.state.cegidLoop.folder('MANON001')?.offers).toContain('consultation');
	});

	test('removing an offer takes it off the folder', async () => {
		const run = await runCegid(sandbox, {
			resource: 'collaborativeOffer',
			operation: 'remove',
			removeFrom: 'folder',
			codeDossier: 'MANON001',
			offer: 'co-production',
		});

		expect(run.json[0].message).toBe("L'offre co-production a été retirée du dossier client MANON001");
		expect(run.json[0].messageEnglish).toBe('The offer co-production was removed from the client folder MANON001');
		expect(sandbox.state.cegidLoop.folder('MANON001')?.offers).not.toContain('co-production');
	});

	test('an unknown folder fails with the service message and the HTTP status', async () => {
		const run = await runCegid(sandbox, {
			resource: 'collaborativeOffer',
			operation: 'add',
			addTo: 'folder',
			codeDossier: 'NOPE999',
			offer: 'start',
		});

		expect(run.error?.message).toBe("Cegid Loop: Le dossier NOPE999 n'existe pas (The folder NOPE999 does not exist)");
		expect(run.error?.httpCode).toBe('400');
	});

	test('an empty folder code fails before any request, naming the field and the item', async () => {
		const run = await runCegid(sandbox, {
			resource: 'collaborativeOffer',
			operation: 'add',
			addTo: 'folder',
			codeDossier: '  ',
			offer: 'start',
		});

		expect(run.error?.message).toBe('Folder Code must not be empty [item 0]');
		expect(sandbox.server.requests({ service: 'cegidLoop' })).toHaveLength(0);
	});

	test('an offer outside start, co-production and consultation fails before any request', async () => {
		const run = await runCegid(sandbox, {
			resource: 'collaborativeOffer',
			operation: 'add',
			addTo: 'folder',
			codeDossier: 'MANON001',
			offer: 'premium',
		});

		expect(run.error?.message).toBe('Offer must be one of start, co-production, consultation; got "premium" [item 0]');
		expect(sandbox.server.requests({ service: 'cegidLoop' })).toHaveLength(0);
	});

	test('a folder code that looks like a path fails before any request', async () => {
		const run = await runCegid(sandbox, {
			resource: 'collaborativeOffer',
			operation: 'add',
			addTo: 'folder',
			codeDossier: '../companyProvisioning/provisionCompany',
			offer: 'start',
		});

		expect(run.error?.message).toBe('Folder Code must not contain line breaks, slashes, "?", "#" or "%" [item 0]');
		expect(sandbox.server.requests({ service: 'cegidLoop' })).toHaveLength(0);
	});
});

describe('Cegid Loop: company provisioning', () => {
	test('provisioning a folder in "A préparer" makes it "Opérationnel"', async () => {
		expect(sandbox.state.cegidLoop.folder('MANON004')?.status).toBe('A préparer');

		const run = await runCegid(sandbox, { resource: 'company', operation: 'provision', codeDossier: 'MANON004' });

		expect(run.json).toEqual([{ codeDossier: 'MANON004', provisioned: true }]);
		expect(sandbox.state.cegidLoop.folder('MANON004')?.status).toBe('Opérationnel');
	});
});

describe('Cegid Loop: folders (LoopHub)', () => {
	test('lists the folders of the application key with the domain of the credential', async () => {
		const run = await runCegid(sandbox, { resource: 'folder', operation: 'getMany', returnAll: true });

		expect(run.json.map((folder) => folder.codeIbs)).toEqual(['044212', 'MANON001', 'MANON004', 'CEGID003']);
		const [request] = sandbox.server.requests({ service: 'cegidLoop', method: 'POST' });
		expect(JSON.parse(request.bodyText)).toEqual({
			apiKey: sandbox.credentials.cegidLoopApi.applicationKey,
			domain: 'TESTRDDCABINET',
		});
	});

	test('Limit returns only the first folders', async () => {
		const run = await runCegid(sandbox, { resource: 'folder', operation: 'getMany', returnAll: false, limit: 2 });

		expect(run.json.map((folder) => folder.codeIbs)).toEqual(['044212', 'MANON001']);
	});

	test('the domain option overrides the credential, and a wrong domain reaches the user in French and English', async () => {
		const run = await runCegid(sandbox, {
			resource: 'folder',
			operation: 'getMany',
			returnAll: true,
			options: { domain: 'OTHERCABINET' },
		});

		expect(run.error?.message).toBe("Cegid Loop: Le domaine OTHERCABINET n'est pas associé à cette clé");
	});

	test('without a domain in the credential or the options it fails before any request', async () => {
		const run = await runCegid(sandbox, { resource: 'folder', operation: 'getMany', returnAll: true }, { credentials: { domain: '' } });

		expect(run.error?.message).toBe('Domain must not be empty [item 0]');
		expect(sandbox.server.requests({ service: 'cegidLoop' })).toHaveLength(0);
	});
});

describe('Cegid Loop: clients', () => {
	test('adding a client sends the French field names with profile 2.0 and social by default', async () => {
		const run = await runCegid(sandbox, { ...client, operation: 'add' });

		expect(run.error).toBeUndefined();
		expect(run.json[0]).toMatchObject({ interloc: { module: 'cabinet', className: 'interlocuteur' } });
		const [request] = sandbox.server.requests({ path: '/provisionningCollab/addClient' });
		expect(JSON.parse(request.bodyText)).toEqual({
			email: 'api.collab@client.example',
			codeDossier: 'CEGID003',
			offre: 'consultation',
			nom: 'API',
			prenom: 'COLLAB',
			telephone: '0705060302',
			profile: '2.0',
			social: true,
		});
	});

	test('with Succeed If Already Done off, a client whose e-mail is taken gives the guide error in French and English', async () => {
		await runCegid(sandbox, { ...client, operation: 'add' });
		const run = await runCegid(sandbox, {
			...client,
			operation: 'add',
			codeDossier: 'MANON001',
			options: { alreadyDoneIsSuccess: false },
		});

		expect(run.error?.message).toBe(
			"Cegid Loop: L'e-mail de cet interlocuteur est déjà associé à un autre interlocuteur (This contact's email is already associated with another contact)",
		);
	});

	test('adding a client who is not in the Teams tenant gives the guide error in French and English', async () => {
		const run = await runCegid(sandbox, { ...client, operation: 'add', email: 'someone@outside.example' });

		expect(run.error?.message).toBe(
			"Cegid Loop: Pour proposer un service à un interlocuteur vous devez d'abord l'inviter sur votre tenant (To offer a service to a contact, first invite them to your tenant (Teams))",
		);
	});

	test('a malformed e-mail fails before any request, naming the field and the item', async () => {
		const run = await runCegid(sandbox, { ...client, operation: 'add', email: 'not-an-address' });

		expect(run.error?.message).toBe('Email is not a valid email address: "not-an-address" [item 0]');
		expect(sandbox.server.requests({ service: 'cegidLoop' })).toHaveLength(0);
	});

	test('updating a client sends actif and defaultIssuer, and a plain-text answer becomes a message item', async () => {
		await runCegid(sandbox, { ...client, operation: 'add' });
		const run = await runCegid(sandbox, {
			...client,
			operation: 'update',
			phone: '0405060302',
			additionalFields: { active: true, defaultIssuer: false },
		});

		expect(run.json).toEqual([
			{
				alreadyDone: true,
				message: "L'application est déjà affectée à l'interlocuteur.",
				messageEnglish: 'The application is already assigned to the contact',
			},
		]);
		const [request] = sandbox.server.requests({ path: '/provisionningCollab/updateClient' });
		expect(JSON.parse(request.bodyText)).toMatchObject({ telephone: '0405060302', actif: true, defaultIssuer: false });
	});

	test('updating only a phone number sends neither profile nor social, so that they are not reset', async () => {
		await runCegid(sandbox, { ...client, operation: 'add' });
		await runCegid(sandbox, { ...client, operation: 'update', lastName: '', firstName: '', phone: '0405060302' });

		const [request] = sandbox.server.requests({ path: '/provisionningCollab/updateClient' });
		expect(JSON.parse(request.bodyText)).toEqual({
			email: client.email,
			codeDossier: 'CEGID003',
			offre: 'consultation',
			telephone: '0405060302',
		});
	});

	test('updating a client that does not exist gives "interlocuteur n\'existe pas" with its meaning', async () => {
		const run = await runCegid(sandbox, { ...client, operation: 'update' });

		expect(run.error?.message).toBe("Cegid Loop: interlocuteur n'existe pas (The contact does not exist)");
	});

	test('removing the application returns the contact and its client user', async () => {
		await runCegid(sandbox, { ...client, operation: 'add' });
		const run = await runCegid(sandbox, {
			resource: 'client',
			operation: 'removeApplication',
			email: client.email,
			codeDossier: client.codeDossier,
			offer: client.offer,
		});

		expect(run.json[0]).toMatchObject({
			interloc: { className: 'interlocuteur' },
			user: { className: 'utilisateurClient' },
		});
		const [request] = sandbox.server.requests({ path: '/provisionningCollab/removeApplication' });
		expect(JSON.parse(request.bodyText)).toEqual({ email: client.email, codeDossier: 'CEGID003', offre: 'consultation' });
	});
});

describe('Cegid Loop: many items, failures and secrets', () => {
	test('Continue On Fail gives every item an output or an error item, each paired with its input', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'collaborativeOffer', operation: 'add', addTo: 'folder', codeDossier: '={{ $json.code }}', offer: 'start' },
			{ items: [{ code: 'MANON001' }, { code: 'UNKNOWN1' }, { code: '' }, { code: 'CEGID003' }], continueOnFail: true },
		);

		const output = run.outputs[0];
		expect(output).toHaveLength(4);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json.message).toBe("L'offre start a été ajoutée au dossier client MANON001");
		expect(output[1].json.error).toBe("Cegid Loop: Le dossier UNKNOWN1 n'existe pas (The folder UNKNOWN1 does not exist)");
		expect(output[1].json.details).toMatchObject({ httpCode: '400', itemIndex: 1 });
		expect(output[2].json.error).toBe('Folder Code must not be empty [item 2]');
		expect(output[3].json.message).toBe("L'offre start a été ajoutée au dossier client CEGID003");
	});

	test('with the error output, failed items go to the second output and the rest to the first', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'collaborativeOffer', operation: 'add', addTo: 'folder', codeDossier: '={{ $json.code }}', offer: 'start' },
			{ items: [{ code: 'MANON001' }, { code: 'UNKNOWN1' }], errorOutput: true },
		);

		expect(run.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(run.outputs[1].map((item) => item.pairedItem)).toEqual([{ item: 1 }]);
		expect(run.outputs[1][0].json.error).toContain('UNKNOWN1');
	});

	test('without Continue On Fail, one item at a time, the node stops at the first failing item and names it', async () => {
		const run = await runCegid(
			sandbox,
			{
				resource: 'collaborativeOffer',
				operation: 'add',
				addTo: 'folder',
				codeDossier: '={{ $json.code }}',
				offer: 'start',
				options: { maxConcurrentRequests: 1 },
			},
			{ items: [{ code: 'MANON001' }, { code: 'UNKNOWN1' }, { code: 'CEGID003' }] },
		);

		expect(run.error?.message).toContain('UNKNOWN1');
		expect(run.error?.context?.itemIndex).toBe(1);
		expect(sandbox.server.requests({ service: 'cegidLoop' })).toHaveLength(2);
	});

	test('a wrong subscription key fails with the gateway message and a hint, and no secret appears in the error', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'company', operation: 'provision', codeDossier: 'MANON004' },
			{ credentials: { subscriptionApiKey: 'wrong-subscription-key-123' }, continueOnFail: true },
		);

		const error = run.outputs[0][0].json;
		expect(error.error).toBe(
			'Cegid Loop: Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
		);
		expect(error.details).toMatchObject({ httpCode: '401', itemIndex: 0 });
		expect((error.details as { description: string }).description).toContain('Check the Subscription Key');
		const everything = JSON.stringify(run.run.data.resultData);
		expect(everything).not.toContain('wrong-subscription-key-123');
		expect(everything).not.toContain(String(sandbox.credentials.cegidLoopApi.applicationSecret));
	});

	test('a wrong application secret is refused by the service', async () => {
		const run = await runCegid(
			sandbox,
			{ resource: 'company', operation: 'provision', codeDossier: 'MANON004' },
			{ credentials: { applicationSecret: 'not-the-secret' } },
		);

		expect(run.error?.httpCode).toBe('401');
		expect(run.error?.message).toBe('Cegid Loop: Accès refusé : x-apikey invalide ou absente');
		expect(JSON.stringify(run.run.data.resultData)).not.toContain('not-the-secret');
	});

	test('a POST that the gateway throttles with 429 is retried after Retry-After and succeeds once', async () => {
		sandbox.server.addFault({ service: 'cegidLoop', path: 'provisionCompany', kind: 'status', status: 429, retryAfter: '0', times: 1 });

		const run = await runCegid(sandbox, { resource: 'company', operation: 'provision', codeDossier: 'MANON004' });

		expect(run.error).toBeUndefined();
		expect(sandbox.server.requests({ path: '/companyProvisioning/provisionCompany' }).map((entry) => entry.status)).toEqual([429, 200]);
	});

	test('a POST answered 503 is not retried, so that it can never be applied twice', async () => {
		sandbox.server.addFault({ service: 'cegidLoop', path: 'addClient', kind: 'status', status: 503, times: 1 });

		const run = await runCegid(sandbox, { ...client, operation: 'add' });

		expect(run.error?.httpCode).toBe('503');
		expect(sandbox.server.requests({ path: '/provisionningCollab/addClient' })).toHaveLength(1);
	});

	test('a POST whose connection is reset is not retried, and the user is told to check before running it again', async () => {
		sandbox.server.addFault({ service: 'cegidLoop', path: 'addClient', kind: 'reset', times: 1 });

		const run = await runCegid(sandbox, { ...client, operation: 'add' });

		expect(run.error?.message).toBe('Cegid Loop may have acted on this request: the connection was lost after it was sent (ECONNRESET)');
		expect(run.error?.description).toContain('Check in Cegid Loop whether it was applied before running this item again');
		expect(sandbox.server.requests({ path: '/provisionningCollab/addClient' })).toHaveLength(1);
	});
});
