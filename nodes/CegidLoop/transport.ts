/** The Cegid Loop node's one door to the network, built on the shared request helper. */
import type { ICredentialDataDecryptedObject, IHttpRequestMethods } from 'n8n-workflow';

import { cegidLoopBaseUrl } from '../../credentials/common/cegidLoop';
import { messageFromBody } from '../../credentials/common/failures';
import type { RequestContext, ServiceDefinition } from '../shared/request';
import type { AddressedRequestOptions } from '../shared/path';
import { addressedCall } from '../shared/path';
import { serviceRequest } from '../shared/request';
import { withEnglish } from './helpers/messages';

const AUTH_HINT =
	'Check the Subscription Key, Application Key and Application Secret of the Cegid Loop API credential.';

/** What a user can do when Cegid does not know an address, which for some calls is our best reading. */
export const NOT_FOUND_HINT =
	'Cegid does not know this address. Check the Environment and Base URL of the credential. Folder lists, ' +
	'"Add" for a contact and "Remove" for one contact use addresses Cegid has not published: set the ones ' +
	'from your Cegid API catalogue in the credential (switch on Override API Addresses, then LoopHub Address ' +
	'and LoopHub Method) or in the API Overrides of the operation (its Options before node version 1.2).';

/** Corrects the address of a call whose path Cegid documents. */
const DOCUMENTED_ADDRESS_FIELD = 'the Environment and Base URL of the Cegid Loop API credential';

/**
 * The headers the credential's `authenticate` declares (CegidLoopApi.credentials.ts), built here
 * from the credential the node reads once per run: n8n's authenticated request would resolve those
 * three expressions again for every request, about a millisecond each. n8n's HTTP Request node and
 * the Test button keep using the declaration; both name the same headers with the same values.
 */
export function cegidLoopHeaders(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	return {
		'Ocp-Apim-Subscription-Key': String(credentials.subscriptionApiKey ?? ''),
		'x-apikey': `${String(credentials.applicationKey ?? '')}:${String(credentials.applicationSecret ?? '')}`,
		'Cache-Control': 'no-cache',
	};
}

export const cegidLoopService: ServiceDefinition = {
	serviceName: 'Cegid Loop',
	credentialType: 'cegidLoopApi',
	baseUrl: (credentials) => cegidLoopBaseUrl(credentials),
	baseUrlField: 'Base URL of the Cegid Loop API credential (Environment: Custom)',
	credentialHeaders: cegidLoopHeaders,
	secrets: (credentials: ICredentialDataDecryptedObject) => [
		String(credentials.subscriptionApiKey ?? ''),
		String(credentials.applicationSecret ?? ''),
		`${String(credentials.applicationKey ?? '')}:${String(credentials.applicationSecret ?? '')}`,
	],
	describeFailure(status, body) {
		const message = messageFromBody(body) ?? `HTTP ${status}`;
		if (status === 401) return { message, description: AUTH_HINT };
		if (status === 404) return { message: withEnglish(message), description: NOT_FOUND_HINT };
		return { message: withEnglish(message) };
	},
};

export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: AddressedRequestOptions,
	itemIndex: number,
): Promise<T> {
	const call = addressedCall(cegidLoopService, DOCUMENTED_ADDRESS_FIELD, { ...options, method, path });
	const response = await serviceRequest<T>(ctx, call.service, call.request, itemIndex);
	return response.body;
}
