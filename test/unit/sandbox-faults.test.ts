/**
 * The sandbox's fault plans, seen from a plain HTTP client: each fault does what a hostile or broken
 * server does, and the same plan gives the same faults on every run.
 */
import { request as httpRequest } from 'node:http';

import { parseFaultPlans, startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { seededRandom } from '../../sandbox/core/faults';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const cegid = () => sandbox.credentials.cegidLoopApi;

function cegidHeaders(): Record<string, string> {
	return {
		'Content-Type': 'application/json',
		'Ocp-Apim-Subscription-Key': String(cegid().subscriptionApiKey),
		'x-apikey': `${String(cegid().applicationKey)}:${String(cegid().applicationSecret)}`,
	};
}

const addOfferUrl = () => `${String(cegid().baseUrl)}/collaborativeOffer/addOffer`;
const addOfferBody = JSON.stringify({ codeDossier: '044212', offre: 'start' });

/** A raw request that reports what arrived, how, and whether the connection broke. */
function rawPost(
	url: string,
	headers: Record<string, string>,
	body: string,
): Promise<{ status?: number; headers?: Record<string, unknown>; body: Buffer; error?: string; chunks: number }> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		const request = httpRequest(url, { method: 'POST', headers }, (response) => {
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks), chunks: chunks.length }),
			);
			response.on('error', (error) =>
				resolve({
					status: response.statusCode,
					headers: response.headers,
					body: Buffer.concat(chunks),
					error: (error as NodeJS.ErrnoException).code ?? error.message,
					chunks: chunks.length,
				}),
			);
			response.on('aborted', () =>
				resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks), error: 'aborted', chunks: chunks.length }),
			);
		});
		request.on('error', (error: NodeJS.ErrnoException) => resolve({ body: Buffer.concat(chunks), error: error.code ?? error.message, chunks: chunks.length }));
		request.end(body);
	});
}

describe('sandbox fault plans', () => {
	test('a status fault answers before the service acts: 429 with Retry-After, and the folder is unchanged', async () => {
		sandbox.faults.set('cegidLoop', { path: 'addOffer', times: 1, faults: { kind: 'status', status: 429, retryAfter: '3' } });

		const first = await rawPost(addOfferUrl(), cegidHeaders(), addOfferBody);
		expect(first.status).toBe(429);
		expect(first.headers?.['retry-after']).toBe('3');
		expect(sandbox.state.cegidLoop.folder('044212')?.offers).toEqual([]);

		const second = await rawPost(addOfferUrl(), cegidHeaders(), addOfferBody);
		expect(second.status).toBe(200);
		expect(sandbox.state.cegidLoop.folder('044212')?.offers).toEqual(['start']);
	});

	test('processed-then-lost: the offer is added, and the client gets a 502 or a reset connection', async () => {
		sandbox.faults.set('cegidLoop', { path: 'addOffer', faults: [{ kind: 'lost' }, { kind: 'lost', as: 'reset' }] });

		const gateway = await rawPost(addOfferUrl(), cegidHeaders(), addOfferBody);
		expect(gateway.status).toBe(502);
		expect(sandbox.state.cegidLoop.folder('044212')?.offers).toEqual(['start']);

		const reset = await rawPost(addOfferUrl(), cegidHeaders(), JSON.stringify({ codeDossier: '044212', offre: 'consultation' }));
		expect(reset.status).toBeUndefined();
		expect(reset.error).toBe('ECONNRESET');
		expect(sandbox.state.cegidLoop.folder('044212')?.offers).toEqual(['start', 'consultation']);

		const log = sandbox.server.requests({ service: 'cegidLoop' });
		expect(log.map((entry) => [entry.fault, entry.serviceActed, entry.status])).toEqual([
			['lost', true, 200],
			['lost', true, 200],
		]);
		expect(sandbox.faults.injectedInto('cegidLoop').map((fault) => fault.serviceActed)).toEqual([true, true]);
	});

	test('a cut answer announces its whole length, sends half, and closes the connection', async () => {
		sandbox.faults.set('cegidLoop', { path: 'addOffer', faults: { kind: 'cut' } });

		const cut = await rawPost(addOfferUrl(), cegidHeaders(), addOfferBody);

		expect(cut.status).toBe(200);
		expect(Number(cut.headers?.['content-length'] ?? Number.NaN)).toBeGreaterThan(cut.body.length);
		expect(cut.error).toBeDefined();
		expect(sandbox.state.cegidLoop.folder('044212')?.offers).toEqual(['start']);
	});

	test('a trickled answer arrives whole, a few bytes at a time', async () => {
		sandbox.faults.set('cegidLoop', { path: 'addOffer', faults: { kind: 'trickle', chunkBytes: 8, intervalMs: 5 } });

		const started = Date.now();
		const trickled = await rawPost(addOfferUrl(), cegidHeaders(), addOfferBody);

		expect(trickled.status).toBe(200);
		expect(JSON.parse(trickled.body.toString('utf8')).message).toContain("L'offre start a été ajoutée");
		expect(trickled.chunks).toBeGreaterThan(3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(5 * Math.floor(trickled.body.length / 8) - 5);
	});

	test('hostile 200 answers: an HTML page, invalid JSON, null, a list of non-objects; none reaches the service', async () => {
		sandbox.faults.set('cegidLoop', {
			path: 'addOffer',
			faults: [{ kind: 'html' }, { kind: 'invalidJson' }, { kind: 'null' }, { kind: 'nonObject' }],
		});

		const answers: Array<Awaited<ReturnType<typeof rawPost>>> = [];
		for (let index = 0; index < 4; index++) answers.push(await rawPost(addOfferUrl(), cegidHeaders(), addOfferBody));

		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
		expect(String(answers[0].headers?.['content-type'])).toMatch(/^text\/html/);
		expect(answers[0].body.toString()).toContain('<html>');
		expect(() => JSON.parse(answers[1].body.toString())).toThrow();
		expect(String(answers[1].headers?.['content-type'])).toMatch(/^application\/json/);
		expect(JSON.parse(answers[2].body.toString())).toBeNull();
		expect(JSON.parse(answers[3].body.toString())).toEqual([1, 'two', null]);
		expect(sandbox.state.cegidLoop.folder('044212')?.offers).toEqual([]);
	});

	test('a redirect points to the second listener, which records what reached it', async () => {
		sandbox.faults.set('cegidLoop', { path: 'addOffer', faults: { kind: 'redirect', status: 307 } });

		const redirected = await rawPost(addOfferUrl(), cegidHeaders(), addOfferBody);
		expect(redirected.status).toBe(307);
		const location = String(redirected.headers?.location);
		expect(location.startsWith(sandbox.redirectTarget.url)).toBe(true);
		expect(sandbox.redirectTarget.url).not.toBe(sandbox.url);
		expect(sandbox.redirectTarget.received).toEqual([]);

		// A client that follows it sends its keys to the other origin: the listener shows them.
		const followed = await rawPost(location, cegidHeaders(), addOfferBody);
		expect(followed.status).toBe(200);
		expect(JSON.parse(followed.body.toString()).access_token).toBe('foreign-origin-token');
		expect(sandbox.redirectTarget.received).toHaveLength(1);
		expect(sandbox.redirectTarget.received[0].headers['x-apikey']).toBe(`${String(cegid().applicationKey)}:${String(cegid().applicationSecret)}`);
		expect(sandbox.redirectTarget.received[0].url).toBe('/cegid/loop-api-publiques/collaborativeOffer/addOffer');
	});

	test('an error body can echo the request headers, secrets included', async () => {
		sandbox.faults.set('cegidLoop', { path: 'addOffer', faults: { kind: 'echoHeaders', status: 500 } });

		const echoed = await rawPost(addOfferUrl(), cegidHeaders(), addOfferBody);

		expect(echoed.status).toBe(500);
		expect(JSON.parse(echoed.body.toString()).request.headers['ocp-apim-subscription-key']).toBe(cegid().subscriptionApiKey);
	});

	test('a page-size cap lowers the page size the service reads, whatever was asked for', async () => {
		sandbox.state.infinigate.maxPriceListTake = 500;
		sandbox.faults.set('infinigate', { path: '/pricelist/search/', method: 'GET', faults: { kind: 'pageCap', param: 'take', max: 7 } });
		const credentials = sandbox.credentials.infinigateApi;
		const tokenAnswer = await fetch(`${String(credentials.baseUrl)}/authorization/token`, {
			method: 'POST',
			headers: { 'API-KEY': String(credentials.apiKey), 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: String(credentials.clientId), client_secret: String(credentials.clientSecret) }),
		});
		const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };

		const page = await fetch(`${String(credentials.baseUrl)}/product-management/v1/pricelist/search/*?Take=100&Skip=0`, {
			headers: { 'API-KEY': String(credentials.apiKey), Authorization: `Bearer ${token}` },
		});

		expect(page.status).toBe(200);
		expect(((await page.json()) as unknown[]).length).toBe(7);
		// The log keeps what the client asked for.
		expect(sandbox.server.requests({ service: 'infinigate', path: /pricelist\/search/ })[0].query.Take).toEqual(['100']);
	});

	test('every Nth and a seeded rate hit the same requests on every run', async () => {
		const hits = async (rule: Parameters<Sandbox['faults']['set']>[1]): Promise<number[]> => {
			sandbox.server.reset();
			sandbox.faults.set('cegidLoop', rule);
			const statuses: number[] = [];
			for (let index = 0; index < 40; index++) {
				statuses.push((await rawPost(addOfferUrl(), cegidHeaders(), addOfferBody)).status ?? -1);
			}
			return statuses.flatMap((status, index) => (status === 503 ? [index] : []));
		};
		const every = { every: 10, faults: { kind: 'status', status: 503 } } as const;
		const seeded = { rate: 0.1, seed: 42, faults: { kind: 'status', status: 503 } } as const;

		expect(await hits(every)).toEqual([9, 19, 29, 39]);
		const first = await hits(seeded);
		expect(await hits(seeded)).toEqual(first);
		expect(first.length).toBeGreaterThan(0);
		expect(first.length).toBeLessThan(12);
		expect(await hits({ ...seeded, seed: 43 })).not.toEqual(first);
	});

	test('a rate without a seed, an unknown kind and a bad status are refused', () => {
		expect(() => sandbox.faults.set('cegidLoop', { rate: 0.1, faults: { kind: 'reset' } })).toThrow(/seed/);
		expect(() => sandbox.faults.set('cegidLoop', { faults: { kind: 'explode' } as never })).toThrow(/Unknown fault kind "explode"/);
		expect(() => sandbox.faults.set('cegidLoop', { faults: { kind: 'status', status: 200 } })).toThrow(/400 to 599/);
		expect(() => parseFaultPlans('every=10')).toThrow(/not JSON/);
	});

	test('the seeded generator is the same sequence for the same seed', () => {
		const a = seededRandom(7);
		const b = seededRandom(7);
		const first = Array.from({ length: 5 }, a);
		expect(Array.from({ length: 5 }, b)).toEqual(first);
		expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
	});

	test('the control endpoint sets plans from another process, by the names tests use', async () => {
		const set = await fetch(`${sandbox.url}/__sandbox/fault-plans`, {
			method: 'POST',
			body: JSON.stringify({ eqhub: { path: '^/legacy/', faults: { kind: 'status', status: 504 } } }),
		});
		expect(set.status).toBe(204);
		const plans = (await (await fetch(`${sandbox.url}/__sandbox/fault-plans`)).json()) as { plans: Record<string, unknown> };
		expect(Object.keys(plans.plans)).toEqual(['collabor8EqHub']);
		const bad = await fetch(`${sandbox.url}/__sandbox/fault-plans`, { method: 'POST', body: '{"eqhub": {"faults": {"kind": "nope"}}}' });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { message: string }).message).toMatch(/Unknown fault kind/);
	});
});
