/**
 * Checks on user input that run before any request, so that a bad value fails with a message that
 * names the field and the item instead of a remote error that names neither.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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

/** A string parameter, trimmed; fails when it is empty. */
export function requiredString(
	ctx: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
): string {
	const raw = ctx.getNodeParameter(parameter, itemIndex, '') as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') throw inputError(ctx, itemIndex, field, 'must not be empty');
	return value;
}

/** A string parameter, trimmed; undefined when empty. */
export function optionalString(
	ctx: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
): string | undefined {
	const raw = ctx.getNodeParameter(parameter, itemIndex, '') as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	return value === '' ? undefined : value;
}

// Deliberately simple: one @, no spaces, a dot in the domain. The service has the final word.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredEmail(
	ctx: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
): string {
	const value = requiredString(ctx, parameter, field, itemIndex);
	if (!EMAIL_PATTERN.test(value)) {
		throw inputError(ctx, itemIndex, field, `is not a valid e-mail address: "${value}"`);
	}
	return value;
}

export function requiredChoice<T extends string>(
	ctx: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
	allowed: readonly T[],
): T {
	const value = requiredString(ctx, parameter, field, itemIndex);
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
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : Number(ctx.getNodeParameter('limit', itemIndex, 50));
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw inputError(ctx, itemIndex, 'Limit', `must be a whole number of at least 1; got "${String(limit)}"`);
	}
	return { returnAll, limit };
}
