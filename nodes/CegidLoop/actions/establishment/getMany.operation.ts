import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { establishment } from './resource';

export const description = getManyDescription(establishment);

export const execute = getManyExecute(establishment);
