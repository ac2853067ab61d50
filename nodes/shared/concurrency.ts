/**
 * How many of a node's items (or look-up batches) are in flight at once. n8n's HTTP Request node
 * sends every item at once; a node that sends one at a time is many times slower on a service
 * that answers in tens of milliseconds. Here a node runs up to the "Max Concurrent Requests" option
 * at once, keeps the output in input order, and shrinks that number while the service throttles
 * (halved on each 429, or 503 with Retry-After) and grows it back by one after each full round of
 * successes, never above the option.
 *
 * The state lives per run of one node: the option belongs to the node, and the router starts a run
 * with `beginNodeRun` before any item, so that the request door can report throttling to it.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from './validation';

/**
 * Chosen by measurement (README, "Performance", `npm run measure:concurrency`): for Cegid Loop
 * Client → Add, 500 items against a service answering in 25 ms, the network stops setting the pace
 * from about 20 in flight, and n8n spends the same CPU per item at 50, 100 or 200. 50 keeps the
 * waiting hidden for services answering in up to about 80 ms, at a tenth of what n8n's HTTP Request
 * node sends at once.
 */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 50;

/** The field's upper bound, against a slip of the keyboard sending thousands of requests at once. */
export const MAX_CONCURRENT_REQUESTS_LIMIT = 200;

/** Where the option sits: in the Options collection of every operation that sends per item. */
export const MAX_CONCURRENT_REQUESTS_PARAMETER = 'options.maxConcurrentRequests';

/**
 * Additive increase, multiplicative decrease, as TCP does: throttling halves the number in flight,
 * each run of `size` successes adds one, and it never leaves 1..max. Answers to requests sent before
 * the last throttling say nothing about the new rate, so they do not count towards growing back.
 */
export class AdaptiveLimit {
	private current: number;

	private successesSinceChange = 0;

	private lastThrottledAt = Number.NEGATIVE_INFINITY;

	constructor(readonly max: number) {
		this.current = max;
	}

	get size(): number {
		return this.current;
	}

	throttled(now: number = Date.now()): void {
		this.current = Math.max(1, Math.floor(this.current / 2));
		this.successesSinceChange = 0;
		this.lastThrottledAt = now;
	}

	/** `sentAt`: when the request that succeeded was sent. */
	succeeded(sentAt: number): void {
		if (this.current >= this.max || sentAt < this.lastThrottledAt) return;
		this.successesSinceChange++;
		if (this.successesSinceChange >= this.current) {
			this.current++;
			this.successesSinceChange = 0;
		}
	}
}

/** One run of one node: how many of its items may be in flight now. */
export interface NodeRun {
	limit: AdaptiveLimit;
}

// Keyed by the execution context n8n hands to the node's execute: one per run of the node.
const nodeRuns = new WeakMap<object, NodeRun>();

export function beginNodeRun(ctx: IExecuteFunctions, maxInFlight: number): NodeRun {
	const run: NodeRun = { limit: new AdaptiveLimit(maxInFlight) };
	nodeRuns.set(ctx, run);
	return run;
}

/** The run the router began for this context; undefined outside a node's execute (credential tests). */
/** A polling trigger has no run of items: it gets undefined. */
export function currentNodeRun(ctx: object): NodeRun | undefined {
	return nodeRuns.get(ctx);
}

/** Reads the option once per run (item 0's value, as n8n's HTTP Request node reads its batching). */
export function readMaxConcurrentRequests(ctx: IExecuteFunctions): number {
	const raw = ctx.getNodeParameter(MAX_CONCURRENT_REQUESTS_PARAMETER, 0, DEFAULT_MAX_CONCURRENT_REQUESTS) as unknown;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1 || value > MAX_CONCURRENT_REQUESTS_LIMIT) {
		throw inputError(
			ctx,
			0,
			'Max Concurrent Requests',
			`must be a whole number from 1 to ${MAX_CONCURRENT_REQUESTS_LIMIT}, not "${String(raw)}"`,
		);
	}
	return value;
}

export type Outcome<T> = { value: T } | { error: unknown };

/**
 * Runs `task(0)` … `task(count - 1)` with at most `limit.size` running at once, started in index
 * order. Returns each task's outcome at its index. With `stopAfterFailure`, no task starts after one
 * has failed; those already running are waited for, and those never started stay undefined.
 */
export async function runBounded<T>(
	count: number,
	limit: AdaptiveLimit,
	task: (index: number) => Promise<T>,
	stopAfterFailure: boolean,
): Promise<Array<Outcome<T> | undefined>> {
	const outcomes = new Array<Outcome<T> | undefined>(count);
	let next = 0;
	let running = 0;
	let failed = false;
	return await new Promise((resolve) => {
		const launch = (): void => {
			while (next < count && running < limit.size && !(stopAfterFailure && failed)) {
				const index = next++;
				running++;
				void Promise.resolve()
					.then(async () => await task(index))
					.then(
						(value) => {
							outcomes[index] = { value };
						},
						(error: unknown) => {
							outcomes[index] = { error };
							failed = true;
						},
					)
					.finally(() => {
						running--;
						launch();
					});
			}
			if (running === 0 && (next >= count || (stopAfterFailure && failed))) resolve(outcomes);
		};
		launch();
	});
}
