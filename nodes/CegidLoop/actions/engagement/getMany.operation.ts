import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { engagement } from './resource';

export const description = getManyDescription(engagement);

export const execute = getManyExecute(engagement);
