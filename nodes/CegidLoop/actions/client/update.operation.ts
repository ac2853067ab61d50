import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { UPDATE_CLIENT_PATH } from '../../endpoints';
import { ALREADY_DONE } from '../../guesses';
import { alreadyDoneItem, provesDone } from '../../helpers/alreadyDone';
import { contactBody, contactFields, optionalBoolean, profileAndSocialFields } from '../../helpers/contact';
import { toOutput } from '../../helpers/messages';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('client', 'update', withMaxConcurrentRequests([
	...contactFields(false),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'boolean',
				default: true,
				description: 'Whether the contact and their client user are active (actif)',
			},
			{
				displayName: 'Default Issuer',
				name: 'defaultIssuer',
				type: 'boolean',
				default: false,
				description: 'Whether the contact is the default issuer of the folder',
			},
			...profileAndSocialFields,
		],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = contactBody(this, itemIndex, false);
	const active = optionalBoolean(this, 'active', 'Active', itemIndex);
	const defaultIssuer = optionalBoolean(this, 'defaultIssuer', 'Default Issuer', itemIndex);
	if (active !== undefined) body.actif = active;
	if (defaultIssuer !== undefined) body.defaultIssuer = defaultIssuer;
	// The guide shows this call answering a plain French sentence when the offer was already the contact's.
	const answer = toOutput(await apiRequest(this, 'POST', UPDATE_CLIENT_PATH, { body, expect: 'jsonOrText' }, itemIndex));
	const request = { email: body.email as string, codeDossier: body.codeDossier as string, offre: body.offre as string };
	if (!Array.isArray(answer) && typeof answer.message === 'string' && provesDone(ALREADY_DONE.applicationAssigned, answer.message, request)) {
		return alreadyDoneItem(answer.message);
	}
	return answer;
}
