/** The shared pause of a credential on its own: who waits, and how the waiters leave. */
import { retryClock } from '../../nodes/shared/retry';
import { pauseCredential, waitOutPause } from '../../nodes/shared/throttle';

afterEach(() => jest.restoreAllMocks());

test('requests held by a pause leave spread over up to a quarter of it, not all at the same instant', async () => {
	const waits: number[] = [];
	jest.spyOn(retryClock, 'sleep').mockImplementation(async (ms: number) => {
		waits.push(ms);
	});
	const draws = [0.1, 0.5, 0.9, 1];
	jest.spyOn(retryClock, 'random').mockImplementation(() => draws.shift() ?? 0);

	const pause = pauseCredential('spread-credential', 1_000);
	await Promise.all([pause, waitOutPause('spread-credential'), waitOutPause('spread-credential'), waitOutPause('spread-credential')]);

	// One shared timer of 1 s, then each request's own share of up to 250 ms.
	expect(waits[0]).toBe(1_000);
	expect(waits.slice(1).sort((a, b) => a - b)).toEqual([25, 125, 225, 250]);
});

test('a request with no pause under way leaves at once', async () => {
	const sleep = jest.spyOn(retryClock, 'sleep');
	await waitOutPause('never-paused-credential');
	expect(sleep).not.toHaveBeenCalled();
});
