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

		limit.throttled(); // 4 -> 2
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

describe('AdaptiveLimit', () => {
	test('starts at its maximum and halves on each throttling, down to 1', () => {
		const limit = new AdaptiveLimit(10);
		expect(limit.size).toBe(10);
		limit.throttled(100);
		expect(limit.size).toBe(5);
		limit.throttled(100);
		limit.throttled(100);
		expect(limit.size).toBe(1);
		limit.throttled(100);
		expect(limit.size).toBe(1);
	});

	test('grows by one after as many successes as it allows, and never beyond its maximum', () => {
		const limit = new AdaptiveLimit(4);
		limit.throttled(0); // 2
		limit.succeeded(1);
		expect(limit.size).toBe(2);
		limit.succeeded(1);
		expect(limit.size).toBe(3);
		for (let count = 0; count < 3; count++) limit.succeeded(1);
		expect(limit.size).toBe(4);
		for (let count = 0; count < 20; count++) limit.succeeded(1);
		expect(limit.size).toBe(4);
	});

	test('answers to requests sent before the throttling do not count towards growing back', () => {
		const limit = new AdaptiveLimit(8);
		limit.throttled(1_000); // 4
		for (let count = 0; count < 10; count++) limit.succeeded(999);
		expect(limit.size).toBe(4);
		for (let count = 0; count < 4; count++) limit.succeeded(1_001);
		expect(limit.size).toBe(5);
	});
});
