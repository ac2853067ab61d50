/** Fields several Loop operations share. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredString } from '../../shared/validation';

export const saleIdField: INodeProperties = {
	displayName: 'Sale ID',
	name: 'saleId',
	type: 'string',
	required: true,
	default: '',
	description: 'The ID of the sale in Loop',
};

export function guessNotice(what: string): INodeProperties {
	return {
		displayName: `${what}: a best guess (only the sales list is public). If this fails, see the README.`,
		name: 'loopGuessNotice',
		type: 'notice',
		default: '',
	};
}

export function readSaleId(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'saleId', 'Sale ID', itemIndex);
}
