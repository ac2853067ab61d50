/**
 * When a failed request may be sent again, how long to wait first, and what a failure tells the
 * user: whether the service may have acted on a write, and whether it looks down.
 *
 * Pure functions, so that the rules are unit-tested without a network or a clock.
 */
import { sleep } from 'n8n-workflow';

/**
 * How the request door waits between attempts, reads the time and draws jitter; tests replace its
 * members to record the waits, move time on, or make the jitter predictable.
 */
export const retryClock = {
	sleep: async (ms: number): Promise<void> => await sleep(ms),
	now: (): number => Date.now(),
	random: (): number => Math.random(),
};

export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** Wait before the first retry; doubles with each further retry. */
	baseDelayMs: number;
	/** No single wait is longer than this. */
	maxDelayMs: number;
	/** The waits of one request add up to at most this; a longer Retry-After ends the retries. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 4,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	maxTotalWaitMs: 20_000,
};

/**
 * What went wrong with one attempt:
 * - `status`: the service answered with an HTTP error status;
 * - `network`: no answer at all, with Node's error code (ECONNREFUSED, ECONNRESET, …);
 * - `cut`: the answer had begun when the connection was lost, so its body is incomplete;
 * - `deadline`: the attempt ran out of its wall-clock time (a silent or trickling server).
 */
export type AttemptFailure =
	| { kind: 'status'; status: number }
	| { kind: 'network'; code: string }
	| { kind: 'cut' }
	| { kind: 'deadline' };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Network errors raised before a connection existed: the service cannot have seen the request. */
const NEVER_REACHED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Network errors after which a read is worth trying again. */
const RETRYABLE_NETWORK_CODES = new Set([
	...NEVER_REACHED_CODES,
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'UND_ERR_SOCKET',
]);

/** Statuses a read is retried on: throttled, or a gateway that could not reach the service. */
const RETRYABLE_STATUSES_FOR_SAFE_METHODS = new Set([429, 502, 503, 504]);

/** Statuses that come from a gateway that gave up while the service may still have been working. */
const GATEWAY_GAVE_UP_STATUSES = new Set([502, 504]);

/** Statuses that say the service as a whole is unavailable, not that this request was wrong. */
const SERVICE_DOWN_STATUSES = new Set([502, 503, 504]);

export function isSafeMethod(method: string): boolean {
	return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Reads are retried on throttling, gateway errors, network errors, bodies cut halfway and missed
 * deadlines. A write is retried only when the service cannot have acted on it: a 429 (refused
 * before processing) or a connection that was never made. A write whose outcome is unknown is
 * never repeated: a second POST could create the thing twice.
 */
export function isRetryable(method: string, failure: AttemptFailure): boolean {
	if (failure.kind === 'status') {
		if (failure.status === 429) return true;
		return isSafeMethod(method) && RETRYABLE_STATUSES_FOR_SAFE_METHODS.has(failure.status);
	}
	if (failure.kind === 'network') {
		if (NEVER_REACHED_CODES.has(failure.code)) return true;
		return isSafeMethod(method) && RETRYABLE_NETWORK_CODES.has(failure.code);
	}
	return isSafeMethod(method);
}

/**
 * Whether a write may have been applied although it failed: the connection was lost after it was
 * sent, the answer was cut off or never came in time, or a gateway answered 502/504 in the
 * service's place. Such a failure is never retried and the user is told to check first.
 */
export function mayHaveActed(method: string, failure: AttemptFailure): boolean {
	if (isSafeMethod(method)) return false;
	if (failure.kind === 'status') return GATEWAY_GAVE_UP_STATUSES.has(failure.status);
	if (failure.kind === 'network') return !NEVER_REACHED_CODES.has(failure.code);
	return true;
}

/** Whether a failure says that the service is unreachable or down rather than that this request was wrong. */
export function meansServiceDown(failure: AttemptFailure): boolean {
	if (failure.kind === 'status') return SERVICE_DOWN_STATUSES.has(failure.status);
	return true;
}

/** A short, stable name for a kind of failure, to tell "the same failure again" apart from another. */
export function failureSignature(failure: AttemptFailure): string {
	switch (failure.kind) {
		case 'status':
			return `HTTP ${failure.status}`;
		case 'network':
			return failure.code;
		case 'cut':
			return 'answer cut off';
		case 'deadline':
			return 'no answer in time';
	}
}

/**
 * Reads a Retry-After header: seconds, or an HTTP date. Returns milliseconds, or undefined when
 * the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
	if (value === undefined) return undefined;
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * The wait before retry number `retryNumber` (1 for the first retry): the service's Retry-After
 * when it gave one, else exponential backoff with full jitter, so that many items failing at once
 * do not come back at once.
 */
export function retryDelay(
	policy: RetryPolicy,
	retryNumber: number,
	retryAfterMs: number | undefined,
	random: () => number = Math.random,
): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Decides the next step after a failed attempt: the wait before trying again, or undefined to give
 * up (not retryable, attempts used up, or the wait would exceed the total budget).
 */
export function nextRetryWait(
	policy: RetryPolicy,
	method: string,
	failure: AttemptFailure,
	attemptsMade: number,
	waitedSoFarMs: number,
	retryAfterMs: number | undefined,
	random: () => number = Math.random,
): number | undefined {
	if (!isRetryable(method, failure)) return undefined;
	if (attemptsMade >= policy.maxAttempts) return undefined;
	const wait = retryDelay(policy, attemptsMade, retryAfterMs, random);
	if (retryAfterMs !== undefined && wait > policy.maxDelayMs) return undefined;
	if (waitedSoFarMs + wait > policy.maxTotalWaitMs) return undefined;
	return wait;
}
