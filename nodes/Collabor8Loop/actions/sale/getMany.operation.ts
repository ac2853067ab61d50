import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { readReturnAllAndLimit } from '../../../shared/validation';
import { SALES_PATH } from '../../endpoints';
import { apiRequestAllItems } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('sale', 'getMany', withMaxConcurrentRequests([
	...returnAllAndLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Count Totals',
				name: 'countQueries',
				type: 'boolean',
				default: false,
				description:
					'Whether to ask Loop to count the matching sales (countQueries). The totals are added to every output sale under "_totals".',
			},
		],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const paging = readReturnAllAndLimit(this, itemIndex);
	const { countQueries = false } = this.getNodeParameter('options', itemIndex, {}) as { countQueries?: boolean };
	const { items: sales, envelope: totals } = await apiRequestAllItems(
		this,
		'GET',
		SALES_PATH,
		{ qs: { countQueries: countQueries ? true : undefined } },
		paging,
		itemIndex,
	);
	if (!countQueries || totals === undefined) return sales;
	return sales.map((sale) => ({ ...sale, _totals: totals }));
}
