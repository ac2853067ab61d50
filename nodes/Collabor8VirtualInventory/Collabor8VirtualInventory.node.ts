import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromActions } from '../shared/descriptions';
import { resources, router } from './actions/router';

const operationFields: INodeProperties[] = [
	...resources.inventoryImport.description,
	...resources.account.description,
];

export class Collabor8VirtualInventory implements INodeType {
	// The subtitle is built from the action names (subtitleFromActions); the rule sees only a written one.
	// eslint-disable-next-line n8n-nodes-base/node-class-description-missing-subtitle
	description: INodeTypeDescription = {
		displayName: 'Collabor8 Virtual Inventory',
		name: 'collabor8VirtualInventory',
		icon: { light: 'file:collabor8VirtualInventory.svg', dark: 'file:collabor8VirtualInventory.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		// The chosen operation's action name: one source for the action list and the subtitle.
		subtitle: subtitleFromActions(operationFields),
		description: "Keep your company's equipment inventory in Collabor8 Virtual Inventory in sync",
		defaults: { name: 'Collabor8 Virtual Inventory' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'collabor8VirtualInventoryApi', required: true }],
		properties: [
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
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
