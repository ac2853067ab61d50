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
};
