import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests, overridePath, overrideField } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { readBoolean, readReturnAllAndLimit, readText, readWholeNumber, splitList } from '../../../shared/validation';
import { SALES_PATH } from '../../endpoints';
import { MAX_PAGE_SIZE, TOTAL_FIELDS } from '../../guesses';
import { PAGE_SIZE_RANGE, pageSizeOption, totalFieldsOption } from '../../helpers/paging';
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
			pageSizeOption,
			totalFieldsOption,
		],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const paging = readReturnAllAndLimit(this, itemIndex);
	const countQueries = readBoolean(this, 'options.countQueries', 'Count Totals', itemIndex, { fallback: false });
	const pageSize =
		readWholeNumber(this, overridePath(this, 'pageSize'), 'Page Size', itemIndex, PAGE_SIZE_RANGE) ?? MAX_PAGE_SIZE;
	const totalFieldsText = readText(this, overridePath(this, 'totalFields'), 'Total Fields', itemIndex);
	const totalFields = totalFieldsText === undefined ? TOTAL_FIELDS : splitList(totalFieldsText);
	const { items: sales, envelope: totals } = await apiRequestAllItems(
		this,
		'GET',
		SALES_PATH,
		{ qs: { countQueries: countQueries ? true : undefined }, shapeField: overrideField(this, 'Page Size') },
		paging,
		itemIndex,
		{ pageSize, totalFields },
	);
	if (!countQueries || totals === undefined) return sales;
	return sales.map((sale) => ({ ...sale, _totals: totals }));
}
