import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { customer } from './resource';

export const description = getManyDescription(customer);

export const execute = getManyExecute(customer);
