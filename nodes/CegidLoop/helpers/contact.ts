/** The contact fields that adding and updating a client share, and the body they make. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readParameter } from '../../shared/parameters';
import { checkBoolean, valueOrThrow } from '../../shared/validation';
import { emailField, folderCodeFields, offerField, readEmail, readFolderCode, readLine, readOffer } from './fields';

export function contactFields(namesRequired: boolean): INodeProperties[] {
	return [
		...folderCodeFields(),
		emailField,
		offerField,
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			required: namesRequired,
			default: '',
			placeholder: 'e.g. Martin',
			description: namesRequired ? "The contact's last name (nom)" : "The contact's last name (nom); left unchanged when empty",
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			required: namesRequired,
			default: '',
			placeholder: 'e.g. Anna',
			description: namesRequired ? "The contact's first name (prénom)" : "The contact's first name (prénom); left unchanged when empty",
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: 'e.g. 0705060302',
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
		placeholder: 'e.g. 2.0',
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

/** A boolean of Additional Fields, or undefined when the user did not add it. */
export function optionalBoolean(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
): boolean | undefined {
	const additional = readParameter(ctx, 'additionalFields', itemIndex, {}) as Record<string, unknown>;
	return valueOrThrow(ctx, itemIndex, field, checkBoolean(additional[parameterName]));
}

/**
 * The addClient / updateClient body, in the service's French field names. Adding a client sends the
 * guide's defaults for profile ("2.0") and social (true); an update sends them only when the user set
 * them, so that changing a phone number cannot reset them.
 */
export function contactBody(ctx: IExecuteFunctions, itemIndex: number, isNewClient: boolean): IDataObject {
	const body: IDataObject = {
		email: readEmail(ctx, itemIndex),
		codeDossier: readFolderCode(ctx, itemIndex),
		offre: readOffer(ctx, itemIndex),
	};
	const lastName = readLine(ctx, 'lastName', 'Last Name', itemIndex, isNewClient);
	const firstName = readLine(ctx, 'firstName', 'First Name', itemIndex, isNewClient);
	const phone = readLine(ctx, 'phone', 'Phone', itemIndex, false);
	if (lastName !== undefined) body.nom = lastName;
	if (firstName !== undefined) body.prenom = firstName;
	if (phone !== undefined) body.telephone = phone;
	const profile = readLine(ctx, 'additionalFields.profile', 'Profile', itemIndex, false);
	if (profile !== undefined) body.profile = profile;
	else if (isNewClient) body.profile = '2.0';
	const social = optionalBoolean(ctx, 'social', 'Social', itemIndex);
	if (social !== undefined) body.social = social;
	else if (isNewClient) body.social = true;
	return body;
}
