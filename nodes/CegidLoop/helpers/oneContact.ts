/**
 * The "one contact" variants of the collaborative-offer calls: Cegid documents that they exist but
 * not their bodies, so the e-mail's key (and, for removal, the address) are defaults the user can
 * correct in API Overrides (Options before version 1.2).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { problemWithApiPath } from '../../../lib/url';
import { inputError, readText } from '../../shared/validation';
import { CONTACT_EMAIL_KEY } from '../guesses';
import { readEmail, readFolderCode, readOffer } from './fields';
import { overridePath } from '../../shared/descriptions';

export const contactEmailKeyOption: INodeProperties = {
	displayName: 'Contact Email Key',
	name: 'contactEmailKey',
	type: 'string',
	default: CONTACT_EMAIL_KEY,
	placeholder: `e.g. ${CONTACT_EMAIL_KEY}`,
	description: "The name under which Cegid takes the contact's email, for one contact",
	hint: 'Guess, not published by Cegid. If Cegid says the email is missing, enter the name your Cegid API catalogue shows.',
};

/** The guessed address after the Base URL, as the user set it (a leading "/" added when missing). */
export function readAddress(ctx: IExecuteFunctions, parameterName: string, field: string, fallback: string, itemIndex: number): string {
	const value = readText(ctx, parameterName, field, itemIndex) ?? fallback;
	const address = value.startsWith('/') ? value : `/${value}`;
	const problem = problemWithApiPath(address) ?? (/[{}]/.test(address) ? `must not hold braces; got ${JSON.stringify(address)}` : undefined);
	if (problem) throw inputError(ctx, itemIndex, field, problem);
	return address;
}

/** `{ <e-mail key>: email, codeDossier, offre }` for one contact of a folder. */
export function oneContactBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const codeDossier = readFolderCode(ctx, itemIndex);
	const email = readEmail(ctx, itemIndex);
	const key = readText(ctx, overridePath(ctx, 'contactEmailKey'), 'Contact Email Key', itemIndex) ?? CONTACT_EMAIL_KEY;
	if (!/^[A-Za-z_][\w.-]*$/.test(key)) {
		throw inputError(ctx, itemIndex, 'Contact Email Key', `must be a field name such as "${CONTACT_EMAIL_KEY}"; got "${key}"`);
	}
	if (key === 'codeDossier' || key === 'offre') {
		throw inputError(ctx, itemIndex, 'Contact Email Key', `cannot be "${key}", which the call already uses`);
	}
	return { [key]: email, codeDossier, offre: readOffer(ctx, itemIndex) };
}
