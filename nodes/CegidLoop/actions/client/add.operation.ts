import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { ADD_CLIENT_PATH } from '../../endpoints';
import { contactBody, contactFields, profileAndSocialFields } from '../../helpers/contact';
import { toOutput } from '../../helpers/messages';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('client', 'add', withMaxConcurrentRequests([
	{
		displayName:
			'The contact must first be invited to your tenant in Teams, or Loop refuses to offer them a service.',
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
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = contactBody(this, itemIndex, true);
	return toOutput(await apiRequest(this, 'POST', ADD_CLIENT_PATH, { body }, itemIndex));
}
