import type { INodeProperties } from 'n8n-workflow';

import * as provision from './provision.operation';

export const operations = { provision };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{
				name: 'Provision',
				value: 'provision',
				action: 'Provision a company',
				description: "Set up a client folder's SQL database and document store (GED)",
			},
		],
		default: 'provision',
	},
	...provision.description,
];
