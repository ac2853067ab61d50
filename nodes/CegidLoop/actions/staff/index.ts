import type { INodeProperties } from 'n8n-workflow';

import { operationField } from '../../helpers/dataReads';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import { staff } from './resource';

export const operations = { get, getMany };

export const description: INodeProperties[] = [operationField(staff), ...get.description, ...getMany.description];
