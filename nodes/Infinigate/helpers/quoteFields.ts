/**
 * A quote's fields by the names production answers with (a public production client, see the
 * Infinigate section of the API contracts: `documentStatus`, `documentVersion`, `documentCreated`,
 * `documentValidUntil`, `total`, `canBeAccepted`, `canBeRejected`), and the package's older guess
 * second, so that nothing that works today breaks.
 */
import type { IDataObject } from 'n8n-workflow';

function firstPresent(row: IDataObject, names: string[]): unknown {
	for (const name of names) if (row[name] !== undefined && row[name] !== null) return row[name];
	return undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

function wholeNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function flag(value: unknown): boolean | undefined {
	return typeof value === 'boolean' ? value : undefined;
}

export function quoteStatus(row: IDataObject): string | undefined {
	return text(firstPresent(row, ['documentStatus', 'status']));
}

export function quoteRevision(row: IDataObject): number | undefined {
	return wholeNumber(firstPresent(row, ['documentVersion', 'documentRevision']));
}

export function quoteCreated(row: IDataObject): string | undefined {
	return text(firstPresent(row, ['documentCreated', 'documentDate']));
}

export function quoteValidUntil(row: IDataObject): string | undefined {
	return text(firstPresent(row, ['documentValidUntil', 'validUntil']));
}

export function quoteTotal(row: IDataObject): number | undefined {
	return wholeNumber(firstPresent(row, ['total', 'totalNetAmount']));
}

export function quoteCanBeAccepted(row: IDataObject): boolean | undefined {
	return flag(row.canBeAccepted);
}

export function quoteCanBeRejected(row: IDataObject): boolean | undefined {
	return flag(row.canBeRejected);
}
