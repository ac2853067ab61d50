/**
 * Price and stock by SKU for many input items at once. The SKUs of all items go into as few requests
 * as the URL length allows (the endpoint takes repeated `no=`); the products that come back are handed
 * to the items that asked for them, matched case-insensitively. The look-ups run several at once,
 * up to Max Concurrent Requests. An item with bad input fails alone (or becomes an error item with
 * Continue On Fail). Every SKU asked for yields an item, `found: true` with the product, or
 * `found: false` (unless Output Unknown SKUs is turned off). Version 1 keeps its first behaviour:
 * unknown SKUs only when that option is turned on, found products as the service returns them.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { AdaptiveLimit, currentNodeRun, runBounded } from '../../shared/concurrency';
import { fromVersion11, maxConcurrentRequestsOption, onlyInVersion1, overridePath, overrideField } from '../../shared/descriptions';
import { asNodeError, errorItem } from '../../shared/items';
import { perItemParameter } from '../../shared/parameters';
import { checkBoolean, inputError, readWholeNumber, valueOrThrow } from '../../shared/validation';
import { MAX_SKU_QUERY_LENGTH, MAX_SKUS_PER_REQUEST, SKU_LOOKUP_EMPTY_STATUSES } from '../guesses';
import { apiRequest } from '../transport';
import { asWrongAddress, CREDENTIAL_ADDRESS, isGatewayNotFound, listAnswer } from './answers';
import { textListOf } from './fields';
import { chunkSkus } from './skuBatches';

export interface SkuLookup {
	operation: string;
	/** The node parameter holding the item's SKUs, and its display name. */
	parameter: string;
	field: string;
	/** The product field the SKUs are matched against. */
	matchKey: 'sku' | 'vendorSku';
	path: string;
	placeholder: string;
	description: string;
}

export function lookupDescription(lookup: SkuLookup): INodeProperties[] {
	const show = { resource: ['priceList'], operation: [lookup.operation] };
	return [
		{
			displayName: lookup.field,
			name: lookup.parameter,
			type: 'string',
			default: '',
			required: true,
			placeholder: lookup.placeholder,
			description: `${lookup.description}. The SKUs of all input items are looked up together, in as few requests as possible.`,
			hint: 'Separate several by commas or line breaks, or give an array',
			displayOptions: { show },
		},
		// Version 1 left unknown SKUs out unless asked; workflows saved with it keep that.
		onlyInVersion1(lookupOptions(lookup, false, show)),
		fromVersion11(lookupOptions(lookup, true, show)),
	];
}

function lookupOptions(lookup: SkuLookup, unknownSkusByDefault: boolean, show: { resource: string[]; operation: string[] }): INodeProperties {
	const outputUnknownSkus: INodeProperties = {
		displayName: 'Output Unknown SKUs',
		name: 'includeNotFound',
		type: 'boolean',
		default: false,
		description: `Whether to output an item {${lookup.matchKey}, found: false} for each SKU the service does not know. Off: an unknown SKU yields no item.`,
	};
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			unknownSkusByDefault ? { ...outputUnknownSkus, default: true } : outputUnknownSkus,
			{
				displayName: 'SKUs per Request',
				name: 'skusPerRequest',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 500 },
				default: MAX_SKUS_PER_REQUEST,
				description: 'At most this many SKUs in one look-up',
				hint: 'The default is unconfirmed. Lower it if Infinigate refuses long look-ups.',
			},
			maxConcurrentRequestsOption,
		],
	};
}

/** What one input item asked for, or why its input was refused. */
type Wanted = { skus: string[]; includeNotFound: boolean } | { failure: Error };

const key = (sku: string): string => sku.trim().toLowerCase();

interface Readers {
	skus: (itemIndex: number) => unknown;
	includeNotFound: (itemIndex: number) => unknown;
}

function readWanted(ctx: IExecuteFunctions, lookup: SkuLookup, read: Readers, itemIndex: number): Wanted {
	const raw = read.skus(itemIndex);
	// The same SKU twice in one item (in any case) is asked for, and output, once.
	const byKey = new Map<string, string>();
	for (const sku of textListOf(ctx, raw, lookup.field, itemIndex)) if (!byKey.has(key(sku))) byKey.set(key(sku), sku);
	const skus = [...byKey.values()];
	if (skus.length === 0) throw inputError(ctx, itemIndex, lookup.field, 'must name at least one SKU');
	const includeNotFound =
		valueOrThrow(ctx, itemIndex, 'Output Unknown SKUs', checkBoolean(read.includeNotFound(itemIndex))) ??
		ctx.getNode().typeVersion >= 1.1;
	return { skus, includeNotFound };
}

/**
 * The service's own "none of these SKUs" (see guesses.ts). The gateway's 404 is never one: a wrong
 * address would otherwise mark every SKU `found: false` in a green run.
 */
function isEmptyAnswer(error: unknown): boolean {
	return (
		error instanceof NodeApiError &&
		SKU_LOOKUP_EMPTY_STATUSES.includes(Number(error.httpCode)) &&
		!isGatewayNotFound(error)
	);
}

/**
 * A refusal of the look-up's size (HTTP 400 whose field errors name `no`, the SKU parameter) names
 * Options → SKUs per Request: how many SKUs one look-up takes is a guess (guesses.ts).
 */
function withSkusPerRequestAdvice(error: unknown, asked: number): unknown {
	if (!(error instanceof NodeApiError) || String(error.httpCode) !== '400') return error;
	const body = (error.errorResponse as { body?: unknown } | undefined)?.body;
	const errors = body !== null && typeof body === 'object' ? (body as IDataObject).errors : undefined;
	if (errors === null || typeof errors !== 'object' || !Object.keys(errors).some((name) => name.toLowerCase() === 'no')) return error;
	const field = overrideField({ getNode: () => error.node }, 'SKUs per Request');
	error.message = `Infinigate refused a look-up of ${asked} SKUs: lower ${field} (${error.message.replace(/^Infinigate: /, '')})`;
	error.description = [
		`The node put more SKUs into one request than your account takes. Set ${field} to the number Infinigate names.`,
		error.description,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}

const WRONG_ADDRESS_ADVICE =
	'The price list is served under /product-management/v1 of the API address (the guide), so the address of the whole API is wrong: check the Environment and Base URL of the Infinigate API credential. No SKU was looked up.';

export async function executeLookup(ctx: IExecuteFunctions, lookup: SkuLookup): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const continueOnFail = ctx.continueOnFail();

	// Read every item's input first, so that a bad item fails the run before any request. Read
	// through perItemParameter: for thousands of items, n8n's per-item evaluation outweighs the requests.
	const read: Readers = {
		skus: perItemParameter(ctx, lookup.parameter, ''),
		includeNotFound: perItemParameter(ctx, 'options.includeNotFound', null),
	};
	const wanted: Wanted[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			wanted.push(readWanted(ctx, lookup, read, itemIndex));
		} catch (error) {
			if (!continueOnFail) throw asNodeError(ctx, error, itemIndex);
			wanted.push({ failure: error as Error });
		}
	}

	// Each SKU once, however many items ask for it; the first item asking names the request in errors.
	const firstAsker = new Map<string, { sku: string; itemIndex: number }>();
	wanted.forEach((entry, itemIndex) => {
		if ('skus' in entry) {
			for (const sku of entry.skus) if (!firstAsker.has(key(sku))) firstAsker.set(key(sku), { sku, itemIndex });
		}
	});

	const products = new Map<string, IDataObject[]>();
	const failures = new Map<string, unknown>();
	// One batch size for the whole run: the batches mix the SKUs of many items.
	let perRequest = MAX_SKUS_PER_REQUEST;
	if (items.length > 0) {
		try {
			perRequest = readWholeNumber(ctx, overridePath(ctx, 'skusPerRequest'), 'SKUs per Request', 0, { min: 1, max: 500 }) ?? MAX_SKUS_PER_REQUEST;
		} catch (error) {
			throw asNodeError(ctx, error, 0);
		}
	}
	const chunks = chunkSkus(
		[...firstAsker.values()].map((entry) => entry.sku),
		MAX_SKU_QUERY_LENGTH,
		perRequest,
	);
	const askerOf = (chunk: string[]): number => firstAsker.get(key(chunk[0]))!.itemIndex;
	const answers = await runBounded(
		chunks.length,
		currentNodeRun(ctx)?.limit ?? new AdaptiveLimit(1),
		async (index) => {
			const itemIndex = askerOf(chunks[index]);
			const body = await apiRequest(ctx, 'GET', lookup.path, { qs: { no: chunks[index] } }, itemIndex).catch(
				(error: unknown) => {
					if (isEmptyAnswer(error)) return [];
					throw asNodeError(ctx, withSkusPerRequestAdvice(asWrongAddress(error, CREDENTIAL_ADDRESS, WRONG_ADDRESS_ADVICE), chunks[index].length), itemIndex);
				},
			);
			return (await listAnswer(ctx, itemIndex, body, `the look-up of ${chunks[index].length} SKU(s)`)).items;
		},
		!continueOnFail,
	);
	// In the order of the look-ups, so that the output does not depend on which answer came first.
	for (const [index, answer] of answers.entries()) {
		if (answer === undefined) continue;
		if ('error' in answer) {
			if (!continueOnFail) throw asNodeError(ctx, answer.error, askerOf(chunks[index]));
			for (const sku of chunks[index]) failures.set(key(sku), answer.error);
			continue;
		}
		for (const product of answer.value) {
			const matched = product[lookup.matchKey];
			if (typeof matched !== 'string') continue;
			const list = products.get(key(matched)) ?? [];
			list.push(product);
			products.set(key(matched), list);
		}
	}

	// Version 1 gave found products as the service returns them; from 1.1 on each says `found: true`.
	const foundMark = ctx.getNode().typeVersion >= 1.1 ? { found: true } : {};
	const output: INodeExecutionData[] = [];
	wanted.forEach((entry, itemIndex) => {
		if ('failure' in entry) {
			output.push(errorItem(ctx, entry.failure, itemIndex));
			return;
		}
		const failedSku = entry.skus.find((sku) => failures.has(key(sku)));
		if (failedSku !== undefined) {
			output.push(errorItem(ctx, failures.get(key(failedSku)), itemIndex));
			return;
		}
		for (const sku of entry.skus) {
			const found = products.get(key(sku)) ?? [];
			if (found.length === 0 && entry.includeNotFound) {
				output.push({ json: { [lookup.matchKey]: sku, found: false }, pairedItem: { item: itemIndex } });
			}
			for (const product of found) output.push({ json: { ...product, ...foundMark }, pairedItem: { item: itemIndex } });
		}
	});
	return output;
}
