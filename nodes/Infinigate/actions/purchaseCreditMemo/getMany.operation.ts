import { getMany } from '../documents/getMany';
import { PURCHASE_CREDIT_MEMO } from './kind';

export const { description, execute } = getMany(PURCHASE_CREDIT_MEMO);
