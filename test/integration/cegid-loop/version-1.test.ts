/**
 * Workflows saved with version 1 of the node, the first release, with their parameters exactly as the
 * editor saved them then (n8n leaves out values equal to a field's default): Folder Code as plain
 * text, no Add To (version 1 adds an offer to the whole folder). They do what they did then.
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

describe('Cegid Loop: workflows saved with version 1', () => {
	test('Collaborative Offer → Add gives the offer to the folder, the older way', async () => {
		const run = await runCegid(sandbox, { resource: 'collaborativeOffer', codeDossier: 'MANON001', offer: 'start' }, { typeVersion: 1 });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([
			{
				message: "L'offre start a été ajoutée au dossier client MANON001",
				messageEnglish: 'The offer start was added to the client folder MANON001',
			},
		]);
		const requests = sandbox.server.requests({ service: 'cegidLoop' });
		expect(requests.map((request) => request.path)).toEqual(['/collaborativeOffer/addOffer']);
		expect(JSON.parse(requests[0].bodyText)).toEqual({ codeDossier: 'MANON001', offre: 'start' });
	});

	test('Company → Provision (the default operation) provisions the folder typed as plain text', async () => {
		const run = await runCegid(sandbox, { codeDossier: 'MANON004' }, { typeVersion: 1 });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ codeDossier: 'MANON004', provisioned: true }]);
		expect(sandbox.state.cegidLoop.folder('MANON004')?.status).toBe('Opérationnel');
	});
});
