import { allOutputItems, outputItems } from '../../support/n8n';
import type { ExampleExpectation } from './types';

export const cegidLoopExamples: Record<string, ExampleExpectation> = {
	'cegid-loop-onboard-client-folders': {
		does: 'onboards MANON004 and collects the two folders that fail, with the step that failed',
		check: (run, sandbox) => {
			const onboarded = outputItems(run, 'Onboarded');
			expect(onboarded.map((item) => item.json)).toEqual([
				{
					codeDossier: 'MANON004',
					email: 'anna.martin@client.example',
					contactId: expect.stringMatching(/^[0-9a-f-]{36}$/),
					status: 'onboarded',
				},
			]);

			const failures = allOutputItems(run, 'Collect failures').map((item) => item.json);
			expect(failures).toHaveLength(2);
			expect(failures).toEqual(
				expect.arrayContaining([
					expect.objectContaining({ codeDossier: 'MANON099', failedStep: 'Provision company', error: expect.any(String) }),
					expect.objectContaining({ codeDossier: 'CEGID003', failedStep: 'Add client', error: expect.any(String) }),
				]),
			);
			for (const failure of failures) expect(String(failure.error)).not.toBe('');

			const calls = (path: string) => sandbox.server.requests({ service: 'cegidLoop', method: 'POST', path }).length;
			expect(calls('/companyProvisioning/provisionCompany')).toBe(3);
			expect(calls('/collaborativeOffer/addOffer')).toBe(2);
			expect(calls('/provisionningCollab/addClient')).toBe(2);

			const folder = sandbox.state.cegidLoop.folder('MANON004');
			expect(folder).toMatchObject({ status: 'Opérationnel', offers: ['consultation'] });
			const contact = sandbox.state.cegidLoop.contact('anna.martin@client.example');
			expect(contact).toMatchObject({ codeDossier: 'MANON004', nom: 'Martin', prenom: 'Anna', applications: ['consultation'] });
		},
	},
	'cegid-loop-give-contacts-an-offer': {
		does: 'provisions, adds the clients and their extra offer; an already provisioned folder passes as alreadyDone',
		check: (run, sandbox) => {
			expect(outputItems(run, 'Provision company').map((item) => item.json)).toEqual([
				{ codeDossier: 'MANON004', provisioned: true },
				{
					codeDossier: 'CEGID003',
					provisioned: true,
					alreadyDone: true,
					message: 'Le dossier CEGID003 est déjà approvisionné',
				},
			]);
			expect(outputItems(run, 'Add the extra offer').map((item) => item.json.message)).toEqual([
				"L'offre start a été ajoutée au dossier client MANON004",
				"L'offre co-production a été ajoutée au dossier client CEGID003",
			]);

			const calls = (path: string) => sandbox.server.requests({ service: 'cegidLoop', method: 'POST', path });
			// Items are sent several at once (Max Concurrent Requests): each offer once, in any order.
			const offers = calls('/collaborativeOffer/addCollaborativeOffer').map((entry) => JSON.parse(entry.bodyText) as unknown);
			expect(offers).toHaveLength(2);
			expect(offers).toEqual(
				expect.arrayContaining([
					{ email: 'anna.martin@client.example', codeDossier: 'MANON004', offre: 'start' },
					{ email: 'paul.bernard@client.example', codeDossier: 'CEGID003', offre: 'co-production' },
				]),
			);
			expect(calls('/collaborativeOffer/addOffer')).toHaveLength(0);
			expect(sandbox.state.cegidLoop.contact('anna.martin@client.example')?.applications).toEqual(['consultation', 'start']);
			expect(sandbox.state.cegidLoop.contact('paul.bernard@client.example')?.applications).toEqual(['consultation', 'co-production']);
		},
	},
};
