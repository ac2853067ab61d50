import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export const operations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['folder'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many folders',
				description: 'List the client folders linked to the application key (LoopHub)',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
