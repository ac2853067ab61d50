import { getManyDescription, getManyExecute } from '../../helpers/dataReads';
import { ledgerAccount } from './resource';

export const description = getManyDescription(ledgerAccount);

export const execute = getManyExecute(ledgerAccount);
