/**
 * When a failed request may be sent again, and how long to wait first.
 *
 * Pure functions, so that the rules are unit-tested without a network or a clock.
 */
import { sleep } from 'n8n-workflow';

/** How the request door waits between attempts; tests replace it to record the waits. */
export const retryClock = { sleep: async (ms: number): Promise<void> => await sleep(ms) };

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

/** What went wrong with one attempt: an HTTP status, or a network error code such as ECONNRESET. */
export type AttemptFailure = { status: number } | { networkCode: string };

const RETRYABLE_STATUSES_FOR_SAFE_METHODS = new Set([429, 502, 503, 504]);

const RETRYABLE_NETWORK_CODES_FOR_SAFE_METHODS = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ENETUNREACH',
	'EHOSTUNREACH',
	'UND_ERR_SOCKET',
]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * GETs are retried on throttling, gateway errors and network errors. Any other method is retried
 * only when the service cannot have acted on the request: a 429 (rejected before processing) or a
 * refused connection (never reached it). A reset or a timeout after sending a POST may mean the
 * service did create the thing, and a second POST would create it twice.
 */
export function isRetryable(method: string, failure: AttemptFailure): boolean {
	const safe = SAFE_METHODS.has(method.toUpperCase());
	if ('status' in failure) {
		if (failure.status === 429) return true;
		return safe && RETRYABLE_STATUSES_FOR_SAFE_METHODS.has(failure.status);
	}
	if (failure.networkCode === 'ECONNREFUSED') return true;
	return safe && RETRYABLE_NETWORK_CODES_FOR_SAFE_METHODS.has(failure.networkCode);
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
