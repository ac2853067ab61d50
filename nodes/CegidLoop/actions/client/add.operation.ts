import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { ADD_CLIENT_PATH } from '../../endpoints';
import { ALREADY_DONE } from '../../guesses';
import { alreadyDoneOption, writeOnce } from '../../helpers/alreadyDone';
import { contactBody, contactFields, profileAndSocialFields } from '../../helpers/contact';
import { toOutput } from '../../helpers/messages';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('client', 'add', withMaxConcurrentRequests([
	{
		displayName: "Invite the contact to your firm's Teams tenant first: Loop offers a service only to its members.",
		name: 'addClientTenantNotice',
		type: 'notice',
		default: '',
	},
	...contactFields(true),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: profileAndSocialFields,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [alreadyDoneOption("this contact's email is already in Loop")],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = contactBody(this, itemIndex, true);
	return await writeOnce(
		this,
		itemIndex,
		{
			answers: [ALREADY_DONE.clientExists],
			request: { email: body.email as string, codeDossier: body.codeDossier as string, offre: body.offre as string },
		},
		async () => toOutput(await apiRequest(this, 'POST', ADD_CLIENT_PATH, { body }, itemIndex)),
		{ email: body.email as string, codeDossier: body.codeDossier as string },
	);
}
