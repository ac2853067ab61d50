/**
 * Continue On Fail in a real n8n: with "On Error: Continue (using error output)", an item whose
 * call fails leaves on the error output with the service's message, the other items go on, and
 * the execution succeeds.
 */
import type { Sandbox } from '../../sandbox';
import { freshN8n, startE2eSandbox, succeeded } from '../support/e2e';
import { outputItems } from '../support/n8n';
import type { WorkflowFile } from '../support/n8n';

const workflow: WorkflowFile = {
	id: 'b2bE2eErrorOut001',
	name: 'E2E: a failing item goes to the error output',
	nodes: [
		{ id: 'd0000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'd0000000-0000-4000-8000-000000000002',
			name: 'Folders',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: "return [{ json: { codeDossier: 'MANON001' } }, { json: { codeDossier: 'NOPE999' } }, { json: { codeDossier: '044212' } }];" },
		},
		{
			id: 'd0000000-0000-4000-8000-000000000003',
			name: 'Add collaborative offer',
			type: 'n8n-nodes-b2b-provisioning.cegidLoop',
			typeVersion: 1,
			position: [400, 0],
			onError: 'continueErrorOutput',
			parameters: { resource: 'collaborativeOffer', operation: 'add', codeDossier: '={{ $json.codeDossier }}', offer: 'consultation' },
			credentials: { cegidLoopApi: { id: 'cegidLoopApi', name: 'Cegid Loop API (sandbox)' } },
		},
		{ id: 'd0000000-0000-4000-8000-000000000004', name: 'Added', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [600, -100], parameters: {} },
		{ id: 'd0000000-0000-4000-8000-000000000005', name: 'Failed', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [600, 100], parameters: {} },
	],
	connections: {
		Start: { main: [[{ node: 'Folders', type: 'main', index: 0 }]] },
		Folders: { main: [[{ node: 'Add collaborative offer', type: 'main', index: 0 }]] },
		'Add collaborative offer': {
			main: [[{ node: 'Added', type: 'main', index: 0 }], [{ node: 'Failed', type: 'main', index: 0 }]],
		},
	},
	settings: { executionOrder: 'v1' },
};

describe('Continue On Fail with the error output', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startE2eSandbox();
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	test('the item whose call fails goes to the error output with the service message, the others go on', async () => {
		const n8n = await freshN8n('continue-on-fail');
		await n8n.importWorkflows([workflow]);

		const run = succeeded(await n8n.execute(workflow.id));

		const node = 'Add collaborative offer';
		expect(outputItems(run, node, 0).map((item) => item.json.message)).toEqual([
			"L'offre consultation a été ajoutée au dossier client MANON001",
			"L'offre consultation a été ajoutée au dossier client 044212",
		]);
		const failed = outputItems(run, node, 1);
		expect(failed).toHaveLength(1);
		// n8n itself builds the error output's item: the input item's fields, the error and its details.
		expect(failed[0].json).toEqual({
			codeDossier: 'NOPE999',
			error: expect.stringContaining('The folder NOPE999 does not exist'),
			details: expect.objectContaining({ httpCode: '400', itemIndex: 1 }),
		});
		expect(failed[0].pairedItem).toEqual({ item: 1 });
		expect(outputItems(run, 'Failed')).toHaveLength(1);
		expect(sandbox.server.requests({ service: 'cegidLoop', path: '/collaborativeOffer/addOffer' })).toHaveLength(3);
		n8n.remove();
	});
});
