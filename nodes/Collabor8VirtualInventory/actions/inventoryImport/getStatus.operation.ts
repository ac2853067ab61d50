import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/items';
import { getImportStatus } from '../../helpers/importAnswers';

// No fields: the operation's description in the Operation list says what the answer holds.
export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await getImportStatus(this, itemIndex);
}
