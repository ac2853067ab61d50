/**
 * The request door against a hostile local server, run through n8n-core's real execution engine
 * and HTTP client: redirects to another origin, a trickling answer, a body cut halfway, a
 * maintenance page, and a token endpoint that redirects or never answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { beginNodeRun } from '../../nodes/shared/concurrency';
import { forEachItem, jsonOutput } from '../../nodes/shared/items';
import type { ServiceDefinition, ServiceRequest } from '../../nodes/shared/request';
import { serviceRequest } from '../../nodes/shared/request';
import { fetchClientCredentialsToken, TOKEN_FIELDS, tokenCredentialFields } from '../../credentials/common/token';
import { runNode } from '../support/run-node';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse, body: string) => void;

interface Seen {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** A local server whose behaviour each test sets, and which records what it received. */
class LocalServer {
	handler: Handler = (_request, response) => response.end('{}');

	readonly seen: Seen[] = [];

	/** How many answers were abandoned by the client before they were complete. */
	abandoned = 0;

	private readonly server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			this.seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
			response.on('close', () => {
				if (!response.writableFinished) this.abandoned++;
			});
			this.handler(request, response, body);
		});
	});

	url = '';

	async start(): Promise<void> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	reset(): void {
		this.seen.length = 0;
		this.abandoned = 0;
		this.handler = (_request, response) => response.end('{}');
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}
}

/** Waits (up to 2 s) for something the server learns after the client has moved on. */
async function until(condition: () => boolean): Promise<void> {
	for (let waited = 0; !condition() && waited < 2_000; waited += 20) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const api = new LocalServer();
const elsewhere = new LocalServer();

beforeAll(async () => {
	await api.start();
	await elsewhere.start();
});

afterAll(async () => {
	await api.stop();
	await elsewhere.stop();
});

beforeEach(() => {
	api.reset();
	elsewhere.reset();
});

const API_KEY = 'key-with-"quote"-and-\\backslash';
const CLIENT_SECRET = 'client-secret-7a1e';

/** A key sent as a header on every call, as the Cegid Loop credential does. */
class TestKeyApi implements ICredentialType {
	name = 'testKeyApi';

	displayName = 'Test Key API';

	properties = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		{ displayName: 'API Key', name: 'apiKey', type: 'string' as const, typeOptions: { password: true }, default: '' },
	];

	authenticate = {
		type: 'generic' as const,
		properties: { headers: { 'X-Api-Key': '={{$credentials.apiKey}}' } },
	};
}

/** A client-credentials token fetched by preAuthentication, as the Infinigate and Collabor8 credentials do. */
class TestTokenApi implements ICredentialType {
	name = 'testTokenApi';

	displayName = 'Test Token API';

	properties = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string' as const, typeOptions: { password: true }, default: '' },
		...tokenCredentialFields,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const clientSecret = String(credentials.clientSecret);
		return await fetchClientCredentialsToken(this, {
			url: `${String(credentials.baseUrl)}/token`,
			form: { grant_type: 'client_credentials', client_secret: clientSecret },
			secrets: [clientSecret],
			explainFailure: (status) => `The token endpoint refused the request (HTTP ${status})`,
			timeoutMs: 300,
		});
	}

	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};
}

const QUICK_RETRIES = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 50, maxTotalWaitMs: 500 };

const keyService: ServiceDefinition = {
	serviceName: 'Example',
	credentialType: 'testKeyApi',
	baseUrl: (credentials) => String(credentials.baseUrl),
	secrets: (credentials) => [String(credentials.apiKey)],
	retryPolicy: QUICK_RETRIES,
};

const tokenService: ServiceDefinition = {
	serviceName: 'Example',
	credentialType: 'testTokenApi',
	baseUrl: (credentials) => String(credentials.baseUrl),
	secrets: (credentials) => [String(credentials.clientSecret)],
	token: TOKEN_FIELDS,
	retryPolicy: QUICK_RETRIES,
};

/** A node that makes one request per item through the door and outputs the answer. */
function nodeMaking(service: ServiceDefinition, request: ServiceRequest): INodeType {
	return {
		description: {
			displayName: 'Door',
			name: 'door',
			group: ['transform'],
			version: 1,
			description: 'Calls the request door',
			defaults: { name: 'Door' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: service.credentialType, required: true }],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [await forEachItem(this, async (itemIndex) => jsonOutput((await serviceRequest(this, service, request, itemIndex)).body))];
		},
	} as unknown as INodeType;
}

async function runWithKey(request: ServiceRequest) {
	return await runNode({
		node: nodeMaking(keyService, request),
		credentialTypes: [new TestKeyApi()],
		credentials: { testKeyApi: { baseUrl: api.url, apiKey: API_KEY } },
		parameters: {},
	});
}

async function runWithToken(request: ServiceRequest) {
	return await runNode({
		node: nodeMaking(tokenService, request),
		credentialTypes: [new TestTokenApi()],
		credentials: { testTokenApi: { baseUrl: api.url, clientSecret: CLIENT_SECRET, accessToken: '', tokenRenewAt: '' } },
		parameters: {},
	});
}

describe('redirects', () => {
	test('a redirect to another origin is not followed: that origin receives nothing, no key and no request', async () => {
		api.handler = (_request, response) => {
			response.writeHead(302, { Location: `${elsewhere.url}/collect` });
			response.end();
		};

		const run = await runWithKey({ method: 'GET', path: '/things' });

		expect(run.error?.message).toBe(`Example redirected the request to ${elsewhere.url} (HTTP 302); redirects are not followed`);
		expect(run.error?.description).toContain('Check Base URL of the Example API credential');
		expect(api.seen).toHaveLength(1);
		expect(api.seen[0].headers['x-api-key']).toBe(API_KEY);
		expect(elsewhere.seen).toHaveLength(0);
	});

	test('a token endpoint that redirects is refused: the client secret is never posted to the other origin', async () => {
		api.handler = (_request, response) => {
			response.writeHead(307, { Location: `${elsewhere.url}/token` });
			response.end();
		};

		const run = await runWithToken({ method: 'GET', path: '/things' });

		expect(run.error?.message).toContain(`redirected to ${elsewhere.url} (HTTP 307)`);
		expect(elsewhere.seen).toHaveLength(0);
		expect(JSON.stringify(run.run.data.resultData)).not.toContain(CLIENT_SECRET);
	});
});

describe('deadlines', () => {
	test('a server that trickles its answer a byte at a time cannot hold the item past its deadline', async () => {
		api.handler = (_request, response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			const trickle = setInterval(() => response.write(' '), 50);
			response.on('close', () => clearInterval(trickle));
		};

		const started = Date.now();
		const run = await runWithKey({ method: 'GET', path: '/things', timeoutMs: 400 });

		expect(run.error?.message).toBe('Example did not answer within 400 ms');
		expect(api.seen).toHaveLength(QUICK_RETRIES.maxAttempts);
		expect(Date.now() - started).toBeLessThan(QUICK_RETRIES.maxAttempts * 400 + 3_000);
		// The client closed each trickling connection instead of leaving it open.
		await until(() => api.abandoned === QUICK_RETRIES.maxAttempts);
		expect(api.abandoned).toBe(QUICK_RETRIES.maxAttempts);
	});

	test('a token endpoint that never answers fails the item within the token deadline', async () => {
		api.handler = () => undefined;

		const started = Date.now();
		const run = await runWithToken({ method: 'GET', path: '/things' });

		expect(run.error?.message).toBe(`Example: The token endpoint ${api.url}/token did not answer within 300 ms`);
		expect(api.seen.every((seen) => seen.url === '/token')).toBe(true);
		expect(Date.now() - started).toBeLessThan(QUICK_RETRIES.maxAttempts * 300 + 3_000);
	});
});

describe('answers cut halfway', () => {
	const cutThenWhole: Handler = (_request, response) => {
		if (api.seen.length === 1) {
			response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
			response.write('{"id":1,"na');
			setTimeout(() => response.socket?.destroy(), 20);
			return;
		}
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end('{"id":1,"name":"whole"}');
	};

	test('a GET whose body was cut halfway is retried like any network error', async () => {
		api.handler = cutThenWhole;

		const run = await runWithKey({ method: 'GET', path: '/things/1' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ id: 1, name: 'whole' }]);
		expect(api.seen).toHaveLength(2);
	});

	test('a POST whose answer was cut halfway is not repeated, and says the service may have acted', async () => {
		api.handler = cutThenWhole;

		const run = await runWithKey({ method: 'POST', path: '/things', body: { name: 'new' } });

		expect(run.error?.message).toBe('Example may have acted on this request: the connection was lost while its answer was arriving');
		expect(run.error?.description).toContain('Check in Example whether it was applied before running this item again');
		expect(api.seen).toHaveLength(1);
	});
});

describe('answers that are not JSON', () => {
	test('a 200 maintenance page is an error, quoted without the key it echoes (even JSON-escaped)', async () => {
		api.handler = (_request, response) => {
			response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			response.end(`<html><body>Maintenance until 18:00 <script>var k=${JSON.stringify(API_KEY)}</script></body></html>`);
		};

		const run = await runWithKey({ method: 'POST', path: '/companyProvisioning/provisionCompany', body: { codeDossier: 'A1' } });

		expect(run.error?.message).toBe('Example answered HTTP 200 with text/html where JSON was expected');
		expect(run.error?.description).toContain('The answer began: "<html><body>Maintenance until 18:00');
		expect(run.error?.description).toContain('may have acted on the request');
		const everything = JSON.stringify(run.run.data.resultData);
		expect(everything).not.toContain('quote');
		expect(everything).not.toContain('backslash');
	});
});

describe('token renewal in n8n-core', () => {
	const tokenAnswer = (response: http.ServerResponse, token: string) => {
		response.writeHead(200, { 'Content-Type': 'application/json' });
		response.end(JSON.stringify({ access_token: token, expires_in: 3600 }));
	};

	test('a token endpoint answering 503 once is asked again, and the item is sent with the token', async () => {
		let tokenRequests = 0;
		api.handler = (request, response) => {
			if (request.url === '/token') {
				tokenRequests++;
				if (tokenRequests === 1) {
					response.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '0' });
					response.end('{"message":"Service unavailable"}');
					return;
				}
				tokenAnswer(response, 'second-token');
				return;
			}
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ token: request.headers.authorization }));
		};

		const run = await runWithToken({ method: 'GET', path: '/things' });

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ token: 'Bearer second-token' }]);
		expect(api.seen.map((seen) => seen.url)).toEqual(['/token', '/token', '/things']);
	});

	test('while the renewing item\'s own call is slow, the other items go on as soon as the new token is stored', async () => {
		let slowPending = false;
		let thingsWhileSlowPending = 0;
		api.handler = (request, response) => {
			if (request.url === '/token') return tokenAnswer(response, 'fresh');
			if (request.url === '/slow') {
				slowPending = true;
				const finish = () => {
					slowPending = false;
					response.writeHead(200, { 'Content-Type': 'application/json' });
					response.end('{"slow":true}');
				};
				// Answers once the others have been served, or after 3 s when they wait for it.
				const started = Date.now();
				const check = setInterval(() => {
					if (thingsWhileSlowPending === 4 || Date.now() - started > 3_000) {
						clearInterval(check);
						finish();
					}
				}, 10);
				return;
			}
			if (slowPending) thingsWhileSlowPending++;
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end('{"ok":true}');
		};
		const node = {
			...nodeMaking(tokenService, { method: 'GET', path: '/things' }),
			async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				beginNodeRun(this, 5);
				return [
					await forEachItem(this, async (itemIndex) =>
						jsonOutput((await serviceRequest(this, tokenService, { method: 'GET', path: itemIndex === 0 ? '/slow' : '/things' }, itemIndex)).body),
					),
				];
			},
		} as INodeType;

		const run = await runNode({
			node,
			credentialTypes: [new TestTokenApi()],
			credentials: { testTokenApi: { baseUrl: api.url, clientSecret: CLIENT_SECRET, accessToken: '', tokenRenewAt: '' } },
			parameters: {},
			items: [{}, {}, {}, {}, {}],
		});

		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([{ slow: true }, { ok: true }, { ok: true }, { ok: true }, { ok: true }]);
		expect(thingsWhileSlowPending).toBe(4);
		expect(api.seen.filter((seen) => seen.url === '/token')).toHaveLength(1);
	});
});
