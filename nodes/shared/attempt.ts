/**
 * One attempt of a request: the HTTP options n8n's helper is given, the call held to its deadline,
 * what an error thrown by the HTTP client means, and what the attempt tells about the service's
 * health. No retries and no messages here: the loop (request.ts) decides what comes next.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { executionCancelSignal, startDeadline, withCancelSignal } from '../../lib/deadline';
import { findErrorNamed, findNetworkCode, isAnswerCut } from '../../lib/networkErrors';
import type { TokenRequestError } from '../../credentials/common/token';
import { describeContentType, readAnswer } from './answers';
import type { AttemptFailure } from './retry';
import { failureSignature, meansServiceDown } from './retry';
import { StreamedBody } from './streamedBody';
import type { Call, QueryValue, RequestContext, ServiceDefinition, ServiceRequest } from './requestTypes';

export type AttemptOutcome = (
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
export function recordEvidence(call: Call, outcome: AttemptOutcome, sentAt: number): void {
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
 * One attempt, held to its deadline. A credential of plain headers (`credentialHeaders`) is applied
 * here and sent with n8n's plain request helper, which takes the deadline as the request's abort
 * signal. Any other credential goes through n8n's `httpRequestWithAuthentication` (tokens,
 * `preAuthentication`), which replaces the request's abort signal with the execution's cancel
 * signal, so the deadline reaches the HTTP client through the context the helper is called on (see
 * `withCancelSignal`).
 */
export async function attempt(
	ctx: RequestContext,
	service: ServiceDefinition,
	request: ServiceRequest,
	url: string,
	credentials: ICredentialDataDecryptedObject,
	deadlineMs: number,
): Promise<AttemptOutcome> {
	const deadline = startDeadline(deadlineMs, executionCancelSignal(ctx));
	try {
		const options = toHttpOptions(url, request, service, deadlineMs);
		let sent: Promise<unknown>;
		if (service.credentialHeaders) {
			// The credential's headers last: no request header may replace a key.
			options.headers = { ...options.headers, ...service.credentialHeaders(credentials) };
			options.abortSignal = deadline.signal;
			sent = ctx.helpers.httpRequest(options);
		} else {
			sent = ctx.helpers.httpRequestWithAuthentication.call(withCancelSignal(ctx, deadline.signal), service.credentialType, options, {
				credentialsDecrypted: {
					id: '',
					name: service.credentialType,
					type: service.credentialType,
					data: credentials,
				},
			});
		}
		const response = (await deadline.race(sent)) as IN8nHttpFullResponse;
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
	// As n8n's authenticated request does (removeEmptyBody), also for the plain helper: no empty body on a read.
	const emptyBodyOfRead =
		['GET', 'HEAD', 'OPTIONS'].includes(request.method) &&
		request.body !== undefined &&
		!(request.body instanceof URLSearchParams || request.body instanceof FormData || request.body instanceof StreamedBody) &&
		Object.keys(request.body).length === 0;
	if (request.body !== undefined && !emptyBodyOfRead) options.body = request.body as IHttpRequestOptions['body'];
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

export function asBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (body === undefined || body === null) return Buffer.alloc(0);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return Buffer.from(JSON.stringify(body), 'utf8');
}

export function headerValue(headers: IN8nHttpFullResponse['headers'], name: string): string | undefined {
	const value = (headers as Record<string, unknown>)[name];
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}
