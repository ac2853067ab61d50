import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { agency } from './resource';

export const description = getManyDescription(agency);

export const execute = getManyExecute(agency);
