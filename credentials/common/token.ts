/**
 * Tokens fetched by a credential's `preAuthentication` (Infinigate, Collabor8). n8n stores what
 * preAuthentication returns in the credential, so one token serves every item and every execution;
 * n8n itself only renews it after a 401. We also store when it expires, so that the request door
 * renews it just before it runs out, without a failed call.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, INodeProperties } from 'n8n-workflow';

import { formatDuration, startDeadline, TOKEN_DEADLINE_MS } from '../../lib/deadline';
import { bodyExcerpt, decodeErrorBody, DESCRIPTION_TEXT_LIMIT, shorten } from './failures';
import { findNetworkCode, innermostMessage } from '../../lib/networkErrors';
import { redact } from '../../lib/redact';
import { originOf, problemWithBaseUrl } from '../../lib/url';

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
	/** The credential field the token URL comes from, named when it is unusable. Default: Base URL. */
	urlField?: string;
	/** Wall-clock limit of the token request. Default: TOKEN_DEADLINE_MS. */
	timeoutMs?: number;
}

/**
 * The token endpoint gave no usable answer: unreachable (with Node's error code), too slow, or
 * throttled or unavailable (429, 502, 503, 504, with the wait it asked for when it gave one).
 */
export type TokenEndpointFailure =
	| { kind: 'network'; code: string }
	| { kind: 'deadline' }
	| { kind: 'status'; status: number; retryAfterMs?: number };

/** Answers of a token endpoint that say "not now" rather than "not you": asked again like a read. */
const TRANSIENT_TOKEN_STATUSES = new Set([429, 502, 503, 504]);

/**
 * A token request that failed. The request door recognises it (by name, as it reaches the door
 * wrapped in n8n's own error) to report it as a credential problem, never as a call whose outcome
 * is unknown: the call that needed the token was not sent. `failure` is set when the token
 * endpoint gave no usable answer (unreachable, too slow, throttled, unavailable), which may be retried.
 */
export class TokenRequestError extends Error {
	constructor(
		message: string,
		readonly failure?: TokenEndpointFailure,
	) {
		super(message);
		this.name = 'TokenRequestError';
	}
}

/** The longest a token endpoint's refusal may make the message. */
const TOKEN_MESSAGE_LIMIT = 600;

/**
 * Posts a client-credentials form and returns the fields to store in the credential. Runs inside
 * `preAuthentication`, where only `this.helpers.httpRequest` is available. The endpoint has
 * TOKEN_DEADLINE_MS (unless the request says otherwise) to answer in full. A redirect is refused
 * rather than followed: following it would post the client secret to whatever address it names.
 */
export async function fetchClientCredentialsToken(
	helper: IHttpRequestHelper,
	request: TokenRequest,
	fields: TokenFields = TOKEN_FIELDS,
): Promise<IDataObject> {
	const fail = (message: string, failure?: TokenEndpointFailure) =>
		new TokenRequestError(redact(shorten(message, TOKEN_MESSAGE_LIMIT), request.secrets), failure);
	const urlField = request.urlField ?? 'Base URL';
	const urlProblem = problemWithBaseUrl(request.url);
	if (urlProblem) throw fail(`Cannot request a token: the token URL ${urlProblem}. Check ${urlField} of the credential.`);

	const issuedAt = Date.now();
	const deadlineMs = request.timeoutMs ?? TOKEN_DEADLINE_MS;
	const deadline = startDeadline(deadlineMs);
	let response: { statusCode: number; headers?: Record<string, unknown>; body: unknown };
	try {
		response = (await deadline.race(
			helper.helpers.httpRequest({
				method: 'POST',
				url: request.url,
				body: new URLSearchParams(request.form),
				headers: { Accept: 'application/json', ...request.headers },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				encoding: 'arraybuffer',
				json: false,
				timeout: deadlineMs,
				abortSignal: deadline.signal,
			}),
		)) as typeof response;
	} catch (error) {
		if (deadline.expired()) {
			throw fail(
				`The token endpoint ${request.url} did not answer within ${formatDuration(deadlineMs)}`,
				{ kind: 'deadline' },
			);
		}
		const code = findNetworkCode(error);
		if (code) throw fail(`Could not reach the token endpoint ${request.url} (${code})`, { kind: 'network', code });
		throw fail(`Could not reach the token endpoint ${request.url}: ${innermostMessage(error)}`);
	}

	const { statusCode } = response;
	if (statusCode >= 300 && statusCode < 400) {
		const location = headerText(response.headers, 'location');
		const target = location ? originOf(location, request.url) : undefined;
		throw fail(
			`The token endpoint ${request.url} redirected to ${target ?? 'another address'} (HTTP ${statusCode}). ` +
				`Redirects are not followed, so that the client secret is never sent elsewhere. Check ${urlField} of the credential.`,
		);
	}
	const body = decodeErrorBody(asBuffer(response.body));
	const token = body !== null && typeof body === 'object' ? (body as IDataObject).access_token : undefined;
	if (statusCode >= 400 || typeof token !== 'string' || token === '') {
		const quoted = typeof body === 'string' ? bodyExcerpt(body, DESCRIPTION_TEXT_LIMIT) : body;
		const transient = TRANSIENT_TOKEN_STATUSES.has(statusCode)
			? { kind: 'status' as const, status: statusCode, retryAfterMs: retryAfterMs(headerText(response.headers, 'retry-after')) }
			: undefined;
		throw fail(request.explainFailure(statusCode, quoted), transient);
	}
	const expiresIn = Number((body as IDataObject).expires_in) > 0 ? Number((body as IDataObject).expires_in) : 300;
	return {
		[fields.accessToken]: token,
		[fields.renewAt]: String(renewalTime(issuedAt, expiresIn)),
	};
}

function asBuffer(body: unknown): Buffer | string | undefined {
	if (body === undefined || body === null) return undefined;
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return body;
	return JSON.stringify(body);
}

/** A Retry-After of seconds, in milliseconds (an HTTP date is not worth a token request's wait). */
function retryAfterMs(value: string | undefined): number | undefined {
	if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
	return Math.round(Number(value) * 1000);
}

function headerText(headers: Record<string, unknown> | undefined, name: string): string | undefined {
	const value = headers?.[name];
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}
