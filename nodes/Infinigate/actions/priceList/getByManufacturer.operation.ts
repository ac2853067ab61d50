/** Get by Manufacturer: every product of one manufacturer, with price and stock. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import { readReturnAllAndLimit } from '../../../shared/validation';
import { MANUFACTURER_PRICE_LIST_PATH } from '../../endpoints';
import { readPickedText } from '../../helpers/fields';
import { pickFromList } from '../../helpers/listSearch';
import { listAnswer, onDocumentedPath } from '../../helpers/answers';
import { apiRequest } from '../../transport';

const show = { resource: ['priceList'], operation: ['getByManufacturer'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	pickFromList(
		{
			displayName: 'Manufacturer Name',
			name: 'manufacturerName',
			description: 'The manufacturer as the manufacturer list names it (Manufacturer → Get Many)',
			displayOptions: { show },
		},
		'searchManufacturers',
		{ displayName: 'By Name', placeholder: 'e.g. Lumaport' },
	),
	...showOnlyFor('priceList', 'getByManufacturer', returnAllAndLimit()),
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const manufacturerName = readPickedText(this, 'manufacturerName', 'Manufacturer Name', itemIndex, 200);
	const paging = readReturnAllAndLimit(this, itemIndex);
	// Public code sends no Take/Skip here: the whole list comes in one answer, and Limit cuts it.
	const body = await onDocumentedPath(apiRequest(this, 'GET', MANUFACTURER_PRICE_LIST_PATH, { qs: { manufacturerName } }, itemIndex));
	const products = (await listAnswer(this, itemIndex, body, `the price list of ${manufacturerName}`)).items;
	return paging.returnAll ? products : products.slice(0, paging.limit);
}
