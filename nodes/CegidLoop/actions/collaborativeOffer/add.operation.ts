import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromVersion11, onlyInVersion1, showOnlyFor, withMaxConcurrentRequests, overrideField } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { ADD_COLLABORATIVE_OFFER_PATH, ADD_OFFER_PATH } from '../../endpoints';
import { ALREADY_DONE } from '../../guesses';
import { alreadyDoneOption, writeOnce } from '../../helpers/alreadyDone';
import { emailField, folderCodeFields, offerField, readEmail, readFolderCode, readOffer } from '../../helpers/fields';
import { toOutput } from '../../helpers/messages';
import { contactEmailKeyOption, oneContactBody } from '../../helpers/oneContact';
import { apiRequest } from '../../transport';

const addToOptions = [
	{
		name: 'One Contact of the Folder',
		value: 'contact',
		description: "Cegid's current way: the offer goes to the folder for an existing contact",
	},
	{
		name: 'The Folder (Older Way)',
		value: 'folder',
		description: 'The way Cegid deprecated on 2024-07-01; it still works',
	},
];

/** Version 1 kept the older way, so that workflows saved with it keep doing what they did. */
const addToField = (fallback: string): INodeProperties => ({
	displayName: 'Add To',
	name: 'addTo',
	type: 'options',
	options: addToOptions,
	default: fallback,
});

export const description: INodeProperties[] = showOnlyFor('collaborativeOffer', 'add', withMaxConcurrentRequests([
	...folderCodeFields(),
	onlyInVersion1(addToField('folder')),
	fromVersion11(addToField('contact')),
	{ ...emailField, displayOptions: { show: { addTo: ['contact'] } } },
	offerField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			alreadyDoneOption('the offer is already there'),
			{ ...contactEmailKeyOption, displayOptions: { show: { '/addTo': ['contact'] } } },
		],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const addTo = this.getNodeParameter('addTo', itemIndex, 'contact');
	const body =
		addTo === 'folder'
			? { codeDossier: readFolderCode(this, itemIndex), offre: readOffer(this, itemIndex) }
			: oneContactBody(this, itemIndex);
	const path = addTo === 'folder' ? ADD_OFFER_PATH : ADD_COLLABORATIVE_OFFER_PATH;
	// For the folder, the folder holding the offer proves it; for one contact, only that contact having it.
	const offre = readOffer(this, itemIndex);
	const proof =
		addTo === 'folder'
			? { answers: [ALREADY_DONE.offerOnFolder], request: { offre, codeDossier: readFolderCode(this, itemIndex) } }
			: { answers: [ALREADY_DONE.offerOnContact], request: { offre, email: readEmail(this, itemIndex) } };
	return await writeOnce(this, itemIndex, proof, async () =>
		toOutput(await apiRequest(this, 'POST', path, { body, ...(addTo === 'folder' ? {} : { shapeField: overrideField(this, 'Contact Email Key') }) }, itemIndex)),
	);
}
