import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import { readReturnAllAndLimit } from '../../../shared/validation';
import { DOCUMENT_PAGE_SIZE, PURCHASE_QUOTE_PATHS } from '../../guesses';
import { apiRequestAllItems } from '../../transport';

const show = { resource: ['purchaseQuote'], operation: ['getMany'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	...showOnlyFor('purchaseQuote', 'getMany', returnAllAndLimit()),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Buyer Reference',
				name: 'buyerReference',
				type: 'string',
				default: '',
				description: 'Only quotes with this buyer reference',
			},
			{
				displayName: 'External Document Number',
				name: 'externalDocumentNumber',
				type: 'string',
				default: '',
				description: 'Only quotes with this external document number',
			},
		],
	},
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const text = (value: unknown): string | undefined =>
		typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
	return await apiRequestAllItems(
		this,
		'GET',
		PURCHASE_QUOTE_PATHS.list,
		{
			qs: {
				BuyerReference: text(filters.buyerReference),
				ExternalDocumentNumber: text(filters.externalDocumentNumber),
			},
		},
		{ ...readReturnAllAndLimit(this, itemIndex), pageSize: DOCUMENT_PAGE_SIZE },
		itemIndex,
	);
}
