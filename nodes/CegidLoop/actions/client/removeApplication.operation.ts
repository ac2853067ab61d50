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
	// Cegid's guide calls the call "Remove application" and its body field "offre": the application
	// removed is that of one of the collaborative offers, so the field is named after what it removes.
	{
		...offerField,
		displayName: 'Application',
		description: "The collaborative offer whose application to remove from the contact's client user",
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = {
		email: readEmail(this, itemIndex),
		codeDossier: readFolderCode(this, itemIndex),
		offre: readOffer(this, itemIndex),
	};
	return toOutput(await apiRequest(this, 'POST', REMOVE_APPLICATION_PATH, { body }, itemIndex));
}
