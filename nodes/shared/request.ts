/**
 * The one door to the network. Every node's transport calls `serviceRequest`; nothing else in the
 * package builds an HTTP request. It checks the base URL and the path values, authenticates through
 * the credential (so that n8n's own token handling applies), renews an expired token before the
 * call, never follows a redirect, holds every attempt to a wall-clock deadline, retries what may
 * safely be retried, checks that a successful answer is what the operation expects, stops calling a
 * service that is plainly down, and turns every failure into an error that carries the service's
 * own message (cut to a readable length), the HTTP status and the item, with every secret of the
 * credential removed.
 *
 * This file is the loop: what to do after each attempt. Its parts: requestInput.ts (checks before
 * anything is sent), attempt.ts (one attempt and what it tells about the service's health),
 * requestErrors.ts (one error builder per way a call fails), requestTypes.ts (the shapes they
 * share); and beside them the run's in-flight limit (concurrency.ts), the service's health
 * (serviceHealth.ts), the credential's pause (throttle.ts) and token renewal (tokenRenewal.ts),
 * the credential read once per run (credentialCache.ts) and the writes Retry On Fail must not
 * repeat (writeLedger.ts).
 */
import type { ICredentialDataDecryptedObject, JsonObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	bodyExcerpt,
	decodeErrorBody,
	MESSAGE_TEXT_LIMIT,
	shorten,
} from '../../credentials/common/failures';
import {
	DEFAULT_ATTEMPT_DEADLINE_MS,
	DEFAULT_REQUEST_BUDGET_MS,
	executionCancelSignal,
	formatDuration,
	startDeadline,
} from '../../lib/deadline';
import { findErrorNamed } from '../../lib/networkErrors';
import { redact, redactDeep } from '../../lib/redact';
import type { TokenRequestError } from '../../credentials/common/token';
import { tokenNeedsRenewal } from '../../credentials/common/token';
import { joinUrl } from '../../lib/url';
import { describeContentType, readAnswer } from './answers';
import { currentNodeRun } from './concurrency';
import { keepToken, runCredentials } from './credentialCache';
import type { AttemptFailure } from './retry';
import {
	DEFAULT_RETRY_POLICY,
	failureSignature,
	meansServiceDown,
	nextRetryWait,
	parseRetryAfter,
	retryClock,
} from './retry';
import { NoTurnInTime, serviceHealthFor } from './serviceHealth';
import { recordWrite, replayWrite, writeEntry } from './writeLedger';
import { credentialKey, pauseCredential, waitOutPause } from './throttle';
import type { RenewalClaim, RenewalOutcome } from './tokenRenewal';
import { beginRenewal, renewalUnderWay, watchForToken } from './tokenRenewal';

import type { AttemptOutcome } from './attempt';
import { asBuffer, attempt, headerValue, recordEvidence } from './attempt';
import {
	apiError,
	failed,
	failIfServiceDown,
	noTurnError,
	noAnswerError,
	redirectError,
	secretsOf,
	serviceError,
	tokenFailureError,
	unexpectedAnswerError,
	unexpectedError,
} from './requestErrors';
import { buildRequestPath, checkedBaseUrl } from './requestInput';
import type {
	Call,
	RequestContext,
	ServiceDefinition,
	ServiceRequest,
	ServiceResponse,
} from './requestTypes';

export type { ExpectedAnswer } from './answers';
export type { QueryValue, RequestContext, ServiceDefinition, ServiceRequest, ServiceResponse } from './requestTypes';

/**
 * What the loop of one call knows between its attempts. Everything else it uses is fixed for the
 * call (the URL, the policy, the budget) or belongs to the run (health, limit) or the credential
 * (pause, renewal under way).
 */
interface CallState {
	/** The credential as this item last saw it, with any token it fetched or was handed. */
	credentials: ICredentialDataDecryptedObject;
	/** The next attempt must go out with a new token: the one stored expired, or a 401 refused it. */
	forceNewToken: boolean;
	/** The token a 401 refused: never sent again, even while it is still the one stored. */
	refusedToken?: unknown;
	/** Whether the one renewal a 401 allows was spent. */
	renewedAfter401: boolean;
	/** Attempts sent so far (the repeat after a 401 not counted) and the time waited between them. */
	attemptsMade: number;
	waitedMs: number;
	/** The renewal of the credential's token this item holds while it fetches one for every item. */
	renewal?: RenewalClaim;
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
	const credentials = await runCredentials(ctx, service.credentialType, itemIndex);
	const url = joinUrl(checkedBaseUrl(ctx, service, credentials, itemIndex), path);
	const call: Call = { ctx, service, request, itemIndex, where: `${request.method} ${path} (item ${itemIndex})`, health, write };
	const policy = service.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const attemptMs = request.timeoutMs ?? DEFAULT_ATTEMPT_DEADLINE_MS;
	const budgetEnds = Date.now() + Math.max(request.totalTimeoutMs ?? DEFAULT_REQUEST_BUDGET_MS, attemptMs);

	const nodeRun = currentNodeRun(ctx);
	// A token that is about to expire is blanked, which makes n8n fetch a new one through the
	// credential's preAuthentication and store it, instead of spending a request on a 401. After a
	// 401 the token sent is known to be refused, even while no other item has replaced it yet.
	const state: CallState = { credentials, forceNewToken: false, renewedAfter401: false, attemptsMade: 0, waitedMs: 0 };
	const needsNewToken = (current: ICredentialDataDecryptedObject): boolean =>
		service.token !== undefined &&
		(tokenNeedsRenewal(current, service.token) ||
			(state.refusedToken !== undefined && current[service.token.accessToken] === state.refusedToken));
	state.forceNewToken = needsNewToken(credentials);

	/** The wait before the next attempt, if one is allowed and fits in the budget. */
	const retryWait = (failure: AttemptFailure, retryAfterMs?: number, method: string = request.method) => {
		const wait = nextRetryWait(policy, method, failure, state.attemptsMade, state.waitedMs, retryAfterMs);
		if (wait === undefined || Date.now() + wait >= budgetEnds) return undefined;
		return wait;
	};
	const pause = async (wait: number) => {
		await retryClock.sleep(wait);
		state.waitedMs += wait;
		// Another item may have found the service down meanwhile.
		failIfServiceDown(ctx, service, health, itemIndex, true);
	};

	try {
		for (;;) {
			// Items run concurrently (see concurrency.ts): every attempt waits out a throttling pause of
			// its credential, and only one renews an expired token while the others wait for its token.
			await waitOutPause(credential);
			if (state.forceNewToken && state.renewal === undefined) {
				const shared = renewalUnderWay(credential);
				if (shared) {
					state.credentials = await tokenFromRenewal(call, shared, state.credentials, budgetEnds);
					state.forceNewToken = needsNewToken(state.credentials);
					continue;
				}
				state.renewal = beginRenewal(credential);
			}
			const callCredentials =
				state.forceNewToken && state.renewal ? watchForToken(state.credentials, service.token!, state.renewal) : state.credentials;
			state.forceNewToken = false;
			// While the service is suspect of an outage, one request at a time probes it (serviceHealth.ts);
			// the others wait for it, but no longer than their own budget.
			let probeOver: (() => void) | undefined;
			try {
				probeOver = await health.turn(budgetEnds, executionCancelSignal(ctx));
			} catch (error) {
				// turn() fails only when this item's time ran out (or the execution was cancelled).
				const outage = error instanceof NoTurnInTime ? error.outage : undefined;
				throw noTurnError(call, outage, state.attemptsMade > 0, secretsOf(service, state.credentials));
			}
			let outcome: AttemptOutcome;
			let slot: { sent: number; leave: () => void } | undefined;
			try {
				failIfServiceDown(ctx, service, health, itemIndex, state.attemptsMade > 0);
				// The node run's limit holds every attempt, retries and items back from a pause included.
				slot = await nodeRun?.limit.enter();
				const deadlineMs = Math.max(1, Math.min(attemptMs, budgetEnds - Date.now()));
				state.attemptsMade++;
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
			if (callCredentials !== state.credentials) {
				// n8n wrote the token it fetched (if it did) into the data it was given: use it from now
				// on and redact it too, without reading the credential store again.
				const token = { [service.token!.accessToken]: callCredentials[service.token!.accessToken], [service.token!.renewAt]: callCredentials[service.token!.renewAt] };
				state.credentials = { ...state.credentials, ...token };
				keepToken(ctx, service.credentialType, token);
			}
			if (state.renewal && !tokenError) {
				// Tells the waiters to read the store when n8n fetched no token (renewed or not, the claim is over).
				state.renewal.finish({ kind: 'unknown' });
				state.renewal = undefined;
			}
			const secrets = secretsOf(service, state.credentials);

			if (tokenError) {
				// The call itself was never sent; a token endpoint that gave no usable answer is asked
				// again like a read, by this item alone while the others wait for its outcome.
				const wait = tokenError.failure ? retryWait(tokenError.failure, 'retryAfterMs' in tokenError.failure ? tokenError.failure.retryAfterMs : undefined, 'GET') : undefined;
				if (wait !== undefined) {
					state.forceNewToken = true;
					await pause(wait);
					continue;
				}
				state.renewal?.finish({ kind: 'failed', error: tokenError });
				state.renewal = undefined;
				throw failed(call, tokenFailureError(call, tokenError, secrets), `token: ${tokenError.failure ? failureSignature(tokenError.failure) : tokenError.message}`);
			}
			if (outcome.kind === 'thrown') {
				if (outcome.failure === undefined) throw unexpectedError(call, outcome.error, secrets);
				const wait = retryWait(outcome.failure);
				if (wait !== undefined) {
					await pause(wait);
					continue;
				}
				throw failed(call, noAnswerError(call, outcome.failure, outcome.error, deadlineMs, state.attemptsMade, secrets), failureSignature(outcome.failure));
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

			if (status === 401 && service.token !== undefined && !state.renewedAfter401) {
				// The service refused a token we thought valid (revoked, or expired early): fetch a new
				// one once and repeat the call. A second 401 is a real refusal.
				state.renewedAfter401 = true;
				state.refusedToken = callCredentials[service.token.accessToken];
				// Another item may have stored a new token meanwhile (rare: read the store only here).
				state.credentials = await ctx.getCredentials(service.credentialType, itemIndex);
				state.forceNewToken = needsNewToken(state.credentials);
				state.attemptsMade--;
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
					state.waitedMs += wait;
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
			const error = serviceError(call, status, decodeErrorBody(asBuffer(response.body)), secrets, state.attemptsMade, retryAfterNote);
			if (meansServiceDown(failure)) throw failed(call, error, failureSignature(failure));
				throw error;
		}
	} finally {
		// Whatever ended this item (the service found down, its budget spent), the waiters go on.
		state.renewal?.finish({ kind: 'unknown' });
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

/** The secrets of a service's credential as one item sees it, for messages built outside the door. */
export async function serviceSecrets(
	ctx: RequestContext,
	service: ServiceDefinition,
	itemIndex: number,
): Promise<string[]> {
	return secretsOf(service, await runCredentials(ctx, service.credentialType, itemIndex));
}

/** Quotes an answer in an error's text: `quote(body, limit)`, free of the credential's secrets. */
export type QuoteAnswer = (body: unknown, limit?: number) => string;

/**
 * An error about a successful answer that the operation cannot use (an unknown shape, a status that
 * says no), for operations to throw. Like the door's own errors, its texts lose every secret of the
 * credential in each spelling. An answer is quoted with the `quote` the description is given, which
 * takes the secrets out before it cuts the answer to length (see `quoteWithoutSecrets`).
 */
export async function answerError(
	ctx: RequestContext,
	service: ServiceDefinition,
	itemIndex: number,
	text: { message: string; description?: string | ((quote: QuoteAnswer) => string) },
): Promise<NodeOperationError> {
	const secrets = await serviceSecrets(ctx, service, itemIndex);
	const quote: QuoteAnswer = (body, limit) => quoteWithoutSecrets(body, secrets, limit);
	const description = typeof text.description === 'function' ? text.description(quote) : text.description;
	return new NodeOperationError(ctx.getNode(), shorten(redact(text.message, secrets), MESSAGE_TEXT_LIMIT * 2), {
		itemIndex,
		description: description === undefined ? undefined : redact(description, secrets),
	});
}

/**
 * The one rule for quoting an answer in an error: the secrets are taken out first, then the text is
 * cut. Cut first, a secret the answer echoes (a bearer token) could be cut in half at the limit, and
 * the half no longer matches the whole secret redaction looks for.
 */
export function quoteWithoutSecrets(body: unknown, secrets: readonly string[], limit?: number): string {
	return quoteAnswer(redactDeep(body, secrets), limit);
}

/**
 * The beginning of an answer as it can be quoted in a description: serialised, on one line, cut.
 * Only for text that holds no secret; an answer goes through `quoteWithoutSecrets`.
 */
export function quoteAnswer(body: unknown, limit: number = 500): string {
	const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? String(body));
	return bodyExcerpt(text, limit);
}
