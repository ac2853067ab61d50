/**
 * The one door to the network. Every node's transport calls `serviceRequest`; nothing else in the
 * package builds an HTTP request. It checks the base URL and the path values, authenticates through
 * the credential (so that n8n's own token handling applies), renews an expired token before the
 * call, never follows a redirect, holds every attempt to a wall-clock deadline, retries what may
 * safely be retried, checks that a successful answer is what the operation expects, stops calling a
 * service that is plainly down, and turns every failure into an error that carries the service's
 * own message (cut to a readable length), the HTTP status and the item, with every secret of the
 * credential removed.
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
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	bodyExcerpt,
	decodeErrorBody,
	DESCRIPTION_TEXT_LIMIT,
	MESSAGE_TEXT_LIMIT,
	messageFromBody,
	shorten,
} from '../../credentials/common/failures';
import type { FailureText } from '../../credentials/common/failures';
import {
	DEFAULT_ATTEMPT_DEADLINE_MS,
	DEFAULT_REQUEST_BUDGET_MS,
	executionCancelSignal,
	formatDuration,
	startDeadline,
	withCancelSignal,
} from '../../credentials/common/deadline';
import { findErrorNamed, findNetworkCode, innermostMessage, isAnswerCut } from '../../credentials/common/networkErrors';
import { redact, redactDeep } from '../../credentials/common/redact';
import type { TokenFields, TokenRequestError } from '../../credentials/common/token';
import { tokenNeedsRenewal } from '../../credentials/common/token';
import { joinUrl, originOf, problemWithBaseUrl } from '../../credentials/common/url';
import type { ExpectedAnswer } from './answers';
import { describeContentType, readAnswer } from './answers';
import { currentNodeRun } from './concurrency';
import { keepToken, runCredentials } from './credentialCache';
import { buildPath, PathValueError } from './path';
import type { AttemptFailure, RetryPolicy } from './retry';
import {
	DEFAULT_RETRY_POLICY,
	failureSignature,
	isSafeMethod,
	mayHaveActed,
	meansServiceDown,
	nextRetryWait,
	parseRetryAfter,
	retryClock,
} from './retry';
import type { ServiceHealth } from './serviceHealth';
import { serviceHealthFor } from './serviceHealth';
import { StreamedBody } from './streamedBody';
import type { WriteEntry } from './writeLedger';
import { recordUnknownOutcome, recordWrite, replayWrite, writeEntry } from './writeLedger';
import { credentialKey, pauseCredential, waitOutPause } from './throttle';
import type { RenewalClaim, RenewalOutcome } from './tokenRenewal';
import { beginRenewal, renewalUnderWay, watchForToken } from './tokenRenewal';

export type { ExpectedAnswer } from './answers';

/** Who may call a service: an action node running items, or a trigger node polling. */
export type RequestContext = IExecuteFunctions | IPollFunctions;

/** How one remote service is reached; each node's transport defines one. */
export interface ServiceDefinition {
	/** Shown to users in error messages, e.g. "Cegid Loop". */
	serviceName: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/**
	 * How the user finds the field that holds the base URL, named when it is unusable or when the
	 * service redirects. Default: "Base URL of the <serviceName> API credential".
	 */
	baseUrlField?: string;
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
	/** Encoded into their segment; empty values and values made only of dots are refused. */
	pathParams?: Record<string, string | number>;
	/** Array values repeat the parameter: `no=A&no=B`. */
	qs?: Record<string, QueryValue | undefined>;
	/** A JSON body, a form (`URLSearchParams`), a multipart body (`FormData`) or a stream (a large file). */
	body?: IDataObject | IDataObject[] | URLSearchParams | FormData | StreamedBody;
	headers?: Record<string, string>;
	/** What a successful answer must be; JSON unless said otherwise. See ExpectedAnswer. */
	expect?: ExpectedAnswer;
	/** Wall-clock limit of one attempt: connecting, sending and receiving the whole answer. */
	timeoutMs?: number;
	/** Wall-clock limit of all attempts and the waits between them; never less than `timeoutMs`. */
	totalTimeoutMs?: number;
}

export interface ServiceResponse<T = unknown> {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, a string (text answers), a Buffer (`expect: 'binary'`), or undefined (no content). */
	body: T;
}

/** One request as the door handles it, with what every message needs to name. */
interface Call {
	ctx: RequestContext;
	service: ServiceDefinition;
	request: ServiceRequest;
	itemIndex: number;
	/** The path as sent, for messages: "POST /provisionningCollab/addClient (item 2)". */
	where: string;
	health: ServiceHealth;
	/** The write as n8n's Retry On Fail would repeat it; undefined for a read. */
	write?: WriteEntry;
}

export async function serviceRequest<T = unknown>(
	ctx: RequestContext,
	service: ServiceDefinition,
	request: ServiceRequest,
	itemIndex: number,
): Promise<ServiceResponse<T>> {
	const path = buildRequestPath(ctx, request, itemIndex);
	// A write that succeeded in an earlier try of this node (n8n's Retry On Fail) is not sent again.
	const write = writeEntry(ctx, request, path, request.qs === undefined ? '' : JSON.stringify(request.qs), itemIndex);
	const recorded = write && replayWrite(ctx, write);
	if (recorded) return recorded as ServiceResponse<T>;

	const health = serviceHealthFor(ctx, service.serviceName);
	failIfServiceDown(ctx, service, health, itemIndex);

	const credential = credentialKey(ctx, service.credentialType);
	let credentials = await runCredentials(ctx, service.credentialType, itemIndex);
	const url = joinUrl(checkedBaseUrl(ctx, service, credentials, itemIndex), path);
	const call: Call = { ctx, service, request, itemIndex, where: `${request.method} ${path} (item ${itemIndex})`, health, write };
	const policy = service.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const attemptMs = request.timeoutMs ?? DEFAULT_ATTEMPT_DEADLINE_MS;
	const budgetEnds = Date.now() + Math.max(request.totalTimeoutMs ?? DEFAULT_REQUEST_BUDGET_MS, attemptMs);

	const nodeRun = currentNodeRun(ctx);
	// A token that is about to expire is blanked, which makes n8n fetch a new one through the
	// credential's preAuthentication and store it, instead of spending a request on a 401. After a
	// 401 the token sent is known to be refused, even while no other item has replaced it yet.
	let refusedToken: unknown;
	const needsNewToken = (current: ICredentialDataDecryptedObject): boolean =>
		service.token !== undefined &&
		(tokenNeedsRenewal(current, service.token) ||
			(refusedToken !== undefined && current[service.token.accessToken] === refusedToken));
	let forceNewToken = needsNewToken(credentials);
	let renewedAfter401 = false;
	let attemptsMade = 0;
	let waitedMs = 0;

	/** The wait before the next attempt, if one is allowed and fits in the budget. */
	const retryWait = (failure: AttemptFailure, retryAfterMs?: number, method: string = request.method) => {
		const wait = nextRetryWait(policy, method, failure, attemptsMade, waitedMs, retryAfterMs);
		if (wait === undefined || Date.now() + wait >= budgetEnds) return undefined;
		return wait;
	};
	const pause = async (wait: number) => {
		await retryClock.sleep(wait);
		waitedMs += wait;
		// Another item may have found the service down meanwhile.
		failIfServiceDown(ctx, service, health, itemIndex, true);
	};

	// The renewal of the credential's token this item holds, while it fetches one for every item.
	let renewal: RenewalClaim | undefined;
	try {
		for (;;) {
			// Items run concurrently (see concurrency.ts): every attempt waits out a throttling pause of
			// its credential, and only one renews an expired token while the others wait for its token.
			await waitOutPause(credential);
			if (forceNewToken && renewal === undefined) {
				const shared = renewalUnderWay(credential);
				if (shared) {
					credentials = await tokenFromRenewal(call, shared, credentials, budgetEnds);
					forceNewToken = needsNewToken(credentials);
					continue;
				}
				renewal = beginRenewal(credential);
			}
			const callCredentials =
				forceNewToken && renewal ? watchForToken(credentials, service.token!, renewal) : credentials;
			forceNewToken = false;
			// While the service is suspect of an outage, one request at a time probes it (serviceHealth.ts).
			const probeOver = await health.turn();
			let outcome: AttemptOutcome;
			let slot: { sent: number; leave: () => void } | undefined;
			try {
				failIfServiceDown(ctx, service, health, itemIndex, attemptsMade > 0);
				// The node run's limit holds every attempt, retries and items back from a pause included.
				slot = await nodeRun?.limit.enter();
				const deadlineMs = Math.max(1, Math.min(attemptMs, budgetEnds - Date.now()));
				attemptsMade++;
				const sentAt = retryClock.now();
				outcome = await attempt(ctx, service, request, url, callCredentials, deadlineMs).finally(slot?.leave);
				outcome.deadlineMs = deadlineMs;
				recordEvidence(call, outcome, sentAt);
			} finally {
				probeOver?.();
			}
			const deadlineMs = outcome.deadlineMs!;
			const tokenError =
				outcome.kind === 'thrown' ? findErrorNamed<TokenRequestError>(outcome.error, 'TokenRequestError') : undefined;
			if (callCredentials !== credentials) {
				// n8n wrote the token it fetched (if it did) into the data it was given: use it from now
				// on and redact it too, without reading the credential store again.
				const token = { [service.token!.accessToken]: callCredentials[service.token!.accessToken], [service.token!.renewAt]: callCredentials[service.token!.renewAt] };
				credentials = { ...credentials, ...token };
				keepToken(ctx, service.credentialType, token);
			}
			if (renewal && !tokenError) {
				// Tells the waiters to read the store when n8n fetched no token (renewed or not, the claim is over).
				renewal.finish({ kind: 'unknown' });
				renewal = undefined;
			}
			const secrets = secretsOf(service, credentials);

			if (tokenError) {
				// The call itself was never sent; a token endpoint that gave no usable answer is asked
				// again like a read, by this item alone while the others wait for its outcome.
				const wait = tokenError.failure ? retryWait(tokenError.failure, 'retryAfterMs' in tokenError.failure ? tokenError.failure.retryAfterMs : undefined, 'GET') : undefined;
				if (wait !== undefined) {
					forceNewToken = true;
					await pause(wait);
					continue;
				}
				renewal?.finish({ kind: 'failed', error: tokenError });
				renewal = undefined;
				throw failed(call, tokenFailureError(call, tokenError, secrets), `token: ${tokenError.failure ? failureSignature(tokenError.failure) : tokenError.message}`);
			}
			if (outcome.kind === 'thrown') {
				if (outcome.failure === undefined) throw unexpectedError(call, outcome.error, secrets);
				const wait = retryWait(outcome.failure);
				if (wait !== undefined) {
					await pause(wait);
					continue;
				}
				throw failed(call, noAnswerError(call, outcome.failure, outcome.error, deadlineMs, attemptsMade, secrets), failureSignature(outcome.failure));
			}

			const response = outcome.response;
			const status = response.statusCode;
			const contentType = headerValue(response.headers, 'content-type') ?? '';
			if (status >= 300 && status < 400) {
				throw redirectError(call, status, headerValue(response.headers, 'location'), url, secrets);
			}
			if (status < 300) {
				const reading =
					outcome.reading ??
					readAnswer({ status, method: request.method, contentType, body: asBuffer(response.body) }, request.expect ?? 'json');
				if (reading.ok) {
					if (slot) nodeRun?.limit.succeeded(slot.sent);
					const answer: ServiceResponse<T> = { status, headers: response.headers as ServiceResponse['headers'], body: reading.body as T };
					recordWrite(write, answer);
					return answer;
				}
				const error = unexpectedAnswerError(call, status, contentType, reading.problem, asBuffer(response.body), secrets);
				throw failed(call, error, `HTTP ${status} ${describeContentType(contentType)}`);
			}

			if (status === 401 && service.token !== undefined && !renewedAfter401) {
				// The service refused a token we thought valid (revoked, or expired early): fetch a new
				// one once and repeat the call. A second 401 is a real refusal.
				renewedAfter401 = true;
				refusedToken = callCredentials[service.token.accessToken];
				// Another item may have stored a new token meanwhile (rare: read the store only here).
				credentials = await ctx.getCredentials(service.credentialType, itemIndex);
				forceNewToken = needsNewToken(credentials);
				attemptsMade--;
				continue;
			}

			const failure: AttemptFailure = { kind: 'status', status };
			const retryAfter = parseRetryAfter(headerValue(response.headers, 'retry-after'));
			const wait = retryWait(failure, retryAfter);
			const throttled = status === 429 || (status === 503 && retryAfter !== undefined);
			if (throttled && slot) nodeRun?.limit.throttled(slot.sent);
			if (throttled && retryAfter !== undefined && retryAfter <= policy.maxDelayMs) {
				// The whole credential waits, this request included; so do the others when this one is
				// not retried (a POST answered 503), so that they do not all run into the same refusal.
				const credentialPause = pauseCredential(credential, retryAfter);
				if (wait !== undefined) {
					await credentialPause;
					waitedMs += wait;
					failIfServiceDown(ctx, service, health, itemIndex, true);
					continue;
				}
			} else if (wait !== undefined) {
				await pause(wait);
				continue;
			}
			const retryAfterNote =
				retryAfter !== undefined && retryAfter > policy.maxDelayMs
					? `It asked to retry after ${Math.ceil(retryAfter / 1000)} s, longer than the node waits; run it again later.`
					: undefined;
			const error = serviceError(call, status, decodeErrorBody(asBuffer(response.body)), secrets, attemptsMade, retryAfterNote);
			if (meansServiceDown(failure)) throw failed(call, error, failureSignature(failure));
				throw error;
		}
	} finally {
		// Whatever ended this item (the service found down, its budget spent), the waiters go on.
		renewal?.finish({ kind: 'unknown' });
	}
}

/**
 * Waits, within this item's own budget, for the token another item is fetching. Returns the
 * credential with the new token; throws the renewal's error when it failed for good (the token
 * request is not asked again per item), or an error saying no token came in time.
 */
async function tokenFromRenewal(
	call: Call,
	shared: Promise<RenewalOutcome>,
	credentials: ICredentialDataDecryptedObject,
	budgetEnds: number,
): Promise<ICredentialDataDecryptedObject> {
	const { ctx, service, itemIndex } = call;
	const budgetMs = Math.max(1, budgetEnds - Date.now());
	let outcome: RenewalOutcome;
	try {
		outcome = await startDeadline(budgetMs, executionCancelSignal(ctx)).race(shared);
	} catch {
		throw apiError(
			call,
			secretsOf(service, credentials),
			{
				message: `${service.serviceName}: no access token within ${formatDuration(budgetMs)}`,
				description: `Another item's token request was still under way, so ${call.where} was not sent.`,
			},
			{ code: 'TOKEN' } as JsonObject,
		);
	}
	failIfServiceDown(ctx, service, call.health, itemIndex);
	if (outcome.kind === 'renewed') {
		keepToken(ctx, service.credentialType, outcome.fields);
		return { ...credentials, ...outcome.fields };
	}
	if (outcome.kind === 'failed') {
		const tokenError = findErrorNamed<TokenRequestError>(outcome.error, 'TokenRequestError');
		if (tokenError) throw tokenFailureError(call, tokenError, secretsOf(service, credentials));
	}
	return await ctx.getCredentials(service.credentialType, itemIndex);
}

type AttemptOutcome = (
	| { kind: 'answered'; response: IN8nHttpFullResponse }
	| { kind: 'thrown'; error: unknown; failure?: AttemptFailure }
) & {
	deadlineMs?: number;
	/** A 2xx answer as read once, for the evidence and for the caller. */
	reading?: ReturnType<typeof readAnswer>;
};

/**
 * What one attempt tells about the service's health: an outage (no answer, a gateway's 5xx, a page
 * where JSON was expected, an unreachable token endpoint), an answer that shows it up (anything
 * else it answered, a 429 included), or nothing (the user cancelled, the token was refused).
 */
function recordEvidence(call: Call, outcome: AttemptOutcome, sentAt: number): void {
	const { health, service, request } = call;
	const name = service.serviceName;
	if (outcome.kind === 'thrown') {
		const tokenError = findErrorNamed<TokenRequestError>(outcome.error, 'TokenRequestError');
		if (tokenError) {
			if (tokenError.failure) {
				health.attemptFailed(sentAt, `token: ${failureSignature(tokenError.failure)}`, `${name}: ${tokenError.message}`);
			}
			return;
		}
		if (outcome.failure) {
			const signature = failureSignature(outcome.failure);
			health.attemptFailed(sentAt, signature, `${name} could not be reached (${signature})`);
		}
		return;
	}
	const status = outcome.response.statusCode;
	const retryAfter = headerValue(outcome.response.headers, 'retry-after');
	if (status < 300) {
		const contentType = headerValue(outcome.response.headers, 'content-type') ?? '';
		const reading = readAnswer(
			{ status, method: request.method, contentType, body: asBuffer(outcome.response.body) },
			request.expect ?? 'json',
		);
		outcome.reading = reading;
		if (!reading.ok) {
			const signature = `HTTP ${status} ${describeContentType(contentType)}`;
			health.attemptFailed(sentAt, signature, `${name} answered HTTP ${status} with ${reading.problem}`);
			return;
		}
	} else if (meansServiceDown({ kind: 'status', status }) && !(status === 503 && retryAfter !== undefined)) {
		health.attemptFailed(sentAt, `HTTP ${status}`, `${name} answered HTTP ${status}`);
		return;
	}
	health.answered(sentAt);
}

/**
 * One attempt, held to its deadline. n8n's `httpRequestWithAuthentication` replaces the request's
 * abort signal with the execution's cancel signal, so the deadline reaches the HTTP client through
 * the context the helper is called on (see `withCancelSignal`).
 */
async function attempt(
	ctx: RequestContext,
	service: ServiceDefinition,
	request: ServiceRequest,
	url: string,
	credentials: ICredentialDataDecryptedObject,
	deadlineMs: number,
): Promise<AttemptOutcome> {
	const deadline = startDeadline(deadlineMs, executionCancelSignal(ctx));
	try {
		const response = (await deadline.race(
			ctx.helpers.httpRequestWithAuthentication.call(
				withCancelSignal(ctx, deadline.signal),
				service.credentialType,
				toHttpOptions(url, request, service, deadlineMs),
				{
					credentialsDecrypted: {
						id: '',
						name: service.credentialType,
						type: service.credentialType,
						data: credentials,
					},
				},
			),
		)) as IN8nHttpFullResponse;
		return { kind: 'answered', response };
	} catch (error) {
		return { kind: 'thrown', error, failure: classifyThrown(error, deadline.expired()) };
	}
}

/**
 * What kind of failure an error thrown by the HTTP client is, or undefined when it is none of them
 * (which includes the user cancelling the execution: it is neither retried nor counted as an outage).
 */
function classifyThrown(error: unknown, deadlinePassed: boolean): AttemptFailure | undefined {
	if (deadlinePassed) return { kind: 'deadline' };
	if (isAnswerCut(error)) return { kind: 'cut' };
	const code = findNetworkCode(error);
	return code === undefined ? undefined : { kind: 'network', code };
}

function toHttpOptions(
	url: string,
	request: ServiceRequest,
	service: ServiceDefinition,
	deadlineMs: number,
): IHttpRequestOptions {
	const isJsonBody =
		request.body !== undefined &&
		!(request.body instanceof URLSearchParams) &&
		!(request.body instanceof FormData) &&
		!(request.body instanceof StreamedBody);
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers: {
			Accept: request.expect === 'binary' ? '*/*' : 'application/json',
			...service.defaultHeaders,
			...request.headers,
		},
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// n8n would follow a redirect and send the credential's headers again, to any origin.
		disableFollowRedirect: true,
		arrayFormat: 'repeat',
		timeout: deadlineMs,
		// The body is read as bytes and checked here: the HTTP client would silently hand over an
		// HTML page as a string where JSON was expected.
		encoding: 'arraybuffer',
		json: false,
	};
	if (request.qs) options.qs = withoutUndefined(request.qs);
	if (request.body !== undefined) options.body = request.body as IHttpRequestOptions['body'];
	if (isJsonBody) options.headers!['Content-Type'] = 'application/json';
	if (request.body instanceof StreamedBody) options.headers!['Content-Type'] = request.body.type;
	return options;
}

function withoutUndefined(qs: Record<string, QueryValue | undefined>): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(qs)) {
		if (value !== undefined) result[key] = value;
	}
	return result;
}

function asBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body), 'utf8');
}

function headerValue(headers: IN8nHttpFullResponse['headers'], name: string): string | undefined {
	const value = (headers as Record<string, unknown>)[name];
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

function secretsOf(service: ServiceDefinition, credentials: ICredentialDataDecryptedObject): string[] {
	const secrets = service.secrets(credentials);
	if (service.token) secrets.push(String(credentials[service.token.accessToken] ?? ''));
	return secrets.filter((secret) => secret !== '');
}

/** The secrets of a service's credential as one item sees it, for messages built outside the door. */
export async function serviceSecrets(
	ctx: RequestContext,
	service: ServiceDefinition,
	itemIndex: number,
): Promise<string[]> {
	return secretsOf(service, await runCredentials(ctx, service.credentialType, itemIndex));
}

/**
 * An error about a successful answer that the operation cannot use (an unknown shape, a status that
 * says no), for operations to throw. Like the door's own errors, its texts lose every secret of the
 * credential in each spelling, so that an answer quoted in the description (see `quoteAnswer`) is safe.
 */
export async function answerError(
	ctx: RequestContext,
	service: ServiceDefinition,
	itemIndex: number,
	text: { message: string; description?: string },
): Promise<NodeOperationError> {
	const secrets = await serviceSecrets(ctx, service, itemIndex);
	return new NodeOperationError(ctx.getNode(), redact(shorten(text.message, MESSAGE_TEXT_LIMIT * 2), secrets), {
		itemIndex,
		description: text.description === undefined ? undefined : redact(text.description, secrets),
	});
}

/** The beginning of an answer as it can be quoted in a description: serialised, on one line, cut. */
export function quoteAnswer(body: unknown, limit: number = 500): string {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
	return bodyExcerpt(text, limit);
}

function baseUrlFieldOf(service: ServiceDefinition): string {
	return service.baseUrlField ?? `Base URL of the ${service.serviceName} API credential`;
}

/** The service's base URL, refused before any request when it is empty or not an http(s) address. */
function checkedBaseUrl(
	ctx: RequestContext,
	service: ServiceDefinition,
	credentials: ICredentialDataDecryptedObject,
	itemIndex: number,
): string {
	let baseUrl: string;
	try {
		baseUrl = service.baseUrl(credentials);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${service.serviceName}: ${innermostMessage(error)}`, { itemIndex });
	}
	const problem = problemWithBaseUrl(baseUrl);
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), `${baseUrlFieldOf(service)} ${problem}`, {
			itemIndex,
			description: `Set ${baseUrlFieldOf(service)} to the address of the ${service.serviceName} API, e.g. https://…`,
		});
	}
	return baseUrl;
}

function buildRequestPath(ctx: RequestContext, request: ServiceRequest, itemIndex: number): string {
	try {
		return buildPath(request.path, request.pathParams);
	} catch (error) {
		const message = error instanceof PathValueError ? error.message : innermostMessage(error);
		throw new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, { itemIndex });
	}
}

/**
 * An error for a problem the door or a node found, message and description free of secrets. The
 * message is set again after construction: n8n replaces messages that name a network code with
 * its own generic advice.
 */
function apiError(
	call: Call,
	secrets: string[],
	text: { message: string; description?: string; httpCode?: string },
	errorResponse: JsonObject,
): NodeApiError {
	const message = redact(text.message, secrets);
	const error = new NodeApiError(call.ctx.getNode(), redactDeep(errorResponse, secrets), {
		message,
		description: text.description === undefined ? undefined : redact(text.description, secrets),
		httpCode: text.httpCode,
		itemIndex: call.itemIndex,
	});
	error.message = message;
	return error;
}

/**
 * An error saying that a write may have been applied: recorded so that a later try of the node
 * (Retry On Fail) fails with it again instead of sending the write.
 */
function unknownOutcomeOf(call: Call, error: NodeApiError): NodeApiError {
	recordUnknownOutcome(call.write, error);
	return error;
}

/** What a write that may have been applied tells the user, after what went wrong. */
function unknownOutcomeAdvice(call: Call): string {
	return (
		`${call.where} was sent once and not repeated, because sending it again could apply it twice. ` +
		`Check in ${call.service.serviceName} whether it was applied before running this item again.`
	);
}

/** Records an outage in the service's health, and passes its error on. */
function failed(call: Call, error: NodeApiError, signature: string): NodeApiError {
	call.health.failed({
		signature,
		message: error.message,
		description: error.description ?? undefined,
		httpCode: error.httpCode ?? undefined,
	});
	return error;
}

/** `tried`: this item's request was sent before (and failed); it is not sent again. */
function failIfServiceDown(
	ctx: RequestContext,
	service: ServiceDefinition,
	health: ServiceHealth,
	itemIndex: number,
	tried = false,
): void {
	const down = health.down();
	if (!down) return;
	const message = `${down.message} (${service.serviceName} failed ${down.count} requests over ${formatDuration(down.lastedMs)} with no answer, so the remaining items are not tried)`;
	const error = new NodeApiError(ctx.getNode(), { outage: down.signature } as JsonObject, {
		message,
		description: [
			down.description,
			`Item ${itemIndex} was ${tried ? 'not sent again' : 'not sent'}. Run the workflow again when ${service.serviceName} is back.`,
		]
			.filter(Boolean)
			.join(' '),
		httpCode: down.httpCode,
		itemIndex,
	});
	error.message = message;
	throw error;
}

/** A long error body is kept in the error as its beginning only. */
function cappedBody(body: unknown): unknown {
	const serialised = typeof body === 'string' ? body : JSON.stringify(body ?? null);
	if (serialised.length <= DESCRIPTION_TEXT_LIMIT) return body;
	return { excerpt: bodyExcerpt(serialised, DESCRIPTION_TEXT_LIMIT), length: serialised.length };
}

function serviceError(
	call: Call,
	status: number,
	body: unknown,
	secrets: string[],
	attempts: number,
	note?: string,
): NodeApiError {
	const { service, request } = call;
	const described = service.describeFailure?.(status, body) ?? {
		message: messageFromBody(body) ?? `The service answered HTTP ${status}`,
	};
	const message = shorten(described.message, MESSAGE_TEXT_LIMIT);
	const retried = attempts > 1 ? ` after ${attempts} attempts` : '';
	const failure: AttemptFailure = { kind: 'status', status };
	const unknownOutcome = mayHaveActed(request.method, failure);
	const description = [
		described.description,
		`${service.serviceName} answered HTTP ${status} to ${call.where}${retried}.`,
		message !== described.message.replace(/\s+/g, ' ').trim()
			? `It said: ${shorten(described.message, DESCRIPTION_TEXT_LIMIT)}`
			: undefined,
		unknownOutcome
			? `A gateway answered in ${service.serviceName}'s place, so the service may have acted on the request. ${unknownOutcomeAdvice(call)}`
			: undefined,
		note,
	]
		.filter(Boolean)
		.join(' ');
	const error = apiError(
		call,
		secrets,
		{ message: `${service.serviceName}: ${message}`, description, httpCode: String(status) },
		{ httpCode: String(status), body: cappedBody(body) } as JsonObject,
	);
	return unknownOutcome ? unknownOutcomeOf(call, error) : error;
}

/** The attempts failed without a usable answer: unreachable, cut off, or too slow. */
function noAnswerError(
	call: Call,
	failure: AttemptFailure,
	error: unknown,
	deadlineMs: number,
	attempts: number,
	secrets: string[],
): NodeApiError {
	const { service, request } = call;
	const name = service.serviceName;
	const code = failure.kind === 'network' ? failure.code : failure.kind;
	const detail = failure.kind === 'deadline' ? new Error(`no complete answer within ${formatDuration(deadlineMs)}`) : error;
	if (mayHaveActed(request.method, failure)) {
		const reason =
			failure.kind === 'network'
				? `the connection was lost after it was sent (${failure.code})`
				: failure.kind === 'cut'
					? 'the connection was lost while its answer was arriving'
					: `no complete answer came within ${formatDuration(deadlineMs)}`;
		return unknownOutcomeOf(
			call,
			apiError(
				call,
				secrets,
				{ message: `${name} may have acted on this request: ${reason}`, description: unknownOutcomeAdvice(call) },
				{ code } as JsonObject,
			),
		);
	}
	const message =
		failure.kind === 'network'
			? `${name} could not be reached (${failure.code})`
			: failure.kind === 'cut'
				? `${name}: the answer was cut off before it was complete`
				: `${name} did not answer within ${formatDuration(deadlineMs)}`;
	const retried = attempts > 1 ? ` (${attempts} attempts)` : '';
	return apiError(
		call,
		secrets,
		{ message, description: `${call.where}${retried}: ${innermostMessage(detail)}` },
		{ code } as JsonObject,
	);
}

function tokenFailureError(call: Call, error: TokenRequestError, secrets: string[]): NodeApiError {
	return apiError(
		call,
		secrets,
		{
			message: `${call.service.serviceName}: ${error.message}`,
			description: `No access token, so ${call.where} was not sent.`,
		},
		{ code: 'TOKEN' } as JsonObject,
	);
}

/** Anything else the HTTP client threw (an invalid header, a body it could not send, …). */
function unexpectedError(call: Call, error: unknown, secrets: string[]): NodeApiError {
	const { service, request } = call;
	const text = innermostMessage(error);
	const description = isSafeMethod(request.method)
		? `${call.where}: ${text}`
		: `${call.where}: ${text}. ${service.serviceName} may have received the request. ${unknownOutcomeAdvice(call)}`;
	const built = apiError(call, secrets, { message: `${service.serviceName}: ${shorten(text, MESSAGE_TEXT_LIMIT)}`, description }, {
		code: 'UNKNOWN',
	} as JsonObject);
	return isSafeMethod(request.method) ? built : unknownOutcomeOf(call, built);
}

function redirectError(
	call: Call,
	status: number,
	location: string | undefined,
	url: string,
	secrets: string[],
): NodeApiError {
	const { service } = call;
	const target = location ? originOf(location, url) : undefined;
	const message = target
		? `${service.serviceName} redirected the request to ${target} (HTTP ${status}); redirects are not followed`
		: `${service.serviceName} answered with a redirect (HTTP ${status}); redirects are not followed`;
	return apiError(
		call,
		secrets,
		{
			message,
			description:
				`${call.where}. The node never follows a redirect, so that no key, secret or token of the credential is sent to another address. ` +
				`Check ${baseUrlFieldOf(service)}: it must be the address at which the ${service.serviceName} API answers.`,
			httpCode: String(status),
		},
		{ httpCode: String(status), location: target ?? '' } as JsonObject,
	);
}

/** A 2xx whose body is not what the operation expects: an HTML page, text, broken JSON, … */
function unexpectedAnswerError(
	call: Call,
	status: number,
	contentType: string,
	problem: string,
	body: Buffer,
	secrets: string[],
): NodeApiError {
	const { service, request } = call;
	const excerpt = body.length > 0 ? ` The answer began: "${bodyExcerpt(body)}".` : '';
	const description =
		`${call.where}.${excerpt} A maintenance page or a proxy's answer looks like this: check ${baseUrlFieldOf(service)}, or try again later.` +
		(isSafeMethod(request.method) ? '' : ` ${service.serviceName} may have acted on the request. ${unknownOutcomeAdvice(call)}`);
	const error = apiError(
		call,
		secrets,
		{ message: `${service.serviceName} answered HTTP ${status} with ${problem}`, description, httpCode: String(status) },
		{ httpCode: String(status), contentType: describeContentType(contentType) } as JsonObject,
	);
	return isSafeMethod(request.method) ? error : unknownOutcomeOf(call, error);
}
