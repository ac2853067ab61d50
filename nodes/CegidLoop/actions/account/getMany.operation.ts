import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { account } from './resource';

export const description = getManyDescription(account);

export const execute = getManyExecute(account);
