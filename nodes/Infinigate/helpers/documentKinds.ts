/**
 * Purchase invoices and purchase credit memos are served by the same invoice management API with the
 * same three operations; only the path segment differs. Both resources build their operations from
 * the files in actions/purchaseDocument/ with one of the kinds below, and share the fields here.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, readBoolean, readText } from '../../shared/validation';
import { DOCUMENT_PAGE_SIZE } from '../guesses';
import type { DocumentOutput } from './documents';
import { pageSizeOption } from './guessOptions';

export interface DocumentKind {
	resource: 'purchaseInvoice' | 'purchaseCreditMemo';
	/** `purchaseinvoice` or `purchasecreditmemo`: the `{documentType}` of the paths. */
	segment: string;
	/** "invoice" or "credit memo", for descriptions. */
	noun: string;
}

export const PURCHASE_INVOICE: DocumentKind = { resource: 'purchaseInvoice', segment: 'purchaseinvoice', noun: 'invoice' };

export const PURCHASE_CREDIT_MEMO: DocumentKind = { resource: 'purchaseCreditMemo', segment: 'purchasecreditmemo', noun: 'credit memo' };

export const API_VERSIONS = ['v2', 'v1'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

type Show = { resource: string[]; operation: string[] };

/**
 * Where API Version was before it moved into Options: kept as a hidden field, so that a workflow
 * saved with it there keeps its choice (n8n drops saved values that no field describes).
 */
export function legacyApiVersionField(resource: string): INodeProperties {
	return {
		displayName: 'API Version (Earlier Place)',
		name: 'apiVersion',
		type: 'hidden',
		default: '',
		displayOptions: { show: { resource: [resource] } },
	};
}

/** API Version lives in Options; workflows saved with it at the top level keep their choice. */
export function readApiVersion(ctx: IExecuteFunctions, itemIndex: number): ApiVersion {
	const legacy = readText(ctx, 'apiVersion', 'API Version', itemIndex);
	const value = legacy ?? readText(ctx, 'options.apiVersion', 'API Version', itemIndex) ?? 'v2';
	if (!API_VERSIONS.includes(value as ApiVersion)) {
		throw inputError(ctx, itemIndex, 'API Version', `must be v2 or v1; got "${value}"`);
	}
	return value as ApiVersion;
}

const apiVersionOption: INodeProperties = {
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

/** The Output field, first among the operation's fields. */
export function outputField(show: Show, kind: DocumentKind, withOverview: boolean): INodeProperties {
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
			description: 'One item per entry of mspDetailInformation, with the document number, date and currency on each',
		},
	];
	const overviewShape = {
		name: 'Overview Entry as Returned',
		value: 'overview',
		description: `One item per ${kind.noun} as the list returns it, without lines (one request per page)`,
	};
	if (withOverview) {
		return {
			displayName: 'Output',
			name: 'output',
			type: 'options',
			noDataExpression: true,
			default: 'overview',
			options: [overviewShape, ...shapes],
			description: `Every shape but the overview fetches each ${kind.noun}'s details: one more request per ${kind.noun}`,
			displayOptions: { show },
		};
	}
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		noDataExpression: true,
		default: 'document',
		options: shapes,
		description: 'How to shape the output',
		displayOptions: { show },
	};
}

export function documentOptions(show: Show, withPageSize: boolean): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			apiVersionOption,
			{
				displayName: 'Include Text Lines',
				name: 'includeTextLines',
				type: 'boolean',
				default: false,
				description: 'Whether to output heading lines (line type "Text", no amount)',
				displayOptions: { show: { '/output': ['lines'] } },
			},
			...(withPageSize ? [pageSizeOption(DOCUMENT_PAGE_SIZE, 'documents')] : []),
		],
	};
}

export function readOutput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fallback: string,
): { output: DocumentOutput | 'overview'; includeTextLines: boolean } {
	const output = readText(ctx, 'output', 'Output', itemIndex) ?? fallback;
	const allowed = fallback === 'overview' ? ['overview', 'document', 'lines', 'mspDetails'] : ['document', 'lines', 'mspDetails'];
	if (!allowed.includes(output)) throw inputError(ctx, itemIndex, 'Output', `must be one of ${allowed.join(', ')}; got "${output}"`);
	return {
		output: output as DocumentOutput | 'overview',
		includeTextLines: readBoolean(ctx, 'options.includeTextLines', 'Include Text Lines', itemIndex, { fallback: false }),
	};
}
