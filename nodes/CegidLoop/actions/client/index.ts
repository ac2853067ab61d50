import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as removeApplication from './removeApplication.operation';
import * as update from './update.operation';

export const operations = { add, update, removeApplication };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a client contact',
				description: 'Add a contact to a folder, with its client user',
			},
			{
				name: 'Remove Application',
				value: 'removeApplication',
				action: 'Remove the application from a client contact',
				description: "Remove the offer's application from a contact's client user",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a client contact',
				description: 'Change a contact and its client user',
			},
		],
		default: 'add',
	},
	...add.description,
	...update.description,
	...removeApplication.description,
];
