/**
 * Version 1.3's one Get per document (purchase invoice, credit memo, quote): the document is named
 * by a resource locator with three modes, From List, By Number and By ID, the way n8n's Airtable and
 * Google Sheets nodes name a base or a document, instead of two operations (Get by GUID, Get by
 * Document Number). Versions 1 to 1.2 keep their two operations and fields, so that saved workflows
 * run and look as they did.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { shownToVersions } from '../../shared/descriptions';
import { describeValue, inputError, isEmptyInput } from '../../shared/validation';
import { DOCUMENT_NUMBER_TEXT, GUID_TEXT, documentNumberOf, guidOf, readGuid } from './fields';

/** The first version with one Get per document. */
export const ONE_GET_VERSION = 1.3;

export const UNTIL_VERSION_1_2 = { '@version': [{ _cnd: { lte: 1.2 } }] };

export const FROM_VERSION_1_3 = { '@version': [{ _cnd: { gte: ONE_GET_VERSION } }] };

/** The field, shown to nodes of versions 1 to 1.2. */
export function untilVersion12(field: INodeProperties): INodeProperties {
	return shownToVersions(UNTIL_VERSION_1_2, field);
}

/** The field, shown to nodes of version 1.3 and later. */
export function fromVersion13(field: INodeProperties): INodeProperties {
	return shownToVersions(FROM_VERSION_1_3, field);
}

/**
 * The Operation field of a document resource, in its two shapes: from 1.3 one Get (by number or
 * GUID, through the locator); until 1.2 Get (by GUID) and Get by Document Number. `others` are the
 * resource's other operations, the same in every version.
 */
export function operationFieldsWithOneGet(resource: string, noun: string, others: INodePropertyOptions[]): INodeProperties[] {
	const operationField = (options: INodePropertyOptions[]): INodeProperties => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		default: 'getMany',
		// Alphabetical, as n8n lists operations.
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
	});
	const get = (by: string): INodePropertyOptions => ({ name: 'Get', value: 'get', description: `Get a ${noun} by its ${by}`, action: `Get a ${noun}` });
	const getByDocumentNumber: INodePropertyOptions = {
		name: 'Get by Document Number',
		value: 'getByDocumentNumber',
		description: `Get a ${noun} by its number`,
		action: `Get a ${noun} by document number`,
	};
	return [
		fromVersion13(operationField([get('number or GUID'), ...others])),
		untilVersion12(operationField([get('GUID'), getByDocumentNumber, ...others])),
	];
}

/** How a document is asked for: the two addresses Infinigate serves one document at. */
export type DocumentReference = { documentGuid: string } | { documentNumber: string };

/** The locator's parameter name, the same for the three documents. */
export const DOCUMENT_LOCATOR = 'document';

export interface LocatedDocument {
	/** "Purchase Invoice": the field's name, as the resource is called. */
	displayName: string;
	/** "purchase invoice", in descriptions. */
	noun: string;
	/** The list search of the From List mode. */
	searchListMethod: string;
	/** Where From List draws from, said in its hint: the quote list, the last twelve months of invoices. */
	listScope: string;
	/** A number as Infinigate prints it on this kind of document. */
	numberExample: string;
}

/**
 * The locator, first among Get's fields from version 1.3 on. From List and By Number both hold the
 * document number (the list's entries are numbers, so switching to By Number keeps the pick); By ID
 * holds the GUID the list operations return as documentGuid.
 */
export function documentLocatorField(document: LocatedDocument, show: { resource: string[]; operation: string[] }): INodeProperties {
	return fromVersion13({
		displayName: document.displayName,
		name: DOCUMENT_LOCATOR,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${document.noun} to get: pick it from the list, or give its number or its GUID`,
		displayOptions: { show },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${document.noun}...`,
				hint: `Shows ${document.listScope}; type to filter by number`,
				typeOptions: { searchListMethod: document.searchListMethod, searchable: true },
			},
			{
				displayName: 'By Number',
				name: 'number',
				type: 'string',
				placeholder: `e.g. ${document.numberExample}`,
				hint: `The document number printed on the ${document.noun}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: DOCUMENT_NUMBER_TEXT,
							errorMessage: `Not a document number: letters, digits, ".", "-" and "_", e.g. ${document.numberExample}`,
						},
					},
				],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
				hint: `The ${document.noun}'s GUID, which Get Many returns as documentGuid`,
				validation: [
					{
						type: 'regex',
						properties: { regex: GUID_TEXT, errorMessage: 'Not a GUID: 32 hexadecimal digits, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301' },
					},
				],
			},
		],
	});
}

const MODE_NAMES: Record<string, string> = { list: 'From List', number: 'By Number', id: 'By ID' };

/**
 * The document the locator names, checked like any input: an empty or malformed value fails the item
 * before any request, naming the field, the mode and the item. A plain text instead of a locator (a
 * workflow or tool that sets the whole field) is read by its shape: a GUID by ID, anything else by
 * number.
 */
export function readDocumentLocator(ctx: IExecuteFunctions, itemIndex: number, displayName: string): DocumentReference {
	const raw = ctx.getNodeParameter(DOCUMENT_LOCATOR, itemIndex, '') as unknown;
	let mode: string;
	let value: unknown;
	if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'mode' in raw) {
		const locator = raw as { mode: unknown; value?: unknown };
		if (typeof locator.mode !== 'string' || MODE_NAMES[locator.mode] === undefined) {
			throw inputError(ctx, itemIndex, displayName, `has an unknown mode ${describeValue(locator.mode)}; use From List, By Number or By ID`);
		}
		mode = locator.mode;
		value = locator.value;
	} else if (typeof raw === 'string' || typeof raw === 'number' || isEmptyInput(raw)) {
		value = raw;
		mode = typeof raw === 'string' && new RegExp(`^\\s*${GUID_TEXT}\\s*$`).test(raw) ? 'id' : 'number';
	} else {
		throw inputError(ctx, itemIndex, displayName, `must be a ${displayName.toLowerCase()} from the list, a number or a GUID; got ${describeValue(raw)}`);
	}
	const field = `${displayName} (${MODE_NAMES[mode]})`;
	if (isEmptyInput(value)) throw inputError(ctx, itemIndex, field, 'must not be empty');
	return mode === 'id' ? { documentGuid: guidOf(ctx, value, field, itemIndex) } : { documentNumber: documentNumberOf(ctx, value, field, itemIndex) };
}

/** Get's Document GUID as versions 1 to 1.2 have it, kept so that their saved workflows keep their value. */
export function documentGuidField(noun: string, show: { resource: string[]; operation: string[] }): INodeProperties {
	return untilVersion12({
		displayName: 'Document GUID',
		name: 'documentGuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
		description: `The documentGuid of the ${noun}, as the list returns it`,
		displayOptions: { show },
	});
}

/** The document Get names, by the node's version: its locator from 1.3 on, its Document GUID before. */
export function readGetReference(ctx: IExecuteFunctions, itemIndex: number, document: LocatedDocument): DocumentReference {
	return ctx.getNode().typeVersion >= ONE_GET_VERSION
		? readDocumentLocator(ctx, itemIndex, document.displayName)
		: { documentGuid: readGuid(ctx, 'documentGuid', 'Document GUID', itemIndex) };
}
