/** The Cegid Loop node's one door to the network, built on the shared request helper. */
import type { ICredentialDataDecryptedObject, IHttpRequestMethods } from 'n8n-workflow';

import { messageFromBody } from '../../credentials/common/failures';
import type { RequestContext, ServiceDefinition } from '../shared/request';
import { serviceRequest } from '../shared/request';
import type { RequestOptions } from '../shared/transport';
import { withEnglish } from './helpers/messages';

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

export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions,
	itemIndex: number,
): Promise<T> {
	const response = await serviceRequest<T>(ctx, cegidLoopService, { ...options, method, path }, itemIndex);
	return response.body;
}
