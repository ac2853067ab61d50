/** Fields several Loop operations share, and how they are read. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readIdentifier } from '../../shared/collabor8GatewayService';
import { textInVersion1 } from '../../shared/descriptions';

/** Sale ID, picked from the sales list or typed; plain text in version 1, whose workflows keep it. */
export function saleIdFields(hint: string): INodeProperties[] {
	return textInVersion1({
		displayName: 'Sale ID',
		name: 'saleId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The sale in Loop',
		hint,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a sale…',
				typeOptions: { searchListMethod: 'searchSales', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. sale-0004',
			},
		],
	});
}

/** The Sale ID of an item, as one step of an address: not empty, not only dots. */
export function readSaleId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readIdentifier(ctx, itemIndex, 'saleId', 'Sale ID', { extractValue: true });
}

/** How to fill Sale ID: the same hint in every sale operation. */
export const SALE_ID_HINT = 'Pick a sale from the list, or give its ID in Loop';
