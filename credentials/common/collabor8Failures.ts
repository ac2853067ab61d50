/**
 * What the Collabor8 services' refusals mean. Both the gateway's token endpoints (EqHub, Loop) and
 * Microsoft Entra ID (Virtual Inventory) answer as Entra does: `{"error":"invalid_client",
 * "error_description":"AADSTS7000215: Invalid client secret provided. …\r\nTrace ID: …"}`; the API
 * calls sit behind Azure API Management, which refuses a token with `{"statusCode":401,"message":…}`.
 * The AADSTS code says which credential value is wrong, so the message names that field.
 */
import type { FailureText } from './failures';
import { messageFromBody } from './failures';

interface KnownRefusal {
	code: RegExp;
	explain: (service: string) => string;
}

const KNOWN_REFUSALS: KnownRefusal[] = [
	{
		code: /AADSTS7000215\b/,
		explain: (service) =>
			`the client secret is wrong. Check Client Secret of the ${service} credential: it is the secret's value (not its ID), issued for this environment.`,
	},
	{
		code: /AADSTS7000222\b/,
		explain: (service) => `the client secret has expired. Ask Collabor8 support for a new ${service} client secret.`,
	},
	{
		code: /AADSTS700016\b/,
		explain: (service) =>
			`the client ID is unknown. Check Client ID and Environment of the ${service} credential: test and production accounts are separate.`,
	},
	{
		code: /AADSTS7000112\b|AADSTS700025\b/,
		explain: () =>
			'the API account is disabled. Accounts unused for more than a year are suspended: contact Collabor8 support.',
	},
	{
		code: /AADSTS90002\b|AADSTS900023\b/,
		explain: () => 'the directory (tenant) in the Token URL was not found. Check Token URL of the credential.',
	},
	{
		code: /AADSTS70011\b|AADSTS500011\b|AADSTS1002012\b/,
		explain: () =>
			'the scope is not valid for this client. Check Environment (and, for Custom, Scope) of the credential.',
	},
	{
		code: /AADSTS900144\b|AADSTS70003\b|AADSTS900\d{3}\b/,
		explain: () => 'the token request was malformed.',
	},
];

/** The first line of an Entra description, without its trace, correlation and timestamp lines. */
export function firstLine(text: string): string {
	return text.split(/\r?\n/)[0].trim();
}

function describedError(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return typeof body === 'string' && body.trim() ? body.trim() : undefined;
	const object = body as Record<string, unknown>;
	if (typeof object.error_description === 'string') return firstLine(object.error_description);
	return messageFromBody(body);
}

/**
 * The token endpoint's refusal as one sentence that names the field to fix, followed by what the
 * endpoint said. Used by the credentials' preAuthentication, so it is also the Test button's message.
 */
export function explainTokenFailure(service: string, tokenUrl: string, status: number, body: unknown): string {
	const said = describedError(body);
	const known = said ? KNOWN_REFUSALS.find((refusal) => refusal.code.test(said)) : undefined;
	if (known) return `${service} refused the token request: ${known.explain(service)} (${said})`;
	const error = body && typeof body === 'object' ? (body as Record<string, unknown>).error : undefined;
	if (error === 'invalid_client' || error === 'unauthorized_client') {
		return `${service} refused the token request: the client ID or client secret is wrong. Check both in the ${service} credential.${said ? ` (${said})` : ''}`;
	}
	if (status === 404) {
		return `${service}: there is no token endpoint at ${tokenUrl} (HTTP 404). Check Environment and the URLs of the credential.`;
	}
	if (status < 400) {
		return `${service}: the token endpoint ${tokenUrl} answered HTTP ${status} without an access token`;
	}
	return `${service} could not issue a token (HTTP ${status})${said ? `: ${said}` : ''}`;
}

/** A failed API call, for the nodes' ServiceDefinitions. */
export function describeCollabor8Failure(service: string, status: number, body: unknown): FailureText | undefined {
	const said = describedError(body);
	if (status === 401) {
		return {
			message: `The access token was refused${said ? ` (${said})` : ''}`,
			description: `A new token was fetched and the call repeated once; ${service} still refused it. Check that the credential's account has access to the ${service} API in this environment.`,
		};
	}
	if (status === 403) {
		return {
			message: `Access denied${said ? ` (${said})` : ''}`,
			description: `The ${service} account of the credential may not be allowed to do this.`,
		};
	}
	if (said === undefined) return undefined;
	return { message: said };
}
