import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { workgroup } from './resource';

export const description = getManyDescription(workgroup);

export const execute = getManyExecute(workgroup);
