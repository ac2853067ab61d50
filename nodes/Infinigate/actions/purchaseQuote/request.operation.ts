/**
 * Request: ask Infinigate for a quote, as public client code does: a JSON body `{header, lines}`,
 * with the header's contact, end user and addresses and each line's manufacturer info (see
 * helpers/quoteRequestParts.ts).
 * Not safe to run twice: nothing in the request lets the service tell a repeat from a new request,
 * so every run asks for one more quote.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests, overridePath } from '../../../shared/descriptions';
import { jsonOutput } from '../../../shared/items';
import {
	checkText,
	checkWholeNumber,
	describeValue,
	inputError,
	readBoolean,
	readText,
} from '../../../shared/validation';
import { QUOTE_REQUEST_PATH } from '../../guesses';
import { readDate, readLocation } from '../../helpers/fields';
import { requestLocationOption, withLocationHint } from '../../helpers/guessOptions';
import { END_USER_PARTS, HEADER_PARTS, MANUFACTURER_INFO, partField, readPart } from '../../helpers/quoteRequestParts';
import { apiRequest } from '../../transport';

const show = { resource: ['purchaseQuote'], operation: ['request'] };

const LINE_TEXT_FIELDS = [
	{ name: 'itemNumber', displayName: 'SKU', description: "Infinigate's SKU of the product (itemNumber)", placeholder: 'e.g. 6D34G6' },
	{ name: 'manufacturerItemNumber', displayName: 'Vendor SKU', description: "The manufacturer's part number, when there is no SKU" },
	{ name: 'itemDescription', displayName: 'Description', description: 'What the line is for, in your words' },
	{ name: 'yourItemNumber', displayName: 'Your Item Number', description: 'Your own number for the product' },
	{ name: 'yourLineNumber', displayName: 'Your Line Number', description: 'Your own number for the line' },
	{ name: 'specialBidDealNo', displayName: 'Special Bid Deal Number', description: "The manufacturer's special bid, if any" },
] as const;

const HEADER_TEXT_FIELDS = [
	{ name: 'yourReference', displayName: 'Your Reference', description: 'Your reference for the quote, e.g. your order number', placeholder: 'e.g. PO-2024-117' },
	{ name: 'comment', displayName: 'Comment', description: 'A note for Infinigate' },
	{ name: 'currencyCode', displayName: 'Currency Code', description: 'The currency of the quote', placeholder: 'e.g. EUR' },
	{ name: 'manufacturerPartnerId', displayName: 'Manufacturer Partner ID', description: 'Your partner ID at the manufacturer' },
	{
		name: 'licenseDeliveryAddress',
		displayName: 'License Delivery Address',
		description: 'Where licenses are sent (an email address)',
		placeholder: 'e.g. licenses@reseller.example',
	},
	{ name: 'endUserReference', displayName: 'End User Reference', description: 'Your reference for the end customer' },
	{ name: 'endUserType', displayName: 'End User Type', description: 'Standard, Education or Government', placeholder: 'e.g. Standard' },
] as const;

export const description: INodeProperties[] = withMaxConcurrentRequests([
	{
		displayName: 'Lines',
		name: 'lines',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Line',
		default: {},
		required: true,
		description: 'The products to quote',
		displayOptions: { show },
		options: [
			{
				displayName: 'Line',
				name: 'line',
				values: [
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 1,
						description: 'How many',
					},
					...LINE_TEXT_FIELDS.map(
						(field): INodeProperties => ({ ...field, type: 'string', default: '' }),
					),
					partField(MANUFACTURER_INFO),
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			...HEADER_TEXT_FIELDS.map((field): INodeProperties => ({ ...field, type: 'string', default: '' })),
			...HEADER_PARTS.map(partField),
			...END_USER_PARTS.map(partField),
			{
				displayName: 'Disallow Partial Shipment',
				name: 'disallowPartialShipment',
				type: 'boolean',
				default: false,
				description: 'Whether the goods must ship together',
			},
			{
				displayName: 'Requested Delivery Date',
				name: 'requestedDeliveryDate',
				type: 'dateTime',
				default: '',
			},
			{
				displayName: 'Ship Hardware Complete',
				name: 'shipHardwareComplete',
				type: 'boolean',
				default: false,
				description: 'Whether hardware ships only once all of it is available',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [requestLocationOption],
	},
], show);

function readLines(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const raw = ctx.getNodeParameter('lines.line', itemIndex, []) as unknown;
	if (!Array.isArray(raw) || raw.length === 0) throw inputError(ctx, itemIndex, 'Lines', 'must hold at least one line');
	return raw.map((entry: unknown, position) => {
		const where = `Line ${position + 1}`;
		if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
			throw inputError(ctx, itemIndex, where, `must be a line; got ${describeValue(entry)}`);
		}
		const values = entry as Record<string, unknown>;
		const line: IDataObject = {};
		const info = readPart(ctx, itemIndex, values[MANUFACTURER_INFO.name], MANUFACTURER_INFO, `${where} → ${MANUFACTURER_INFO.displayName}`);
		for (const field of LINE_TEXT_FIELDS) {
			const checked = checkText(values[field.name], { maxLength: 500 });
			if (!checked.ok) throw inputError(ctx, itemIndex, `${where} → ${field.displayName}`, checked.problem);
			if (checked.value !== '') line[field.name] = checked.value;
		}
		if (line.itemNumber === undefined && line.manufacturerItemNumber === undefined) {
			throw inputError(ctx, itemIndex, `${where} → SKU`, 'must not be empty (or give a Vendor SKU)');
		}
		const quantity = checkWholeNumber(values.quantity, { min: 1 });
		if (!quantity.ok) throw inputError(ctx, itemIndex, `${where} → Quantity`, quantity.problem);
		if (quantity.value === undefined) throw inputError(ctx, itemIndex, `${where} → Quantity`, 'must not be empty');
		line.quantity = quantity.value;
		if (info !== undefined) line[MANUFACTURER_INFO.name] = info;
		return line;
	});
}

function readHeader(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const header: IDataObject = {};
	for (const field of HEADER_TEXT_FIELDS) {
		if (field.name === 'endUserReference' || field.name === 'endUserType') continue;
		const value = readText(ctx, `additionalFields.${field.name}`, field.displayName, itemIndex, { maxLength: 1000 });
		if (value !== undefined) header[field.name] = value;
	}
	const endUser: IDataObject = {};
	const endUserReference = readText(ctx, 'additionalFields.endUserReference', 'End User Reference', itemIndex, { maxLength: 200 });
	const endUserType = readText(ctx, 'additionalFields.endUserType', 'End User Type', itemIndex, { maxLength: 50 });
	if (endUserReference !== undefined) endUser.endUserReference = endUserReference;
	if (endUserType !== undefined) endUser.endUserType = endUserType;
	const given = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	for (const part of END_USER_PARTS) {
		const value = readPart(ctx, itemIndex, given[part.name], part, part.displayName);
		if (value !== undefined) endUser[part.bodyName] = value;
	}
	for (const part of HEADER_PARTS) {
		const value = readPart(ctx, itemIndex, given[part.name], part, part.displayName);
		if (value !== undefined) header[part.name] = value;
	}
	if (Object.keys(endUser).length > 0) header.endUser = endUser;
	const deliveryDate = readDate(ctx, 'additionalFields.requestedDeliveryDate', 'Requested Delivery Date', itemIndex, false);
	if (deliveryDate !== undefined) header.requestedDeliveryDate = deliveryDate;
	for (const [name, field] of [
		['disallowPartialShipment', 'Disallow Partial Shipment'],
		['shipHardwareComplete', 'Ship Hardware Complete'],
	] as const) {
		if (name in given) header[name] = readBoolean(ctx, `additionalFields.${name}`, field, itemIndex, { fallback: false });
	}
	return header;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const lines = readLines(this, itemIndex);
	const header = readHeader(this, itemIndex);
	const path = readLocation(this, overridePath(this, 'requestLocation'), 'Quote Request Address', itemIndex, QUOTE_REQUEST_PATH);
	const answer = await withLocationHint(
		this,
		itemIndex,
		apiRequest(this, 'POST', path, { body: { header, lines } }, itemIndex),
		'Quote Request Address',
		'/order-management/v2/purchaseorder/request',
	);
	return jsonOutput(answer);
}
