import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { requiredEmail } from '../../../shared/validation';
import { cegidPost } from '../../transport';
import { emailField, folderCodeField, offerField, readFolderCode, readOffer } from '../fields';

export const description: INodeProperties[] = showOnlyFor('client', 'removeApplication', [
	emailField,
	folderCodeField,
	offerField,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = {
		email: requiredEmail(this, 'email', 'Email', itemIndex),
		codeDossier: readFolderCode(this, itemIndex),
		offre: readOffer(this, itemIndex),
	};
	return await cegidPost(this, '/provisionningCollab/removeApplication', body, itemIndex);
}
