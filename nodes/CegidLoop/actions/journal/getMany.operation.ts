import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { journal } from './resource';

export const description = getManyDescription(journal);

export const execute = getManyExecute(journal);
