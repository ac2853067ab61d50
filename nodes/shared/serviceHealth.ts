/**
 * Failing fast when a service is plainly down. Without this, a run of 500 items against a service
 * that refuses connections retries every item in turn (four attempts, about 20 s of waits each):
 * hours of waiting for 500 identical errors.
 *
 * The rule is deliberately simple: when the calls of one node run fail, after their own retries,
 * SERVICE_DOWN_AFTER times in a row with the same kind of outage (the same network error, the same
 * 5xx from a gateway, no answer in time, the same page where JSON was expected, the same token
 * failure), the service counts as down for the rest of that run, and every later call fails at once
 * with that error instead of being tried. Any answer that is not an outage (a success, a 404, a
 * refusal of bad input) shows the service is up and starts the count again. There is no "try again
 * later" within the run: the run ends quickly and the user runs it again when the service is back.
 *
 * The state lives with the node's execution context, so it is shared by every item of one run,
 * whatever order or concurrency they run in, and forgotten with the run.
 */

/** Consecutive failures of the same kind after which the remaining calls are not tried. */
export const SERVICE_DOWN_AFTER = 3;

export interface RecordedOutage {
	/** What makes two failures "the same kind", e.g. "ECONNREFUSED" or "HTTP 503". */
	signature: string;
	/** The user-facing message of the last failure, already free of secrets. */
	message: string;
	description?: string;
	httpCode?: string;
}

export interface ServiceDown extends RecordedOutage {
	/** How many calls failed in a row. */
	count: number;
}

export class ServiceHealth {
	private streak = 0;

	private last?: RecordedOutage;

	private downWith?: ServiceDown;

	/** The service answered something that is not an outage. */
	answered(): void {
		if (this.downWith) return;
		this.streak = 0;
		this.last = undefined;
	}

	/** A call failed for good (its retries are spent) with an outage. */
	failed(outage: RecordedOutage): void {
		if (this.downWith) return;
		this.streak = this.last?.signature === outage.signature ? this.streak + 1 : 1;
		this.last = outage;
		if (this.streak >= SERVICE_DOWN_AFTER) this.downWith = { ...outage, count: this.streak };
	}

	/** The outage that made the service count as down, or undefined while it is not. */
	down(): ServiceDown | undefined {
		return this.downWith;
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
