/**
 * The one door to the network. Every node's transport calls `serviceRequest`; nothing else in the
 * package builds an HTTP request. It encodes path parameters, authenticates through the credential
 * (so that n8n's own token handling applies), renews an expired token before the call, retries what
 * may safely be retried, and turns every failure into a NodeApiError that carries the service's own
 * message, the HTTP status and the item, with every secret of the credential removed.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FailureText } from '../../credentials/common/failures';
import { messageFromBody } from '../../credentials/common/failures';
import { redact, redactDeep } from '../../credentials/common/redact';
import type { TokenFields } from '../../credentials/common/token';
import { tokenNeedsRenewal } from '../../credentials/common/token';
import { joinUrl } from '../../credentials/common/url';
import { buildPath } from './path';
import type { AttemptFailure, RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, nextRetryWait, parseRetryAfter, retryClock } from './retry';

/** Who may call a service: an action node running items, or a trigger node polling. */
export type RequestContext = IExecuteFunctions | IPollFunctions;

/** How one remote service is reached; each node's transport defines one. */
export interface ServiceDefinition {
	/** Shown to users in error messages, e.g. "Cegid Loop". */
	serviceName: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Every value of the credential that must never be shown (keys, secrets, tokens). */
	secrets(credentials: ICredentialDataDecryptedObject): string[];
	/** Headers the node sends on every call beside those of the credential. */
	defaultHeaders?: Record<string, string>;
	/** For credentials that hold a token fetched by `preAuthentication`. */
	token?: TokenFields;
	/** Turns a failed answer into the service's own message (plus its English meaning where known). */
	describeFailure?(status: number, body: unknown): FailureText | undefined;
	retryPolicy?: RetryPolicy;
}

export type QueryValue = string | number | boolean | Array<string | number>;

export interface ServiceRequest {
	method: IHttpRequestMethods;
	/** A path template relative to the base URL, with `{name}` placeholders. */
	path: string;
	pathParams?: Record<string, string | number>;
	/** Array values repeat the parameter: `no=A&no=B`. */
	qs?: Record<string, QueryValue | undefined>;
	/** A JSON body, a form (`URLSearchParams`) or a multipart body (`FormData`). */
	body?: IDataObject | IDataObject[] | URLSearchParams | FormData;
	headers?: Record<string, string>;
	/** Read the answer as raw bytes (files, images). */
	binary?: boolean;
	timeoutMs?: number;
}

export interface ServiceResponse<T = unknown> {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: T;
}

const DEFAULT_TIMEOUT_MS = 120_000;

export async function serviceRequest<T = unknown>(
	ctx: RequestContext,
	service: ServiceDefinition,
	request: ServiceRequest,
	itemIndex: number,
): Promise<ServiceResponse<T>> {
	let credentials = await ctx.getCredentials(service.credentialType, itemIndex);
	const policy = service.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const path = buildPath(request.path, request.pathParams);
	const url = joinUrl(service.baseUrl(credentials), path);

	// A token that is about to expire is blanked, which makes n8n fetch a new one through the
	// credential's preAuthentication and store it, instead of spending a request on a 401.
	let forceNewToken = service.token !== undefined && tokenNeedsRenewal(credentials, service.token);
	let renewedAfter401 = false;
	let attemptsMade = 0;
	let waitedMs = 0;

	for (;;) {
		const callCredentials = forceNewToken
			? { ...credentials, [service.token!.accessToken]: '' }
			: credentials;
		forceNewToken = false;
		const options = toHttpOptions(url, request, service);
		attemptsMade++;

		let response: IN8nHttpFullResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				service.credentialType,
				options,
				{
					credentialsDecrypted: {
						id: '',
						name: service.credentialType,
						type: service.credentialType,
						data: callCredentials,
					},
				},
			)) as IN8nHttpFullResponse;
		} catch (error) {
			// Anything thrown here never got an HTTP answer (ignoreHttpStatusErrors is set), or the
			// credential could not produce a token. Re-read the credential so that a token fetched
			// during this call is redacted too.
			credentials = await ctx.getCredentials(service.credentialType, itemIndex);
			const networkCode = findNetworkCode(error);
			if (networkCode !== undefined) {
				const wait = nextRetryWait(policy, request.method, { networkCode }, attemptsMade, waitedMs, undefined);
				if (wait !== undefined) {
					await retryClock.sleep(wait);
					waitedMs += wait;
					continue;
				}
			}
			throw unreachableError(ctx, service, request, path, error, networkCode, itemIndex, secretsOf(service, credentials));
		}

		const status = response.statusCode;
		if (status < 400) {
			return { status, headers: response.headers as ServiceResponse['headers'], body: decodeBody(response.body, request.binary) as T };
		}

		credentials = await ctx.getCredentials(service.credentialType, itemIndex);
		if (status === 401 && service.token !== undefined && !renewedAfter401) {
			// The service refused a token we thought valid (revoked, or expired early): fetch a new
			// one once and repeat the call. A second 401 is a real refusal.
			renewedAfter401 = true;
			forceNewToken = true;
			attemptsMade--;
			continue;
		}

		const failure: AttemptFailure = { status };
		const retryAfter = parseRetryAfter(headerValue(response.headers, 'retry-after'));
		const wait = nextRetryWait(policy, request.method, failure, attemptsMade, waitedMs, retryAfter);
		if (wait !== undefined) {
			await retryClock.sleep(wait);
			waitedMs += wait;
			continue;
		}
		const retryAfterNote =
			retryAfter !== undefined && retryAfter > policy.maxDelayMs
				? `It asked to retry after ${Math.ceil(retryAfter / 1000)} s, longer than the node waits; run it again later.`
				: undefined;
		throw serviceError(ctx, service, request, path, status, decodeBody(response.body, false), itemIndex, secretsOf(service, credentials), attemptsMade, retryAfterNote);
	}
}

function toHttpOptions(url: string, request: ServiceRequest, service: ServiceDefinition): IHttpRequestOptions {
	const isJsonBody =
		request.body !== undefined &&
		!(request.body instanceof URLSearchParams) &&
		!(request.body instanceof FormData);
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers: { Accept: 'application/json', ...service.defaultHeaders, ...request.headers },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		arrayFormat: 'repeat',
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		json: !request.binary,
	};
	if (request.qs) options.qs = withoutUndefined(request.qs);
	if (request.body !== undefined) options.body = request.body as IHttpRequestOptions['body'];
	if (isJsonBody) options.headers!['Content-Type'] = 'application/json';
	if (request.binary) options.encoding = 'arraybuffer';
	return options;
}

function withoutUndefined(qs: Record<string, QueryValue | undefined>): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(qs)) {
		if (value !== undefined) result[key] = value;
	}
	return result;
}

function decodeBody(body: unknown, binary: boolean | undefined): unknown {
	if (binary) return Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer);
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
			try {
				return JSON.parse(trimmed);
			} catch {
				return body;
			}
		}
	}
	return body;
}

function headerValue(headers: IN8nHttpFullResponse['headers'], name: string): string | undefined {
	const value = (headers as Record<string, unknown>)[name];
	if (Array.isArray(value)) return String(value[0]);
	return value === undefined ? undefined : String(value);
}

function secretsOf(service: ServiceDefinition, credentials: ICredentialDataDecryptedObject): string[] {
	const secrets = service.secrets(credentials);
	if (service.token) secrets.push(String(credentials[service.token.accessToken] ?? ''));
	return secrets.filter((secret) => secret !== '');
}

function describeRequest(request: ServiceRequest, path: string, itemIndex: number): string {
	return `${request.method} ${path.split('?')[0]} (item ${itemIndex})`;
}

function serviceError(
	ctx: RequestContext,
	service: ServiceDefinition,
	request: ServiceRequest,
	path: string,
	status: number,
	body: unknown,
	itemIndex: number,
	secrets: string[],
	attempts: number,
	note?: string,
): NodeApiError {
	const described = service.describeFailure?.(status, body) ?? {
		message: messageFromBody(body) ?? `The service answered HTTP ${status}`,
	};
	const retried = attempts > 1 ? ` after ${attempts} attempts` : '';
	const description = [
		described.description,
		`${service.serviceName} answered HTTP ${status} to ${describeRequest(request, path, itemIndex)}${retried}.`,
		note,
	]
		.filter(Boolean)
		.join(' ');
	return new NodeApiError(
		ctx.getNode(),
		{ httpCode: String(status), body: redactDeep(body, secrets) as JsonObject } as JsonObject,
		{
			message: redact(`${service.serviceName}: ${described.message}`, secrets),
			description: redact(description, secrets),
			httpCode: String(status),
			itemIndex,
		},
	);
}

function unreachableError(
	ctx: RequestContext,
	service: ServiceDefinition,
	request: ServiceRequest,
	path: string,
	error: unknown,
	networkCode: string | undefined,
	itemIndex: number,
	secrets: string[],
): NodeApiError {
	const original = error instanceof Error ? error.message : String(error);
	const message = networkCode
		? `${service.serviceName} could not be reached (${networkCode})`
		: `${service.serviceName}: ${original}`;
	const nodeError = new NodeApiError(ctx.getNode(), { code: networkCode ?? 'UNKNOWN' } as JsonObject, {
		message: redact(message, secrets),
		description: redact(`${describeRequest(request, path, itemIndex)}: ${original}`, secrets),
		itemIndex,
	});
	// n8n would replace a message naming a network code with its generic text; keep ours.
	nodeError.message = redact(message, secrets);
	return nodeError;
}

/** The Node.js network error code (ECONNREFUSED, ECONNRESET, …) behind an error, if any. */
export function findNetworkCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as { code?: unknown; cause?: unknown; response?: unknown; httpCode?: unknown };
		if (candidate.response) return undefined;
		if (typeof candidate.code === 'string' && /^E[A-Z_]+$|^UND_ERR/.test(candidate.code)) return candidate.code;
		current = candidate.cause;
	}
	return undefined;
}
