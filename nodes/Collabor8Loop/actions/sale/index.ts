import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as updateStatus from './updateStatus.operation';

export const operations = { getMany, get, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sale'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a sale', description: 'Get one sale by its ID' },
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many sales',
				description: 'Export sales, page by page',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a sale',
				description: "For brokers: change a sale's status",
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...get.description,
	...updateStatus.description,
];
