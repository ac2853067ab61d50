/**
 * While a service is suspect of an outage, one request at a time tests it and the others wait. The
 * test can take as long as its own deadline; an item waiting behind it gives up at its own deadline,
 * unsent, instead of waiting for the probe.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { ServiceDefinition } from '../../nodes/shared/request';
import { serviceRequest } from '../../nodes/shared/request';
import { retryClock } from '../../nodes/shared/retry';

const service: ServiceDefinition = {
	serviceName: 'Example',
	credentialType: 'exampleApi',
	baseUrl: () => 'https://api.example/v1',
	secrets: () => ['SECRET-API-KEY-42'],
	retryPolicy: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 1000, maxTotalWaitMs: 5000 },
};

/** The first request loses its connection; the second (the probe) hangs until released. */
function slowProbeContext() {
	const sent: string[] = [];
	let releaseProbe: () => void = () => undefined;
	let probeSent: () => void = () => undefined;
	const probeStarted = new Promise<void>((resolve) => (probeSent = resolve));
	const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
	const ctx = {
		getNode: () => node,
		getCredentials: async () => ({ apiKey: 'SECRET-API-KEY-42' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { url: string }) => {
				sent.push(options.url);
				if (sent.length === 1) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
				if (sent.length === 2) {
					probeSent();
					await new Promise<void>((resolve) => (releaseProbe = resolve));
				}
				return { statusCode: 200, body: Buffer.from('{}'), headers: { 'content-type': 'application/json' } };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, sent, probeStarted, release: () => releaseProbe() };
}

beforeEach(() => {
	jest.spyOn(retryClock, 'sleep').mockResolvedValue(undefined);
	jest.spyOn(retryClock, 'random').mockReturnValue(0);
});
afterEach(() => jest.restoreAllMocks());

test('an item waiting behind a slow probe fails at its own deadline, unsent, and says running it again is safe', async () => {
	const { ctx, sent, probeStarted, release } = slowProbeContext();
	const first = serviceRequest(ctx, service, { method: 'GET', path: '/slow' }, 0);
	await probeStarted;

	const startedAt = Date.now();
	const error = (await serviceRequest(ctx, service, { method: 'GET', path: '/other', timeoutMs: 300, totalTimeoutMs: 300 }, 1).then(
		() => {
			throw new Error('expected the waiting item to fail');
		},
		(failure: unknown) => failure as Error & { description?: string },
	)) as Error & { description?: string };
	const waitedMs = Date.now() - startedAt;

	expect(waitedMs).toBeGreaterThanOrEqual(250);
	expect(waitedMs).toBeLessThan(2_000);
	expect(error.message).toMatch(/^Example seems unreachable/);
	expect(error.description).toContain('GET /other (item 1) was not sent');
	expect(error.description).toContain('Running the item again is safe');
	expect(sent.filter((url) => url.endsWith('/other'))).toHaveLength(0);

	release();
	await expect(first).resolves.toMatchObject({ status: 200 });
});
