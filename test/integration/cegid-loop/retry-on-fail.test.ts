/**
 * n8n's Retry On Fail (node settings) runs the whole node again with the same input when it throws,
 * or, with Continue On Fail, when its first output item is an error (n8n 2.41, WorkflowExecute).
 * Within one execution, a write that already succeeded is not sent again by such a retry: each
 * client reaches the service once, and the output says which answers were recorded in an earlier try.
 */
import type { INodeParameters } from 'n8n-workflow';

import { CegidLoopApi } from '../../../credentials/CegidLoopApi.credentials';
import { CegidLoop } from '../../../nodes/CegidLoop/CegidLoop.node';
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { runNode } from '../../support/run-node';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => await sandbox.close());

beforeEach(() => {
	sandbox.server.reset();
	sandbox.server.latencyMs = 10;
});

const TENANT = 'client.example';

const addClients: INodeParameters = {
	resource: 'client',
	operation: 'add',
	email: '={{ $json.email }}',
	codeDossier: 'CEGID003',
	offer: 'consultation',
	lastName: '={{ $json.lastName }}',
	firstName: 'Retried',
	options: { maxConcurrentRequests: 4 },
};

/** Clients; those at `failing` have an address outside the tenant, which Cegid refuses every time. */
function clients(count: number, failing: number[]) {
	return Array.from({ length: count }, (_, index) => ({
		email: `client${index}@${failing.includes(index) ? 'outside.example' : TENANT}`,
		lastName: `Client ${index}`,
	}));
}

/** How many Add requests reached the sandbox for each input item. */
function requestsPerItem(count: number): number[] {
	const perItem = new Array<number>(count).fill(0);
	for (const entry of sandbox.server.requests({ service: 'cegidLoop', path: '/provisionningCollab/addClient' })) {
		const index = Number(/client(\d+)@/.exec(entry.bodyText)?.[1]);
		perItem[index]++;
	}
	return perItem;
}

async function runWithRetries(count: number, failing: number[], continueOnFail: boolean) {
	return await runNode({
		node: new CegidLoop(),
		credentialTypes: [new CegidLoopApi()],
		credentials: { cegidLoopApi: sandbox.credentials.cegidLoopApi as Record<string, string> },
		parameters: addClients,
		items: clients(count, failing),
		continueOnFail,
		retry: { retryOnFail: true, maxTries: 3, waitBetweenTries: 10 },
	});
}

describe('Retry On Fail with 3 tries', () => {
	test('without Continue On Fail, a later item failing: every client that was added reached Cegid once', async () => {
		const run = await runWithRetries(12, [6], false);

		expect(run.error?.context?.itemIndex).toBe(6);
		const perItem = requestsPerItem(12);
		// The refused item was tried in each of the 3 tries; every write that succeeded was sent once.
		expect(perItem[6]).toBe(3);
		expect(perItem.filter((requests, index) => index !== 6 && requests > 1)).toEqual([]);
		expect(perItem.slice(0, 6)).toEqual([1, 1, 1, 1, 1, 1]);
	});

	test('without Continue On Fail, the first item failing: the items already sent with it are not sent again', async () => {
		const run = await runWithRetries(12, [0], false);

		expect(run.error?.context?.itemIndex).toBe(0);
		const perItem = requestsPerItem(12);
		expect(perItem[0]).toBe(3);
		expect(Math.max(...perItem.slice(1))).toBe(1);
	});

	test('with Continue On Fail, the first item failing (n8n retries the node): each client reached Cegid once, and the output says which were not sent again', async () => {
		const run = await runWithRetries(12, [0], true);

		expect(run.error).toBeUndefined();
		const perItem = requestsPerItem(12);
		expect(perItem[0]).toBe(3);
		expect(perItem.slice(1)).toEqual(new Array(11).fill(1));
		expect(run.json).toHaveLength(12);
		expect(String(run.json[0].error)).toContain('inviter sur votre tenant');
		for (const json of run.json.slice(1)) {
			expect(json.interloc).toBeDefined();
			expect(json.notSentAgain).toBe(
				'POST /provisionningCollab/addClient succeeded in an earlier try of this node in this execution (Retry On Fail), so it was not sent again; this is the answer recorded then.',
			);
		}
	});

	test('with Continue On Fail, a later item failing (n8n does not retry): each client reached Cegid once', async () => {
		const run = await runWithRetries(12, [6], true);

		expect(run.error).toBeUndefined();
		expect(requestsPerItem(12)).toEqual(new Array(12).fill(1));
		expect(run.json.filter((json) => json.notSentAgain !== undefined)).toEqual([]);
	});

	test('a write whose outcome was unknown (502 after Cegid acted) is not sent again by a retry either: it fails with the same error', async () => {
		sandbox.server.faultPlans.set('cegidLoop', { method: 'POST', every: 3, times: 1, faults: { kind: 'lost', as: '502' } });

		const run = await runWithRetries(8, [], false);

		const lost = run.error?.context?.itemIndex as number;
		expect(run.error?.message).toContain('Cegid Loop');
		expect(run.error?.description).toContain('was sent once and not repeated');
		expect(requestsPerItem(8)[lost]).toBe(1);
		expect(Math.max(...requestsPerItem(8))).toBe(1);
	});
});
