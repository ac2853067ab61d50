import type { DocumentKind } from '../documents/documentKinds';

export const PURCHASE_CREDIT_MEMO: DocumentKind = { resource: 'purchaseCreditMemo', segment: 'purchasecreditmemo', noun: 'credit memo' };
