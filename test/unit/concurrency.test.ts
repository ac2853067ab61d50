/**
 * The bounded loop and the in-flight limit on their own, with tasks the test settles by hand.
 */
import { AdaptiveLimit, runBounded } from '../../nodes/shared/concurrency';

/** Tasks that stay pending until the test settles them, recording how many run at once. */
function manualTasks() {
	const settle = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
	const started: number[] = [];
	let running = 0;
	let peak = 0;
	const task = async (index: number): Promise<string> => {
		started.push(index);
		running++;
		peak = Math.max(peak, running);
		try {
			return await new Promise<string>((resolve, reject) => settle.set(index, { resolve, reject }));
		} finally {
			running--;
		}
	};
	return { task, settle, started, peak: () => peak };
}

const tick = async (): Promise<void> => await new Promise((resolve) => setImmediate(resolve));

describe('runBounded', () => {
	test('runs no more tasks at once than the limit, starts them in index order and returns outcomes in index order', async () => {
		const { task, settle, started, peak } = manualTasks();
		const done = runBounded(7, new AdaptiveLimit(3), task, false);

		await tick();
		expect(started).toEqual([0, 1, 2]);
		// Finish out of order: the later item first.
		settle.get(2)!.resolve('two');
		await tick();
		expect(started).toEqual([0, 1, 2, 3]);
		for (const index of [3, 0, 1]) settle.get(index)!.resolve(String(index));
		await tick();
		for (const index of [4, 5, 6]) settle.get(index)!.resolve(String(index));

		expect(await done).toEqual(['0', '1', 'two', '3', '4', '5', '6'].map((value) => ({ value })));
		expect(peak()).toBe(3);
	});

	test('after a failure with stopAfterFailure, starts nothing new and waits for the tasks already running', async () => {
		const { task, settle, started } = manualTasks();
		const done = runBounded(10, new AdaptiveLimit(3), task, true);

		await tick();
		const failure = new Error('item 1 refused');
		settle.get(1)!.reject(failure);
		await tick();
		expect(started).toEqual([0, 1, 2]);
		let finished = false;
		void done.then(() => (finished = true));
		await tick();
		expect(finished).toBe(false);
		settle.get(0)!.resolve('0');
		settle.get(2)!.resolve('2');

		const outcomes = await done;
		expect(outcomes.slice(0, 3)).toEqual([{ value: '0' }, { error: failure }, { value: '2' }]);
		expect(outcomes.slice(3)).toEqual(new Array(7).fill(undefined));
	});

	test('without stopAfterFailure every task runs, failed or not', async () => {
		const outcomes = await runBounded(
			5,
			new AdaptiveLimit(2),
			async (index) => {
				if (index % 2 === 1) throw new Error(`item ${index}`);
				return index;
			},
			false,
		);
		expect(outcomes.map((outcome) => (outcome && 'value' in outcome ? outcome.value : 'failed'))).toEqual([
			0,
			'failed',
			2,
			'failed',
			4,
		]);
	});

	test('zero tasks finish at once', async () => {
		expect(await runBounded(0, new AdaptiveLimit(4), async () => 1, true)).toEqual([]);
	});

	test('a limit lowered while tasks run holds new ones back until fewer run than the new limit', async () => {
		const { task, settle, started } = manualTasks();
		const limit = new AdaptiveLimit(4);
		const done = runBounded(8, limit, task, false);
		await tick();
		expect(started).toEqual([0, 1, 2, 3]);

		limit.throttled(1); // 4 -> 2
		settle.get(0)!.resolve('0');
		settle.get(1)!.resolve('1');
		await tick();
		expect(started).toEqual([0, 1, 2, 3]);
		settle.get(2)!.resolve('2');
		await tick();
		expect(started).toEqual([0, 1, 2, 3, 4]);

		// Settle whatever is running until the loop is done.
		let finished = false;
		void done.then(() => (finished = true));
		while (!finished) {
			for (const [index, handle] of settle) {
				settle.delete(index);
				handle.resolve(String(index));
			}
			await tick();
		}
		expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect((await done).every((outcome) => outcome !== undefined && 'value' in outcome)).toBe(true);
	});
});

/** Sends `count` attempts through the limit at once and returns their numbers and leave functions. */
async function sendAll(limit: AdaptiveLimit, count: number) {
	return await Promise.all(Array.from({ length: count }, async () => await limit.enter()));
}

describe('AdaptiveLimit', () => {
	test('starts at its maximum and halves on a throttling, down to 1', async () => {
		const limit = new AdaptiveLimit(10);
		expect(limit.size).toBe(10);
		for (const expected of [5, 2, 1, 1]) {
			const [attempt] = await sendAll(limit, 1);
			attempt.leave();
			limit.throttled(attempt.sent);
			expect(limit.size).toBe(expected);
		}
	});

	test('a burst of refusals is one congestion event: refusals of attempts sent before the decrease do not halve it again', async () => {
		const limit = new AdaptiveLimit(50);
		const burst = await sendAll(limit, 50);
		for (const attempt of burst) {
			attempt.leave();
			limit.throttled(attempt.sent);
		}
		expect(limit.size).toBe(25);
		// An attempt sent after the decrease and refused too is a new event.
		const [after] = await sendAll(limit, 1);
		limit.throttled(after.sent);
		expect(limit.size).toBe(12);
	});

	test('grows back to its maximum within one round of successes, never beyond it', async () => {
		const limit = new AdaptiveLimit(50);
		const [first] = await sendAll(limit, 1);
		first.leave();
		limit.throttled(first.sent); // 25
		let successes = 0;
		while (limit.size < 50) {
			const [attempt] = await sendAll(limit, 1);
			attempt.leave();
			limit.succeeded(attempt.sent);
			successes++;
		}
		// One round of 25 answers, not the ~1,200 successes that growing by one per round needed.
		expect(successes).toBe(25);
		const more = await sendAll(limit, 20);
		for (const attempt of more) limit.succeeded(attempt.sent);
		expect(limit.size).toBe(50);
	});

	test('answers to attempts sent before the throttling do not count towards growing back', async () => {
		const limit = new AdaptiveLimit(8);
		const before = await sendAll(limit, 8);
		for (const attempt of before) attempt.leave();
		limit.throttled(before[0].sent); // 4
		for (const attempt of before.slice(1)) limit.succeeded(attempt.sent);
		expect(limit.size).toBe(4);
		const [after] = await sendAll(limit, 1);
		limit.succeeded(after.sent);
		expect(limit.size).toBe(5);
	});

	test('holds attempts back once lowered: attempts already under way resume no more than the new limit at once', async () => {
		const limit = new AdaptiveLimit(4);
		const running = await sendAll(limit, 4);
		limit.throttled(running[0].sent); // 2
		for (const attempt of running) attempt.leave();
		// Four items come back from a pause at once; two may send.
		let entered = 0;
		const next = [1, 2, 3, 4].map(async () => {
			const attempt = await limit.enter();
			entered++;
			return attempt;
		});
		await tick();
		expect(entered).toBe(2);
		(await next[0]).leave();
		await tick();
		expect(entered).toBe(3);
		(await next[1]).leave();
		(await next[2]).leave();
		await tick();
		expect(entered).toBe(4);
	});
});
