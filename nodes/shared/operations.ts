/**
 * The contract between a node's router and its operation files. An operation either handles one
 * item (most do; the shared loop runs several items at once), or takes all items at once when it
 * can serve them in fewer requests (Infinigate's SKU look-ups); either way every input item is
 * accounted for.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { beginNodeRun, readMaxConcurrentRequests } from './concurrency';
import type { ItemResult } from './items';
import { forEachItem } from './items';

export interface PerItemOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, item: INodeExecutionData): Promise<ItemResult>;
	/**
	 * Set where an item's write depends on the previous item's having been made (none yet): its
	 * items then run one at a time, in order, and the operation offers no Max Concurrent Requests.
	 */
	oneItemAtATime?: true;
}

export interface AllItemsOperation {
	description: INodeProperties[];
	/** Must return, for every input item, its output items or (with Continue On Fail) an error item. */
	executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]>;
	/**
	 * Set where the operation bounds its own requests (Check Setup: four at a time): that bound is
	 * the run's limit, and the operation offers no Max Concurrent Requests.
	 */
	ownConcurrency?: number;
}

export type Operation = PerItemOperation | AllItemsOperation;

export type OperationsByResource = Record<string, Record<string, Operation>>;

/** The run's limit where the operation sets it rather than the Max Concurrent Requests option. */
function fixedConcurrency(operation: Operation): number | undefined {
	if ('oneItemAtATime' in operation && operation.oneItemAtATime === true) return 1;
	if ('ownConcurrency' in operation) return operation.ownConcurrency;
	return undefined;
}

export async function routeOperation(
	ctx: IExecuteFunctions,
	operations: OperationsByResource,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operationName = ctx.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operationName}" of resource "${resource}" is not supported`,
		);
	}
	beginNodeRun(ctx, fixedConcurrency(operation) ?? readMaxConcurrentRequests(ctx));
	if ('executeAll' in operation) return [await operation.executeAll.call(ctx)];
	return [await forEachItem(ctx, (itemIndex, item) => operation.execute.call(ctx, itemIndex, item))];
}
