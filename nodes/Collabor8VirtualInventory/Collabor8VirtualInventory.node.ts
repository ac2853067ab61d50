import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromActions, withApiOverrides } from '../shared/descriptions';
import { resources, router } from './actions/router';
import { API_OVERRIDE_FIELDS } from './apiOverrides';

const operationFields: INodeProperties[] = [
	...resources.inventoryImport.description,
	...resources.account.description,
];

export class Collabor8VirtualInventory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collabor8 Virtual Inventory',
		name: 'collabor8VirtualInventory',
		icon: { light: 'file:collabor8VirtualInventory.svg', dark: 'file:collabor8VirtualInventory.dark.svg' },
		group: ['transform'],
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		// The chosen operation's action name: one source for the action list and the subtitle.
		subtitle: subtitleFromActions(operationFields),
		description: "Keep your company's equipment inventory in Collabor8 Virtual Inventory in sync",
		defaults: { name: 'Collabor8 Virtual Inventory' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'collabor8VirtualInventoryApi', required: true }],
		properties: withApiOverrides([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account', description: 'Check Setup: which guessed addresses and fields hold on your account, read-only' },
					{
						name: 'Inventory Import',
						value: 'inventoryImport',
						description: "Your company's inventory, updated by uploading an import file",
					},
				],
				default: 'inventoryImport',
			},
			...operationFields,
		], Object.keys(API_OVERRIDE_FIELDS)),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
