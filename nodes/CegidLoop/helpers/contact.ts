/** The contact fields that adding and updating a client share, and the body they make. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionalString, requiredEmail, requiredString } from '../../shared/validation';
import { emailField, folderCodeField, offerField, readFolderCode, readOffer } from './fields';

export function contactFields(namesRequired: boolean): INodeProperties[] {
	return [
		emailField,
		folderCodeField,
		offerField,
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			required: namesRequired,
			default: '',
			description: namesRequired ? "The contact's last name (nom)" : "The contact's last name (nom); left unchanged when empty",
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			required: namesRequired,
			default: '',
			description: namesRequired ? "The contact's first name (prénom)" : "The contact's first name (prénom); left unchanged when empty",
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: '0705060302',
			description: "The contact's mobile phone number (téléphone)",
		},
	];
}

export const profileAndSocialFields: INodeProperties[] = [
	{
		displayName: 'Profile',
		name: 'profile',
		type: 'string',
		default: '2.0',
		description: 'The client user profile version',
	},
	{
		displayName: 'Social',
		name: 'social',
		type: 'boolean',
		default: true,
		description: 'Whether the client user gets the social (collaboration) features',
	},
];

/**
 * The addClient / updateClient body, in the service's French field names. Adding a client sends the
 * guide's defaults for profile ("2.0") and social (true); an update sends them only when the user set
 * them, so that changing a phone number cannot reset them.
 */
export function contactBody(ctx: IExecuteFunctions, itemIndex: number, isNewClient: boolean): IDataObject {
	const namesRequired = isNewClient;
	const body: IDataObject = {
		email: requiredEmail(ctx, 'email', 'Email', itemIndex),
		codeDossier: readFolderCode(ctx, itemIndex),
		offre: readOffer(ctx, itemIndex),
	};
	const lastName = namesRequired
		? requiredString(ctx, 'lastName', 'Last Name', itemIndex)
		: optionalString(ctx, 'lastName', itemIndex);
	const firstName = namesRequired
		? requiredString(ctx, 'firstName', 'First Name', itemIndex)
		: optionalString(ctx, 'firstName', itemIndex);
	const phone = optionalString(ctx, 'phone', itemIndex);
	if (lastName !== undefined) body.nom = lastName;
	if (firstName !== undefined) body.prenom = firstName;
	if (phone !== undefined) body.telephone = phone;
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const profile = typeof additional.profile === 'string' ? additional.profile.trim() : '';
	if (profile !== '') body.profile = profile;
	else if (isNewClient) body.profile = '2.0';
	if (typeof additional.social === 'boolean') body.social = additional.social;
	else if (isNewClient) body.social = true;
	return body;
}
