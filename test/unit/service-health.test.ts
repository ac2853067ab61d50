/**
 * The "service down" rule on its own, decided by time and evidence: failures lasting five seconds
 * with no answer in between, not three parallel casualties of one blip.
 */
import { retryClock } from '../../nodes/shared/retry';
import { ServiceHealth, serviceHealthFor } from '../../nodes/shared/serviceHealth';

let now: number;
beforeEach(() => {
	now = 1_000_000;
	jest.spyOn(retryClock, 'now').mockImplementation(() => now);
	jest.spyOn(retryClock, 'sleep').mockImplementation(async (ms: number) => {
		now += ms;
	});
});
afterEach(() => jest.restoreAllMocks());

const refused = { signature: 'ECONNREFUSED', message: 'Example could not be reached (ECONNREFUSED)' };

test('fifty requests in flight caught by one short 502 do not make the service count as down', () => {
	const health = new ServiceHealth();
	for (let request = 0; request < 50; request++) health.attemptFailed(now, 'HTTP 502', 'Example answered HTTP 502');
	now += 2_000;
	expect(health.down()).toBeUndefined();
	// The first request after the blip is answered: the outage is over.
	health.answered(now);
	now += 10_000;
	expect(health.down()).toBeUndefined();
});

test('failures that last five seconds with no answer in between make the service count as down', () => {
	const health = new ServiceHealth();
	const start = now;
	health.attemptFailed(now, refused.signature, refused.message);
	now += 2_000;
	health.attemptFailed(now, refused.signature, refused.message);
	now += 2_000;
	health.attemptFailed(now, refused.signature, refused.message);
	expect(health.down()).toBeUndefined();
	now = start + 5_000;
	health.attemptFailed(now, refused.signature, refused.message);

	expect(health.down()).toEqual({ ...refused, count: 4, lastedMs: 5_000 });
});

test('a call\'s final error is what the later items are told', () => {
	const health = new ServiceHealth();
	health.attemptFailed(now, 'HTTP 503', 'Example answered HTTP 503');
	health.failed({ signature: 'HTTP 503', message: 'Example: Service unavailable', httpCode: '503' });
	health.attemptFailed(now, 'HTTP 503', 'Example answered HTTP 503');
	now += 6_000;
	health.attemptFailed(now, 'HTTP 503', 'Example answered HTTP 503');

	expect(health.down()).toMatchObject({ message: 'Example: Service unavailable', httpCode: '503' });
});

test('an answer to a request sent before the outage began does not end it', () => {
	const health = new ServiceHealth();
	const sentBefore = now - 100;
	health.attemptFailed(now, refused.signature, refused.message);
	health.answered(sentBefore);
	health.attemptFailed(now + 1, refused.signature, refused.message);
	now += 5_000;
	health.attemptFailed(now, refused.signature, refused.message);

	expect(health.down()).toBeDefined();
});

test('once down, the service stays down for the rest of the run, even if a late answer arrives', () => {
	const health = new ServiceHealth();
	for (let failure = 0; failure < 3; failure++) health.attemptFailed(now, refused.signature, refused.message);
	now += 5_000;
	expect(health.down()).toBeDefined();
	health.answered(now);

	expect(health.down()?.signature).toBe('ECONNREFUSED');
});

test('while the service is suspect, one request at a time goes out, and an answer lets everyone go', async () => {
	const health = new ServiceHealth();
	expect(await health.turn()).toBeUndefined();
	health.attemptFailed(now, refused.signature, refused.message);

	const probe = await health.turn();
	expect(probe).toBeDefined();
	let released = 0;
	const others = [1, 2, 3].map(async () => {
		const turn = await health.turn();
		released++;
		return turn;
	});
	await new Promise((resolve) => setImmediate(resolve));
	expect(released).toBe(0);

	health.answered(now);
	probe!();
	const turns = await Promise.all(others);
	expect(released).toBe(3);
	expect(turns).toEqual([undefined, undefined, undefined]);
});

test('each run and each service has its own health', () => {
	const run = {};
	expect(serviceHealthFor(run, 'A')).toBe(serviceHealthFor(run, 'A'));
	expect(serviceHealthFor(run, 'A')).not.toBe(serviceHealthFor(run, 'B'));
	expect(serviceHealthFor({}, 'A')).not.toBe(serviceHealthFor(run, 'A'));
});
