import { getByNumber } from '../documents/get';
import { PURCHASE_INVOICE } from './kind';

export const { description, execute } = getByNumber(PURCHASE_INVOICE);
