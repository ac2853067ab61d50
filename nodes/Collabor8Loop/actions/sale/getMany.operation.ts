import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor } from '../../../shared/descriptions';
import { readReturnAllAndLimit } from '../../../shared/validation';
import type { ItemResult } from '../../../shared/items';
import { collectPages } from '../../../shared/paging';
import { SALES_PATH } from '../../endpoints';
import { MAX_PAGE_SIZE, TOTAL_FIELDS } from '../../guesses';
import { loopRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('sale', 'getMany', [
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
]);

function totalOf(answer: IDataObject): number | undefined {
	for (const field of TOTAL_FIELDS) {
		const value = Number(answer[field]);
		if (answer[field] !== undefined && answer[field] !== null && Number.isFinite(value)) return value;
	}
	return undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
	const { countQueries = false } = this.getNodeParameter('options', itemIndex, {}) as { countQueries?: boolean };

	// Page numbers only line up when every page has the same size, so the size is fixed up front.
	const pageSize = returnAll ? MAX_PAGE_SIZE : Math.max(1, Math.min(limit, MAX_PAGE_SIZE));
	let totals: IDataObject | undefined;
	const sales = await collectPages<IDataObject>(
		async ({ pageIndex }) => {
			const answer = await loopRequest(
				this,
				{
					method: 'GET',
					path: SALES_PATH,
					qs: { page: pageIndex + 1, limit: pageSize, countQueries: countQueries ? true : undefined },
				},
				itemIndex,
			);
			if (Array.isArray(answer)) return { items: answer };
			const { data, ...rest } = answer;
			if (countQueries) totals = rest;
			const items = (Array.isArray(data) ? data : []) as IDataObject[];
			return { items, total: totalOf(rest) };
		},
		{ returnAll, limit, maxPageSize: pageSize },
	);
	if (!countQueries || totals === undefined) return sales;
	return sales.map((sale) => ({ ...sale, _totals: totals }));
}
