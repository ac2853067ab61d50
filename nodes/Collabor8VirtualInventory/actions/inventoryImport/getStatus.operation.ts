import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { getImportStatus } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('inventoryImport', 'getStatus', [
	{
		displayName:
			'The answer\'s main field is "isImportAllowed": false while someone of your company imports from the web page, or while an import started through the API is still active.',
		name: 'statusNotice',
		type: 'notice',
		default: '',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await getImportStatus(this, itemIndex);
}
