import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { REMOVE_OFFER_PATH } from '../../endpoints';
import { folderCodeField, offerField, readFolderCode, readOffer } from '../../helpers/fields';
import { toOutput } from '../../helpers/messages';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('collaborativeOffer', 'remove', withMaxConcurrentRequests([
	folderCodeField,
	offerField,
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = { codeDossier: readFolderCode(this, itemIndex), offre: readOffer(this, itemIndex) };
	return toOutput(await apiRequest(this, 'POST', REMOVE_OFFER_PATH, { body }, itemIndex));
}
