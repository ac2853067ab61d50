import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { REMOVE_OFFER_PATH } from '../../endpoints';
import { REMOVE_OFFER_FOR_CONTACT_PATH } from '../../guesses';
import { emailField, folderCodeFields, offerField, readFolderCode, readOffer } from '../../helpers/fields';
import { toOutput } from '../../helpers/messages';
import { contactEmailKeyOption, oneContactBody, readAddress } from '../../helpers/oneContact';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('collaborativeOffer', 'remove', withMaxConcurrentRequests([
	...folderCodeFields(),
	{
		displayName: 'Remove From',
		name: 'removeFrom',
		type: 'options',
		options: [
			{ name: 'All Contacts of the Folder', value: 'folder' },
			{ name: 'One Contact of the Folder', value: 'contact' },
		],
		default: 'folder',
	},
	{ ...emailField, displayOptions: { show: { removeFrom: ['contact'] } } },
	offerField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { removeFrom: ['contact'] } },
		options: [
			{
				displayName: 'Contact Removal Address',
				name: 'removeForContactPath',
				type: 'string',
				default: REMOVE_OFFER_FOR_CONTACT_PATH,
				placeholder: `e.g. ${REMOVE_OFFER_FOR_CONTACT_PATH}`,
				description: 'Where Cegid removes an offer for one contact, after the Base URL',
				hint: 'Guess, not published by Cegid. If Cegid answers "not found", copy the address from your Cegid API catalogue here.',
			},
			contactEmailKeyOption,
		],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	if (this.getNodeParameter('removeFrom', itemIndex, 'folder') === 'contact') {
		const body = oneContactBody(this, itemIndex);
		const path = readAddress(this, 'options.removeForContactPath', 'Contact Removal Address', REMOVE_OFFER_FOR_CONTACT_PATH, itemIndex);
		return toOutput(await apiRequest(this, 'POST', path, { body, addressField: 'Options → Contact Removal Address', shapeField: 'Options → Contact E-mail Key' }, itemIndex));
	}
	const body = { codeDossier: readFolderCode(this, itemIndex), offre: readOffer(this, itemIndex) };
	return toOutput(await apiRequest(this, 'POST', REMOVE_OFFER_PATH, { body }, itemIndex));
}
