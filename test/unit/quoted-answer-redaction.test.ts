/**
 * An answer quoted in an error loses the credential's secrets before it is cut to length: an answer
 * that echoes a long bearer token where the cut falls would otherwise show most of the token, since
 * the cut half no longer matches the whole token that redaction looks for.
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { ServiceDefinition } from '../../nodes/shared/request';
import { answerError, quoteWithoutSecrets } from '../../nodes/shared/request';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.' + 'A'.repeat(40) + 'B'.repeat(40) + '.signature-part-0123456789';

const credentials: ICredentialDataDecryptedObject = { baseUrl: 'https://api.example/v1', accessToken: TOKEN };

const service: ServiceDefinition = {
	serviceName: 'Example',
	credentialType: 'exampleApi',
	baseUrl: (data) => String(data.baseUrl),
	secrets: (data) => [String(data.accessToken)],
};

function context(): IExecuteFunctions {
	const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
	return { getNode: () => node, getCredentials: async () => ({ ...credentials }) } as unknown as IExecuteFunctions;
}

/** An answer that echoes the request's Authorization header, the token starting 60 characters before `limit`. */
function echoingAnswer(limit: number): { echo: string } {
	const prefix = '{"echo":"'.length;
	return { echo: `${'x'.repeat(limit - 60 - prefix)}Bearer ${TOKEN} and more text after it` };
}

/** The longest run of the token's characters the text shows, e.g. 50 for "eyJ…" cut after 50. */
function longestPieceOfToken(text: string): number {
	let longest = 0;
	for (let start = 0; start < TOKEN.length; start++) {
		for (let end = TOKEN.length; end - start > longest; end--) {
			if (text.includes(TOKEN.slice(start, end))) {
				longest = end - start;
				break;
			}
		}
	}
	return longest;
}

describe('an answer quoted in an error', () => {
	test('shows no piece of a token that the cut would have split', async () => {
		const limit = 200;
		const error = await answerError(context(), service, 0, {
			message: 'Example answered in a shape the node does not know',
			description: (quote) => `Example answered: ${quote(echoingAnswer(limit), limit)}`,
		});
		expect(error.description).toContain('Bearer [redacted]');
		expect(longestPieceOfToken(error.description ?? '')).toBeLessThan(8);
	});

	test('quoted outside answerError follows the same rule', () => {
		const quoted = quoteWithoutSecrets(echoingAnswer(300), [TOKEN], 300);
		expect(quoted).toContain('Bearer [redacted]');
		expect(longestPieceOfToken(quoted)).toBeLessThan(8);
		expect(longestPieceOfToken(quoteWithoutSecrets(`Bearer ${TOKEN}`, [TOKEN], 30))).toBeLessThan(8);
	});

	test("a message that echoes the token near its limit shows none of it", async () => {
		const error = await answerError(context(), service, 0, {
			message: `${'m'.repeat(560)} Bearer ${TOKEN}`,
		});
		expect(longestPieceOfToken(error.message)).toBeLessThan(8);
	});
});
