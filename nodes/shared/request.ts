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
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { currentNodeRun } from './concurrency';
import { buildPath, joinUrl } from './path';
import { redact, redactDeep } from './redact';
import type { AttemptFailure, RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, nextRetryWait, parseRetryAfter, retryClock } from './retry';
import { credentialKey, pauseCredential, waitOutPause } from './throttle';
import type { TokenFields } from './token';
import { beginRenewal, renewalUnderWay, tokenNeedsRenewal } from './token';

/** What the service said when it failed, in the words the user will read. */
export interface FailureText {
	message: string;
	description?: string;
}

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
	ctx: IExecuteFunctions,
	service: ServiceDefinition,
	request: ServiceRequest,
	itemIndex: number,
): Promise<ServiceResponse<T>> {
	let credentials = await ctx.getCredentials(service.credentialType, itemIndex);
	const policy = service.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const path = buildPath(request.path, request.pathParams);
	const url = joinUrl(service.baseUrl(credentials), path);

	const credential = credentialKey(ctx, service.credentialType);
	// A token that is about to expire is blanked, which makes n8n fetch a new one through the
	// credential's preAuthentication and store it, instead of spending a request on a 401. After a
	// 401 the token sent is known to be refused, even when another item has not yet replaced it.
	let refusedToken: unknown;
	const needsNewToken = (current: ICredentialDataDecryptedObject): boolean =>
		service.token !== undefined &&
		(tokenNeedsRenewal(current, service.token) ||
			(refusedToken !== undefined && current[service.token.accessToken] === refusedToken));
	let forceNewToken = needsNewToken(credentials);
	let renewedAfter401 = false;
	let attemptsMade = 0;
	let waitedMs = 0;

	for (;;) {
		// Items run concurrently (see concurrency.ts): every request waits out a throttling pause of
		// its credential, and only one of them renews an expired token while the others wait for it.
		await waitOutPause(credential);
		const renewal = forceNewToken ? renewalUnderWay(credential) : undefined;
		if (renewal) {
			const failure = await renewal;
			credentials = await ctx.getCredentials(service.credentialType, itemIndex);
			forceNewToken = needsNewToken(credentials);
			// The other item's token request was refused: asking again for this item would be refused too.
			if (forceNewToken && failure !== undefined && findNetworkCode(failure) === undefined) {
				throw unreachableError(ctx, service, request, path, failure, undefined, itemIndex, secretsOf(service, credentials));
			}
			continue;
		}
		const finishRenewal = forceNewToken ? beginRenewal(credential) : undefined;

		const callCredentials = forceNewToken
			? { ...credentials, [service.token!.accessToken]: '' }
			: credentials;
		forceNewToken = false;
		const options = toHttpOptions(url, request, service);
		attemptsMade++;
		const sentAt = Date.now();

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
			finishRenewal?.();
		} catch (error) {
			finishRenewal?.(error);
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
			currentNodeRun(ctx)?.limit.succeeded(sentAt);
			return { status, headers: response.headers as ServiceResponse['headers'], body: decodeBody(response.body, request.binary) as T };
		}

		credentials = await ctx.getCredentials(service.credentialType, itemIndex);
		if (status === 401 && service.token !== undefined && !renewedAfter401) {
			// The service refused a token we thought valid (revoked, or expired early): fetch a new
			// one once and repeat the call. A second 401 is a real refusal.
			renewedAfter401 = true;
			refusedToken = callCredentials[service.token.accessToken];
			forceNewToken = needsNewToken(credentials);
			attemptsMade--;
			continue;
		}

		const failure: AttemptFailure = { status };
		const retryAfter = parseRetryAfter(headerValue(response.headers, 'retry-after'));
		const wait = nextRetryWait(policy, request.method, failure, attemptsMade, waitedMs, retryAfter);
		const throttled = status === 429 || (status === 503 && retryAfter !== undefined);
		if (throttled) currentNodeRun(ctx)?.limit.throttled();
		if (throttled && retryAfter !== undefined && retryAfter <= policy.maxDelayMs) {
			// The whole credential waits, this request included; so do the others when this one is
			// not retried (a POST answered 503), so that they do not all run into the same refusal.
			const pause = pauseCredential(credential, retryAfter);
			if (wait !== undefined) {
				await pause;
				waitedMs += wait;
				continue;
			}
		} else if (wait !== undefined) {
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

/** The message a service put in its error body, in the shapes the five services use. */
export function messageFromBody(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() === '' ? undefined : body.trim();
	if (body === null || typeof body !== 'object') return undefined;
	const object = body as Record<string, unknown>;
	for (const key of ['error_description', 'message', 'Message', 'detail', 'title', 'error']) {
		const value = object[key];
		if (typeof value === 'string' && value.trim() !== '') return value;
		if (value && typeof value === 'object') {
			const nested = messageFromBody(value);
			if (nested) return nested;
		}
	}
	return undefined;
}

function describeRequest(request: ServiceRequest, path: string, itemIndex: number): string {
	return `${request.method} ${path.split('?')[0]} (item ${itemIndex})`;
}

function serviceError(
	ctx: IExecuteFunctions,
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
	ctx: IExecuteFunctions,
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
