/**
 * The per-item loop every node runs: each input item yields its output items, or (with Continue On
 * Fail) one error item, and every output item points back at its input item through pairedItem.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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

export async function forEachItem(
	ctx: IExecuteFunctions,
	handle: ItemHandler,
): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...pairWithItem(await handle(itemIndex, items[itemIndex]), itemIndex));
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, itemIndex);
			output.push(errorItem(ctx, error, itemIndex));
		}
	}
	return output;
}
