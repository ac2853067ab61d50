/**
 * The door's error builders: one per way a call can fail, each naming the service, the request and
 * the item, free of every secret of the credential, and saying when a write may have been applied.
 */
import type { ICredentialDataDecryptedObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	bodyExcerpt,
	decodeText,
	DESCRIPTION_TEXT_LIMIT,
	MESSAGE_TEXT_LIMIT,
	messageFromBody,
	shorten,
} from '../../credentials/common/failures';
import { formatDuration } from '../../lib/deadline';
import { innermostMessage } from '../../lib/networkErrors';
import { redact, redactDeep } from '../../lib/redact';
import type { TokenRequestError } from '../../credentials/common/token';
import { originOf } from '../../lib/url';
import { describeContentType } from './answers';
import type { AttemptFailure } from './retry';
import { isSafeMethod, mayHaveActed } from './retry';
import type { RecordedOutage, ServiceHealth } from './serviceHealth';
import { recordUnknownOutcome } from './writeLedger';

import { baseUrlFieldOf } from './requestInput';
import type { Call, RequestContext, ServiceDefinition } from './requestTypes';

export function secretsOf(service: ServiceDefinition, credentials: ICredentialDataDecryptedObject): string[] {
	const secrets = service.secrets(credentials);
	if (service.token) secrets.push(String(credentials[service.token.accessToken] ?? ''));
	return secrets.filter((secret) => secret !== '');
}

/**
 * An error for a problem the door or a node found, message and description free of secrets. The
 * message is set again after construction: n8n replaces messages that name a network code with
 * its own generic advice.
 */
export function apiError(
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
export function unknownOutcomeOf(call: Call, error: NodeApiError): NodeApiError {
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
export function failed(call: Call, error: NodeApiError, signature: string): NodeApiError {
	call.health.failed({
		signature,
		message: error.message,
		description: error.description ?? undefined,
		httpCode: error.httpCode ?? undefined,
	});
	return error;
}

/** `tried`: this item's request was sent before (and failed); it is not sent again. */
export function failIfServiceDown(
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

/**
 * The item waited behind another item's request probing a suspect service until its own time ran
 * out (or the execution was cancelled): it was not sent (again), so running it again is safe.
 */
export function noTurnError(call: Call, outage: RecordedOutage | undefined, tried: boolean, secrets: string[]): NodeApiError {
	const { service } = call;
	const seen = outage ? `: ${outage.message}` : '';
	return apiError(
		call,
		secrets,
		{
			message: `${service.serviceName} seems unreachable${seen} (this item's time ran out while another item's request was testing it)`,
			description:
				`${call.where} was ${tried ? 'not sent again' : 'not sent'}: while ${service.serviceName} is suspect of an outage, one request at a time ` +
				`tests it, and that request had not finished before this item's deadline. Running the item again is safe.`,
			httpCode: outage?.httpCode,
		},
		{ outage: outage?.signature ?? 'unknown' } as JsonObject,
	);
}

/** A long error body is kept in the error as its beginning only. */
function cappedBody(body: unknown): unknown {
	const serialised = typeof body === 'string' ? body : JSON.stringify(body ?? null);
	if (serialised.length <= DESCRIPTION_TEXT_LIMIT) return body;
	return { excerpt: bodyExcerpt(serialised, DESCRIPTION_TEXT_LIMIT), length: serialised.length };
}

export function serviceError(
	call: Call,
	status: number,
	body: unknown,
	secrets: string[],
	attempts: number,
	note?: string,
): NodeApiError {
	const { service, request } = call;
	// Secrets out before anything is cut to length: half a secret escapes redaction.
	const visible = redactDeep(body, secrets);
	const described = service.describeFailure?.(status, visible) ?? {
		message: messageFromBody(visible) ?? `The service answered HTTP ${status}`,
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
		{ httpCode: String(status), body: cappedBody(visible) } as JsonObject,
	);
	return unknownOutcome ? unknownOutcomeOf(call, error) : error;
}

/** The attempts failed without a usable answer: unreachable, cut off, or too slow. */
export function noAnswerError(
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

export function tokenFailureError(call: Call, error: TokenRequestError, secrets: string[]): NodeApiError {
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
export function unexpectedError(call: Call, error: unknown, secrets: string[]): NodeApiError {
	const { service, request } = call;
	const text = redact(innermostMessage(error), secrets);
	const description = isSafeMethod(request.method)
		? `${call.where}: ${text}`
		: `${call.where}: ${text}. ${service.serviceName} may have received the request. ${unknownOutcomeAdvice(call)}`;
	const built = apiError(call, secrets, { message: `${service.serviceName}: ${shorten(text, MESSAGE_TEXT_LIMIT)}`, description }, {
		code: 'UNKNOWN',
	} as JsonObject);
	return isSafeMethod(request.method) ? built : unknownOutcomeOf(call, built);
}

export function redirectError(
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

/** How much of an unusable answer is read to quote its beginning: far more than any secret and excerpt. */
const ANSWER_READ_FOR_EXCERPT = 64 * 1024;

/** A 2xx whose body is not what the operation expects: an HTML page, text, broken JSON, … */
export function unexpectedAnswerError(
	call: Call,
	status: number,
	contentType: string,
	problem: string,
	body: Buffer,
	secrets: string[],
): NodeApiError {
	const { service, request } = call;
	// Secrets out before the answer is cut to its beginning: half a secret escapes redaction.
	const excerpt = body.length > 0 ? ` The answer began: "${bodyExcerpt(redact(decodeText(body.subarray(0, ANSWER_READ_FOR_EXCERPT)), secrets))}".` : '';
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
