/**
 * Several items in flight at once (Max Concurrent Requests): what the user sees must not change
 * with it. Output order, pairing and Continue On Fail stay as they were one item at a time; the
 * sandbox never has more requests of the node at once than the option allows; a failure without
 * Continue On Fail stops new items and names those already sent; a 429 holds every item back.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import type { LogEntry } from '../../../sandbox/core/server';
import { runCegid } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

/** Client → Add for items that carry their e-mail; an item whose e-mail is outside the tenant fails. */
function addClients(maxConcurrentRequests: number): INodeParameters {
	return {
		resource: 'client',
		operation: 'add',
		email: '={{ $json.email }}',
		codeDossier: 'CEGID003',
		offer: 'consultation',
		lastName: '={{ $json.lastName }}',
		firstName: 'Concurrent',
		options: { maxConcurrentRequests },
	};
}

const TENANT = 'client.example';

function clients(count: number, failing: number[] = [], invalid: number[] = []) {
	return Array.from({ length: count }, (_, index) => ({
		email: invalid.includes(index)
			? 'not-an-address'
			: `client${index}@${failing.includes(index) ? 'outside.example' : TENANT}`,
		lastName: `Client ${index}`,
	}));
}

/** The input items whose request reached the sandbox, read from the e-mail each request carried. */
function itemsReceived(): number[] {
	return sandbox.server
		.requests({ service: 'cegidLoop', path: '/provisionningCollab/addClient' })
		.map((entry) => Number(/client(\d+)@/.exec(entry.bodyText)?.[1]))
		.sort((a, b) => a - b);
}

function pairing(items: INodeExecutionData[]): number[] {
	return items.map((item) => (item.pairedItem as { item: number }).item);
}

test('30 clients with 5 in flight: output in input order, each paired with its item, never more than 5 requests at once', async () => {
	sandbox.server.latencyMs = 30;
	// The first request to arrive answers last, so that answers come back out of input order.
	sandbox.server.addFault({ service: 'cegidLoop', kind: 'delay', delayMs: 300, times: 1 });

	const run = await runCegid(sandbox, addClients(5), { items: clients(30) });

	expect(run.error).toBeUndefined();
	expect(pairing(run.outputs[0])).toEqual([...Array(30).keys()]);
	const contacts = sandbox.state.cegidLoop.contacts;
	expect(run.json.map((json) => (json.interloc as { data: { objectId: string } }).data.objectId)).toEqual(
		[...Array(30).keys()].map((index) => contacts.get(`client${index}@${TENANT}`)?.objectId),
	);
	expect(sandbox.server.peakInFlight('cegidLoop')).toBe(5);
});

test('with Continue On Fail, the failed items become error items in their own places', async () => {
	sandbox.server.latencyMs = 20;

	const run = await runCegid(sandbox, addClients(4), { items: clients(12, [3, 7], [10]), continueOnFail: true });

	expect(run.error).toBeUndefined();
	expect(pairing(run.outputs[0])).toEqual([...Array(12).keys()]);
	const failed = run.json.flatMap((json, index) => (json.error === undefined ? [] : [index]));
	expect(failed).toEqual([3, 7, 10]);
	expect(String(run.json[3].error)).toContain('inviter sur votre tenant');
	expect(String(run.json[10].error)).toBe('Email is not a valid email address: "not-an-address" [item 10]');
	expect(sandbox.server.peakInFlight('cegidLoop')).toBeLessThanOrEqual(4);
});

test('without Continue On Fail, an item refused before sending stops the run and the error names the items already sent', async () => {
	sandbox.server.latencyMs = 50;

	const run = await runCegid(sandbox, addClients(4), { items: clients(10, [], [1]) });

	expect(run.error?.message).toBe('Email is not a valid email address: "not-an-address" [item 1]');
	expect(run.error?.description).toContain(
		'Items 2 and 3 were already sent when item 1 failed, so their writes may have happened (they succeeded); a re-run sends them again.',
	);
	// Items 0, 2 and 3 had started with it; nothing started after the failure.
	expect(itemsReceived()).toEqual([0, 2, 3]);
});

test('without Continue On Fail, a failure at the service names exactly the later items that reached it, and no item starts after it', async () => {
	sandbox.server.latencyMs = 40;

	const run = await runCegid(sandbox, addClients(2), { items: clients(10, [3]) });

	expect(run.error?.message).toContain('inviter sur votre tenant');
	expect(run.error?.context?.itemIndex).toBe(3);
	const later = itemsReceived().filter((index) => index > 3);
	// Two in flight: when item 3 failed, at most one other item was under way.
	expect(later.length).toBeLessThanOrEqual(1);
	if (later.length === 1) {
		expect(run.error?.description).toContain(`Item ${later[0]} was already sent when item 3 failed`);
	} else {
		expect(run.error?.description ?? '').not.toContain('already sent');
	}
	expect(itemsReceived().filter((index) => index < 3)).toEqual([0, 1, 2]);
});

test('when every item is in flight and one fails, the error lists all the later ones and what became of them', async () => {
	sandbox.server.latencyMs = 50;

	const run = await runCegid(sandbox, addClients(6), { items: clients(6, [1, 4]) });

	expect(run.error?.context?.itemIndex).toBe(1);
	expect(run.error?.description).toContain(
		'Items 2, 3, 4 and 5 were already sent when item 1 failed, so their writes may have happened (item 4 failed too, the others succeeded); a re-run sends them again.',
	);
	expect(itemsReceived()).toEqual([0, 1, 2, 3, 4, 5]);
});

test('a 429 with Retry-After holds every item back until the time given, then fewer run at once', async () => {
	sandbox.server.latencyMs = 100;
	sandbox.server.addFault({ service: 'cegidLoop', kind: 'status', status: 429, retryAfter: '1', times: 1 });

	const run = await runCegid(sandbox, addClients(4), { items: clients(16) });

	expect(run.error).toBeUndefined();
	expect(pairing(run.outputs[0])).toEqual([...Array(16).keys()]);
	const log = sandbox.server.requests({ service: 'cegidLoop' });
	const throttled = log.find((entry) => entry.status === 429) as LogEntry;
	const pauseEnds = Date.parse(throttled.time) + throttled.durationMs + 1000;
	const sentAfterThrottling = log.filter((entry) => entry.seq > throttled.seq && Date.parse(entry.time) > Date.parse(throttled.time) + throttled.durationMs);
	// Requests already on their way when the 429 came are not recalled; no new one goes out before
	// the second it asked for has passed (a millisecond of rounding in the log's times).
	for (const entry of sentAfterThrottling) expect(Date.parse(entry.time)).toBeGreaterThanOrEqual(pauseEnds - 1);
	// Four in flight halve to two: after the pause (its end spread over up to a quarter of it), a
	// third request leaves only once one of the first two was answered.
	const [first, second, third] = [...sentAfterThrottling].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
	expect(second).toBeDefined();
	const firstAnswer = Math.min(...[first, second].map((entry) => Date.parse(entry.time) + entry.durationMs));
	if (third) expect(Date.parse(third.time)).toBeGreaterThanOrEqual(firstAnswer - 1);
	expect(sandbox.server.peakInFlight('cegidLoop')).toBeLessThanOrEqual(4);
	expect(log).toHaveLength(17);
});
