/**
 * What Infinigate's refusals mean, in words that tell the user which value to fix. The service is
 * ASP.NET behind Azure API Management (APIM) with a Keycloak token endpoint, so a refusal comes from
 * one of three layers, each with its own body:
 * - APIM checks the `API-KEY` header (the PortalKey): `{"statusCode":401,"message":"Access denied due
 *   to invalid subscription key. …"}` (or "missing subscription key").
 * - Keycloak checks client ID and secret: `{"error":"unauthorized_client","error_description":
 *   "Invalid client or Invalid client credentials"}`.
 * - The API itself answers ASP.NET problem details `{title, status, detail, errors}`.
 */
import type { FailureText } from './failures';
import { messageFromBody } from './failures';

export const API_KEY_REFUSED =
	'The API key (PortalKey) was refused. Check the API Key of the Infinigate API credential: it is the PortalKey from the Infinigate portal, sent as the API-KEY header.';

export const CLIENT_REFUSED =
	'The client ID or client secret was refused. Check Client ID and Client Secret of the Infinigate API credential: Infinigate sends them with the API account.';

function isSubscriptionKeyRefusal(body: unknown): boolean {
	const message = messageFromBody(body) ?? '';
	return /subscription key/i.test(message);
}

function isClientRefusal(status: number, body: unknown): boolean {
	if (body === null || typeof body !== 'object') return false;
	const error = (body as Record<string, unknown>).error;
	return (
		error === 'unauthorized_client' ||
		error === 'invalid_client' ||
		(status === 401 && error === 'invalid_grant')
	);
}

/**
 * The token endpoint's refusal, for the credential's preAuthentication and its Test button. No
 * "Infinigate:" prefix: the request layer adds the service name when the message reaches a node.
 */
export function explainTokenFailure(tokenUrl: string, status: number, body: unknown): string {
	if (isSubscriptionKeyRefusal(body)) return API_KEY_REFUSED;
	if (isClientRefusal(status, body)) return CLIENT_REFUSED;
	if (status === 404) {
		return `There is no Infinigate token endpoint at ${tokenUrl} (HTTP 404). Check the Environment and Base URL of the credential.`;
	}
	const said = messageFromBody(body);
	if (status < 400) {
		return `The Infinigate token endpoint ${tokenUrl} answered without an access token${said ? `: ${said}` : ''}`;
	}
	return `The Infinigate token endpoint refused to issue a token (HTTP ${status})${said ? `: ${said}` : ''}`;
}

/** A failed API call, for the node's ServiceDefinition. */
export function describeInfinigateFailure(status: number, body: unknown): FailureText | undefined {
	if (isSubscriptionKeyRefusal(body)) return { message: API_KEY_REFUSED };
	if (status === 401) {
		return {
			message: 'The access token was refused',
			description: 'A new token was fetched and the call repeated once; the service still refused it.',
		};
	}
	const said = validationText(body) ?? messageFromBody(body);
	if (status === 404) {
		return {
			message: said && said !== 'Resource not found' ? `Not found: ${said}` : 'Not found',
			description: 'The document, quote or path does not exist for this account.',
		};
	}
	return said ? { message: said } : undefined;
}

/** ASP.NET problem details list field errors as `errors: {Field: [messages]}`. */
function validationText(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const object = body as Record<string, unknown>;
	const errors = object.errors;
	if (errors === null || typeof errors !== 'object') return undefined;
	const parts = Object.entries(errors as Record<string, unknown>).map(([field, messages]) =>
		`${field}: ${Array.isArray(messages) ? messages.join(' ') : String(messages)}`,
	);
	if (parts.length === 0) return undefined;
	const title = typeof object.title === 'string' ? `${object.title} ` : '';
	return `${title}${parts.join('; ')}`;
}
