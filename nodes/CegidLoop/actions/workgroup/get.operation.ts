import { getDescription, getExecute } from '../../helpers/dataReads';
import { workgroup } from './resource';

export const description = getDescription(workgroup);

export const execute = getExecute(workgroup);
