/** Fields several Cegid Loop operations share, and how they are read and checked. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { textInVersion1 } from '../../shared/descriptions';
import { readParameter } from '../../shared/parameters';
import { checkPathValue, inputError, readText, requiredChoice, requiredEmail, valueOrThrow } from '../../shared/validation';

export const OFFERS = ['start', 'co-production', 'consultation'] as const;

export type Offer = (typeof OFFERS)[number];

/** Folder Code, picked from LoopHub's list or typed; plain text in version 1, whose workflows keep it. */
export function folderCodeFields(description = 'The code of the client folder (dossier client) in Loop'): INodeProperties[] {
	return textInVersion1({
		displayName: 'Folder Code',
		name: 'codeDossier',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a folder…',
				typeOptions: { searchListMethod: 'searchFolders', searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. MANON001',
			},
		],
	});
}

export const offerField: INodeProperties = {
	displayName: 'Offer',
	name: 'offer',
	type: 'options',
	required: true,
	default: 'consultation',
	options: [
		{ name: 'Co-Production', value: 'co-production', description: 'Collaboratif TPE - Offre Co-production' },
		{ name: 'Consultation', value: 'consultation', description: 'Collaboratif TPE - Offre Consultation' },
		{ name: 'Start', value: 'start', description: 'Collaboratif TPE - Offre Start' },
	],
	description: 'The collaborative offer (Collaboratif TPE) of LoopHub',
	hint: "The offer the folder subscribes to in Loop; the three are those Cegid's guide names",
};

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'e.g. name@email.com',
	required: true,
	default: '',
	description: "The contact's email address; it identifies the contact in Loop",
};

/** Longest text we send in a name or phone field; Loop's own limits are not published. */
export const TEXT_LIMIT = 255;

/** Longest folder code we send; Cegid's read APIs document codes of at most 100 characters. */
const FOLDER_CODE_LIMIT = 100;

/**
 * Our rule, not Cegid's: no Loop folder code we have seen holds line breaks, slashes, "?", "#" or
 * "%", and such a value is far more likely a broken expression than a folder.
 */
const FOLDER_CODE_FORBIDDEN = /[/\\?#%]/;

/** Line breaks, tabs and the other control characters (U+0000 to U+001F, U+007F). */
function hasControlCharacter(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}

function isLocator(value: unknown): value is { value: unknown } {
	return value !== null && typeof value === 'object' && 'mode' in value && 'value' in value;
}

export function readFolderCode(ctx: IExecuteFunctions, itemIndex: number): string {
	// What n8n's extractValue would give: no mode of the field has a pattern, so a picked folder is
	// the locator's value and a text (version 1, or an expression) is itself. Read this way, a plain
	// `{{ $json.folder }}` costs no expression evaluation per item.
	const read = readParameter(ctx, 'codeDossier', itemIndex, '');
	const raw = isLocator(read) ? read.value : read;
	const code = valueOrThrow(ctx, itemIndex, 'Folder Code', checkPathValue(raw));
	if (code.length > FOLDER_CODE_LIMIT) {
		throw inputError(ctx, itemIndex, 'Folder Code', `must be at most ${FOLDER_CODE_LIMIT} characters long; got ${code.length}`);
	}
	if (FOLDER_CODE_FORBIDDEN.test(code) || hasControlCharacter(code)) {
		throw inputError(
			ctx,
			itemIndex,
			'Folder Code',
			'must not contain line breaks, slashes, "?", "#" or "%"',
			'Pick the folder from the list, or check the expression that builds the code.',
		);
	}
	return code;
}

/** A one-line text field: no line breaks or other control characters, at most TEXT_LIMIT long. */
export function readLine(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	required: boolean,
): string | undefined {
	const value = required
		? readText(ctx, parameterName, field, itemIndex, { required: true, maxLength: TEXT_LIMIT })
		: readText(ctx, parameterName, field, itemIndex, { maxLength: TEXT_LIMIT });
	if (value !== undefined && hasControlCharacter(value)) {
		throw inputError(ctx, itemIndex, field, 'must be one line, without line breaks or control characters');
	}
	return value;
}

export function readEmail(ctx: IExecuteFunctions, itemIndex: number): string {
	const email = requiredEmail(ctx, 'email', 'Email', itemIndex);
	if (email.length > TEXT_LIMIT) {
		throw inputError(ctx, itemIndex, 'Email', `must be at most ${TEXT_LIMIT} characters long; got ${email.length}`);
	}
	return email;
}

export function readOffer(ctx: IExecuteFunctions, itemIndex: number): Offer {
	return requiredChoice(ctx, 'offer', 'Offer', itemIndex, OFFERS);
}

/** The firm's domain for LoopHub, in the Options of every call that lists folders. */
export const domainOption: INodeProperties = {
	displayName: 'Domain',
	name: 'domain',
	type: 'string',
	default: '',
	placeholder: 'e.g. TESTRDDCABINET',
	description: "The firm's domain; by default the one of the credential",
};
