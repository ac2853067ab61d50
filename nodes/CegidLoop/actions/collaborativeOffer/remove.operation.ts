import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromVersion12, overrideField, overridePath, showOnlyFor, untilVersion11, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { REMOVE_OFFER_PATH } from '../../endpoints';
import { REMOVE_OFFER_FOR_CONTACT_PATH } from '../../guesses';
import { emailField, folderCodeFields, offerField, readFolderCode, readOffer } from '../../helpers/fields';
import { toOutput } from '../../helpers/messages';
import { contactEmailKeyOption, oneContactBody, readAddress } from '../../helpers/oneContact';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('collaborativeOffer', 'remove', withMaxConcurrentRequests([
	...folderCodeFields(),
	// Version 1.2 defaults to one contact, the narrower write (as Add does); older versions keep the folder.
	...([[untilVersion11, 'folder'], [fromVersion12, 'contact']] as const).map(([inVersions, byDefault]) =>
		inVersions({
			displayName: 'Remove From',
			name: 'removeFrom',
			type: 'options',
			default: byDefault,
			options: [
				{ name: 'All Contacts of the Folder', value: 'folder' },
				{ name: 'One Contact of the Folder', value: 'contact' },
			],
		}),
	),
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
		const path = readAddress(this, overridePath(this, 'removeForContactPath'), 'Contact Removal Address', REMOVE_OFFER_FOR_CONTACT_PATH, itemIndex);
		return toOutput(await apiRequest(this, 'POST', path, { body, addressField: overrideField(this, 'Contact Removal Address'), shapeField: overrideField(this, 'Contact Email Key') }, itemIndex));
	}
	const body = { codeDossier: readFolderCode(this, itemIndex), offre: readOffer(this, itemIndex) };
	return toOutput(await apiRequest(this, 'POST', REMOVE_OFFER_PATH, { body }, itemIndex));
}
