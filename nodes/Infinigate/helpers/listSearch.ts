/**
 * The "From list" choices of the editor's resource locators: purchase quotes by number, and
 * manufacturers by name. Each filters by what the user types, case-insensitively.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { MANUFACTURER_LIST_PATH } from '../endpoints';
import { PURCHASE_QUOTE_PATH, readListPage, readManufacturers } from '../guesses';
import { apiRequest } from '../transport';

const matches = (text: string, filter?: string): boolean =>
	filter === undefined || filter.trim() === '' || text.toLowerCase().includes(filter.trim().toLowerCase());

/** The quotes location the node is set to, when the editor can read it; else the default. */
function quotesLocation(ctx: ILoadOptionsFunctions): string {
	try {
		const value = ctx.getNodeParameter('options.quotesLocation', PURCHASE_QUOTE_PATH) as unknown;
		return typeof value === 'string' && /^\/[A-Za-z0-9/_.-]*$/.test(value) && !value.split('/').some((part) => /^\.+$/.test(part))
			? value.replace(/\/+$/, '')
			: PURCHASE_QUOTE_PATH;
	} catch {
		return PURCHASE_QUOTE_PATH;
	}
}

export async function searchPurchaseQuotes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = await apiRequest(this, 'GET', quotesLocation(this), { qs: { Take: 200, Skip: 0 } }, 0);
	const results = readListPage(body)
		.items.filter((quote): quote is IDataObject & { documentNumber: string } => typeof quote.documentNumber === 'string')
		.filter((quote) => matches(`${quote.documentNumber} ${String(quote.status ?? '')}`, filter))
		.map((quote) => ({
			name: [quote.documentNumber, quote.status, quote.documentRevision !== undefined ? `revision ${String(quote.documentRevision)}` : undefined]
				.filter((part) => part !== undefined && part !== null && part !== '')
				.join(' · '),
			value: quote.documentNumber,
		}));
	return { results };
}

export async function searchManufacturers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const text = await apiRequest<string>(this, 'GET', MANUFACTURER_LIST_PATH, { expect: 'text' }, 0);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	const results = readManufacturers(body)
		.map((manufacturer) => manufacturer.manufacturerName)
		.filter((name): name is string => typeof name === 'string' && matches(name, filter))
		.map((name) => ({ name, value: name }));
	return { results };
}

/**
 * A resource locator that also takes the plain text saved by earlier versions of the node (the
 * parameter keeps its name, and a plain string is read as "By ID").
 */
export function pickFromList(
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'displayOptions'>,
	searchListMethod: string,
	idMode: { displayName: string; placeholder: string },
): INodeProperties {
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{ displayName: idMode.displayName, name: 'id', type: 'string', placeholder: idMode.placeholder },
		],
	};
}
