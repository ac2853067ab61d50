import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { staff } from './resource';

export const description = getManyDescription(staff);

export const execute = getManyExecute(staff);
