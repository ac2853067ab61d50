/**
 * Accepting and rejecting a quote: both name the quote by number and revision (public client code
 * sends both), so that a decision is about the revision the user saw. Whether the service refuses
 * a decision on an older revision is not public; the sandbox does.
 *
 * Safe re-runs: when the service refuses a decision, the node reads the quote (a read cannot
 * change anything). If the quote already carries exactly this decision, on this revision, and the
 * service no longer offers it (`canBeAccepted`/`canBeRejected`), the work is done and the item
 * succeeds with `alreadyDone: true` and the service's message. Anything else still fails.
 *
 * After an answer that does not itself confirm the decision, the node reads the quote and reports
 * only what it shows: decided (success), still open to this decision (not applied, safe to run
 * again), or anything else (could not confirm: check the quote before running again).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../../shared/items';

import { readBoolean, readWholeNumber } from '../../shared/validation';
import { QUOTE_DECIDED_STATUSES } from '../guesses';
import { quoteCanBeAccepted, quoteCanBeRejected, quoteRevision, quoteStatus } from './quoteFields';
import type { QuoteAnswer } from '../../shared/request';
import { answerError } from '../../shared/request';
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
			description: 'The revision of the quote the decision is about: documentVersion in what Get and Get Many return',
			hint: 'Production quotes carry it as documentVersion (e.g. {{ $json.documentVersion }} after Get Many). Use the revision you reviewed: Infinigate may refuse a decision on an older one.',
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
				description: `Whether a quote that is already ${decision} (its documentStatus, on the same revision, and no longer open to the decision) gives a success item with alreadyDone: true instead of an error, so that a workflow can be run again safely`,
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

function headerOf(quote: unknown): IDataObject | undefined {
	if (quote === null || typeof quote !== 'object' || Array.isArray(quote)) return undefined;
	const object = quote as IDataObject;
	return object.header !== null && typeof object.header === 'object' && !Array.isArray(object.header)
		? (object.header as IDataObject)
		: object;
}

/** What a quote says about one decision, read with the production names first (quoteFields.ts). */
interface DecisionState {
	status?: string;
	revision?: number;
	/** `canBeAccepted` for an acceptance, `canBeRejected` for a rejection: the service's own word. */
	stillPossible?: boolean;
}

function stateOf(header: IDataObject, decision: QuoteDecision): DecisionState {
	return {
		status: quoteStatus(header),
		revision: quoteRevision(header),
		stillPossible: decision === 'accepted' ? quoteCanBeAccepted(header) : quoteCanBeRejected(header),
	};
}

/**
 * Whether the quote shows this decision taken on this revision. A revision the node cannot read
 * proves nothing about which revision was decided, so it only counts where the service has just
 * answered this very request with a success (`revisionMayBeUnread`).
 */
function showsDecided(state: DecisionState, decision: QuoteDecision, revision: number, revisionMayBeUnread: boolean): boolean {
	const decided = state.status?.toLowerCase() === QUOTE_DECIDED_STATUSES[decision].toLowerCase() && state.stillPossible !== true;
	const sameRevision = state.revision === undefined ? revisionMayBeUnread : state.revision === revision;
	return decided && sameRevision;
}

const possibility = (decision: QuoteDecision): string => (decision === 'accepted' ? 'canBeAccepted' : 'canBeRejected');

async function readQuoteHeader(ctx: IExecuteFunctions, itemIndex: number, documentNumber: string): Promise<IDataObject | undefined> {
	const byNumber = quotePath(ctx, itemIndex, 'byNumber');
	return headerOf(await apiRequest(ctx, 'GET', byNumber, { pathParams: { documentNumber } }, itemIndex));
}

/** Sends a decision; a refusal that the quote's own state proves moot becomes `alreadyDone`. */
export async function sendDecision(
	ctx: IExecuteFunctions,
	itemIndex: number,
	decision: QuoteDecision,
	body: IDataObject & { documentNumber: string; documentRevision: number },
): Promise<IDataObject> {
	const path = quotePath(ctx, itemIndex, decision === 'accepted' ? 'accept' : 'reject');
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
		// The refusal is "done" only if the quote shows this decision, on this revision, and the
		// service no longer offers it: anything less could hide a refusal for another reason.
		let header: IDataObject | undefined;
		try {
			header = await readQuoteHeader(ctx, itemIndex, body.documentNumber);
		} catch {
			throw asNodeError(ctx, error, itemIndex);
		}
		const state = header === undefined ? undefined : stateOf(header, decision);
		if (state !== undefined && showsDecided(state, decision, body.documentRevision, false)) {
			return { ...reference, decision, status: state.status, alreadyDone: true, message: error.message };
		}
		throw asNodeError(ctx, error, itemIndex);
	}
	const answered = answer !== null && typeof answer === 'object' && !Array.isArray(answer) ? (answer as IDataObject) : {};
	const answeredStatus = quoteStatus(answered);
	if (answeredStatus?.toLowerCase() === QUOTE_DECIDED_STATUSES[decision].toLowerCase()) {
		return { ...answered, alreadyDone: false };
	}
	// An answer that does not name the decided status (production answers an acceptance with an
	// empty 200; a proxy can answer 200 without the service acting) proves nothing by itself: the
	// quote says whether it was decided. Only what the quote shows is reported.
	const answerText = (quote: QuoteAnswer): string => quote(answer ?? '', 100) || 'empty';
	let header: IDataObject | undefined;
	try {
		header = await readQuoteHeader(ctx, itemIndex, body.documentNumber);
	} catch {
		header = undefined;
	}
	if (header === undefined) {
		throw await answerError(ctx, infinigateService, itemIndex, {
			message: `Infinigate answered the decision without confirming it, and quote ${body.documentNumber} could not be read to check it`,
			description: (quote) => `The answer was ${answerText(quote)}. The node could not confirm that quote ${body.documentNumber} is ${decision}. Check the quote in Infinigate before running this again: running it again could decide it twice.`,
		});
	}
	const state = stateOf(header, decision);
	if (showsDecided(state, decision, body.documentRevision, true)) {
		return { ...answered, ...reference, decision, status: state.status, alreadyDone: false };
	}
	if (state.stillPossible === true) {
		throw await answerError(ctx, infinigateService, itemIndex, {
			message: `Infinigate answered the decision, but quote ${body.documentNumber} is not ${decision}: it can still be ${decision === 'accepted' ? 'accepted' : 'rejected'}`,
			description: (quote) => `The answer was ${answerText(quote)}. Quote ${body.documentNumber} still shows ${possibility(decision)}: true (status ${state.status ?? 'unknown'}), so the decision was not applied; it is safe to run it again.`,
		});
	}
	throw await answerError(ctx, infinigateService, itemIndex, {
		message: `Infinigate answered the decision, but the node could not confirm from quote ${body.documentNumber} that it is ${decision}`,
		description: (quote) =>
			`The answer was ${answerText(quote)}. The quote reads status ${state.status ?? 'unknown'}, revision ${state.revision ?? 'unknown'}, ` +
			`${possibility(decision)} ${state.stillPossible === undefined ? 'unknown' : String(state.stillPossible)}. ` +
			`Check quote ${body.documentNumber} in Infinigate before running this again: running it again could decide it twice.`,
	});
}
