import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromActions, withApiOverrides } from '../shared/descriptions';
import { resources, router } from './actions/router';
import { API_OVERRIDE_FIELDS } from './apiOverrides';
import { searchSales } from './methods/listSearch';

const operationFields: INodeProperties[] = [
	...resources.sale.description,
	...resources.item.description,
	...resources.account.description,
];

export class Collabor8Loop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collabor8 Loop',
		name: 'collabor8Loop',
		icon: { light: 'file:collabor8Loop.svg', dark: 'file:collabor8Loop.dark.svg' },
		group: ['transform'],
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		// The chosen operation's action name: one source for the action list and the subtitle.
		subtitle: subtitleFromActions(operationFields),
		description: 'Import items and export or update sales in Collabor8 Loop, the marketplace for surplus equipment',
		defaults: { name: 'Collabor8 Loop' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'collabor8LoopApi', required: true }],
		properties: withApiOverrides([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account', description: 'Check Setup: which guessed addresses and fields hold on your account, read-only' },
					{ name: 'Item', value: 'item', description: 'Equipment a seller offers' },
					{ name: 'Sale', value: 'sale', description: 'Sales data that brokers export and update' },
				],
				default: 'sale',
			},
			...operationFields,
		], Object.keys(API_OVERRIDE_FIELDS)),
	};

	methods = { listSearch: { searchSales } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
