/** "From list" for Sale ID: the sales list, one page at a time, filtered by what the user types. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { jsonOutput } from '../../shared/items';
import { SALES_PATH } from '../endpoints';
import { MAX_PAGE_SIZE, SALE_ID_FIELD } from '../guesses';
import { apiRequest } from '../transport';

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

/** "Centrifugal pump (published)": what the sale is, then its status. */
function saleName(sale: IDataObject, id: string): string {
	const objectInformation = (sale.objectInformation ?? {}) as IDataObject;
	const what = text(objectInformation.description) ?? id;
	const status = text(sale.status);
	return status ? `${what} (${status})` : what;
}

export async function searchSales(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? '1') || 1;
	const answer = jsonOutput(await apiRequest(this, 'GET', SALES_PATH, { qs: { page, limit: MAX_PAGE_SIZE } }, 0));
	const sales = (Array.isArray(answer) ? answer : Array.isArray(answer.data) ? answer.data : []) as IDataObject[];
	const wanted = filter?.trim().toLowerCase() ?? '';
	const results = sales
		.map((sale) => ({ sale, id: text(sale[SALE_ID_FIELD]) }))
		.filter((entry): entry is { sale: IDataObject; id: string } => entry.id !== undefined)
		.map(({ sale, id }) => ({ name: saleName(sale, id), value: id }))
		.filter((result) => wanted === '' || `${result.name} ${result.value}`.toLowerCase().includes(wanted));
	// A short page may be a capped one: only an empty page ends the list.
	return { results, paginationToken: sales.length > 0 ? String(page + 1) : undefined };
}
