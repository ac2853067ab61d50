/**
 * Wall-clock limits on requests. The HTTP client's `timeout` only measures silence on the socket:
 * a server that sends one byte every few seconds never trips it and can hold an item for ever. So
 * every attempt also gets a deadline that aborts it however much it has received by then.
 */

/** One attempt (connect, send, answer) of an API call, unless the operation sets its own. */
export const DEFAULT_ATTEMPT_DEADLINE_MS = 120_000;

/** One API call with all its retries and waits; never less than its attempt deadline. */
export const DEFAULT_REQUEST_BUDGET_MS = 180_000;

/** A token request, which runs before the call that needs it. */
export const TOKEN_DEADLINE_MS = 30_000;

/** The attempt ran out of its wall-clock time. */
export class DeadlineExceeded extends Error {
	constructor(readonly ms: number) {
		super(`No complete answer within ${formatDuration(ms)}`);
		this.name = 'DeadlineExceeded';
	}
}

export function formatDuration(ms: number): string {
	if (ms < 1000) return `${ms} ms`;
	const seconds = Math.round(ms / 100) / 10;
	return `${seconds} s`;
}

export interface AttemptDeadline {
	/** Aborts at the deadline, or earlier when the outer signal (the execution's cancel) fires. */
	readonly signal: AbortSignal;
	/** True once the deadline itself has passed. */
	expired(): boolean;
	/** Settles as `work` does, or rejects with DeadlineExceeded when the deadline comes first. */
	race<T>(work: Promise<T>): Promise<T>;
}

export function startDeadline(ms: number, outer?: AbortSignal): AttemptDeadline {
	// A timer of the runtime's own that never keeps the process alive; nodes may not set timers.
	const own = AbortSignal.timeout(ms);
	const signal = outer ? AbortSignal.any([own, outer]) : own;
	return {
		signal,
		expired: () => own.aborted,
		race: async <T>(work: Promise<T>): Promise<T> =>
			await new Promise<T>((resolve, reject) => {
				// Even a client that ignored the abort signal cannot hold the attempt past the deadline.
				const onDeadline = () => reject(new DeadlineExceeded(ms));
				if (own.aborted) onDeadline();
				own.addEventListener('abort', onDeadline, { once: true });
				work.then(resolve, reject).finally(() => own.removeEventListener('abort', onDeadline));
			}),
	};
}

/** The part of an n8n execution context that carries its cancel signal. */
interface CancellableContext {
	getExecutionCancelSignal?(): AbortSignal | undefined;
}

/**
 * The execution context as n8n's request helper will see it, with `signal` as its cancel signal.
 * n8n-core's `httpRequestWithAuthentication` (2.41) overwrites the request's `abortSignal` with
 * `this.getExecutionCancelSignal()`, so this is the only way for a deadline to reach the HTTP
 * client and close the connection. Everything else is inherited from the real context.
 */
export function withCancelSignal<T extends object>(ctx: T, signal: AbortSignal): T {
	return Object.create(ctx, { getExecutionCancelSignal: { value: () => signal } }) as T;
}

/** The execution's own cancel signal, when the context has one. */
export function executionCancelSignal(ctx: object): AbortSignal | undefined {
	const getter = (ctx as CancellableContext).getExecutionCancelSignal;
	return typeof getter === 'function' ? getter.call(ctx) : undefined;
}
