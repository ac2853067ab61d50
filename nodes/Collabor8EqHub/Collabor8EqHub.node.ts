import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromActions, withApiOverrides } from '../shared/descriptions';
import { resources, router } from './actions/router';
import { API_OVERRIDE_FIELDS } from './apiOverrides';

const operationFields: INodeProperties[] = [
	...resources.product.description,
	...resources.account.description,
];

export class Collabor8EqHub implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collabor8 EqHub',
		name: 'collabor8EqHub',
		icon: { light: 'file:collabor8EqHub.svg', dark: 'file:collabor8EqHub.dark.svg' },
		group: ['transform'],
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		// The chosen operation's action name: one source for the action list and the subtitle.
		subtitle: subtitleFromActions(operationFields),
		description: 'Read equipment product data and images from Collabor8 EqHub',
		defaults: { name: 'Collabor8 EqHub' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'collabor8EqHubApi', required: true }],
		properties: withApiOverrides([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account', description: 'Check Setup: which guessed addresses and fields hold on your account, read-only' },
					{ name: 'Product', value: 'product', description: 'Equipment product data' },
				],
				default: 'product',
			},
			...operationFields,
		], Object.keys(API_OVERRIDE_FIELDS)),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
