/**
 * The credential Test button, as the editor presses it: `POST /rest/credentials/test` on a saved
 * credential, in the n8n server. A working credential answers "Connection successful!"; a wrong
 * value answers a message that says which value to check, and never the secret itself.
 */
import type { Sandbox } from '../../sandbox';
import { freshN8n, startE2eSandbox } from '../support/e2e';
import { sandboxCredentialName, sandboxCredentials } from '../support/examples';
import type { N8nInstance, N8nServer } from '../support/n8n';
import { freePort } from '../support/runtime';

interface TestAnswer {
	status: string;
	message: string;
}

describe('the credential Test button in the n8n server', () => {
	let sandbox: Sandbox;
	let n8n: N8nInstance;
	let server: N8nServer;
	let cookie: string;

	beforeAll(async () => {
		sandbox = await startE2eSandbox();
		n8n = await freshN8n('credential-test');
		server = await n8n.startServer(await freePort());
		cookie = await server.setupOwner({
			email: 'credentials@example.com',
			password: 'E2e-password-1',
			firstName: 'Credential',
			lastName: 'Tester',
		});
	});

	afterAll(async () => {
		await server?.stop();
		await sandbox?.close();
		n8n?.remove();
	});

	/** Presses Test on the saved sandbox credential of `type`, with some of its fields changed. */
	async function pressTest(type: string, changes: Record<string, string> = {}): Promise<TestAnswer> {
		const [saved] = await sandboxCredentials({ [type]: sandbox.credentials[type] });
		const response = await fetch(`${server.url}/rest/credentials/test`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Cookie: cookie },
			body: JSON.stringify({
				credentials: { id: type, name: sandboxCredentialName(type), type, data: { ...saved.data, ...changes } },
			}),
		});
		expect(response.status).toBe(200);
		const body = (await response.json()) as { data: TestAnswer };
		return body.data;
	}

	test.each(['cegidLoopApi', 'infinigateApi', 'collabor8EqHubApi', 'collabor8VirtualInventoryApi', 'collabor8LoopApi'])(
		'a working %s credential answers "Connection successful!"',
		async (type) => {
			expect(await pressTest(type)).toEqual(expect.objectContaining({ status: 'OK', message: 'Connection successful!' }));
		},
	);

	test('Cegid Loop: a wrong subscription key names the keys to check', async () => {
		const answer = await pressTest('cegidLoopApi', { subscriptionApiKey: 'wrong-subscription-key-1' });
		expect(answer.status).toBe('Error');
		expect(answer.message).toContain('check the Subscription Key');
		expect(answer.message).not.toContain('wrong-subscription-key-1');
	});

	test('Cegid Loop: the Test button reads the documented staff list, so a wrong application secret fails it', async () => {
		const answer = await pressTest('cegidLoopApi', { applicationSecret: 'wrong-application-secret-1' });

		expect(answer.status).toBe('Error');
		expect(answer.message).toContain('Cegid refused the keys');
		expect(answer.message).not.toContain('wrong-application-secret-1');
		const calls = sandbox.server.requests({ service: 'cegidLoop' });
		expect(calls.map((entry) => `${entry.method} ${entry.path}`)).toContain('GET /collaborateurCabinet');
		expect(calls.filter((entry) => entry.path.startsWith('/loophub'))).toEqual([]);
	});

	test('Infinigate: a wrong API key and a wrong client secret get two different messages', async () => {
		const wrongKey = await pressTest('infinigateApi', { apiKey: 'wrong-portal-key-1' });
		const wrongSecret = await pressTest('infinigateApi', { clientSecret: 'wrong-client-secret-1' });

		expect(wrongKey.status).toBe('Error');
		expect(wrongKey.message).toContain('API key (PortalKey) was refused');
		expect(wrongSecret.status).toBe('Error');
		expect(wrongSecret.message).toContain('client ID or client secret was refused');
		expect(JSON.stringify([wrongKey, wrongSecret])).not.toMatch(/wrong-portal-key-1|wrong-client-secret-1/);
	});

	test.each(['collabor8EqHubApi', 'collabor8VirtualInventoryApi', 'collabor8LoopApi'])(
		'%s: a wrong client secret says the client secret is wrong',
		async (type) => {
			const answer = await pressTest(type, { clientSecret: 'wrong-client-secret-2' });
			expect(answer.status).toBe('Error');
			expect(answer.message).toMatch(/client secret/i);
			expect(answer.message).not.toContain('wrong-client-secret-2');
		},
	);
});
