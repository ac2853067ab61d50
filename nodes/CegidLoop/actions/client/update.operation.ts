import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { UPDATE_CLIENT_PATH } from '../../endpoints';
import { contactBody, contactFields, profileAndSocialFields } from '../../helpers/contact';
import { toOutput } from '../../helpers/messages';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('client', 'update', [
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
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const body = contactBody(this, itemIndex, false);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (typeof additional.active === 'boolean') body.actif = additional.active;
	if (typeof additional.defaultIssuer === 'boolean') body.defaultIssuer = additional.defaultIssuer;
	// The guide shows this call answering a plain French sentence when nothing had to change.
	return toOutput(await apiRequest(this, 'POST', UPDATE_CLIENT_PATH, { body, expect: 'jsonOrText' }, itemIndex));
}
