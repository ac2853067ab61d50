/**
 * Failing fast when a service is plainly down, without ending a run for a blip. Without this, a run
 * of 500 items against a service that refuses connections retries every item in turn (four
 * attempts, about 20 s of waits each): hours of waiting for 500 identical errors. But counting
 * "failures in a row" ended runs for nothing: 50 requests in flight caught by one short 502 are 50
 * failures "in a row", and every later item then failed without being sent.
 *
 * So the rule is decided by time and evidence, attempt by attempt:
 *
 * - An attempt that meets an outage (no connection, no answer in time, an answer cut off, a 502,
 *   503 or 504 from a gateway, a page where JSON was expected, an unreachable token endpoint)
 *   makes the service *suspect* from the moment that attempt was sent.
 * - While it is suspect, one request at a time goes out (a probe, at most every PROBE_INTERVAL_MS);
 *   the others wait instead of running into the same outage. The probe is a real item's request.
 * - Any answer that is not an outage (a success, a 404, a refusal of bad input, a 429) to a request
 *   sent after the outage began clears the suspicion: everyone resumes.
 * - The service counts as down once it has been suspect for SERVICE_DOWN_AFTER_MS with at least
 *   SERVICE_DOWN_MIN_FAILURES failed attempts and no answer. Every later call then fails at once
 *   with that error, for the rest of the run; the run ends within about ten seconds of the
 *   outage's start (five of suspicion, plus the attempts and waits under way).
 *
 * A blip shorter than SERVICE_DOWN_AFTER_MS never ends a run: only the requests sent during it
 * fail. The state lives with the node's execution context, so it is shared by every item of one
 * run, whatever order or concurrency they run in, and forgotten with the run.
 */
import { retryClock } from './retry';

/** How long failures with no answer between them must last before the service counts as down. */
export const SERVICE_DOWN_AFTER_MS = 5_000;

/** The fewest failed attempts that make an outage, however long it lasted. */
export const SERVICE_DOWN_MIN_FAILURES = 3;

/** While the service is suspect, one probe at most this often. */
export const PROBE_INTERVAL_MS = 250;

export interface RecordedOutage {
	/** What kind of failure, e.g. "ECONNREFUSED" or "HTTP 503". */
	signature: string;
	/** The user-facing message of the last failure, already free of secrets. */
	message: string;
	description?: string;
	httpCode?: string;
}

export interface ServiceDown extends RecordedOutage {
	/** How many attempts failed since the outage began. */
	count: number;
	/** How long the outage had lasted when the service was found down, ms. */
	lastedMs: number;
}

/** A request waited behind a probe of a suspect service until its own time ran out; it was not sent. */
export class NoTurnInTime extends Error {
	constructor(readonly outage: RecordedOutage | undefined) {
		super('No turn to send the request before its deadline, behind a probe of the suspect service');
		this.name = 'NoTurnInTime';
	}
}

export class ServiceHealth {
	/** When the first failed attempt of the current outage was sent; undefined while healthy. */
	private outageSince?: number;

	private failures = 0;

	private last?: RecordedOutage;

	private downWith?: ServiceDown;

	private probing = false;

	private nextProbeAt = 0;

	private waiting: Array<() => void> = [];

	/** An attempt sent at `sentAt` got an answer that is not an outage. */
	answered(sentAt: number): void {
		if (this.downWith || this.outageSince === undefined || sentAt < this.outageSince) return;
		this.outageSince = undefined;
		this.failures = 0;
		this.last = undefined;
		this.wakeAll();
	}

	/** An attempt sent at `sentAt` met an outage. */
	attemptFailed(sentAt: number, signature: string, fallbackMessage: string): void {
		if (this.downWith) return;
		this.outageSince = Math.min(this.outageSince ?? sentAt, sentAt);
		this.failures++;
		// A call's final error (see `failed`) describes the outage better; keep it when there is one.
		if (this.last?.signature !== signature) this.last = { signature, message: fallbackMessage };
		this.decide();
	}

	/** A call failed for good with an outage: its error is what the later items will be told. */
	failed(outage: RecordedOutage): void {
		if (this.downWith) return;
		this.last = outage;
		this.decide();
	}

	/** The outage that made the service count as down, or undefined while it is not. */
	down(): ServiceDown | undefined {
		if (!this.downWith) this.decide();
		return this.downWith;
	}

	/**
	 * Waits for this request's turn: at once while the service is healthy (or down: the caller then
	 * fails); while it is suspect, until this request may be the next probe. Returns the function to
	 * call once the probe's outcome is recorded, or undefined when the request is not a probe.
	 *
	 * A probe can take as long as its own deadline (minutes for an upload), so a request waiting
	 * behind it waits only until `waitUntil` (its own budget, a `Date.now()` time) or until `cancel`
	 * fires, and then fails with NoTurnInTime, unsent.
	 */
	async turn(waitUntil = Number.POSITIVE_INFINITY, cancel?: AbortSignal): Promise<(() => void) | undefined> {
		for (;;) {
			if (this.down() || this.outageSince === undefined) return undefined;
			if (!this.probing) {
				this.probing = true;
				const wait = this.nextProbeAt - retryClock.now();
				if (wait > 0) await retryClock.sleep(wait);
				let over = false;
				return () => {
					if (over) return;
					over = true;
					this.probing = false;
					this.nextProbeAt = retryClock.now() + PROBE_INTERVAL_MS;
					this.wakeAll();
				};
			}
			await this.waitForWake(waitUntil, cancel);
		}
	}

	/** Until the next probe's outcome (or the end of the outage), at most until `waitUntil`. */
	private async waitForWake(waitUntil: number, cancel?: AbortSignal): Promise<void> {
		const leftMs = waitUntil - Date.now();
		if (leftMs <= 0 || cancel?.aborted) throw new NoTurnInTime(this.last);
		const signals = Number.isFinite(leftMs) ? [AbortSignal.timeout(leftMs)] : [];
		if (cancel) signals.push(cancel);
		const stop = signals.length > 0 ? AbortSignal.any(signals) : undefined;
		await new Promise<void>((resolve, reject) => {
			const onStop = () => {
				this.waiting = this.waiting.filter((waiter) => waiter !== wake);
				reject(new NoTurnInTime(this.last));
			};
			const wake = () => {
				stop?.removeEventListener('abort', onStop);
				resolve();
			};
			this.waiting.push(wake);
			stop?.addEventListener('abort', onStop, { once: true });
		});
	}

	private decide(): void {
		if (this.downWith || this.outageSince === undefined || this.last === undefined) return;
		const lastedMs = retryClock.now() - this.outageSince;
		if (this.failures >= SERVICE_DOWN_MIN_FAILURES && lastedMs >= SERVICE_DOWN_AFTER_MS) {
			this.downWith = { ...this.last, count: this.failures, lastedMs };
			this.wakeAll();
		}
	}

	private wakeAll(): void {
		const waiting = this.waiting;
		this.waiting = [];
		for (const wake of waiting) wake();
	}
}

const healthByRun = new WeakMap<object, Map<string, ServiceHealth>>();

/** The health of one service as seen by one node run (`ctx` is the run's execution context). */
export function serviceHealthFor(ctx: object, serviceName: string): ServiceHealth {
	let byService = healthByRun.get(ctx);
	if (!byService) {
		byService = new Map();
		healthByRun.set(ctx, byService);
	}
	let health = byService.get(serviceName);
	if (!health) {
		health = new ServiceHealth();
		byService.set(serviceName, health);
	}
	return health;
}
