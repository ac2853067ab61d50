/**
 * Accepting and rejecting a quote: both name the quote by number and revision, so that a decision
 * taken on an old revision is refused by the service instead of applying to a changed quote.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, requiredString } from '../../shared/validation';

export function quoteReferenceFields(operation: string): INodeProperties[] {
	const show = { resource: ['purchaseQuote'], operation: [operation] };
	return [
		{
			displayName: 'Document Number',
			name: 'documentNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. AN24-000042',
			description: 'The number of the quote',
			displayOptions: { show },
		},
		{
			displayName: 'Document Revision',
			name: 'documentRevision',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			required: true,
			description: 'The revision of the quote the decision is about, as Get returns it (documentRevision)',
			hint: 'The service refuses a decision on a revision that is no longer current',
			displayOptions: { show },
		},
	];
}

export function readQuoteReference(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const documentNumber = requiredString(ctx, 'documentNumber', 'Document Number', itemIndex);
	const revision = Number(ctx.getNodeParameter('documentRevision', itemIndex, 0));
	if (!Number.isInteger(revision) || revision < 0) {
		throw inputError(ctx, itemIndex, 'Document Revision', `must be a whole number of at least 0; got "${String(revision)}"`);
	}
	return { documentNumber, documentRevision: revision };
}

/** The service's answer if it gave one, else a summary of what was decided. */
export function decisionResult(body: unknown, reference: IDataObject, decision: string): IDataObject {
	if (body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length > 0) {
		return body as IDataObject;
	}
	return { ...reference, decision, success: true };
}
