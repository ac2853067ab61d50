/**
 * Accepting and rejecting a quote: both name the quote by number and revision (public client code
 * sends both), so that a decision is about the revision the user saw. Whether the service refuses
 * a decision on an older revision is not public; the sandbox does.
 *
 * Safe re-runs: when the service refuses a decision, the node reads the quote (a read cannot
 * change anything). If the quote already carries exactly this decision, on this revision, the work
 * is done and the item succeeds with `alreadyDone: true` and the service's message. Anything else
 * still fails.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../shared/items';

import { readBoolean, readWholeNumber } from '../../shared/validation';
import { QUOTE_DECIDED_STATUSES } from '../guesses';
import { answerError, quoteAnswer } from '../../shared/request';
import { apiRequest, infinigateService } from '../transport';
import { readDocumentNumber } from './fields';
import { QUOTES_LOCATION_ALTERNATIVE, quotesLocationOption, withLocationHint } from './guessOptions';
import { quoteNumberFields, quotePath } from './quotes';

export type QuoteDecision = keyof typeof QUOTE_DECIDED_STATUSES;

export function quoteReferenceFields(operation: string): INodeProperties[] {
	const show = { resource: ['purchaseQuote'], operation: [operation] };
	return [
		...quoteNumberFields(show),
		{
			displayName: 'Document Revision',
			name: 'documentRevision',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			required: true,
			description: 'The revision of the quote the decision is about, as Get returns it (documentRevision)',
			hint: 'Use the revision you reviewed; Infinigate may refuse a decision on an older one',
			displayOptions: { show },
		},
	];
}

export function decisionOptions(operation: string, decision: QuoteDecision): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['purchaseQuote'], operation: [operation] } },
		options: [
			{
				displayName: `Succeed If Already ${decision === 'accepted' ? 'Accepted' : 'Rejected'}`,
				name: 'alreadyDoneIsSuccess',
				type: 'boolean',
				default: true,
				description: `Whether a quote that is already ${decision} (same revision) gives a success item with alreadyDone: true instead of an error, so that a workflow can be run again safely`,
			},
			quotesLocationOption,
		],
	};
}

export function readQuoteReference(ctx: IExecuteFunctions, itemIndex: number): { documentNumber: string; documentRevision: number } {
	// Read as a path value: the number also names the quote in the address of the safe re-run check.
	const documentNumber = readDocumentNumber(ctx, 'documentNumber', 'Document Number', itemIndex);
	const documentRevision = readWholeNumber(ctx, 'documentRevision', 'Document Revision', itemIndex, { required: true, min: 0 });
	return { documentNumber, documentRevision };
}

function headerOf(quote: unknown): IDataObject {
	if (quote === null || typeof quote !== 'object' || Array.isArray(quote)) return {};
	const object = quote as IDataObject;
	return object.header !== null && typeof object.header === 'object' && !Array.isArray(object.header)
		? (object.header as IDataObject)
		: object;
}

/** Sends a decision; a refusal that the quote's own state proves moot becomes `alreadyDone`. */
export async function sendDecision(
	ctx: IExecuteFunctions,
	itemIndex: number,
	decision: QuoteDecision,
	body: IDataObject & { documentNumber: string; documentRevision: number },
): Promise<IDataObject> {
	const path = quotePath(ctx, itemIndex, decision === 'accepted' ? 'accept' : 'reject');
	const byNumber = quotePath(ctx, itemIndex, 'byNumber');
	const field = `Succeed If Already ${decision === 'accepted' ? 'Accepted' : 'Rejected'}`;
	const alreadyDoneIsSuccess = readBoolean(ctx, 'options.alreadyDoneIsSuccess', field, itemIndex, { fallback: true });
	const reference = { documentNumber: body.documentNumber, documentRevision: body.documentRevision };
	let answer: unknown;
	try {
		answer = await withLocationHint(
			ctx,
			itemIndex,
			apiRequest(ctx, 'POST', path, { body }, itemIndex),
			'Quotes Address',
			QUOTES_LOCATION_ALTERNATIVE,
		);
	} catch (error) {
		if (!alreadyDoneIsSuccess || !(error instanceof NodeApiError) || !['400', '409', '422'].includes(String(error.httpCode))) {
			throw asNodeError(ctx, error, itemIndex);
		}
		let header: IDataObject;
		try {
			header = headerOf(
				await apiRequest(ctx, 'GET', byNumber, { pathParams: { documentNumber: body.documentNumber } }, itemIndex),
			);
		} catch {
			throw asNodeError(ctx, error, itemIndex);
		}
		const status = typeof header.status === 'string' ? header.status : '';
		if (
			status.toLowerCase() === QUOTE_DECIDED_STATUSES[decision].toLowerCase() &&
			Number(header.documentRevision) === body.documentRevision
		) {
			return { ...reference, decision, status, alreadyDone: true, message: error.message };
		}
		throw asNodeError(ctx, error, itemIndex);
	}
	const answered = answer !== null && typeof answer === 'object' && !Array.isArray(answer) ? (answer as IDataObject) : {};
	const decidedStatus = QUOTE_DECIDED_STATUSES[decision].toLowerCase();
	if (typeof answered.status === 'string' && answered.status.toLowerCase() === decidedStatus) {
		return { ...answered, alreadyDone: false };
	}
	// An answer that does not name the decided status (no body, `null`, a gateway's own 200) proves
	// nothing: a proxy can answer 200 without the service acting. The quote itself says whether it was.
	let header: IDataObject;
	try {
		header = headerOf(await apiRequest(ctx, 'GET', byNumber, { pathParams: { documentNumber: body.documentNumber } }, itemIndex));
	} catch {
		throw await answerError(ctx, infinigateService, itemIndex, {
			message: `Infinigate answered the decision without confirming it, and the quote could not be read to check it`,
			description: `The answer was ${quoteAnswer(answer ?? null, 100)}. Check whether quote ${body.documentNumber} is ${decision} before running this again.`,
		});
	}
	const status = typeof header.status === 'string' ? header.status : '';
	if (status.toLowerCase() !== decidedStatus || Number(header.documentRevision) !== body.documentRevision) {
		throw await answerError(ctx, infinigateService, itemIndex, {
			message: `Infinigate answered the decision without confirming it, and quote ${body.documentNumber} is not ${decision} (status ${status || 'unknown'})`,
			description: `The answer was ${quoteAnswer(answer ?? null, 100)}. The decision was not applied; it is safe to run it again.`,
		});
	}
	return { ...answered, ...reference, decision, status, alreadyDone: false };
}
