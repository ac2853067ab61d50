import { getByGuid } from '../documents/get';
import { PURCHASE_INVOICE } from './kind';

export const { description, execute } = getByGuid(PURCHASE_INVOICE);
