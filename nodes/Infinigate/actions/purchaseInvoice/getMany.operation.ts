import { getMany } from '../documents/getMany';
import { PURCHASE_INVOICE } from './kind';

export const { description, execute } = getMany(PURCHASE_INVOICE);
