import type { RetryPolicy } from '../../nodes/shared/retry';
import { isRetryable, mayHaveActed, meansServiceDown, nextRetryWait, parseRetryAfter, retryDelay } from '../../nodes/shared/retry';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxTotalWaitMs: 2000 };

describe('which failures are retried', () => {
	test.each([429, 502, 503, 504])('a GET answered %i is retried', (status) => {
		expect(isRetryable('GET', { kind: 'status', status })).toBe(true);
	});

	test.each([400, 401, 403, 404, 409, 500])('a GET answered %i is not retried', (status) => {
		expect(isRetryable('GET', { kind: 'status', status })).toBe(false);
	});

	test.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN'])('a GET that failed with %s is retried', (networkCode) => {
		expect(isRetryable('GET', { kind: 'network', code: networkCode })).toBe(true);
	});

	test('a POST answered 429 is retried, because the gateway refused it before processing', () => {
		expect(isRetryable('POST', { kind: 'status', status: 429 })).toBe(true);
	});

	test('a POST whose connection was refused is retried, because it never reached the service', () => {
		expect(isRetryable('POST', { kind: 'network', code: 'ECONNREFUSED' })).toBe(true);
	});

	test.each([502, 503, 504])('a POST answered %i is not retried, since it may have been applied', (status) => {
		expect(isRetryable('POST', { kind: 'status', status })).toBe(false);
	});

	test.each(['ECONNRESET', 'ETIMEDOUT'])('a POST that failed with %s is not retried', (networkCode) => {
		expect(isRetryable('POST', { kind: 'network', code: networkCode })).toBe(false);
	});

	test.each(['ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'])('a POST that failed with %s before connecting is retried', (networkCode) => {
		expect(isRetryable('POST', { kind: 'network', code: networkCode })).toBe(true);
	});

	test('a GET whose answer was cut halfway is retried like any network error', () => {
		expect(isRetryable('GET', { kind: 'cut' })).toBe(true);
	});

	test('a GET that missed its deadline is retried; a POST that missed it is not', () => {
		expect(isRetryable('GET', { kind: 'deadline' })).toBe(true);
		expect(isRetryable('POST', { kind: 'deadline' })).toBe(false);
	});

	test.each(['PUT', 'PATCH', 'DELETE'])('a %s is a write: not retried after a reset', (method) => {
		expect(isRetryable(method, { kind: 'network', code: 'ECONNRESET' })).toBe(false);
	});
});

describe('whether a failed write may have been applied', () => {
	test.each([
		['a reset after sending', { kind: 'network', code: 'ECONNRESET' }],
		['a timeout', { kind: 'network', code: 'ETIMEDOUT' }],
		['an answer cut halfway', { kind: 'cut' }],
		['a missed deadline', { kind: 'deadline' }],
		['a 502 from the gateway', { kind: 'status', status: 502 }],
		['a 504 from the gateway', { kind: 'status', status: 504 }],
	] as const)('a POST that failed with %s may have been applied', (_name, failure) => {
		expect(mayHaveActed('POST', failure)).toBe(true);
	});

	test.each([
		['a refused connection', { kind: 'network', code: 'ECONNREFUSED' }],
		['an unknown host', { kind: 'network', code: 'ENOTFOUND' }],
		['a 429', { kind: 'status', status: 429 }],
		['a 400', { kind: 'status', status: 400 }],
		['a 503', { kind: 'status', status: 503 }],
	] as const)('a POST that failed with %s was not applied', (_name, failure) => {
		expect(mayHaveActed('POST', failure)).toBe(false);
	});

	test('a GET never changes anything, whatever happened', () => {
		expect(mayHaveActed('GET', { kind: 'network', code: 'ECONNRESET' })).toBe(false);
	});
});

describe('which failures say the service is down', () => {
	test.each([502, 503, 504])('HTTP %i does', (status) => {
		expect(meansServiceDown({ kind: 'status', status })).toBe(true);
	});

	test.each([400, 404, 409, 429, 500])('HTTP %i does not: the service answered about this request', (status) => {
		expect(meansServiceDown({ kind: 'status', status })).toBe(false);
	});

	test('no answer at all does', () => {
		expect(meansServiceDown({ kind: 'network', code: 'ECONNREFUSED' })).toBe(true);
		expect(meansServiceDown({ kind: 'deadline' })).toBe(true);
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
		expect(nextRetryWait(policy, 'GET', { kind: 'status', status: 503 }, 3, 0, undefined, () => 1)).toBe(400);
		expect(nextRetryWait(policy, 'GET', { kind: 'status', status: 503 }, 4, 0, undefined, () => 1)).toBeUndefined();
	});

	test('no retry when the wait would pass the total budget', () => {
		expect(nextRetryWait(policy, 'GET', { kind: 'status', status: 503 }, 1, 1950, undefined, () => 1)).toBeUndefined();
	});

	test('a Retry-After longer than the longest single wait ends the retries at once', () => {
		expect(nextRetryWait(policy, 'GET', { kind: 'status', status: 429 }, 1, 0, 60_000)).toBeUndefined();
	});

	test('a failure that is not retryable gives no wait', () => {
		expect(nextRetryWait(policy, 'POST', { kind: 'status', status: 503 }, 1, 0, undefined)).toBeUndefined();
	});
});
