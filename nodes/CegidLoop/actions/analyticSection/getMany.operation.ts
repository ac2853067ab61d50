import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { analyticSection } from './resource';

export const description = getManyDescription(analyticSection);

export const execute = getManyExecute(analyticSection);
