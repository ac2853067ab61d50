/**
 * How a purchase quote's fields are read, in one place for the node, its safe re-runs, the quote
 * picker and the trigger. Each reader takes the name a public production client reads first
 * (quote list rows "verified against a production dump": documentVersion, documentStatus,
 * documentCreated, documentValidUntil, total, canBeAccepted, canBeRejected; see
 * api-contracts.md, Infinigate, "Quote list rows"), then the name this node guessed before that
 * evidence existed (status, documentRevision, documentDate, validUntil, totalNetAmount), so that an
 * account answering the older names keeps working. A field that is absent or of another type reads
 * as undefined: the callers decide what not knowing means, and never take it for a value.
 *
 * The detail's `header` is not public; its likeliest reading is the same names, so these readers
 * are applied to the header of a quote as well as to a list row.
 */
import type { IDataObject } from 'n8n-workflow';

function firstText(row: IDataObject, names: readonly string[]): string | undefined {
	for (const name of names) {
		const value = row[name];
		if (typeof value === 'string' && value.trim() !== '') return value;
	}
	return undefined;
}

function firstNumber(row: IDataObject, names: readonly string[]): number | undefined {
	for (const name of names) {
		const value = row[name];
		if (typeof value === 'number' && Number.isFinite(value)) return value;
		// ASP.NET serialises decimals as numbers; a numeric string is read too, nothing else.
		if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
	}
	return undefined;
}

function firstBoolean(row: IDataObject, names: readonly string[]): boolean | undefined {
	for (const name of names) {
		const value = row[name];
		if (typeof value === 'boolean') return value;
	}
	return undefined;
}

/** The quote's state (production: `documentStatus`; older guess: `status`). Its values are not public. */
export function quoteStatus(row: IDataObject): string | undefined {
	return firstText(row, ['documentStatus', 'status']);
}

/**
 * The quote's revision: production rows call it `documentVersion`, the decision bodies
 * `documentRevision` (public client code sends `documentRevision` to acceptance and reject).
 */
export function quoteRevision(row: IDataObject): number | undefined {
	const revision = firstNumber(row, ['documentVersion', 'documentRevision']);
	return revision !== undefined && Number.isInteger(revision) ? revision : undefined;
}

/** When the quote was made (production: `documentCreated`; older guess: `documentDate`). */
export function quoteCreated(row: IDataObject): string | undefined {
	return firstText(row, ['documentCreated', 'documentDate']);
}

/** The service's own word on whether the quote can still be accepted (production: `canBeAccepted`). */
export function quoteCanBeAccepted(row: IDataObject): boolean | undefined {
	return firstBoolean(row, ['canBeAccepted']);
}

/** The service's own word on whether the quote can still be rejected (production: `canBeRejected`). */
export function quoteCanBeRejected(row: IDataObject): boolean | undefined {
	return firstBoolean(row, ['canBeRejected']);
}
