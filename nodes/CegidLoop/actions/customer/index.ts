import type { INodeProperties } from 'n8n-workflow';

import { operationField } from '../../helpers/dataReads';
import * as getMany from './getMany.operation';
import { customer } from './resource';

export const operations = { getMany };

export const description: INodeProperties[] = [operationField(customer), ...getMany.description];
