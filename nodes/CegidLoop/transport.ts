/** The Cegid Loop node's one door to the network, built on the shared request helper. */
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ExpectedAnswer, ServiceDefinition } from '../shared/request';
import { jsonOutput } from '../shared/items';
import { messageFromBody, serviceRequest } from '../shared/request';
import { englishMeaning, withEnglish } from './messages';

const AUTH_HINT =
	'Check the Subscription Key, Application Key and Application Secret of the Cegid Loop API credential.';

export const cegidLoopService: ServiceDefinition = {
	serviceName: 'Cegid Loop',
	credentialType: 'cegidLoopApi',
	baseUrl: (credentials) => String(credentials.baseUrl ?? ''),
	secrets: (credentials: ICredentialDataDecryptedObject) => [
		String(credentials.subscriptionKey ?? ''),
		String(credentials.applicationSecret ?? ''),
		`${String(credentials.applicationKey ?? '')}:${String(credentials.applicationSecret ?? '')}`,
	],
	describeFailure(status, body) {
		const message = messageFromBody(body) ?? `HTTP ${status}`;
		if (status === 401) return { message, description: AUTH_HINT };
		return { message: withEnglish(message) };
	},
};

/**
 * Cegid answers with JSON, or with a plain French sentence; either way the user gets JSON, with the
 * English meaning beside a known French message.
 */
export function toOutput(body: unknown): IDataObject | IDataObject[] {
	const output = jsonOutput(body);
	if (Array.isArray(output)) return output;
	if (typeof output.message === 'string') {
		const english = englishMeaning(output.message);
		if (english) output.messageEnglish = english;
	}
	return output;
}

export async function cegidPost(
	ctx: IExecuteFunctions,
	path: string,
	body: IDataObject,
	itemIndex: number,
	expect: ExpectedAnswer = 'json',
): Promise<IDataObject | IDataObject[]> {
	const response = await serviceRequest(ctx, cegidLoopService, { method: 'POST', path, body, expect }, itemIndex);
	return toOutput(response.body);
}
