import type { RetryPolicy } from '../../nodes/shared/retry';
import { isRetryable, nextRetryWait, parseRetryAfter, retryDelay } from '../../nodes/shared/retry';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxTotalWaitMs: 2000 };

describe('which failures are retried', () => {
	test.each([429, 502, 503, 504])('a GET answered %i is retried', (status) => {
		expect(isRetryable('GET', { status })).toBe(true);
	});

	test.each([400, 401, 403, 404, 409, 500])('a GET answered %i is not retried', (status) => {
		expect(isRetryable('GET', { status })).toBe(false);
	});

	test.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN'])('a GET that failed with %s is retried', (networkCode) => {
		expect(isRetryable('GET', { networkCode })).toBe(true);
	});

	test('a POST answered 429 is retried, because the gateway refused it before processing', () => {
		expect(isRetryable('POST', { status: 429 })).toBe(true);
	});

	test('a POST whose connection was refused is retried, because it never reached the service', () => {
		expect(isRetryable('POST', { networkCode: 'ECONNREFUSED' })).toBe(true);
	});

	test.each([502, 503, 504])('a POST answered %i is not retried, since it may have been applied', (status) => {
		expect(isRetryable('POST', { status })).toBe(false);
	});

	test.each(['ECONNRESET', 'ETIMEDOUT'])('a POST that failed with %s is not retried', (networkCode) => {
		expect(isRetryable('POST', { networkCode })).toBe(false);
	});
});

describe('Retry-After', () => {
	test('seconds become milliseconds', () => {
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter('0.5')).toBe(500);
	});

	test('an HTTP date becomes the time left until it', () => {
		const now = Date.parse('2026-11-25T10:00:00Z');
		expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:07 GMT', now)).toBe(7000);
	});

	test('a date in the past means no wait', () => {
		const now = Date.parse('2026-11-25T10:00:00Z');
		expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', now)).toBe(0);
	});

	test('an absent or unreadable header gives no value', () => {
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter('')).toBeUndefined();
	});
});

describe('how long to wait', () => {
	test('the service Retry-After wins over the backoff', () => {
		expect(retryDelay(policy, 1, 750, () => 0.99)).toBe(750);
	});

	test('backoff doubles per retry and is capped, with jitter between half and all of it', () => {
		expect(retryDelay(policy, 1, undefined, () => 0)).toBe(50);
		expect(retryDelay(policy, 1, undefined, () => 1)).toBe(100);
		expect(retryDelay(policy, 3, undefined, () => 1)).toBe(400);
		expect(retryDelay(policy, 10, undefined, () => 1)).toBe(1000);
	});

	test('no retry once the attempts are used up', () => {
		expect(nextRetryWait(policy, 'GET', { status: 503 }, 3, 0, undefined, () => 1)).toBe(400);
		expect(nextRetryWait(policy, 'GET', { status: 503 }, 4, 0, undefined, () => 1)).toBeUndefined();
	});

	test('no retry when the wait would pass the total budget', () => {
		expect(nextRetryWait(policy, 'GET', { status: 503 }, 1, 1950, undefined, () => 1)).toBeUndefined();
	});

	test('a Retry-After longer than the longest single wait ends the retries at once', () => {
		expect(nextRetryWait(policy, 'GET', { status: 429 }, 1, 0, 60_000)).toBeUndefined();
	});

	test('a failure that is not retryable gives no wait', () => {
		expect(nextRetryWait(policy, 'POST', { status: 503 }, 1, 0, undefined)).toBeUndefined();
	});
});
