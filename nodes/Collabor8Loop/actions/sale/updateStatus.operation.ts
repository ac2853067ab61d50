import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { jsonOutput } from '../../../shared/items';
import { requiredString } from '../../../shared/validation';
import { SALE_ID_FIELD, SALE_STATUS_UPDATE, SALE_STATUSES } from '../../guesses';
import { guessNotice, readSaleId, saleIdField } from '../../helpers/fields';
import { apiRequest } from '../../transport';

function label(status: string): string {
	return status.charAt(0).toUpperCase() + status.slice(1);
}

export const description: INodeProperties[] = showOnlyFor('sale', 'updateStatus', withMaxConcurrentRequests([
	guessNotice('The status call (and every status but "draft")'),
	saleIdField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: SALE_STATUSES.map((status) => ({ name: label(status), value: status })),
		default: 'published',
		description:
			'The new status of the sale. Choose from the list, or specify any other value Loop accepts using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const saleId = readSaleId(this, itemIndex);
	const status = requiredString(this, 'status', 'Status', itemIndex);
	const answer = jsonOutput(
		await apiRequest(
			this,
			SALE_STATUS_UPDATE.method,
			SALE_STATUS_UPDATE.path,
			{ pathParams: { saleId }, body: { [SALE_STATUS_UPDATE.bodyField]: status } },
			itemIndex,
		),
	);
	// Loop may answer with the sale, or with nothing: either way say which sale has which status.
	if (Array.isArray(answer) || Object.keys(answer).length === 0) return { [SALE_ID_FIELD]: saleId, status };
	return answer;
}
