import type { INodeProperties } from 'n8n-workflow';

import { checkSetupOperationOption } from '../../../shared/checkSetup';
import * as checkSetup from './checkSetup.operation';

export const operations = { checkSetup };

export const description: INodeProperties[] = [checkSetupOperationOption('account'), ...checkSetup.description];
