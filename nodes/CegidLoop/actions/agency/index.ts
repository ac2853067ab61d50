import type { INodeProperties } from 'n8n-workflow';

import { operationField } from '../../helpers/dataReads';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import { agency } from './resource';

export const operations = { get, getMany };

export const description: INodeProperties[] = [operationField(agency), ...get.description, ...getMany.description];
