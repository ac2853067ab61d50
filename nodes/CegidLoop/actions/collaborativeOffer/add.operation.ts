import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { ADD_OFFER_PATH } from '../../endpoints';
import { folderCodeField, offerField, readFolderCode, readOffer } from '../../helpers/fields';
import { toOutput } from '../../helpers/messages';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('collaborativeOffer', 'add', withMaxConcurrentRequests([
	{
		displayName:
			'Cegid deprecated addOffer on 2024-07-01; it still works.',
		name: 'addOfferDeprecationNotice',
		type: 'notice',
		default: '',
	},
	folderCodeField,
	offerField,
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = { codeDossier: readFolderCode(this, itemIndex), offre: readOffer(this, itemIndex) };
	return toOutput(await apiRequest(this, 'POST', ADD_OFFER_PATH, { body }, itemIndex));
}
