/**
 * The request door with a scripted network: what is sent, how often, and what the user sees.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ServiceDefinition } from '../../nodes/shared/request';
import { answerError, quoteAnswer, serviceRequest } from '../../nodes/shared/request';
import { retryClock } from '../../nodes/shared/retry';
import { TOKEN_FIELDS, TokenRequestError } from '../../credentials/common/token';

type Answer =
	| { statusCode: number; body?: unknown; headers?: Record<string, string> }
	| { networkCode: string }
	| { tokenError: string };

interface Call {
	options: IHttpRequestOptions;
	credentials: ICredentialDataDecryptedObject;
}

function fakeContext(answers: Answer[], stored: ICredentialDataDecryptedObject) {
	const calls: Call[] = [];
	const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
	const ctx = {
		getNode: () => node,
		getCredentials: async () => ({ ...stored }),
		helpers: {
			httpRequestWithAuthentication: async (
				_type: string,
				options: IHttpRequestOptions,
				extra: { credentialsDecrypted: { data: ICredentialDataDecryptedObject } },
			) => {
				calls.push({ options: { ...options }, credentials: { ...extra.credentialsDecrypted.data } });
				const answer = answers.shift();
				if (!answer) throw new Error('No scripted answer left');
				if ('networkCode' in answer) {
					throw Object.assign(new Error(`connect ${answer.networkCode}`), { code: answer.networkCode });
				}
				if ('tokenError' in answer) {
					// n8n wraps what preAuthentication throws in its own error, keeping it as the cause.
					throw Object.assign(new Error('wrapped by n8n'), { cause: new TokenRequestError(answer.tokenError) });
				}
				return { statusCode: answer.statusCode, body: answer.body ?? {}, headers: answer.headers ?? {} };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls };
}

/** The error a request failed with; a request that succeeds fails the test. */
async function failureOf(work: Promise<unknown>): Promise<NodeApiError> {
	return await work.then(
		() => {
			throw new Error('expected the request to fail');
		},
		(error: unknown) => error as NodeApiError,
	);
}

const service: ServiceDefinition = {
	serviceName: 'Example',
	credentialType: 'exampleApi',
	baseUrl: (credentials) => String(credentials.baseUrl),
	secrets: (credentials) => [String(credentials.apiKey)],
	retryPolicy: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 1000, maxTotalWaitMs: 5000 },
};

const credentials = { baseUrl: 'https://api.example/v1', apiKey: 'SECRET-API-KEY-42' };

let waits: number[];
beforeEach(() => {
	waits = [];
	jest.spyOn(retryClock, 'sleep').mockImplementation(async (ms: number) => {
		waits.push(ms);
	});
	// No spread after a shared pause: the waits recorded are those the rules chose.
	jest.spyOn(retryClock, 'random').mockReturnValue(0);
});
afterEach(() => jest.restoreAllMocks());

test('a GET answered 503 then 200 is retried and returns the answer', async () => {
	const { ctx, calls } = fakeContext([{ statusCode: 503 }, { statusCode: 200, body: { ok: true } }], credentials);

	const response = await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, 0);

	expect(response.body).toEqual({ ok: true });
	expect(calls).toHaveLength(2);
	expect(waits).toHaveLength(1);
});

test('the wait before a retry is the Retry-After the service asked for', async () => {
	const { ctx } = fakeContext(
		[{ statusCode: 429, headers: { 'retry-after': '0.75' } }, { statusCode: 200 }],
		credentials,
	);

	await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, 0);

	expect(waits).toEqual([750]);
});

test('a Retry-After longer than the node waits fails at once and tells the user when to come back', async () => {
	const { ctx, calls } = fakeContext(
		[{ statusCode: 429, headers: { 'retry-after': '120' }, body: { message: 'Rate limit is exceeded' } }],
		credentials,
	);

	const error = (await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, 0).catch((e) => e)) as NodeApiError;

	expect(error.message).toBe('Example: Rate limit is exceeded');
	expect(error.description).toContain('retry after 120 s');
	expect(calls).toHaveLength(1);
	expect(waits).toEqual([]);
});

test('a GET that keeps failing stops after the maximum number of attempts with the last status', async () => {
	const { ctx, calls } = fakeContext(
		Array.from({ length: 6 }, () => ({ statusCode: 502, body: { message: 'Bad gateway' } })),
		credentials,
	);

	const failure = serviceRequest(ctx, service, { method: 'GET', path: '/things' }, 3);

	await expect(failure).rejects.toThrow('Example: Bad gateway');
	await failure.catch((error: NodeApiError) => {
		expect(error.httpCode).toBe('502');
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toContain('after 4 attempts');
	});
	expect(calls).toHaveLength(4);
});

test('a POST answered 503 is sent only once', async () => {
	const { ctx, calls } = fakeContext([{ statusCode: 503 }, { statusCode: 200 }], credentials);

	await expect(serviceRequest(ctx, service, { method: 'POST', path: '/things', body: { a: 1 } }, 0)).rejects.toThrow();
	expect(calls).toHaveLength(1);
});

test('a POST whose connection was refused is sent again', async () => {
	const { ctx, calls } = fakeContext([{ networkCode: 'ECONNREFUSED' }, { statusCode: 201, body: { id: 1 } }], credentials);

	const response = await serviceRequest(ctx, service, { method: 'POST', path: '/things', body: { a: 1 } }, 0);

	expect(response.status).toBe(201);
	expect(calls).toHaveLength(2);
});

test('a POST whose connection was reset is not sent again and says the service may have acted on it', async () => {
	const { ctx, calls } = fakeContext([{ networkCode: 'ECONNRESET' }, { statusCode: 201 }], credentials);

	const error = (await serviceRequest(ctx, service, { method: 'POST', path: '/things', body: {} }, 0).catch((e) => e)) as NodeApiError;

	expect(error.message).toBe('Example may have acted on this request: the connection was lost after it was sent (ECONNRESET)');
	expect(error.description).toContain('Check in Example whether it was applied before running this item again');
	expect(error.description).not.toMatch(/retry/i);
	expect(calls).toHaveLength(1);
});

test('path parameters are URL-encoded into the URL and query arrays repeat the parameter', async () => {
	const { ctx, calls } = fakeContext([{ statusCode: 200 }], credentials);

	await serviceRequest(
		ctx,
		service,
		{ method: 'GET', path: '/things/{id}', pathParams: { id: '../admin?x' }, qs: { no: ['A', 'B'], skip: undefined } },
		0,
	);

	expect(calls[0].options.url).toBe('https://api.example/v1/things/..%2Fadmin%3Fx');
	expect(calls[0].options.qs).toEqual({ no: ['A', 'B'] });
	expect(calls[0].options.arrayFormat).toBe('repeat');
});

test('a secret that the service echoes in its error never reaches the message or the description', async () => {
	const { ctx } = fakeContext(
		[{ statusCode: 400, body: { message: 'Key SECRET-API-KEY-42 is not allowed here' } }],
		credentials,
	);

	const error = (await serviceRequest(ctx, service, { method: 'POST', path: '/x', body: {} }, 0).catch((e) => e)) as NodeApiError;

	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toBe('Example: Key [redacted] is not allowed here');
	expect(JSON.stringify(error)).not.toContain('SECRET-API-KEY-42');
});

describe('token credentials', () => {
	const tokenService: ServiceDefinition = { ...service, token: TOKEN_FIELDS };

	test('a valid stored token is used as it is', async () => {
		const stored = { ...credentials, accessToken: 'tok-1', tokenRenewAt: String(Date.now() + 60_000) };
		const { ctx, calls } = fakeContext([{ statusCode: 200 }], stored);

		await serviceRequest(ctx, tokenService, { method: 'GET', path: '/x' }, 0);

		expect(calls[0].credentials.accessToken).toBe('tok-1');
	});

	test('a token past its renewal time is blanked so that n8n fetches a new one before the call', async () => {
		const stored = { ...credentials, accessToken: 'tok-old', tokenRenewAt: String(Date.now() - 1) };
		const { ctx, calls } = fakeContext([{ statusCode: 200 }], stored);

		await serviceRequest(ctx, tokenService, { method: 'GET', path: '/x' }, 0);

		expect(calls[0].credentials.accessToken).toBe('');
	});

	test('a 401 renews the token once and repeats the call; a second 401 is the final answer', async () => {
		const stored = { ...credentials, accessToken: 'tok-1', tokenRenewAt: String(Date.now() + 60_000) };
		const { ctx, calls } = fakeContext(
			[{ statusCode: 401 }, { statusCode: 401, body: { message: 'Unauthorized' } }, { statusCode: 200 }],
			stored,
		);

		await expect(serviceRequest(ctx, tokenService, { method: 'GET', path: '/x' }, 0)).rejects.toThrow('Example: Unauthorized');
		expect(calls.map((call) => call.credentials.accessToken)).toEqual(['tok-1', '']);
	});
});

describe('answers that are not what was asked for', () => {
	test('no request follows a redirect, and every answer is read as bytes to be checked', async () => {
		const { ctx, calls } = fakeContext([{ statusCode: 200, body: { ok: true } }], credentials);

		await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, 0);

		expect(calls[0].options.disableFollowRedirect).toBe(true);
		expect(calls[0].options.encoding).toBe('arraybuffer');
	});

	test('a redirect is an error that names where it pointed and the Base URL field, and is not retried', async () => {
		const { ctx, calls } = fakeContext(
			[{ statusCode: 302, headers: { location: 'https://collector.example/steal?key=SECRET-API-KEY-42' } }],
			credentials,
		);

		const error = (await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, 0).catch((e) => e)) as NodeApiError;

		expect(error.message).toBe('Example redirected the request to https://collector.example (HTTP 302); redirects are not followed');
		expect(error.description).toContain('Check Base URL of the Example API credential');
		expect(JSON.stringify(error)).not.toContain('SECRET-API-KEY-42');
		expect(calls).toHaveLength(1);
	});

	test('a 200 maintenance page where JSON was expected is an error naming the status and the content type', async () => {
		const { ctx, calls } = fakeContext(
			[{ statusCode: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Maintenance. Key SECRET-API-KEY-42</body></html>' }],
			credentials,
		);

		const error = (await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, 5).catch((e) => e)) as NodeApiError;

		expect(error.message).toBe('Example answered HTTP 200 with text/html where JSON was expected');
		expect(error.description).toContain('GET /things (item 5)');
		expect(error.description).toContain('The answer began: "<html><body>Maintenance. Key [redacted]</body></html>"');
		expect(error.context.itemIndex).toBe(5);
		expect(calls).toHaveLength(1);
	});

	test('a write answered by a maintenance page says that the service may have acted', async () => {
		const { ctx } = fakeContext([{ statusCode: 200, headers: { 'content-type': 'text/html' }, body: '<html>Down</html>' }], credentials);

		const error = (await serviceRequest(ctx, service, { method: 'POST', path: '/things', body: {} }, 0).catch((e) => e)) as NodeApiError;

		expect(error.description).toContain('may have acted on the request');
	});

	test('an operation whose answer is plain text by contract gets the text', async () => {
		const { ctx } = fakeContext(
			[{ statusCode: 200, headers: { 'content-type': 'text/plain' }, body: "L'application est déjà affectée à l'interlocuteur." }],
			credentials,
		);

		const response = await serviceRequest(ctx, service, { method: 'POST', path: '/x', body: {}, expect: 'jsonOrText' }, 0);

		expect(response.body).toBe("L'application est déjà affectée à l'interlocuteur.");
	});

	test('a list with entries that are not objects is refused', async () => {
		const { ctx } = fakeContext([{ statusCode: 200, body: [{ id: 1 }, 2] }], credentials);

		await expect(serviceRequest(ctx, service, { method: 'GET', path: '/things' }, 0)).rejects.toThrow(
			'Example answered HTTP 200 with a list whose entry 2 is a number where objects were expected',
		);
	});
});

describe('unknown outcomes', () => {
	test.each([502, 504])('a POST answered %i by the gateway is sent once and says the service may have acted', async (status) => {
		const { ctx, calls } = fakeContext([{ statusCode: status, body: { message: 'Gateway gave up' } }, { statusCode: 201 }], credentials);

		const error = (await serviceRequest(ctx, service, { method: 'POST', path: '/things', body: {} }, 1).catch((e) => e)) as NodeApiError;

		expect(error.message).toBe('Example: Gateway gave up');
		expect(error.description).toContain('the service may have acted on the request');
		expect(error.description).toContain('Check in Example whether it was applied before running this item again');
		expect(error.description).not.toMatch(/retry/i);
		expect(calls).toHaveLength(1);
	});

	test('a POST whose token could not be fetched was not sent, and says so', async () => {
		const { ctx } = fakeContext([{ tokenError: 'Example refused the token request: the client secret is wrong' }], credentials);

		const error = (await serviceRequest(ctx, service, { method: 'POST', path: '/things', body: {} }, 0).catch((e) => e)) as NodeApiError;

		expect(error.message).toBe('Example: Example refused the token request: the client secret is wrong');
		expect(error.description).toBe('No access token, so POST /things (item 0) was not sent.');
	});
});

describe('long and secret-bearing error texts', () => {
	test("a megabyte error body is cut to a readable message; its beginning goes to the description", async () => {
		const huge = `Stack trace: ${'at frame '.repeat(150_000)}`;
		const { ctx } = fakeContext([{ statusCode: 400, body: { message: huge } }], credentials);

		const error = (await serviceRequest(ctx, service, { method: 'POST', path: '/x', body: {} }, 0).catch((e) => e)) as NodeApiError;

		expect(error.message.length).toBeLessThanOrEqual('Example: '.length + 300);
		expect(error.message.endsWith('…')).toBe(true);
		expect(error.description).toContain('It said: Stack trace: at frame');
		expect(error.description!.length).toBeLessThan(2_000);
		expect(JSON.stringify(error).length).toBeLessThan(10_000);
	});

	test('a secret holding " and \\ is removed from the message, the description and the error body', async () => {
		const tricky = { baseUrl: 'https://api.example/v1', apiKey: 'se"cr\\et-KEY-9' };
		const { ctx } = fakeContext([{ statusCode: 400, body: { message: `Key ${tricky.apiKey} is unknown`, echo: { key: tricky.apiKey } } }], tricky);

		const error = (await serviceRequest(ctx, service, { method: 'POST', path: '/x', body: {} }, 0).catch((e) => e)) as NodeApiError;

		expect(error.message).toBe('Example: Key [redacted] is unknown');
		const serialised = JSON.stringify(error);
		expect(serialised).not.toContain(JSON.stringify(tricky.apiKey).slice(1, -1));
		expect(serialised).not.toContain('cr\\');
	});
});

describe('checks before any request', () => {
	test.each([
		['', 'Base URL of the Example API credential is empty'],
		['api.example/v1', 'Base URL of the Example API credential "api.example/v1" has no scheme: it must start with https:// (or http://)'],
		['ftp://api.example', 'Base URL of the Example API credential "ftp://api.example" is not an http(s) address'],
	])('a Base URL "%s" is refused naming the credential field', async (baseUrl, message) => {
		const { ctx, calls } = fakeContext([], { ...credentials, baseUrl });

		const error = (await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, 2).catch((e) => e)) as NodeOperationError;

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(error.context.itemIndex).toBe(2);
		expect(calls).toHaveLength(0);
	});

	test('a path value made only of dots is refused before the request', async () => {
		const { ctx, calls } = fakeContext([], credentials);

		await expect(
			serviceRequest(ctx, service, { method: 'GET', path: '/quotes/{number}', pathParams: { number: '..' } }, 1),
		).rejects.toThrow('The value for {number} cannot be ".."');
		expect(calls).toHaveLength(0);
	});
});

describe('a service that is plainly down', () => {
	const alwaysRefused = () => Array.from({ length: 100 }, () => ({ networkCode: 'ECONNREFUSED' }) as Answer);
	let now: number;
	beforeEach(() => {
		now = 5_000_000;
		jest.spyOn(retryClock, 'now').mockImplementation(() => now);
		jest.spyOn(retryClock, 'sleep').mockImplementation(async (ms: number) => {
			waits.push(ms);
			now += ms;
		});
	});

	test('when failures have lasted five seconds with no answer, the remaining items fail at once without being sent', async () => {
		const { ctx, calls } = fakeContext(alwaysRefused(), credentials);
		const run = async (itemIndex: number) => await failureOf(serviceRequest(ctx, service, { method: 'GET', path: '/things' }, itemIndex));

		for (let itemIndex = 0; itemIndex < 2; itemIndex++) {
			expect((await run(itemIndex)).message).toBe('Example could not be reached (ECONNREFUSED)');
			now += 2_500;
		}
		const callsBefore = calls.length;
		const skipped = await run(3);

		expect(skipped.message).toMatch(
			/^Example could not be reached \(ECONNREFUSED\) \(Example failed \d+ requests over \d+(\.\d+)? s with no answer, so the remaining items are not tried\)$/,
		);
		expect(skipped.context.itemIndex).toBe(3);
		expect(skipped.description).toContain('Item 3 was not sent');
		expect(calls).toHaveLength(callsBefore);
	});

	test('a blip shorter than five seconds never ends the run: the items after it are sent', async () => {
		const answers: Answer[] = [
			...Array.from({ length: 12 }, () => ({ networkCode: 'ECONNREFUSED' }) as Answer),
			...Array.from({ length: 10 }, () => ({ statusCode: 200, body: {} })),
		];
		const { ctx, calls } = fakeContext(answers, credentials);
		const run = async (itemIndex: number) =>
			await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, itemIndex).then(
				() => 'ok',
				() => 'failed',
			);

		const results: string[] = [];
		for (let itemIndex = 0; itemIndex < 6; itemIndex++) {
			results.push(await run(itemIndex));
			now += 300;
		}

		expect(results).toEqual(['failed', 'failed', 'failed', 'ok', 'ok', 'ok']);
		expect(calls).toHaveLength(15);
	});

	test('items running at the same time wait while one probes a suspect service, and are not tried once it is down', async () => {
		let inFlightAfterFailure = 0;
		let peakAfterFirstFailure = 0;
		let failedOnce = false;
		const { ctx, calls } = fakeContext(alwaysRefused(), credentials);
		const original = ctx.helpers.httpRequestWithAuthentication;
		ctx.helpers.httpRequestWithAuthentication = async function (this: unknown, ...args: Parameters<typeof original>) {
			const afterFailure = failedOnce;
			if (afterFailure) peakAfterFirstFailure = Math.max(peakAfterFirstFailure, ++inFlightAfterFailure);
			try {
				await new Promise((resolve) => setImmediate(resolve));
				return await original.apply(this as never, args);
			} finally {
				if (afterFailure) inFlightAfterFailure--;
				failedOnce = true;
			}
		} as typeof original;
		const run = async (itemIndex: number) => await failureOf(serviceRequest(ctx, service, { method: 'GET', path: '/things' }, itemIndex));

		const together = await Promise.all([0, 1, 2, 3, 4].map(run));
		now += 5_000;
		const callsBefore = calls.length;
		const later = await run(5);

		expect(peakAfterFirstFailure).toBe(1);
		expect(together.every((error) => error instanceof NodeApiError)).toBe(true);
		expect(later.message).toContain('so the remaining items are not tried');
		expect(calls).toHaveLength(callsBefore);
	});

	test('a refusal of one item (a 404) is not an outage', async () => {
		const answers: Answer[] = Array.from({ length: 4 }, () => ({ statusCode: 404, body: { message: 'No such thing' } }));
		const { ctx, calls } = fakeContext(answers, credentials);

		for (let itemIndex = 0; itemIndex < 4; itemIndex++) {
			await serviceRequest(ctx, service, { method: 'GET', path: '/things' }, itemIndex).catch(() => undefined);
			now += 3_000;
		}

		expect(calls).toHaveLength(4);
	});
});

describe('deadlines', () => {
	test('an attempt that has no complete answer by its deadline is abandoned, its signal aborted, and a GET retried', async () => {
		const signals: AbortSignal[] = [];
		const ctx = hangingContext(signals);

		const started = Date.now();
		const error = (await serviceRequest(ctx, service, { method: 'GET', path: '/slow', timeoutMs: 50 }, 0).catch((e) => e)) as NodeApiError;

		expect(error.message).toBe('Example did not answer within 50 ms');
		expect(signals).toHaveLength(4);
		expect(signals.every((signal) => signal.aborted)).toBe(true);
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	test('all attempts of one request together stay within its total time', async () => {
		const signals: AbortSignal[] = [];
		const ctx = hangingContext(signals);

		await serviceRequest(ctx, service, { method: 'GET', path: '/slow', timeoutMs: 100, totalTimeoutMs: 150 }, 0).catch(() => undefined);

		expect(signals.length).toBeLessThanOrEqual(2);
	});

	test('a POST that missed its deadline is not repeated and says the service may have acted', async () => {
		const signals: AbortSignal[] = [];
		const ctx = hangingContext(signals);

		const error = (await serviceRequest(ctx, service, { method: 'POST', path: '/slow', body: {}, timeoutMs: 50 }, 0).catch((e) => e)) as NodeApiError;

		expect(error.message).toBe('Example may have acted on this request: no complete answer came within 50 ms');
		expect(signals).toHaveLength(1);
	});
});

/** A service that never finishes answering; records the cancel signal each attempt was given. */
function hangingContext(signals: AbortSignal[]): IExecuteFunctions {
	const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
	return {
		getNode: () => node,
		getCredentials: async () => ({ ...credentials }),
		helpers: {
			async httpRequestWithAuthentication(this: { getExecutionCancelSignal(): AbortSignal }) {
				signals.push(this.getExecutionCancelSignal());
				return await new Promise(() => undefined);
			},
		},
	} as unknown as IExecuteFunctions;
}

describe('errors built by operations from successful answers', () => {
	test('lose the secrets of the credential, also where the answer is quoted as JSON', async () => {
		const tricky = { baseUrl: 'https://api.example/v1', apiKey: 'se"cr\\et-KEY-9' };
		const { ctx } = fakeContext([], tricky);
		const answer = { status: 'refused', echo: `key=${tricky.apiKey}` };

		const error = await answerError(ctx, service, 3, {
			message: `Example refused: key=${tricky.apiKey}`,
			description: `Example answered: ${quoteAnswer(answer)}`,
		});

		expect(error.message).toBe('Example refused: key=[redacted]');
		expect(error.description).toBe('Example answered: {"status":"refused","echo":"key=[redacted]"}');
		expect(error.context.itemIndex).toBe(3);
	});

	test('quote only the beginning of a large answer', () => {
		expect(quoteAnswer({ rows: Array.from({ length: 10_000 }, (_value, index) => index) }, 100)).toHaveLength(100);
	});
});
