/** How the sales list is paged: the guesses of guesses.ts as Options fields a user may correct. */
import type { INodeProperties } from 'n8n-workflow';

import { UNCONFIRMED_HINT } from '../../shared/collabor8GatewayService';
import { MAX_PAGE_SIZE, TOTAL_FIELDS } from '../guesses';

export const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 0 },
	default: MAX_PAGE_SIZE,
	description: 'How many sales to ask for per page',
	hint: `${UNCONFIRMED_HINT} A smaller page than asked never ends the list early.`,
};

export const totalFieldsOption: INodeProperties = {
	displayName: 'Total Fields',
	name: 'totalFields',
	type: 'string',
	default: TOTAL_FIELDS.join(', '),
	description: 'Where Count Totals finds the number of matching sales in the answer; the first one present is used',
	hint: UNCONFIRMED_HINT,
};

/** Page Size's bounds, the same for the node and the trigger. */
export const PAGE_SIZE_RANGE = { min: 1, max: 1000 };
