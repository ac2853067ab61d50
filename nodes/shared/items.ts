/**
 * The per-item loop every node runs: each input item yields its output items, or (with Continue On
 * Fail) one error item, and every output item points back at its input item through pairedItem.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Outcome } from './concurrency';
import { AdaptiveLimit, currentNodeRun, runBounded } from './concurrency';
import { notSentAgainNote } from './writeLedger';

/** What an operation returns for one item: plain JSON, or items that may carry binary data. */
export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[];

export type ItemHandler = (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>;

/**
 * A service's answer as output JSON: objects and lists as they come, nothing as `{}`, and a plain-text
 * answer as `{ message }`, so that every operation yields JSON whatever the service sent.
 */
export function jsonOutput(body: unknown): IDataObject | IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body !== null && typeof body === 'object') return { ...(body as IDataObject) };
	if (body === undefined || body === null || (typeof body === 'string' && body.trim() === '')) return {};
	return { message: typeof body === 'string' ? body.trim() : String(body) };
}

export function isExecutionDataArray(result: ItemResult): result is INodeExecutionData[] {
	return (
		Array.isArray(result) &&
		result.length > 0 &&
		result.every((entry) => typeof entry === 'object' && entry !== null && 'json' in entry)
	);
}

/** Output items for one input item, each paired with it. */
export function pairWithItem(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	const items: INodeExecutionData[] = isExecutionDataArray(result)
		? result
		: (Array.isArray(result) ? result : [result]).map((json) => ({ json }));
	return items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
}

/**
 * The error item Continue On Fail emits in place of the failed item. Its JSON holds only `error` and
 * `details`, the shape n8n recognises as an error: it routes such items to the error output when the
 * node is set to "Continue (using error output)". (An item-level `error` field would make n8n cut the
 * JSON down to the message and lose the status and the description.)
 */
export function errorItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): INodeExecutionData {
	const nodeError = asNodeError(ctx, error, itemIndex);
	const details: IDataObject = { itemIndex };
	if (nodeError.description) details.description = nodeError.description;
	if (nodeError instanceof NodeApiError && nodeError.httpCode) details.httpCode = nodeError.httpCode;
	return { json: { error: nodeError.message, details }, pairedItem: { item: itemIndex } };
}

export function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * Runs `handle` for every input item, up to the node run's limit at once (one at a time when no run
 * was begun), and returns the output in input order. With Continue On Fail each failed item becomes
 * an error item in its place. Without it, no item starts after one has failed; the items already
 * sent are waited for, and the error of the first failed item is thrown, naming the later items that
 * were already sent, since a re-run sends them again.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	handle: ItemHandler,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const continueOnFail = ctx.continueOnFail();
	const limit = currentNodeRun(ctx)?.limit ?? new AdaptiveLimit(1);
	const outcomes = await runBounded(
		items.length,
		limit,
		async (itemIndex) => await handle(itemIndex, items[itemIndex]),
		!continueOnFail,
	);

	if (!continueOnFail) {
		const failedIndex = outcomes.findIndex((outcome) => outcome !== undefined && 'error' in outcome);
		if (failedIndex >= 0) throw failFastError(ctx, outcomes, failedIndex);
	}

	const output: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (outcome === undefined) return;
		if ('error' in outcome) {
			output.push(errorItem(ctx, outcome.error, itemIndex));
			return;
		}
		// Writes an earlier try of the node made (n8n's Retry On Fail) were not sent again: say so.
		const notSentAgain = notSentAgainNote(ctx, itemIndex);
		for (const item of pairWithItem(outcome.value, itemIndex)) {
			output.push(notSentAgain === undefined ? item : { ...item, json: { ...item.json, notSentAgain } });
		}
	});
	return output;
}

function failFastError(
	ctx: IExecuteFunctions,
	outcomes: Array<Outcome<ItemResult> | undefined>,
	failedIndex: number,
): NodeApiError | NodeOperationError {
	const error = asNodeError(ctx, (outcomes[failedIndex] as { error: unknown }).error, failedIndex);
	const alreadySent: number[] = [];
	const failedToo: number[] = [];
	for (let itemIndex = failedIndex + 1; itemIndex < outcomes.length; itemIndex++) {
		const outcome = outcomes[itemIndex];
		if (outcome === undefined) continue;
		alreadySent.push(itemIndex);
		if ('error' in outcome) failedToo.push(itemIndex);
	}
	if (alreadySent.length > 0) {
		const one = alreadySent.length === 1;
		const results =
			failedToo.length === 0
				? `${one ? 'it' : 'they'} succeeded`
				: failedToo.length === alreadySent.length
					? `${one ? 'it' : 'they'} failed too`
					: `${listOfItems(failedToo)} failed too, the others succeeded`;
		const note =
			`${capitalized(listOfItems(alreadySent))} ${one ? 'was' : 'were'} already sent when item ${failedIndex} failed, ` +
			`so ${one ? 'its' : 'their'} writes may have happened (${results}); a re-run sends ${one ? 'it' : 'them'} again.`;
		error.description = [error.description, note].filter(Boolean).join(' ');
	}
	return error;
}

/** "item 7", "items 7 and 8", "items 7, 8 and 9". */
function listOfItems(indexes: number[]): string {
	if (indexes.length === 1) return `item ${indexes[0]}`;
	return `items ${indexes.slice(0, -1).join(', ')} and ${indexes[indexes.length - 1]}`;
}

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
