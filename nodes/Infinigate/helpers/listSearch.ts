/**
 * The "From list" choices of the editor's resource locators: purchase quotes by number, and
 * manufacturers by name. Each filters by what the user types, case-insensitively.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { MANUFACTURER_LIST_PATH, PURCHASE_QUOTE_PATH } from '../endpoints';
import { readListPage, readManufacturers } from '../guesses';
import { apiRequest } from '../transport';
import { quoteRevision, quoteStatus } from './quoteFields';
import { overridePath } from '../../shared/descriptions';

const matches = (text: string, filter?: string): boolean =>
	filter === undefined || filter.trim() === '' || text.toLowerCase().includes(filter.trim().toLowerCase());

/** The quotes location the node is set to, when the editor can read it; else the default. */
function quotesLocation(ctx: ILoadOptionsFunctions): string {
	try {
		const value = ctx.getNodeParameter(overridePath(ctx, 'quotesLocation'), PURCHASE_QUOTE_PATH) as unknown;
		return typeof value === 'string' && /^\/[A-Za-z0-9/_.-]*$/.test(value) && !value.split('/').some((part) => /^\.+$/.test(part))
			? value.replace(/\/+$/, '')
			: PURCHASE_QUOTE_PATH;
	} catch {
		return PURCHASE_QUOTE_PATH;
	}
}

/** An answer the picker cannot read says so in the editor, instead of showing an empty list. */
function unreadableList(what: string): Error {
	return new Error(`Infinigate answered ${what} in a shape the node cannot read; the list cannot be shown. Type the value instead.`);
}

export async function searchPurchaseQuotes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const body = await apiRequest(this, 'GET', quotesLocation(this), { qs: { Take: 200, Skip: 0 } }, 0);
	const page = readListPage(body);
	if (page === undefined) throw unreadableList('the quote list');
	const results = page.items
		.filter((quote): quote is IDataObject & { documentNumber: string } => typeof quote.documentNumber === 'string')
		.map((quote) => ({ quote, status: quoteStatus(quote), revision: quoteRevision(quote) }))
		.filter(({ quote, status }) => matches(`${quote.documentNumber} ${status ?? ''}`, filter))
		.map(({ quote, status, revision }) => ({
			name: [quote.documentNumber, status, revision !== undefined ? `revision ${revision}` : undefined]
				.filter((part) => part !== undefined && part !== '')
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
	const manufacturers = readManufacturers(body);
	if (manufacturers === undefined) throw unreadableList('the manufacturer list');
	const results = manufacturers
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
