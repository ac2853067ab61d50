/**
 * "Simplify", for users who feed product data into a spreadsheet. A product-details document is
 * deeply nested (`data.data.partNumber`, `data.properties[].data.numericalValue`, …) and each
 * property sits in a list; a spreadsheet wants one row per product and one column per field.
 *
 * The simplified product is one flat object: the product's main fields, then one field per
 * property, named after the property with its unit in brackets: `"Length (mm)": 12`. Numbers stay
 * numbers, so that a spreadsheet can sort and sum the column, and the unit sits in the column
 * header, where a spreadsheet user looks for it. A range becomes text: `"10 – 20"`.
 */
import type { IDataObject } from 'n8n-workflow';

import { UNIT_SYMBOL_KEYS } from '../guesses';

type Cell = string | number | boolean | null;

/** The product's own fields, in the order a spreadsheet shows them; all other detail is left out. */
const MAIN_FIELDS = [
	'eqhubProductId',
	'eqhubProductVersion',
	'manufacturerId',
	'manufacturerName',
	'partNumber',
	'partNumberAliases',
	'modelNumber',
	'gtinNumber',
	'description',
	'isLastVersion',
] as const;

const SINGLE_VALUE_KEYS = ['numericalValue', 'textValue', 'booleanValue', 'dateValue', 'value'];
const LOWER_VALUE_KEYS = ['numericalValueLower', 'textValueLower', 'lowerValue'];
const UPPER_VALUE_KEYS = ['numericalValueUpper', 'textValueUpper', 'upperValue'];

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function firstPresent(data: IDataObject, keys: string[]): unknown {
	for (const key of keys) {
		const value = data[key];
		if (value !== undefined && value !== null && value !== '') return value;
	}
	return undefined;
}

/** Scalars stay as they are; a list of scalars becomes "a, b"; anything deeper is left out. */
function toCell(value: unknown): Cell | undefined {
	if (value === null) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (Array.isArray(value) && value.every((entry) => ['string', 'number', 'boolean'].includes(typeof entry))) {
		return value.join(', ');
	}
	return undefined;
}

export function unitOf(uomData: unknown): string | undefined {
	if (typeof uomData === 'string') return uomData.trim() || undefined;
	if (!isObject(uomData)) return undefined;
	const symbol = firstPresent(uomData, UNIT_SYMBOL_KEYS);
	return typeof symbol === 'string' && symbol.trim() !== '' ? symbol.trim() : undefined;
}

export function propertyValue(data: IDataObject): Cell {
	const single = firstPresent(data, SINGLE_VALUE_KEYS);
	if (single !== undefined) return toCell(single) ?? JSON.stringify(single);
	const lower = toCell(firstPresent(data, LOWER_VALUE_KEYS));
	const upper = toCell(firstPresent(data, UPPER_VALUE_KEYS));
	if (lower !== undefined || upper !== undefined) return `${lower ?? ''} – ${upper ?? ''}`.trim();
	return null;
}

function mainImageUrl(images: unknown): string | undefined {
	if (!Array.isArray(images)) return undefined;
	const list = images.filter(isObject);
	const main = list.find((image) => image.isMain === true) ?? list[0];
	return typeof main?.url === 'string' ? main.url : undefined;
}

/** The parts of a product-details document, wherever the envelope puts them. */
export function productParts(document: IDataObject): { record: IDataObject; info: IDataObject; properties: IDataObject[] } {
	const record = isObject(document.data) ? document.data : document;
	const info = isObject(record.data) ? record.data : record;
	const list = Array.isArray(record.properties) ? record.properties : Array.isArray(document.properties) ? document.properties : [];
	return { record, info, properties: list.filter(isObject) };
}

export function simplifyProduct(document: IDataObject): IDataObject {
	const { record, info, properties } = productParts(document);
	const simple: IDataObject = {};
	if (document.id !== undefined) simple.id = toCell(document.id) ?? null;
	for (const field of MAIN_FIELDS) {
		const cell = toCell(info[field]);
		if (cell !== undefined) simple[field] = cell;
	}
	for (const field of ['status', 'type', 'productRevisionWebUrl']) {
		const cell = toCell(record[field]);
		if (cell !== undefined) simple[field] = cell;
	}
	const image = mainImageUrl(info.images);
	if (image) simple.mainImageUrl = image;

	const mainKeys = new Set(Object.keys(simple));
	for (const property of properties) {
		const data = isObject(property.data) ? property.data : property;
		const requirement = isObject(property.propertyRequirement) ? property.propertyRequirement : {};
		const name = String(data.name ?? requirement.name ?? '').trim();
		if (name === '') continue;
		const unit = unitOf(data.uomData ?? requirement.uomData);
		let key = unit ? `${name} (${unit})` : name;
		// A property never overwrites one of the product's own fields.
		if (mainKeys.has(key)) key = `${key} (property)`;
		const value = propertyValue(data);
		if (key in simple && simple[key] !== null && value !== null) {
			// The same property twice (e.g. several values): keep all of them in one cell.
			simple[key] = `${String(simple[key])}; ${String(value)}`;
		} else if (!(key in simple) || value !== null) {
			simple[key] = value;
		}
	}
	return simple;
}
