import type { INodeProperties } from 'n8n-workflow';

import { operationFieldsWithOneGet } from '../../helpers/documentLocator';
import * as accept from './accept.operation';
import * as get from './get.operation';
import * as getByDocumentNumber from './getByDocumentNumber.operation';
import * as getMany from './getMany.operation';
import * as reject from './reject.operation';
import * as request from './request.operation';

export const operations = { getMany, get, getByDocumentNumber, accept, reject, request };

export const description: INodeProperties[] = [
	// Version 1.3 offers one Get, by number or GUID; versions 1 to 1.2 keep Get by Document Number beside it.
	...operationFieldsWithOneGet('purchaseQuote', 'purchase quote', [
		{ name: 'Accept', value: 'accept', description: 'Accept a purchase quote', action: 'Accept a purchase quote' },
		{ name: 'Get Many', value: 'getMany', description: 'List purchase quotes', action: 'Get many purchase quotes' },
		{ name: 'Reject', value: 'reject', description: 'Reject a purchase quote', action: 'Reject a purchase quote' },
		{ name: 'Request', value: 'request', description: 'Ask Infinigate for a purchase quote', action: 'Request a purchase quote' },
	]),
	...getMany.description,
	...get.description,
	...getByDocumentNumber.description,
	...accept.description,
	...reject.description,
	...request.description,
];
