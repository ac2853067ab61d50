import { getDescription, getExecute } from '../../helpers/dataReads';
import { staff } from './resource';

export const description = getDescription(staff);

export const execute = getExecute(staff);
