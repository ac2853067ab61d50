/**
 * The request door when many items call it at once: one token renewal for all of them, and a
 * throttling answer that holds back every request on the credential.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, INode, NodeApiError } from 'n8n-workflow';

import { beginNodeRun } from '../../nodes/shared/concurrency';
import type { ServiceDefinition } from '../../nodes/shared/request';
import { serviceRequest } from '../../nodes/shared/request';
import { retryClock } from '../../nodes/shared/retry';
import { TOKEN_FIELDS, TokenRequestError } from '../../credentials/common/token';

const service: ServiceDefinition = {
	serviceName: 'Example',
	credentialType: 'exampleApi',
	baseUrl: (credentials) => String(credentials.baseUrl),
	secrets: (credentials) => [String(credentials.clientSecret)],
	token: TOKEN_FIELDS,
	retryPolicy: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 2000, maxTotalWaitMs: 5000 },
};

const later = () => String(Date.now() + 3_600_000);
const tick = async (): Promise<void> => await new Promise((resolve) => setImmediate(resolve));

interface FakeService {
	/** Answers one call; the token the call carries is given. */
	answer(token: string, options: IHttpRequestOptions): { statusCode: number; headers?: Record<string, string> };
	/** What the credential's token request does: the token, or an error. */
	fetchToken(count: number): string | Error;
	/** Holds the token request until it resolves. */
	tokenTakes?(count: number): Promise<void>;
	/** Holds the call (after its token) until it resolves. */
	callTakes?(token: string, options: IHttpRequestOptions): Promise<void>;
}

/**
 * A context whose httpRequestWithAuthentication behaves as n8n's: a blank token makes it run the
 * credential's preAuthentication, which stores the new token in the credential before the call.
 */
function fakeContext(stored: ICredentialDataDecryptedObject, fake: FakeService, credentialId = 'credential-1') {
	const sent: Array<{ token: string; path: string }> = [];
	let tokenFetches = 0;
	const node = {
		name: 'Test',
		type: 'test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { exampleApi: { id: credentialId, name: 'Example account' } },
	} as unknown as INode;
	const ctx = {
		getNode: () => node,
		getCredentials: async () => ({ ...stored }),
		helpers: {
			httpRequestWithAuthentication: async (
				_type: string,
				options: IHttpRequestOptions,
				extra: { credentialsDecrypted: { data: ICredentialDataDecryptedObject } },
			) => {
				const data = extra.credentialsDecrypted.data;
				if (data.accessToken === '') {
					const count = ++tokenFetches;
					await tick();
					await fake.tokenTakes?.(count);
					const token = fake.fetchToken(count);
					// n8n wraps what preAuthentication throws in its own error, keeping it as the cause.
					if (token instanceof Error) throw Object.assign(new Error('wrapped by n8n'), { cause: token });
					Object.assign(stored, { accessToken: token, tokenRenewAt: later() });
					Object.assign(data, { accessToken: token, tokenRenewAt: stored.tokenRenewAt });
				}
				const token = String(data.accessToken);
				sent.push({ token, path: options.url });
				await tick();
				await fake.callTakes?.(token, options);
				const { statusCode, headers } = fake.answer(token, options);
				return { statusCode, body: {}, headers: headers ?? {} };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, sent, tokenFetches: () => tokenFetches };
}

const base = { baseUrl: 'https://api.example/v1', clientSecret: 'CLIENT-SECRET-9' };

afterEach(() => jest.restoreAllMocks());

describe('one token renewal for many items in flight', () => {
	test('items that all find the token expired fetch one token and all use it', async () => {
		const stored = { ...base, accessToken: 'old', tokenRenewAt: String(Date.now() - 1) };
		const { ctx, sent, tokenFetches } = fakeContext(stored, {
			answer: () => ({ statusCode: 200 }),
			fetchToken: (count) => `new-${count}`,
		});

		await Promise.all(
			Array.from({ length: 8 }, async (_, itemIndex) => await serviceRequest(ctx, service, { method: 'GET', path: `/things/${itemIndex}` }, itemIndex)),
		);

		expect(tokenFetches()).toBe(1);
		expect(sent).toHaveLength(8);
		expect(new Set(sent.map((call) => call.token))).toEqual(new Set(['new-1']));
	});

	test('items that all get 401 for a revoked token fetch one new token and each repeat their call once', async () => {
		const stored = { ...base, accessToken: 'revoked', tokenRenewAt: later() };
		const { ctx, sent, tokenFetches } = fakeContext(stored, {
			answer: (token) => ({ statusCode: token === 'revoked' ? 401 : 200 }),
			fetchToken: (count) => `new-${count}`,
		});

		const responses = await Promise.all(
			Array.from({ length: 6 }, async (_, itemIndex) => await serviceRequest(ctx, service, { method: 'GET', path: `/things/${itemIndex}` }, itemIndex)),
		);

		expect(responses.map((response) => response.status)).toEqual(new Array(6).fill(200));
		expect(tokenFetches()).toBe(1);
		expect(sent.filter((call) => call.token === 'revoked')).toHaveLength(6);
		expect(sent.filter((call) => call.token === 'new-1')).toHaveLength(6);
	});

	test('when the token request is refused, the items waiting for it fail with that reason instead of asking again', async () => {
		const stored = { ...base, accessToken: '', tokenRenewAt: '' };
		const { ctx, sent, tokenFetches } = fakeContext(stored, {
			answer: () => ({ statusCode: 200 }),
			fetchToken: () => new TokenRequestError('The token endpoint refused the Client Secret'),
		});

		const results = await Promise.all(
			Array.from({ length: 5 }, async (_, itemIndex) =>
				await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, itemIndex).catch((error: Error) => error),
			),
		);

		expect(tokenFetches()).toBe(1);
		expect(sent).toHaveLength(0);
		for (const [itemIndex, result] of results.entries()) {
			expect(result).toBeInstanceOf(Error);
			expect((result as Error).message).toContain('refused the Client Secret');
			expect((result as Error & { context: { itemIndex: number } }).context.itemIndex).toBe(itemIndex);
		}
	});

	test('two credentials renew their own tokens', async () => {
		const first = fakeContext({ ...base, accessToken: '', tokenRenewAt: '' }, { answer: () => ({ statusCode: 200 }), fetchToken: () => 'a' }, 'first');
		const second = fakeContext({ ...base, accessToken: '', tokenRenewAt: '' }, { answer: () => ({ statusCode: 200 }), fetchToken: () => 'b' }, 'second');

		await Promise.all([
			serviceRequest(first.ctx, service, { method: 'GET', path: '/x' }, 0),
			serviceRequest(second.ctx, service, { method: 'GET', path: '/x' }, 0),
		]);

		expect(first.tokenFetches()).toBe(1);
		expect(second.tokenFetches()).toBe(1);
	});
});

describe('back-pressure', () => {
	test('a 429 with Retry-After holds back every later request on the credential until the pause is over', async () => {
		const pauses: Array<{ ms: number; end: () => void }> = [];
		jest.spyOn(retryClock, 'sleep').mockImplementation(
			async (ms: number) => await new Promise<void>((resolve) => pauses.push({ ms, end: resolve })),
		);
		jest.spyOn(retryClock, 'random').mockReturnValue(0);
		let throttle = true;
		const { ctx, sent } = fakeContext(
			{ ...base, accessToken: 'valid', tokenRenewAt: later() },
			{
				answer: () => {
					if (throttle) {
						throttle = false;
						return { statusCode: 429, headers: { 'retry-after': '1.5' } };
					}
					return { statusCode: 200 };
				},
				fetchToken: () => 'unused',
			},
			'throttled-credential',
		);

		const first = serviceRequest(ctx, service, { method: 'POST', path: '/first', body: {} }, 0);
		while (pauses.length === 0) await tick();
		const others = [1, 2, 3].map(async (itemIndex) => await serviceRequest(ctx, service, { method: 'GET', path: `/other/${itemIndex}` }, itemIndex));
		for (let count = 0; count < 5; count++) await tick();

		expect(pauses.map((pause) => pause.ms)).toEqual([1500]);
		expect(sent.map((call) => call.path)).toEqual(['https://api.example/v1/first']);

		pauses[0].end();
		await Promise.all([first, ...others]);
		expect(sent).toHaveLength(5);
		expect(sent.filter((call) => call.path === 'https://api.example/v1/first')).toHaveLength(2);
	});

	test('throttling halves how many items the node run lets in flight', async () => {
		jest.spyOn(retryClock, 'sleep').mockImplementation(async () => undefined);
		const answers = [429, 200];
		const sizes: number[] = [];
		const { ctx } = fakeContext(
			{ ...base, accessToken: 'valid', tokenRenewAt: later() },
			{
				answer: () => {
					sizes.push(run.limit.size);
					return { statusCode: answers.shift() ?? 200, headers: { 'retry-after': '0' } };
				},
				fetchToken: () => 'unused',
			},
			'halved-credential',
		);
		const run = beginNodeRun(ctx, 8);

		await serviceRequest(ctx, service, { method: 'GET', path: '/x' }, 0);

		expect(sizes).toEqual([8, 4]);
	});
});

describe('a burst of refusals', () => {
	test('50 items refused at once by one burst halve the run once, and the run is back at its full limit after one round of successes', async () => {
		jest.spyOn(retryClock, 'sleep').mockImplementation(async () => undefined);
		jest.spyOn(retryClock, 'random').mockReturnValue(0);
		const refused = new Set<string>();
		const sizes: number[] = [];
		const { ctx } = fakeContext(
			{ ...base, accessToken: 'valid', tokenRenewAt: later() },
			{
				answer: (_token, options) => {
					if (!refused.has(options.url)) {
						refused.add(options.url);
						return { statusCode: 429, headers: { 'retry-after': '1' } };
					}
					sizes.push(run.limit.size);
					return { statusCode: 200 };
				},
				fetchToken: () => 'unused',
			},
			'burst-credential',
		);
		const run = beginNodeRun(ctx, 50);

		await Promise.all(
			Array.from({ length: 50 }, async (_, itemIndex) => await serviceRequest(ctx, service, { method: 'POST', path: `/things/${itemIndex}`, body: {} }, itemIndex)),
		);

		// The first success is answered at the halved limit: one decrease for the whole burst.
		expect(sizes[0]).toBe(25);
		expect(run.limit.size).toBe(50);
	});
});

describe('a token renewal that others wait for', () => {
	test('the other items are released as soon as the new token is stored, not when the renewing call ends', async () => {
		let endSlowCall: () => void = () => undefined;
		const slowCall = new Promise<void>((resolve) => (endSlowCall = resolve));
		const stored = { ...base, accessToken: 'old', tokenRenewAt: String(Date.now() - 1) };
		const { ctx, sent } = fakeContext(stored, {
			answer: () => ({ statusCode: 200 }),
			fetchToken: (count) => `new-${count}`,
			// The renewing item's own call (an upload, say) takes until the test ends it.
			callTakes: async (_token, options) => {
				if (options.url.endsWith('/upload')) await slowCall;
			},
		}, 'slow-renewer');

		const upload = serviceRequest(ctx, service, { method: 'POST', path: '/upload', body: {} }, 0);
		const lookups = Array.from({ length: 5 }, async (_, index) => await serviceRequest(ctx, service, { method: 'GET', path: `/things/${index}` }, index + 1));

		const responses = await Promise.all(lookups);
		expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
		expect(sent.filter((call) => call.path.includes('/things/')).map((call) => call.token)).toEqual(new Array(5).fill('new-1'));
		endSlowCall();
		await upload;
	});

	test('an item waiting for another item\'s token gives up at its own deadline', async () => {
		let endTokenRequest: () => void = () => undefined;
		const tokenRequest = new Promise<void>((resolve) => (endTokenRequest = resolve));
		const { ctx, sent } = fakeContext({ ...base, accessToken: '', tokenRenewAt: '' }, {
			answer: () => ({ statusCode: 200 }),
			fetchToken: () => 'late',
			tokenTakes: async () => await tokenRequest,
		}, 'slow-token-endpoint');

		const renewing = serviceRequest(ctx, service, { method: 'GET', path: '/first' }, 0);
		await tick();
		const waiting = await serviceRequest(ctx, service, { method: 'GET', path: '/second', timeoutMs: 50, totalTimeoutMs: 50 }, 1).catch((error: Error) => error);

		expect(waiting).toBeInstanceOf(Error);
		expect((waiting as Error).message).toBe('Example: no access token within 50 ms');
		expect((waiting as NodeApiError).description).toContain('GET /second (item 1) was not sent');
		endTokenRequest();
		await renewing;
		expect(sent.map((call) => call.path)).toEqual(['https://api.example/v1/first']);
	});

	test('a token endpoint that is down costs a handful of token requests, not one per item', async () => {
		jest.spyOn(retryClock, 'sleep').mockImplementation(async () => undefined);
		const { ctx, sent, tokenFetches } = fakeContext({ ...base, accessToken: '', tokenRenewAt: '' }, {
			answer: () => ({ statusCode: 200 }),
			fetchToken: () => new TokenRequestError('Could not reach the token endpoint (ECONNREFUSED)', { kind: 'network', code: 'ECONNREFUSED' }),
		}, 'token-endpoint-down');

		const results = await Promise.all(
			Array.from({ length: 50 }, async (_, itemIndex) =>
				await serviceRequest(ctx, service, { method: 'POST', path: '/things', body: {} }, itemIndex).catch((error: Error) => error),
			),
		);

		expect(results.every((result) => result instanceof Error && result.message.includes('ECONNREFUSED'))).toBe(true);
		expect(sent).toHaveLength(0);
		// One renewal for all 50, asked the policy's 4 times.
		expect(tokenFetches()).toBe(4);
	});

	test('a token endpoint answering 503 once is asked again, and every item gets the token', async () => {
		jest.spyOn(retryClock, 'sleep').mockImplementation(async () => undefined);
		const { ctx, tokenFetches } = fakeContext({ ...base, accessToken: '', tokenRenewAt: '' }, {
			answer: () => ({ statusCode: 200 }),
			fetchToken: (count) =>
				count === 1 ? new TokenRequestError('The token endpoint answered HTTP 503', { kind: 'status', status: 503 }) : 'second-try',
		}, 'token-endpoint-blip');

		const responses = await Promise.all(
			Array.from({ length: 20 }, async (_, itemIndex) => await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, itemIndex)),
		);

		expect(responses).toHaveLength(20);
		expect(tokenFetches()).toBe(2);
	});

	test('items that waited for the first token respect a limit halved meanwhile', async () => {
		jest.spyOn(retryClock, 'sleep').mockImplementation(async () => undefined);
		jest.spyOn(retryClock, 'random').mockReturnValue(0);
		let inFlight = 0;
		let peakAfterThrottling = 0;
		let throttledOnce = false;
		const { ctx } = fakeContext({ ...base, accessToken: '', tokenRenewAt: '' }, {
			answer: () => {
				if (!throttledOnce) {
					throttledOnce = true;
					return { statusCode: 429, headers: { 'retry-after': '1' } };
				}
				return { statusCode: 200 };
			},
			fetchToken: () => 'first-token',
			callTakes: async () => {
				inFlight++;
				if (throttledOnce) peakAfterThrottling = Math.max(peakAfterThrottling, inFlight);
				for (let count = 0; count < 20; count++) await tick();
				inFlight--;
			},
		}, 'first-token-halved');
		beginNodeRun(ctx, 10);

		await Promise.all(
			Array.from({ length: 10 }, async (_, itemIndex) => await serviceRequest(ctx, service, { method: 'GET', path: `/things/${itemIndex}` }, itemIndex)),
		);

		expect(peakAfterThrottling).toBeLessThanOrEqual(5);
	});
});
