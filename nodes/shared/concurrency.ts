/**
 * How many of a node's items (or look-up batches) are in flight at once. n8n's HTTP Request node
 * sends every item at once; a node that sends one at a time is many times slower on a service
 * that answers in tens of milliseconds. Here a node runs up to the "Max Concurrent Requests" option
 * at once, keeps the output in input order, and shrinks that number while the service throttles
 * (halved once per burst of 429s, or 503s with Retry-After) and grows it back within a few round
 * trips of successes, never above the option (see AdaptiveLimit).
 *
 * The state lives per run of one node: the option belongs to the node, and the router starts a run
 * with `beginNodeRun` before any item, so that the request door can report throttling to it.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from './validation';

/**
 * Chosen by measurement (docs/development.md, "Performance"; `npm run measure:concurrency` and
 * `npm run bench -- --latency=100`). Items in flight arrive and are answered in waves, and n8n's CPU
 * per item is spent between waves, so a run takes about (items × latency ÷ in flight) plus that CPU.
 * For Cegid Loop Client → Add, 500 items, a service answering in 100 ms: 1.41 s at 50 in flight,
 * 0.90 s at 100, 0.67 s at 200, and 0.71 s for every item at once as n8n's HTTP Request node sends
 * them. At 200 the node keeps pace with that HTTP Request node for services answering in up to about
 * 100 ms, while sending a tenth of what it sends at once for 2,000 items; throttling (429) still
 * halves it within one round trip.
 */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 200;

/**
 * The field's upper bound, against a slip of the keyboard sending thousands of requests at once;
 * room above the default for a service that answers slowly.
 */
export const MAX_CONCURRENT_REQUESTS_LIMIT = 1000;

/** Where the option sits: in the Options collection of every operation that sends per item. */
export const MAX_CONCURRENT_REQUESTS_PARAMETER = 'options.maxConcurrentRequests';

/**
 * How many requests may be in flight, adapted to throttling the way a well-behaved TCP sender
 * adapts to loss:
 *
 * - One decrease per congestion event. A burst of refusals is one event: the first 429 (or 503 with
 *   Retry-After) halves the limit, and a refusal of a request sent before that decrease says nothing
 *   new about the rate, so it does not halve it again. (Halving on every refusal took 50 parallel
 *   requests refused at once from 50 to 1.)
 * - Growth back in round trips, not in thousands of requests: each success of a request sent after
 *   the last decrease adds one, so the limit doubles per round of answers (slow start) up to the
 *   maximum. After a pause of one second, a limit of 50 is back within a few hundred milliseconds of
 *   successes instead of the ~1,200 successes one-per-round growth needed.
 * - It holds attempts, not only items: `enter` is awaited before every attempt, so that items that
 *   were already running when the limit dropped (waiting out a pause, or for a token) resume no more
 *   than the new limit at once.
 */
export class AdaptiveLimit {
	private current: number;

	/** Attempts are numbered as they are sent; a decrease remembers the last number sent before it. */
	private lastSent = 0;

	private lastSentBeforeDecrease = 0;

	private inFlight = 0;

	private readonly queue: Array<() => void> = [];

	constructor(readonly max: number) {
		this.current = max;
	}

	get size(): number {
		return this.current;
	}

	/**
	 * The attempt numbered `sent` (see `enter`) was throttled. Returns whether the limit was lowered:
	 * false when the attempt was sent before the last decrease, its refusal belonging to a congestion
	 * event already counted.
	 */
	throttled(sent: number): boolean {
		if (sent <= this.lastSentBeforeDecrease) return false;
		this.current = Math.max(1, Math.floor(this.current / 2));
		this.lastSentBeforeDecrease = this.lastSent;
		return true;
	}

	/** The attempt numbered `sent` succeeded. */
	succeeded(sent: number): void {
		if (this.current >= this.max || sent <= this.lastSentBeforeDecrease) return;
		this.current++;
		this.admit();
	}

	/**
	 * Waits for room for one more attempt in flight. Returns the attempt's number, for `throttled`
	 * and `succeeded`, and the function to call when the attempt is over.
	 */
	async enter(): Promise<{ sent: number; leave: () => void }> {
		if (this.inFlight < this.current && this.queue.length === 0) {
			this.inFlight++;
		} else {
			await new Promise<void>((resolve) => this.queue.push(resolve));
		}
		let left = false;
		return {
			sent: ++this.lastSent,
			leave: () => {
				if (left) return;
				left = true;
				this.inFlight--;
				this.admit();
			},
		};
	}

	/** Lets queued attempts in, first come first served, while there is room. */
	private admit(): void {
		while (this.queue.length > 0 && this.inFlight < this.current) {
			this.inFlight++;
			this.queue.shift()!();
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
