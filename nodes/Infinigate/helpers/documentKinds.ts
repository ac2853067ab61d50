/**
 * Purchase invoices and purchase credit memos are served by the same invoice management API with the
 * same three operations; only the path segment differs. Both resources build their operations from
 * the files in actions/purchaseDocument/ with one of the kinds below, and share the fields here.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromVersion11, onlyInVersion1 } from '../../shared/descriptions';
import { asNodeError } from '../../shared/items';
import { inputError, readBoolean, readText } from '../../shared/validation';
import { DOCUMENT_PATHS } from '../endpoints';
import { DOCUMENT_PAGE_SIZE } from '../guesses';
import { apiRequest, unreadableAnswerError } from '../transport';
import { asWrongAddress, objectAnswer } from './answers';
import type { LocatedDocument } from './documentLocator';
import type { DocumentOutput } from './documents';
import { pageSizeOption } from './guessOptions';

export interface DocumentKind {
	resource: 'purchaseInvoice' | 'purchaseCreditMemo';
	/** `purchaseinvoice` or `purchasecreditmemo`: the `{documentType}` of the paths. */
	segment: string;
	/** "invoice" or "credit memo", for descriptions. */
	noun: string;
	/** How Get names one document from version 1.3 on. */
	locator: LocatedDocument;
}

// The example numbers are in the shape the node's other hints use (VR24-100001); Infinigate publishes no number series, so only
// the shape matters: letters, digits, "-".
export const PURCHASE_INVOICE: DocumentKind = {
	resource: 'purchaseInvoice',
	segment: 'purchaseinvoice',
	noun: 'invoice',
	locator: {
		displayName: 'Purchase Invoice',
		noun: 'purchase invoice',
		searchListMethod: 'searchPurchaseInvoices',
		listScope: 'the invoices of the last 12 months, newest first',
		numberExample: 'VR24-100001',
	},
};

export const PURCHASE_CREDIT_MEMO: DocumentKind = {
	resource: 'purchaseCreditMemo',
	segment: 'purchasecreditmemo',
	noun: 'credit memo',
	locator: {
		displayName: 'Purchase Credit Memo',
		noun: 'purchase credit memo',
		searchListMethod: 'searchPurchaseCreditMemos',
		listScope: 'the credit memos of the last 12 months, newest first',
		numberExample: 'GS24-100001',
	},
};

export const API_VERSIONS = ['v2', 'v1'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

type Show = { resource: string[]; operation: string[] };

export const apiVersionOption: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'options',
	default: 'v2',
	options: [
		{ name: 'V2 (Current)', value: 'v2', description: 'The version current Infinigate clients use' },
		{ name: 'V1 (Guide of 2023)', value: 'v1', description: 'The version of the getting-started guide' },
	],
	description: 'Which version of the invoice management API to call',
};

/** API Version as version 1 has it: a field of its own for every operation; from version 1.1 on it is in Options. */
export function apiVersionField(resource: string): INodeProperties {
	return onlyInVersion1({ ...apiVersionOption, displayOptions: { show: { resource: [resource] } } });
}

/** The version of the invoice management API to call, from where the node's version keeps it. */
export function readApiVersion(ctx: IExecuteFunctions, itemIndex: number): ApiVersion {
	const parameter = ctx.getNode().typeVersion >= 1.1 ? 'options.apiVersion' : 'apiVersion';
	const value = readText(ctx, parameter, 'API Version', itemIndex) ?? 'v2';
	if (!API_VERSIONS.includes(value as ApiVersion)) {
		throw inputError(ctx, itemIndex, 'API Version', `must be v2 or v1; got "${value}"`);
	}
	return value as ApiVersion;
}

/** The output shapes; an overview entry only where a list is asked for. */
function outputChoice(kind: DocumentKind, withOverview: boolean, mspInfosAsFields = false): INodeProperties {
	const shapes = [
		{
			name: 'Document as Returned',
			value: 'document',
			description: `One item per ${kind.noun} with its header, lines and MSP details`,
		},
		{
			name: 'One Item per Line',
			value: 'lines',
			description: `One item per ${kind.noun} line, starting with the document number and date`,
		},
		{
			name: 'One Item per MSP Usage Entry',
			value: 'mspDetails',
			description: mspInfosAsFields
				? 'One item per entry of mspDetailInformation (one per end customer and product), with the document number, date and currency, and the additionalInfos pairs as fields: clientName, ObjectName, vendorContractNumber, periodStart and periodEnd as ISO dates, … as production names them'
				: 'One item per entry of mspDetailInformation, with the document number, date and currency on each',
		},
	];
	const overviewShape = {
		name: 'Overview Entry as Returned',
		value: 'overview',
		description: `One item per ${kind.noun} as the list returns it, without lines (one request per page)`,
	};
	return withOverview
		? {
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'overview',
				options: [overviewShape, ...shapes],
				description: `Every shape but the overview fetches each ${kind.noun}'s details: one more request per ${kind.noun}`,
			}
		: {
				displayName: 'Output',
				name: 'output',
				type: 'options',
				default: 'document',
				options: shapes,
				description: 'How to shape the output',
			};
}

const includeTextLinesOption: INodeProperties = {
	displayName: 'Include Text Lines',
	name: 'includeTextLines',
	type: 'boolean',
	default: false,
	description: 'Whether to output heading lines (line type "Text", no amount)',
};

/** The Output field, first among the operation's fields from version 1.1 on (version 1 has it in Options). */
export function outputField(show: Show, kind: DocumentKind, withOverview: boolean): INodeProperties {
	return fromVersion11({ ...outputChoice(kind, withOverview, true), noDataExpression: true, displayOptions: { show } });
}

/**
 * The operation's Options. From version 1.1 on: API Version, and Include Text Lines only for the line
 * output. Version 1 kept Output and Include Text Lines there, and API Version as a field of its own.
 */
export function documentOptions(show: Show, kind: DocumentKind, isList: boolean): INodeProperties[] {
	const pageSize = isList ? [pageSizeOption(DOCUMENT_PAGE_SIZE, 'documents')] : [];
	const collection = (options: INodeProperties[]): INodeProperties => ({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options,
	});
	return [
		fromVersion11(
			collection([
				apiVersionOption,
				{ ...includeTextLinesOption, displayOptions: { show: { '/output': ['lines'] } } },
				...pageSize,
			]),
		),
		onlyInVersion1(
			collection([
				outputChoice(kind, isList),
				{ ...includeTextLinesOption, description: `${includeTextLinesOption.description} when One Item per Line is chosen` },
				...pageSize,
			]),
		),
	];
}

export function readOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fallback: string,
): { output: DocumentOutput | 'overview'; includeTextLines: boolean; mspInfosAsFields: boolean } {
	const parameter = ctx.getNode().typeVersion >= 1.1 ? 'output' : 'options.output';
	const output = readText(ctx, parameter, 'Output', itemIndex) ?? fallback;
	const allowed = fallback === 'overview' ? ['overview', 'document', 'lines', 'mspDetails'] : ['document', 'lines', 'mspDetails'];
	if (!allowed.includes(output)) throw inputError(ctx, itemIndex, 'Output', `must be one of ${allowed.join(', ')}; got "${output}"`);
	return {
		output: output as DocumentOutput | 'overview',
		includeTextLines: readBoolean(ctx, 'options.includeTextLines', 'Include Text Lines', itemIndex, { fallback: false }),
		mspInfosAsFields: ctx.getNode().typeVersion >= 1.1,
	};
}

/**
 * The gateway's "Resource not found" on an invoice or credit-memo path names API Version: the
 * guide's v1 and current clients' v2 are both served somewhere, and the other one is the likeliest
 * correction.
 */
export function withApiVersionAdvice(ctx: IExecuteFunctions, error: unknown, version: ApiVersion): unknown {
	const field = ctx.getNode().typeVersion >= 1.1 ? 'Options → API Version' : 'API Version';
	const other = version === 'v2' ? 'v1' : 'v2';
	return asWrongAddress(error, field, `Your account serves nothing at the ${version} address: set ${field} to ${other.toUpperCase()}.`);
}

/**
 * One invoice or credit memo, read strictly: a JSON object, with a list of lines when its lines
 * are to be output and a list (or nothing) as its MSP usage. An answer without them is an error,
 * never an item without lines.
 */
export async function fetchDocument(
	ctx: IExecuteFunctions,
	itemIndex: number,
	kind: DocumentKind,
	version: ApiVersion,
	by: { documentGuid: string } | { documentNumber: string },
	output: string,
): Promise<IDataObject> {
	const path = 'documentGuid' in by ? DOCUMENT_PATHS[version].byGuid : DOCUMENT_PATHS[version].byNumber;
	let body: unknown;
	try {
		body = await apiRequest(ctx, 'GET', path, { pathParams: { documentType: kind.segment, ...by } }, itemIndex);
	} catch (error) {
		throw asNodeError(ctx, withApiVersionAdvice(ctx, error, version), itemIndex);
	}
	const what = `${kind.noun} ${'documentGuid' in by ? by.documentGuid : by.documentNumber}`;
	const document = await objectAnswer(ctx, itemIndex, body, what);
	if (output === 'lines' && !Array.isArray(document.lines)) {
		throw await unreadableAnswerError(ctx, itemIndex, body, `${what} without a list of lines`, 'a document with lines: [...]');
	}
	const msp = document.mspDetailInformation;
	if (output === 'mspDetails' && msp !== undefined && msp !== null && !Array.isArray(msp)) {
		throw await unreadableAnswerError(ctx, itemIndex, body, `${what} with MSP usage that is not a list`, 'mspDetailInformation: [...]');
	}
	return document;
}
