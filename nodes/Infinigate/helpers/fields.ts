/** Readers of the fields that several Infinigate operations share, all strict about types. */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { Checked } from '../../shared/validation';
import { checkPathValue, checkText, describeValue, inputError, isEmptyInput, valueOrThrow } from '../../shared/validation';
import { dateInZone, toIsoDate } from './dates';

/** A date parameter as `YYYY-MM-DD`; a malformed value fails here, before any request. */
export function readDate(
	ctx: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
	required: boolean,
): string | undefined {
	const raw = ctx.getNodeParameter(parameter, itemIndex, '') as unknown;
	if (typeof raw === 'boolean' || typeof raw === 'number' || Array.isArray(raw)) {
		throw inputError(ctx, itemIndex, field, `must be a date; got ${describeValue(raw)}`);
	}
	let date: string | undefined;
	try {
		date = toIsoDate(raw, ctx.getTimezone());
	} catch (error) {
		throw inputError(ctx, itemIndex, field, (error as Error).message);
	}
	if (date === undefined && required) throw inputError(ctx, itemIndex, field, 'must not be empty');
	return date;
}

export function today(ctx: IExecuteFunctions): string {
	return dateInZone(new Date(), ctx.getTimezone());
}

// GUIDs as .NET writes them; braces are accepted and dropped. The editor checks the same text (By ID).
export const GUID_TEXT = '\\{?([0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12})\\}?';
const GUID_PATTERN = new RegExp(`^${GUID_TEXT}$`);

export function readGuid(ctx: IExecuteFunctions, parameter: string, field: string, itemIndex: number): string {
	return guidOf(ctx, ctx.getNodeParameter(parameter, itemIndex, '') as unknown, field, itemIndex);
}

/** The checks of readGuid, on a value already read (a resource locator's). */
export function guidOf(ctx: IExecuteFunctions, raw: unknown, field: string, itemIndex: number): string {
	const value = valueOrThrow(ctx, itemIndex, field, checkText(raw));
	if (value === '') throw inputError(ctx, itemIndex, field, 'must not be empty');
	const match = GUID_PATTERN.exec(value);
	if (!match) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`is not a GUID: ${describeValue(value)}`,
			'A document GUID looks like 3f2504e0-4f89-11d3-9a0c-0305e82c3301; the list operation returns it as documentGuid.',
		);
	}
	return match[1];
}

/**
 * A list field: one string split on commas, semicolons and line breaks, or a list whose entries are
 * strings or numbers. Anything else (an object, a boolean, null inside a list, a nested list) and
 * any entry that cannot be sent is an input error naming the field and the item.
 */
export function readTextList(
	ctx: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
	maxLength = 200,
): string[] {
	return textListOf(ctx, ctx.getNodeParameter(parameter, itemIndex, '') as unknown, field, itemIndex, maxLength);
}

/** The same checks as readTextList, on a value already read. */
export function textListOf(ctx: IExecuteFunctions, raw: unknown, field: string, itemIndex: number, maxLength = 200): string[] {
	if (isEmptyInput(raw)) return [];
	let parts: unknown[];
	if (Array.isArray(raw)) parts = raw;
	else if (typeof raw === 'string') parts = raw.split(/[,;\n\r]+/);
	else if (typeof raw === 'number') parts = [raw];
	else throw inputError(ctx, itemIndex, field, `must be text or a list of texts; got ${describeValue(raw)}`);
	const values: string[] = [];
	parts.forEach((part, position) => {
		if (typeof part !== 'string' && !(typeof part === 'number' && Number.isFinite(part))) {
			throw inputError(ctx, itemIndex, field, `entry ${position + 1} must be text; got ${describeValue(part)}`);
		}
		const checked = checkText(part, { maxLength });
		if (!checked.ok) throw inputError(ctx, itemIndex, field, `entry ${position + 1} ${checked.problem}`);
		if (hasControlCharacter(checked.value)) {
			throw inputError(ctx, itemIndex, field, `entry ${position + 1} must not contain tabs or other control characters`);
		}
		if (checked.value !== '') values.push(checked.value);
	});
	return values;
}

/**
 * A location on the service (the part of the address after the Base URL) from the node's Options,
 * for the guesses a user may correct: it must start with "/", and may hold no "?", "#", "\",
 * encoded characters or segments made only of dots.
 */
export function readLocation(
	ctx: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
	fallback: string,
): string {
	const value = valueOrThrow(ctx, itemIndex, field, checkText(ctx.getNodeParameter(parameter, itemIndex, fallback) as unknown));
	return valueOrThrow(ctx, itemIndex, field, checkLocation(value, fallback));
}

/**
 * A location typed by the user (e.g. a Quotes Address), without trailing "/"; empty means the
 * default. Only letters, digits, "-", "_", "." and "/" pass, so it cannot change the address in
 * other ways (a query, a fragment, an encoded or dot segment).
 */
export function checkLocation(value: string, fallback: string): Checked<string> {
	if (value === '') return { ok: true, value: fallback };
	const problem = !value.startsWith('/')
		? 'must start with "/"'
		: /[?#%\\\s]/.test(value)
			? 'may only hold letters, digits, "-", "_", "." and "/"'
			: value.split('/').some((segment) => /^\.+$/.test(segment))
				? 'may not hold a part made only of dots'
				: undefined;
	if (problem) return { ok: false, problem: `${problem}; got ${describeValue(value)}` };
	return { ok: true, value: value.replace(/\/+$/, '') };
}

// Infinigate's document numbers read like VR24-100001 or AN24-200001. The editor checks the same text (By Number).
export const DOCUMENT_NUMBER_TEXT = '[A-Za-z0-9][A-Za-z0-9._-]{0,49}';
const DOCUMENT_NUMBER_PATTERN = new RegExp(`^${DOCUMENT_NUMBER_TEXT}$`);

/** A document number, which goes into the request's path: letters, digits, ".", "-" and "_" only. */
export function readDocumentNumber(ctx: IExecuteFunctions, parameter: string, field: string, itemIndex: number): string {
	return documentNumberOf(ctx, pickedValue(ctx, parameter, itemIndex), field, itemIndex);
}

/** The checks of readDocumentNumber, on a value already read (a resource locator's). */
export function documentNumberOf(ctx: IExecuteFunctions, raw: unknown, field: string, itemIndex: number): string {
	const value = valueOrThrow(ctx, itemIndex, field, checkPathValue(raw));
	if (!DOCUMENT_NUMBER_PATTERN.test(value)) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`is not a document number: ${describeValue(value)}`,
			'A document number holds letters, digits, ".", "-" and "_" (at most 50), e.g. VR24-100001; the list operation returns it as documentNumber.',
		);
	}
	return value;
}

/** Whether text holds a control character (a line break, a tab, NUL), which no name or SKU has. */
export function hasControlCharacter(value: string): boolean {
	for (let index = 0; index < value.length; index++) {
		const code = value.charCodeAt(index);
		if (code < 32 || code === 127) return true;
	}
	return false;
}

/** Text without control characters, e.g. a search term that goes into the path. */
export function refuseControlCharacters(ctx: IExecuteFunctions, value: string, field: string, itemIndex: number): string {
	if (hasControlCharacter(value)) throw inputError(ctx, itemIndex, field, 'must not contain line breaks or other control characters');
	return value;
}

/**
 * The value of a field that may be a resource locator ("From list" / "By ID") or, in workflows saved
 * by earlier versions, plain text: either way the text the user picked or typed.
 */
export function pickedValue(ctx: IExecuteFunctions, parameter: string, itemIndex: number): unknown {
	return ctx.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) as unknown;
}

/** A required text field that may be a resource locator; trimmed, no control characters. */
export function readPickedText(
	ctx: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
	maxLength: number,
): string {
	const value = valueOrThrow(ctx, itemIndex, field, checkText(pickedValue(ctx, parameter, itemIndex), { maxLength }));
	if (value === '') throw inputError(ctx, itemIndex, field, 'must not be empty');
	return refuseControlCharacters(ctx, value, field, itemIndex);
}
