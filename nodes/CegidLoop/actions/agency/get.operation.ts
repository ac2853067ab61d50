import { getDescription, getExecute } from '../../helpers/dataReads';
import { agency } from './resource';

export const description = getDescription(agency);

export const execute = getExecute(agency);
