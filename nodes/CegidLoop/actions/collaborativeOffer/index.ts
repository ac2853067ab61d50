import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as remove from './remove.operation';

export const operations = { add, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['collaborativeOffer'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a collaborative offer to a folder',
				description: 'Add a collaborative offer (Start, Co-production, Consultation) to a client folder',
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove a collaborative offer from a folder',
				description: 'Remove a collaborative offer from a client folder',
			},
		],
		default: 'add',
	},
	...add.description,
	...remove.description,
];
