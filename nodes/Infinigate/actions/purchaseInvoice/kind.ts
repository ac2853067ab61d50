import type { DocumentKind } from '../documents/documentKinds';

export const PURCHASE_INVOICE: DocumentKind = { resource: 'purchaseInvoice', segment: 'purchaseinvoice', noun: 'invoice' };
