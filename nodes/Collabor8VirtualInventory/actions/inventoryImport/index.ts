import type { INodeProperties } from 'n8n-workflow';

import * as getStatus from './getStatus.operation';
import * as upload from './upload.operation';

export const operations = { getStatus, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventoryImport'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the inventory import status',
				description:
					'Whether an import is allowed right now (isImportAllowed): false while someone of your company imports from the web page, or an API import is still active',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload an inventory import file',
				description: 'Check that an import is allowed, then upload the import file',
			},
		],
		default: 'getStatus',
	},
	...getStatus.description,
	...upload.description,
];
