/**
 * Tokens fetched by a credential's `preAuthentication` (Infinigate, Collabor8). n8n stores what
 * preAuthentication returns in the credential, so one token serves every item and every execution;
 * n8n itself only renews it after a 401. We also store when it expires, so that the request door
 * renews it just before it runs out, without a failed call.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, INodeProperties } from 'n8n-workflow';

import { redact } from './redact';

export interface TokenFields {
	/** The hidden, expirable credential field holding the token. */
	accessToken: string;
	/** The hidden credential field holding when to renew it (epoch milliseconds, as text). */
	renewAt: string;
}

export const TOKEN_FIELDS: TokenFields = { accessToken: 'accessToken', renewAt: 'tokenRenewAt' };

/** The hidden credential fields that hold the token and when to renew it; `accessToken` is the expirable one. */
export const tokenCredentialFields: INodeProperties[] = [
	{
		displayName: 'Access Token',
		name: TOKEN_FIELDS.accessToken,
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	},
	{
		displayName: 'Token Renew At',
		name: TOKEN_FIELDS.renewAt,
		type: 'hidden',
		default: '',
	},
];

/** Renew a little before the service's own expiry: 30 s, or a tenth of a short lifetime. */
export function renewalTime(issuedAt: number, expiresInSeconds: number): number {
	const lifetimeMs = expiresInSeconds * 1000;
	const margin = Math.min(30_000, lifetimeMs / 10);
	return Math.round(issuedAt + lifetimeMs - margin);
}

export function tokenNeedsRenewal(
	credentials: ICredentialDataDecryptedObject,
	fields: TokenFields,
	now: number = Date.now(),
): boolean {
	const token = credentials[fields.accessToken];
	if (typeof token !== 'string' || token === '') return true;
	const renewAt = Number(credentials[fields.renewAt]);
	return !Number.isFinite(renewAt) || renewAt === 0 || now >= renewAt;
}

export interface TokenRequest {
	url: string;
	form: Record<string, string>;
	headers?: Record<string, string>;
	/** The secrets sent, so that none of them can appear in an error. */
	secrets: string[];
	/** Turns the token endpoint's refusal into a message that says which value is wrong. */
	explainFailure(status: number, body: unknown): string;
}

/**
 * Posts a client-credentials form and returns the fields to store in the credential. Runs inside
 * `preAuthentication`, where only `this.helpers.httpRequest` is available.
 */
export async function fetchClientCredentialsToken(
	helper: IHttpRequestHelper,
	request: TokenRequest,
	fields: TokenFields = TOKEN_FIELDS,
): Promise<IDataObject> {
	const issuedAt = Date.now();
	let response: { statusCode: number; body: unknown };
	try {
		response = (await helper.helpers.httpRequest({
			method: 'POST',
			url: request.url,
			body: new URLSearchParams(request.form),
			headers: { Accept: 'application/json', ...request.headers },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			json: true,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		// preAuthentication runs without a node to name; n8n wraps what it throws in a NodeApiError.
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
		throw new Error(redact(`Could not reach the token endpoint ${request.url}: ${reason}`, request.secrets));
	}
	const body = parseMaybeJson(response.body) as IDataObject;
	if (response.statusCode >= 400 || typeof body?.access_token !== 'string') {
		throw new Error(redact(request.explainFailure(response.statusCode, body), request.secrets));
	}
	const expiresIn = Number(body.expires_in) > 0 ? Number(body.expires_in) : 300;
	return {
		[fields.accessToken]: body.access_token,
		[fields.renewAt]: String(renewalTime(issuedAt, expiresIn)),
	};
}

function parseMaybeJson(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * Token renewals under way in this process, by credential. When many items run at once and find
 * the token expired, the first renews it (its request goes out with the token blanked, so that n8n
 * runs preAuthentication and stores the new token) and the others wait for that request to settle,
 * then read the stored token: one token request per lifetime, however many items are in flight.
 */
const renewalsUnderWay = new Map<string, Promise<unknown>>();

/**
 * The renewal of the credential's token under way, if any. It resolves (never rejects) when the
 * renewing request settled, with what that request threw, or undefined.
 */
export function renewalUnderWay(credentialKey: string): Promise<unknown> | undefined {
	return renewalsUnderWay.get(credentialKey);
}

/** Claims the renewal of the credential's token; call the returned function once the renewing request settled. */
export function beginRenewal(credentialKey: string): (failure?: unknown) => void {
	let settle: (failure: unknown) => void = () => undefined;
	const renewal = new Promise<unknown>((resolve) => (settle = resolve));
	renewalsUnderWay.set(credentialKey, renewal);
	return (failure?: unknown) => {
		if (renewalsUnderWay.get(credentialKey) === renewal) renewalsUnderWay.delete(credentialKey);
		settle(failure);
	};
}
