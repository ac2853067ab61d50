/**
 * The reference filters every Infinigate document list takes (purchase invoices, credit memos and
 * quotes): Buyer Reference and External Document Number, as the description and as query values.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readText } from '../../shared/validation';

export function referenceFilters(
	show: { resource: string[]; operation: string[] },
	noun: string,
	examples: { buyerReference: string; externalDocumentNumber: string },
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Buyer Reference',
				name: 'buyerReference',
				type: 'string',
				default: '',
				placeholder: `e.g. ${examples.buyerReference}`,
				description: `Only ${noun} with this buyer reference (your order reference)`,
			},
			{
				displayName: 'External Document Number',
				name: 'externalDocumentNumber',
				type: 'string',
				default: '',
				placeholder: `e.g. ${examples.externalDocumentNumber}`,
				description: `Only ${noun} with this external document number`,
			},
		],
	};
}

/** The filters as the list's query values (unset ones stay out of the request). */
export function readReferenceFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { BuyerReference: string | undefined; ExternalDocumentNumber: string | undefined } {
	return {
		BuyerReference: readText(ctx, 'filters.buyerReference', 'Buyer Reference', itemIndex, { maxLength: 200 }),
		ExternalDocumentNumber: readText(ctx, 'filters.externalDocumentNumber', 'External Document Number', itemIndex, {
			maxLength: 200,
		}),
	};
}
