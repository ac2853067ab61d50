import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { getImportStatus } from '../../helpers/importAnswers';

// Only the Options every operation has: the operation's description in the Operation list says
// what the answer holds.
export const description: INodeProperties[] = withMaxConcurrentRequests([], {
	resource: ['inventoryImport'],
	operation: ['getStatus'],
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await getImportStatus(this, itemIndex);
}
