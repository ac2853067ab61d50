/**
 * The parts of a quote request beyond lines and plain header fields, as public client code sends
 * them (the public n8n node for Infinigate, affeldt28/n8n-nodes-infinigate,
 * nodes/Infinigate/descriptions/purchaseQuote/request.operation.ts): the header's `contact`,
 * `endUser` (`company`, `contact`), `sellTo`/`billTo`/`shipTo` addresses, and on each line
 * `manufacturerAdditionalInfo` (period, serial numbers, license ID: what a renewal needs) with the
 * vendor blocks `barracuda`, `hp` and `sonicWall`. Field names are that code's; the editor's labels
 * are ours. Each part is described once here and read by the same function, so that an empty part
 * stays out of the body and a wrong value names its place ("Line 2 → Manufacturer Info → Serial Number").
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkText, describeValue, inputError } from '../../shared/validation';
import { toIsoDate } from './dates';

interface TextField {
	name: string;
	displayName: string;
	description?: string;
	placeholder?: string;
}

interface Part {
	name: string;
	displayName: string;
	description: string;
	texts: readonly TextField[];
	dates?: readonly TextField[];
	parts?: readonly Part[];
}

const CONTACT: readonly TextField[] = [
	{ name: 'name', displayName: 'Name', placeholder: 'e.g. Nathan Smith' },
	{ name: 'eMail', displayName: 'Email', placeholder: 'e.g. nathan@example.com' },
	{ name: 'phoneNumber', displayName: 'Phone Number' },
	{ name: 'fax', displayName: 'Fax' },
];

const ADDRESS: readonly TextField[] = [
	{ name: 'name', displayName: 'Company Name' },
	{ name: 'street', displayName: 'Street' },
	{ name: 'additionalAddressInfo', displayName: 'Additional Address Info', description: 'A second address line' },
	{ name: 'postalCode', displayName: 'Postal Code' },
	{ name: 'city', displayName: 'City' },
	{ name: 'countryCode', displayName: 'Country Code', placeholder: 'e.g. DE' },
	{ name: 'countryName', displayName: 'Country Name', placeholder: 'e.g. Germany' },
];

const address = (name: string, displayName: string, description: string): Part => ({ name, displayName, description, texts: ADDRESS });

/** The header parts, each its own entry of Additional Fields. */
export const HEADER_PARTS: readonly Part[] = [
	{ name: 'contact', displayName: 'Contact', description: 'Who at your company Infinigate contacts about this quote', texts: CONTACT },
	address('sellTo', 'Sell To', 'The company the goods are sold to'),
	address('billTo', 'Bill To', 'The company the invoice goes to'),
	address('shipTo', 'Ship To', 'Where the goods are delivered'),
];

/**
 * The end customer's company and contact, sent inside `endUser` (as `company` and `contact`) beside
 * End User Reference and Type; named apart in the editor, where the header's Contact is a neighbour.
 */
export const END_USER_PARTS: readonly (Part & { bodyName: string })[] = [
	{ ...address('endUserCompany', 'End User Company', "The end customer's company and address"), bodyName: 'company' },
	{ name: 'endUserContact', displayName: 'End User Contact', description: "The end customer's contact person", texts: CONTACT, bodyName: 'contact' },
];

/** A line's `manufacturerAdditionalInfo`: what a renewal or a vendor program needs. */
export const MANUFACTURER_INFO: Part = {
	name: 'manufacturerAdditionalInfo',
	displayName: 'Manufacturer Info',
	description: 'What the manufacturer needs for this line, e.g. to renew a license: its period, serial numbers, license ID, vendor program details',
	dates: [
		{ name: 'periodStart', displayName: 'Period Start', description: 'First day of the license or service period' },
		{ name: 'periodEnd', displayName: 'Period End', description: 'Last day of the license or service period' },
	],
	texts: [
		{ name: 'serialNumber', displayName: 'Serial Number' },
		{ name: 'previousSerialNumber', displayName: 'Previous Serial Number', description: 'The serial number of the product being renewed or replaced' },
		{ name: 'licenseId', displayName: 'License ID', description: 'The ID of the license being renewed' },
	],
	parts: [
		{
			name: 'barracuda',
			displayName: 'Barracuda',
			description: 'Barracuda partner program details',
			texts: [
				{ name: 'partnerStatus', displayName: 'Partner Status' },
				{ name: 'commission', displayName: 'Commission' },
				{ name: 'dealRegistrationNumber', displayName: 'Deal Registration Number' },
			],
		},
		{
			name: 'hp',
			displayName: 'HP',
			description: 'HP program details',
			texts: [
				{ name: 'bundleId', displayName: 'Bundle ID' },
				{ name: 'smartQuoteId', displayName: 'Smart Quote ID' },
			],
		},
		{
			name: 'sonicWall',
			displayName: 'SonicWall',
			description: 'SonicWall registration details',
			texts: [{ name: 'friendlyName', displayName: 'Friendly Name', description: 'The name the device is registered under' }],
		},
	],
};

/** A part as an editor field: a collection of its texts, dates and sub-parts. */
export function partField(part: Part): INodeProperties {
	return {
		displayName: part.displayName,
		name: part.name,
		type: 'collection',
		placeholder: `Add ${part.displayName} Field`,
		default: {},
		description: part.description,
		options: [
			...(part.dates ?? []).map((field): INodeProperties => ({ ...field, type: 'dateTime', default: '' })),
			...part.texts.map((field): INodeProperties => ({ ...field, type: 'string', default: '' })),
			...(part.parts ?? []).map(partField),
		],
	};
}

/**
 * A part as it goes into the body: its non-empty values only, or undefined when nothing is set.
 * `where` names the part in errors, e.g. "Line 2 → Manufacturer Info".
 */
export function readPart(ctx: IExecuteFunctions, itemIndex: number, raw: unknown, part: Part, where: string): IDataObject | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw !== 'object' || Array.isArray(raw)) throw inputError(ctx, itemIndex, where, `must be a set of fields; got ${describeValue(raw)}`);
	const values = raw as Record<string, unknown>;
	const known = new Set([...part.texts, ...(part.dates ?? []), ...(part.parts ?? [])].map((field) => field.name));
	const unknown = Object.keys(values).find((name) => !known.has(name));
	if (unknown !== undefined) throw inputError(ctx, itemIndex, where, `has no field "${unknown}"`);
	const result: IDataObject = {};
	for (const field of part.texts) {
		const checked = checkText(values[field.name], { maxLength: 500 });
		if (!checked.ok) throw inputError(ctx, itemIndex, `${where} → ${field.displayName}`, checked.problem);
		if (checked.value !== '') result[field.name] = checked.value;
	}
	for (const field of part.dates ?? []) {
		let date: string | undefined;
		try {
			date = toIsoDate(values[field.name], ctx.getTimezone());
		} catch (error) {
			throw inputError(ctx, itemIndex, `${where} → ${field.displayName}`, (error as Error).message);
		}
		if (date !== undefined) result[field.name] = date;
	}
	for (const sub of part.parts ?? []) {
		const value = readPart(ctx, itemIndex, values[sub.name], sub, `${where} → ${sub.displayName}`);
		if (value !== undefined) result[sub.name] = value;
	}
	return Object.keys(result).length > 0 ? result : undefined;
}
