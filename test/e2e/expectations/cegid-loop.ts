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
	'cegid-loop-export-chart-of-accounts-and-customers': {
		does: "exports folder MANON001's 130 accounts and its three active customers to two CSV files",
		check: (run, sandbox, n8n) => {
			expect(outputItems(run, 'Chart of accounts')).toHaveLength(130);
			const [accounts] = outputItems(run, 'Accounts file');
			expect(accounts.binary?.data).toMatchObject({ fileName: 'MANON001-chart-of-accounts.csv', mimeType: 'text/csv' });
			const accountRows = n8n.readBinary(accounts.binary!.data).toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
			expect(accountRows[0]).toBe('Account,Label,Type,Control account,Lettering,Closed');
			expect(accountRows).toHaveLength(131);
			expect(accountRows[1]).toBe('101000,Capital,1,no,no,no');
			expect(accountRows).toContain('411000,Clients,4,yes,yes,no');

			const [customers] = outputItems(run, 'Customers file');
			expect(customers.binary?.data).toMatchObject({ fileName: 'MANON001-customers.csv', mimeType: 'text/csv' });
			const customerRows = n8n.readBinary(customers.binary!.data).toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
			expect(customerRows[0]).toBe('Code,Company name,SIRET,Email,Phone');
			expect(customerRows.slice(1).map((row) => row.split(',')[0])).toEqual(['411DECO', '411ZOE', '411DUPONT']);

			// Cegid's read: GET /compte and /tiersClient with the folder's codeDossier, paged with skip/take.
			const reads = (path: string) => sandbox.server.requests({ service: 'cegidLoop', method: 'GET', path });
			expect(reads('/compte').map((entry) => [entry.query.codeDossier?.[0], entry.query.skip?.[0]])).toEqual([
				['MANON001', '0'],
				['MANON001', '100'],
				['MANON001', '130'],
			]);
			expect(reads('/compte')[0].query.select).toEqual(['numero,libelle,type,collectif,lettrable,ferme']);
			expect(reads('/tiersClient')[0].query.filter).toEqual(['actif==true']);
		},
	},
	'cegid-loop-entries-of-a-lettering-package': {
		does: 'reads the 130 lines of a lettering package in pages of 100 and sums it up',
		check: (run, sandbox) => {
			expect(outputItems(run, 'Entries of the package')).toHaveLength(130);
			expect(outputItems(run, 'Package summary').map((item) => item.json)).toEqual([
				{
					codeLettrage: '5f0c1e9a-2b7d-4c3e-9a1f-6d2e8b4c7a10',
					lines: 130,
					journals: ['BQ', 'VT'],
					from: '2026-01-01',
					to: '2026-02-28',
					firstReferences: ['LOT-028', 'LOT-056', 'LOT-001'],
				},
			]);
			const reads = sandbox.server.requests({ service: 'cegidLoop', method: 'GET', path: '/EcritureComptable' });
			expect(reads.map((entry) => [entry.query.skip?.[0], entry.query.take?.[0]])).toEqual([
				['0', '100'],
				['100', '100'],
				['130', '100'],
			]);
			expect(reads[0].query.filter).toEqual(['codeLettrage=="5f0c1e9a-2b7d-4c3e-9a1f-6d2e8b4c7a10"']);
			expect(reads[0].query.sort).toEqual(['datePiece&&refPiece']);
		},
	},
};
