import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { cegidPost } from '../../transport';
import { folderCodeField, offerField, readFolderCode, readOffer } from '../fields';

export const description: INodeProperties[] = showOnlyFor('collaborativeOffer', 'add', [
	{
		displayName:
			'Cegid deprecated addOffer on 2024-07-01; it still works.',
		name: 'addOfferDeprecationNotice',
		type: 'notice',
		default: '',
	},
	folderCodeField,
	offerField,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = { codeDossier: readFolderCode(this, itemIndex), offre: readOffer(this, itemIndex) };
	return await cegidPost(this, '/collaborativeOffer/addOffer', body, itemIndex);
}
