import { getDescription, getExecute } from '../../helpers/dataReads';
import { engagement } from './resource';

export const description = getDescription(engagement);

export const execute = getExecute(engagement);
