import type { INodeProperties } from 'n8n-workflow';

import { operationField } from '../../helpers/dataReads';
import * as getMany from './getMany.operation';
import { ledgerAccount } from './resource';

export const operations = { getMany };

export const description: INodeProperties[] = [operationField(ledgerAccount), ...getMany.description];
