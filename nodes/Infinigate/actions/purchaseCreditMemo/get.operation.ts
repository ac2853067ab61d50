import { getByGuid } from '../documents/get';
import { PURCHASE_CREDIT_MEMO } from './kind';

export const { description, execute } = getByGuid(PURCHASE_CREDIT_MEMO);
