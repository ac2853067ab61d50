/**
 * Writes that survive n8n's Retry On Fail. When a node with Retry On Fail (node settings) throws,
 * or with Continue On Fail returns an error as its first item, n8n 2.41 runs the whole node again
 * with the same input, up to five times (`WorkflowExecute`: `getRetryParams`, the `tryIndex` loop
 * around `runNode`). Every write that had already succeeded would be sent again: a quote request or
 * a Loop item created once per try.
 *
 * So within one run of one node (one execution, one node, one run index), each write that succeeded
 * is recorded with its answer, by item and by its place among the item's writes (and its method,
 * path and body). A later try that makes the same write gets the recorded answer instead of sending
 * it, and the item's output says so. A write whose outcome was unknown is recorded too: a later try
 * fails it again with the same error, without sending it, as the first try did not repeat it either.
 * Reads are simply repeated.
 *
 * The run is recognised by n8n's execute data (`getExecuteData()`), the one object n8n-core hands to
 * every try of the same run (and a new one to each run); the records are kept with it, in a
 * WeakMap, so they are forgotten with the execution. A context without it (a poll, a test double)
 * records nothing.
 */
import { createHash } from 'node:crypto';

import type { ServiceRequest, ServiceResponse } from './request';
import { isSafeMethod } from './retry';
import { StreamedBody } from './streamedBody';

type Recorded = { kind: 'succeeded'; response: ServiceResponse } | { kind: 'unknown'; error: Error };

/** The records of one run of one node, shared by its tries. */
type Ledger = Map<string, Recorded>;

const ledgers = new WeakMap<object, Ledger>();

/** Per try (execution context): how many writes each item has made so far, and which were not sent. */
interface TryState {
	writesByItem: Map<number, number>;
	notSentAgain: Map<number, string[]>;
}

const tries = new WeakMap<object, TryState>();

interface ExecuteDataSource {
	getExecuteData?(): unknown;
}

function ledgerOf(ctx: object): Ledger | undefined {
	const getter = (ctx as ExecuteDataSource).getExecuteData;
	if (typeof getter !== 'function') return undefined;
	const runOfNode = getter.call(ctx) as unknown;
	if (runOfNode === null || typeof runOfNode !== 'object') return undefined;
	let ledger = ledgers.get(runOfNode);
	if (!ledger) {
		ledger = new Map();
		ledgers.set(runOfNode, ledger);
	}
	return ledger;
}

function tryOf(ctx: object): TryState {
	let state = tries.get(ctx);
	if (!state) {
		state = { writesByItem: new Map(), notSentAgain: new Map() };
		tries.set(ctx, state);
	}
	return state;
}

/** Bodies up to this long are kept as they are; longer ones as a digest. */
const BODY_KEPT_AS_IS = 2_048;

/**
 * What the body of a write was: itself when short (hashing it cost more than the rest of the door's
 * work per request, measured), a digest when long; a multipart or streamed body counts by its place alone.
 */
function bodyDigest(body: ServiceRequest['body']): string {
	if (body === undefined || body instanceof FormData || body instanceof StreamedBody) return '';
	const text = body instanceof URLSearchParams ? body.toString() : JSON.stringify(body);
	return text.length <= BODY_KEPT_AS_IS ? text : createHash('sha256').update(text).digest('base64url');
}

/** One write of one item, as a later try of the node recognises it. */
export interface WriteEntry {
	ledger: Ledger;
	key: string;
	itemIndex: number;
	/** "POST /things", for the output's note. */
	label: string;
}

/** The entry of the write about to be made, or undefined for a read or outside a node run. */
export function writeEntry(ctx: object, request: ServiceRequest, path: string, query: string, itemIndex: number): WriteEntry | undefined {
	if (isSafeMethod(request.method)) return undefined;
	const ledger = ledgerOf(ctx);
	if (!ledger) return undefined;
	const state = tryOf(ctx);
	const place = (state.writesByItem.get(itemIndex) ?? 0) + 1;
	state.writesByItem.set(itemIndex, place);
	const label = `${request.method} ${path}`;
	return { ledger, key: [itemIndex, place, label, query, bodyDigest(request.body)].join('\u0000'), itemIndex, label };
}

/** The answer recorded by an earlier try, or its unknown outcome thrown again; undefined when it was not made. */
export function replayWrite(ctx: object, entry: WriteEntry): ServiceResponse | undefined {
	const recorded = entry.ledger.get(entry.key);
	if (!recorded) return undefined;
	if (recorded.kind === 'unknown') throw recorded.error;
	const notes = tryOf(ctx).notSentAgain;
	notes.set(entry.itemIndex, [...(notes.get(entry.itemIndex) ?? []), entry.label]);
	return recorded.response;
}

export function recordWrite(entry: WriteEntry | undefined, response: ServiceResponse): void {
	entry?.ledger.set(entry.key, { kind: 'succeeded', response });
}

/** A write that may have been applied: a later try fails with this error instead of sending it. */
export function recordUnknownOutcome(entry: WriteEntry | undefined, error: Error): void {
	entry?.ledger.set(entry.key, { kind: 'unknown', error });
}

/**
 * What the item's output says when some of its writes were not sent again, or undefined when every
 * write of the item was sent in this try.
 */
export function notSentAgainNote(ctx: object, itemIndex: number): string | undefined {
	const labels = tries.get(ctx)?.notSentAgain.get(itemIndex);
	if (!labels || labels.length === 0) return undefined;
	return (
		`${labels.join(', ')} succeeded in an earlier try of this node in this execution (Retry On Fail), ` +
		`so ${labels.length === 1 ? 'it was' : 'they were'} not sent again; this is the answer recorded then.`
	);
}
