import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { REMOVE_APPLICATION_PATH } from '../../endpoints';
import { emailField, folderCodeFields, offerField, readEmail, readFolderCode, readOffer } from '../../helpers/fields';
import { toOutput } from '../../helpers/messages';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('client', 'removeApplication', withMaxConcurrentRequests([
	...folderCodeFields(),
	emailField,
	offerField,
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = {
		email: readEmail(this, itemIndex),
		codeDossier: readFolderCode(this, itemIndex),
		offre: readOffer(this, itemIndex),
	};
	return toOutput(await apiRequest(this, 'POST', REMOVE_APPLICATION_PATH, { body }, itemIndex));
}
