/**
 * Purchase invoices and purchase credit memos are served by the same invoice management API with the
 * same three operations; only the path segment differs. Both resources build their operations from
 * the files in actions/purchaseDocument/ with one of the kinds below.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DocumentOutput } from './documents';

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

export function readApiVersion(ctx: IExecuteFunctions, itemIndex: number): ApiVersion {
	return ctx.getNodeParameter('apiVersion', itemIndex, 'v2') === 'v1' ? 'v1' : 'v2';
}

export function apiVersionField(resource: string): INodeProperties {
	return {
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		default: 'v2',
		options: [
			{ name: 'V2 (Current)', value: 'v2', description: 'The version current Infinigate clients use' },
			{ name: 'V1 (Guide of 2023)', value: 'v1', description: 'The version of the getting-started guide' },
		],
		description: 'Which version of the invoice management API to call',
		displayOptions: { show: { resource: [resource] } },
	};
}

export function outputOptions(
	show: { resource: string[]; operation: string[] },
	kind: DocumentKind,
	withOverview: boolean,
): INodeProperties {
	const shapes = [
		{
			name: 'Document as Returned',
			value: 'document',
			description: `One item per ${kind.noun} with its header, lines and MSP details`,
		},
		{
			name: 'One Item per Line',
			value: 'lines',
			description: `One item per ${kind.noun} line, with the document number, date and currency on each`,
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
	const output: INodeProperties = withOverview
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
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			output,
			{
				displayName: 'Include Text Lines',
				name: 'includeTextLines',
				type: 'boolean',
				default: false,
				description: 'Whether to output heading lines (line type "Text", no amount) when one item per line is chosen',
			},
		],
	};
}

export function readOutput(ctx: IExecuteFunctions, itemIndex: number, fallback: string): { output: DocumentOutput | 'overview'; includeTextLines: boolean } {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as { output?: string; includeTextLines?: boolean };
	return {
		output: (options.output ?? fallback) as DocumentOutput | 'overview',
		includeTextLines: options.includeTextLines === true,
	};
}
