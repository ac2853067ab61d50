/**
 * The package's nodes inside the n8n server process, not only the CLI: a published webhook workflow
 * in `n8n start`, called over HTTP the way another system would call it.
 */
import { randomUUID } from 'node:crypto';

import type { Sandbox } from '../../sandbox';
import { freshN8n, startE2eSandbox } from '../support/e2e';
import type { N8nInstance, N8nServer, WorkflowFile } from '../support/n8n';
import { packageNodeTypes, projectPackageJson } from '../support/package';
import { freePort } from '../support/runtime';

const WEBHOOK_PATH = 'b2b-e2e-add-offer';

const webhookWorkflow: WorkflowFile = {
	id: 'b2bE2eWebhook0001',
	name: 'E2E: add an offer from a webhook',
	nodes: [
		{
			id: 'c1f4a0b2-0000-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		},
		{
			id: 'c1f4a0b2-0000-4000-8000-000000000002',
			name: 'Add collaborative offer',
			type: 'n8n-nodes-b2b-provisioning.cegidLoop',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				resource: 'collaborativeOffer',
				operation: 'add',
				codeDossier: '={{ $json.body.codeDossier }}',
				offer: '={{ $json.body.offer }}',
			},
			credentials: { cegidLoopApi: { id: 'cegidLoopApi', name: 'Cegid Loop API (sandbox)' } },
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'Add collaborative offer', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

describe('a webhook workflow in the n8n server', () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;
	let server: N8nServer;
	let ownerCookie: string;

	beforeAll(async () => {
		sandbox = await startE2eSandbox();
		n8n = await freshN8n('webhook');
		await n8n.importWorkflows([webhookWorkflow]);
		await n8n.publish(webhookWorkflow.id);
		server = await n8n.startServer(await freePort());
		ownerCookie = await server.setupOwner({
			email: 'e2e@example.com',
			password: 'E2e-password-1',
			firstName: 'End',
			lastName: 'ToEnd',
		});
	});

	afterAll(async () => {
		await server?.stop();
		await sandbox?.close();
		n8n?.remove();
	});

	beforeEach(() => {
		sandbox.server.reset();
	});

	test('the server loads every node of the package from the installed community package', async () => {
		const response = await fetch(`${server.url}/types/nodes.json`, { headers: { Cookie: ownerCookie } });
		expect(response.status).toBe(200);
		const types = ((await response.json()) as Array<{ name: string }>).map((type) => type.name);
		expect(types).toEqual(expect.arrayContaining(packageNodeTypes()));
	});

	test('Settings → Community Nodes lists the package with every one of its nodes', async () => {
		const response = await fetch(`${server.url}/rest/community-packages`, { headers: { Cookie: ownerCookie } });
		expect(response.status).toBe(200);
		const { data } = (await response.json()) as {
			data: Array<{ packageName: string; installedVersion: string; installedNodes: Array<{ type: string }> }>;
		};
		const listed = data.find((entry) => entry.packageName === projectPackageJson().name);
		expect(listed?.installedVersion).toBe(projectPackageJson().version);
		expect(listed?.installedNodes.map((node) => node.type).sort()).toEqual([...packageNodeTypes()].sort());
	});

	test('a POST to the webhook runs the Cegid Loop node in the server and answers with its output', async () => {
		const response = await fetch(`${server.url}/webhook/${WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ codeDossier: 'MANON001', offer: 'start' }),
		});

		expect(response.status).toBe(200);
		expect(await response.json()).toEqual([
			expect.objectContaining({ message: "L'offre start a été ajoutée au dossier client MANON001" }),
		]);
		const calls = sandbox.server.requests({ service: 'cegidLoop', method: 'POST', path: '/collaborativeOffer/addOffer' });
		expect(calls).toHaveLength(1);
		expect(JSON.parse(calls[0].bodyText)).toEqual({ codeDossier: 'MANON001', offre: 'start' });
	});

	test('a failing call in the server answers the webhook with the error instead of hanging', async () => {
		const response = await fetch(`${server.url}/webhook/${WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ codeDossier: 'NOPE999', offer: 'start' }),
		});

		expect(response.status).toBe(500);
		expect(sandbox.server.requests({ service: 'cegidLoop', path: '/collaborativeOffer/addOffer' })).toHaveLength(1);
	});
});
