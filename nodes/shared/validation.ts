/**
 * Checks on user input that run before any request, so that a bad value fails with a message that
 * names the field and the item instead of a remote error that names neither.
 *
 * Values reach a node from expressions, spreadsheets and other nodes, so a field typed "string"
 * may hold an object, a list, a boolean or null. Nothing is converted silently: an object never
 * becomes "[object Object]", a list never "A,B", `true` never the number 1. Each kind of field
 * takes exactly these values:
 * - text: a string, or a finite number (written in its usual decimal form);
 * - whole number: an integer, or a string of digits (an optional sign, no decimals, no exponent);
 * - number: a finite number, or a string holding one in decimal notation;
 * - boolean: true or false, or the strings "true" and "false" in any case (spreadsheets);
 * - path value: text that is not empty and not made only of dots.
 * Empty means undefined, null, or a string of spaces: an optional field is then left out, a
 * required one is an error. Strings are trimmed. Text that contains an unpaired UTF-16 surrogate
 * (half of an emoji, cut by a spreadsheet) is refused, since it cannot be encoded for sending.
 *
 * The `check…` functions are pure; the `read…` functions read a node parameter (dotted paths such
 * as `options.pollInterval` work) and turn a problem into an error naming the field and the item.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

export function inputError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field} ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description,
	});
}

/** The value of a check, or an input error naming the field and the item. */
export function valueOrThrow<T>(ctx: IExecuteFunctions, itemIndex: number, field: string, checked: Checked<T>): T {
	if (!checked.ok) throw inputError(ctx, itemIndex, field, checked.problem);
	return checked.value;
}

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const problem = <T>(text: string): Checked<T> => ({ ok: false, problem: text });

/** Whether a value counts as "nothing entered". */
export function isEmptyInput(raw: unknown): boolean {
	return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** How a wrong value is shown in a message: its kind, and a short preview where that helps. */
export function describeValue(raw: unknown): string {
	if (raw === null) return 'null';
	if (Array.isArray(raw)) return `a list (${preview(raw)})`;
	if (typeof raw === 'object') return `an object (${preview(raw)})`;
	if (typeof raw === 'boolean') return `the boolean ${String(raw)}`;
	if (typeof raw === 'number') return `the number ${String(raw)}`;
	if (typeof raw === 'string') return `"${raw.length > 60 ? `${raw.slice(0, 59)}…` : raw}"`;
	return `a ${typeof raw}`;
}

function preview(raw: unknown): string {
	let text: string;
	try {
		text = JSON.stringify(raw) ?? String(raw);
	} catch {
		text = String(raw);
	}
	return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where a string holds half of a UTF-16 surrogate pair, or -1. */
export function loneSurrogateAt(text: string): number {
	const match = LONE_SURROGATE.exec(text);
	return match ? match.index : -1;
}

export interface TextRules {
	maxLength?: number;
}

/** Text, trimmed; an empty result is allowed here (the readers decide whether it is required). */
export function checkText(raw: unknown, rules: TextRules = {}): Checked<string> {
	let text: string;
	if (raw === undefined || raw === null) text = '';
	else if (typeof raw === 'string') text = raw.trim();
	else if (typeof raw === 'number' && Number.isFinite(raw)) text = String(raw);
	else return problem(`must be text; got ${describeValue(raw)}`);
	const surrogate = loneSurrogateAt(text);
	if (surrogate !== -1) {
		return problem(
			`contains a character that cannot be sent (half of a UTF-16 surrogate pair, at position ${surrogate + 1})`,
		);
	}
	if (rules.maxLength !== undefined && text.length > rules.maxLength) {
		return problem(`must be at most ${rules.maxLength} characters long; got ${text.length}`);
	}
	return ok(text);
}

export interface NumberRules {
	min?: number;
	max?: number;
}

function checkRange(value: number, rules: NumberRules): Checked<number> {
	if (rules.min !== undefined && value < rules.min) return problem(`must be at least ${rules.min}; got ${value}`);
	if (rules.max !== undefined && value > rules.max) return problem(`must be at most ${rules.max}; got ${value}`);
	return ok(value);
}

/** A whole number; undefined when empty. */
export function checkWholeNumber(raw: unknown, rules: NumberRules = {}): Checked<number | undefined> {
	if (isEmptyInput(raw)) return ok(undefined);
	let value: number | undefined;
	if (typeof raw === 'number') value = raw;
	else if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim())) value = Number(raw.trim());
	if (value === undefined || !Number.isSafeInteger(value)) {
		return problem(`must be a whole number; got ${describeValue(raw)}`);
	}
	return checkRange(value, rules);
}

/** A number, decimals allowed; undefined when empty. */
export function checkNumber(raw: unknown, rules: NumberRules = {}): Checked<number | undefined> {
	if (isEmptyInput(raw)) return ok(undefined);
	let value: number | undefined;
	if (typeof raw === 'number') value = raw;
	else if (typeof raw === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw.trim())) value = Number(raw.trim());
	if (value === undefined || !Number.isFinite(value)) return problem(`must be a number; got ${describeValue(raw)}`);
	return checkRange(value, rules);
}

/** A boolean; undefined when empty. */
export function checkBoolean(raw: unknown): Checked<boolean | undefined> {
	if (isEmptyInput(raw)) return ok(undefined);
	if (typeof raw === 'boolean') return ok(raw);
	if (typeof raw === 'string') {
		const lower = raw.trim().toLowerCase();
		if (lower === 'true') return ok(true);
		if (lower === 'false') return ok(false);
	}
	return problem(`must be true or false; got ${describeValue(raw)}`);
}

/**
 * A value that goes into a URL path (an ID, a document number): text that is not empty and not
 * made only of dots, which a server would read as "this folder" or "the folder above".
 */
export function checkPathValue(raw: unknown): Checked<string> {
	const text = checkText(raw);
	if (!text.ok) return text;
	if (text.value === '') return problem('must not be empty');
	if (/^\.+$/.test(text.value)) {
		return problem(`cannot be "${text.value}": a value made only of dots would change the address of the request`);
	}
	return text;
}

interface Required {
	required: true;
}

function parameter(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	return ctx.getNodeParameter(name, itemIndex, '') as unknown;
}

function required<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: T | undefined,
	isRequired: boolean | undefined,
): T | undefined {
	if (isRequired && (value === undefined || value === '')) throw inputError(ctx, itemIndex, field, 'must not be empty');
	return value === '' ? undefined : value;
}

export function readText(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options: TextRules & Required,
): string;
export function readText(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options?: TextRules & { required?: boolean },
): string | undefined;
/** A text field, trimmed; undefined when empty and not required. */
export function readText(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options: TextRules & { required?: boolean } = {},
): string | undefined {
	const value = valueOrThrow(ctx, itemIndex, field, checkText(parameter(ctx, parameterName, itemIndex), options));
	return required(ctx, itemIndex, field, value, options.required);
}

export function readWholeNumber(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options: NumberRules & Required,
): number;
export function readWholeNumber(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options?: NumberRules & { required?: boolean },
): number | undefined;
/** A whole-number field; undefined when empty and not required. */
export function readWholeNumber(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options: NumberRules & { required?: boolean } = {},
): number | undefined {
	const value = valueOrThrow(ctx, itemIndex, field, checkWholeNumber(parameter(ctx, parameterName, itemIndex), options));
	return required(ctx, itemIndex, field, value, options.required);
}

export function readNumber(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options: NumberRules & Required,
): number;
export function readNumber(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options?: NumberRules & { required?: boolean },
): number | undefined;
/** A number field (decimals allowed, e.g. seconds); undefined when empty and not required. */
export function readNumber(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options: NumberRules & { required?: boolean } = {},
): number | undefined {
	const value = valueOrThrow(ctx, itemIndex, field, checkNumber(parameter(ctx, parameterName, itemIndex), options));
	return required(ctx, itemIndex, field, value, options.required);
}

/** A boolean field; `fallback` when empty (a boolean toggle left to its default). */
export function readBoolean(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	options: { fallback: boolean },
): boolean {
	const value = valueOrThrow(ctx, itemIndex, field, checkBoolean(ctx.getNodeParameter(parameterName, itemIndex, options.fallback)));
	return value ?? options.fallback;
}

/** A value that goes into the URL path (an ID, a number); always required. */
export function readPathValue(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
): string {
	return valueOrThrow(ctx, itemIndex, field, checkPathValue(parameter(ctx, parameterName, itemIndex)));
}

/** A required text field, trimmed. */
export function requiredString(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
): string {
	return readText(ctx, parameterName, field, itemIndex, { required: true });
}

// Deliberately simple: one @, no spaces, a dot in the domain. The service has the final word.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredEmail(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
): string {
	const value = requiredString(ctx, parameterName, field, itemIndex);
	if (!EMAIL_PATTERN.test(value)) {
		throw inputError(ctx, itemIndex, field, `is not a valid email address: "${value}"`);
	}
	return value;
}

export function requiredChoice<T extends string>(
	ctx: IExecuteFunctions,
	parameterName: string,
	field: string,
	itemIndex: number,
	allowed: readonly T[],
): T {
	const value = requiredString(ctx, parameterName, field, itemIndex);
	if (!allowed.includes(value as T)) {
		throw inputError(ctx, itemIndex, field, `must be one of ${allowed.join(', ')}; got "${value}"`);
	}
	return value as T;
}

/** A list typed as one string: split on commas, semicolons and line breaks. */
export function splitList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[,;\n\r]+/);
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Return All / Limit of a list operation; a Limit that is not a whole number of at least 1 fails. */
export function readReturnAllAndLimit(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { returnAll: boolean; limit: number } {
	const returnAll = readBoolean(ctx, 'returnAll', 'Return All', itemIndex, { fallback: false });
	if (returnAll) return { returnAll, limit: 0 };
	const limit = readWholeNumber(ctx, 'limit', 'Limit', itemIndex, { required: true, min: 1 });
	return { returnAll, limit };
}
