/**
 * The request door with a scripted network: what is sent, how often, and what the user sees.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ServiceDefinition } from '../../nodes/shared/request';
import { serviceRequest } from '../../nodes/shared/request';
import { retryClock } from '../../nodes/shared/retry';
import { TOKEN_FIELDS } from '../../credentials/common/token';

type Answer = { statusCode: number; body?: unknown; headers?: Record<string, string> } | { networkCode: string };

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
				return { statusCode: answer.statusCode, body: answer.body ?? {}, headers: answer.headers ?? {} };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls };
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

test('a POST whose connection was reset is not sent again and says the service could not be reached', async () => {
	const { ctx, calls } = fakeContext([{ networkCode: 'ECONNRESET' }, { statusCode: 201 }], credentials);

	await expect(serviceRequest(ctx, service, { method: 'POST', path: '/things', body: {} }, 0)).rejects.toThrow(
		'Example could not be reached (ECONNRESET)',
	);
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
