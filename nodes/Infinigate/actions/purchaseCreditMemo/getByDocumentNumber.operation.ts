import { getByNumber } from '../documents/get';
import { PURCHASE_CREDIT_MEMO } from './kind';

export const { description, execute } = getByNumber(PURCHASE_CREDIT_MEMO);
