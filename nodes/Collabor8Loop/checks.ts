/**
 * What Check Setup checks in the Loop API: the documented sales list (which also proves the
 * credential), and every guess of guesses.ts that the answer of a GET can show. The guessed writes
 * are listed, never sent.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { readEndpoint } from '../shared/collabor8GatewayService';
import type { Reading, SetupCheck } from '../shared/checkSetup';
import { firstEntry } from '../shared/checkSetup';
import { readText, splitList } from '../shared/validation';
import { SALES_PATH } from './endpoints';
import { ITEM_CREATE, SALE_CREATED_FIELD, SALE_ID_FIELD, SALE_PATH, SALE_STATUS_UPDATE, SALE_STATUSES, TOTAL_FIELDS } from './guesses';
import { overridePath } from '../shared/descriptions';

const SALES_LIST = 'Credential and sales list';

/** The guide's own example of a sales request: page 1 of one sale, with its totals. */
const ONE_SALE_WITH_TOTALS = { page: 1, limit: 1, countQueries: 'true' };

function totalFieldsOf(ctx: IExecuteFunctions): string[] {
	const text = readText(ctx, overridePath(ctx, 'totalFields'), 'Total Fields', 0);
	return text === undefined ? TOTAL_FIELDS : splitList(text);
}

/** A field of the first sale of the list: present, or what it is instead. */
function saleField(body: unknown, field: string, what: string): Reading {
	const sale = firstEntry(body);
	if (!sale) return { ok: 'cannot tell', reason: `The sales list is empty, so ${what} cannot be seen.` };
	if (sale[field] === undefined || sale[field] === null || sale[field] === '') {
		return { ok: false, problem: `The sale has no field "${field}"; the answerShape of the sales list shows the fields it has.` };
	}
	return { ok: true };
}

export const checks: readonly SetupCheck[] = [
	{
		name: SALES_LIST,
		kind: 'documented',
		covers: [],
		credentials: true,
		alwaysAnswers: true,
		field: "Credential → Client ID, Client Secret, Environment",
		request: () => ({ path: SALES_PATH, qs: ONE_SALE_WITH_TOTALS }),
		read: (body) =>
			body !== null && typeof body === 'object' && Array.isArray((body as { data?: unknown }).data)
				? { ok: true }
				: { ok: false, problem: 'The guide answers `{"data": [...]}`; this answer has no `data` list.' },
	},
	{
		name: 'Total fields',
		kind: 'guess',
		covers: ['TOTAL_FIELDS'],
		field: 'Options → Total Fields',
		sharesRequestOf: SALES_LIST,
		read: (body, { ctx }) => {
			const fields = totalFieldsOf(ctx);
			const envelope = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
			const found = fields.find((field) => typeof envelope[field] === 'number' || /^\d+$/.test(String(envelope[field] ?? '')));
			return found !== undefined
				? { ok: true }
				: { ok: false, problem: `None of ${fields.join(', ')} holds a number beside "data"; set the name that the answerShape of the sales list shows.` };
		},
	},
	{
		name: 'Sale ID field',
		kind: 'guess',
		covers: ['SALE_ID_FIELD'],
		suggestion: 'Not a field yet: please report the answerShape, so that the node learns the name.',
		sharesRequestOf: SALES_LIST,
		read: (body) => saleField(body, SALE_ID_FIELD, "a sale's ID field"),
	},
	{
		name: 'Sale created field (trigger)',
		kind: 'guess',
		covers: ['SALE_CREATED_FIELD'],
		suggestion: 'Not a field yet: please report the answerShape, so that the trigger learns the name.',
		sharesRequestOf: SALES_LIST,
		read: (body) => saleField(body, SALE_CREATED_FIELD, "a sale's creation date"),
	},
	{
		name: 'Sale status values',
		kind: 'guess',
		covers: ['SALE_STATUSES'],
		suggestion: 'Any other status can still be set as an expression in Update Status; please report it.',
		sharesRequestOf: SALES_LIST,
		read: (body) => {
			const status = firstEntry(body)?.status;
			if (status === undefined) return { ok: 'cannot tell', reason: 'No sale with a status in the first page, so the status values cannot be seen.' };
			// One sale shows one status; the values a status update accepts show only when one is sent.
			return (SALE_STATUSES as readonly unknown[]).includes(status)
				? { ok: true, note: 'The status seen is one the node offers; the values Update Status accepts show only when it is sent.' }
				: { ok: false, problem: 'The sale has a status outside the values the node offers.' };
		},
	},
	{
		name: 'Sale address',
		kind: 'guess',
		covers: ['SALE_PATH'],
		field: 'Options → Sale Address',
		suggestion: 'Set Options → Sale Address (here and in Sale → Get) to the address of one sale in your Loop API documentation.',
		request: async ({ ctx, answerOf }) => {
			const endpoint = readEndpoint(ctx, 0, overridePath(ctx, 'saleEndpoint'), 'Sale Address', SALE_PATH, ['saleId']);
			const id = firstEntry(await answerOf(SALES_LIST))?.[SALE_ID_FIELD];
			if (typeof id !== 'string' && typeof id !== 'number') return 'No sale ID in the sales list to ask for one sale.';
			return { path: endpoint, pathParams: { saleId: id }, valuesFromAnswers: ['saleId'] };
		},
		read: (body) =>
			body !== null && typeof body === 'object' && !Array.isArray(body)
				? { ok: true }
				: { ok: false, problem: 'One sale was expected as a JSON object.' },
	},
	{
		name: 'Page size',
		kind: 'guess',
		covers: ['MAX_PAGE_SIZE'],
		method: 'GET',
		path: SALES_PATH,
		field: 'Options → Page Size',
		reason: 'Not checked: a page-size limit shows only when a page that large is asked, and Check Setup asks for one sale.',
	},
	{
		name: 'Update sale status (a write)',
		kind: 'guess',
		covers: ['SALE_STATUS_UPDATE', 'WRITE_METHODS'],
		method: SALE_STATUS_UPDATE.method,
		path: SALE_STATUS_UPDATE.path,
		field: 'Options → Status Address, Status Method, Status Body Field',
		reason: 'Not checked (a write): Check Setup never sends it. If Update Status fails with "not found" or "method not allowed", correct these options.',
	},
	{
		name: 'Create item (a write)',
		kind: 'guess',
		covers: ['ITEM_CREATE', 'WRITE_METHODS'],
		method: ITEM_CREATE.method,
		path: ITEM_CREATE.path,
		field: 'Options → Item Address, Item Method',
		reason: 'Not checked (a write): Check Setup never sends it. If Create fails with "not found" or "method not allowed", correct these options.',
	},
];
