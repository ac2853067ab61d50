/**
 * Safe re-runs: when Cegid refuses a write because it was already done (a re-run of a workflow that
 * failed halfway), the item succeeds with `alreadyDone: true` and Cegid's own words instead of
 * failing. Only the answers listed in guesses.ts count, and only when they are about this request:
 * the whole message matches (not a phrase quoted inside another error), and every offer, folder or
 * contact it names is the request's own. Any other refusal still fails.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { messageFromBody } from '../../../credentials/common/failures';
import { readBoolean } from '../../shared/validation';
import { englishMeaning } from './messages';

export const ALREADY_DONE_OPTION = 'alreadyDoneIsSuccess';

/** The option, for an operation's Options collection. */
export function alreadyDoneOption(what: string): INodeProperties {
	return {
		displayName: 'Succeed If Already Done',
		name: ALREADY_DONE_OPTION,
		type: 'boolean',
		default: true,
		description: `Whether an item succeeds, marked alreadyDone, when Cegid answers that ${what}, so that running a workflow again gives no errors`,
	};
}

export function readAlreadyDoneOption(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return readBoolean(ctx, `options.${ALREADY_DONE_OPTION}`, 'Succeed If Already Done', itemIndex, {
		fallback: true,
	});
}

/** The service's message in a refusal, when the refusal is a client error (4xx other than 401/403/404). */
function refusalMessage(error: unknown): string | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const status = Number(error.httpCode);
	if (!(status >= 400 && status < 500) || [401, 403, 404, 408, 429].includes(status)) return undefined;
	const response = error.errorResponse as { body?: unknown } | undefined;
	return messageFromBody(response?.body);
}

/** What a write asked for, as Cegid's messages would name it. */
export interface RequestValues {
	offre?: string;
	codeDossier?: string;
	email?: string;
}

/**
 * Whether Cegid's `message` proves that this request's work is done: it is `answer` as a whole, and
 * each value it names (the pattern's groups `offre`, `codeDossier`, `email`) is the request's own.
 * A message naming a value the request did not send proves nothing about this request.
 */
export function provesDone(answer: RegExp, message: string, request: RequestValues): boolean {
	const match = answer.exec(message.trim());
	if (!match) return false;
	return Object.entries(match.groups ?? {}).every(([name, named]) => {
		if (named === undefined) return true;
		const own = request[name as keyof RequestValues];
		if (own === undefined) return false;
		// E-mail addresses are compared as mail servers do in practice; codes and offers exactly.
		return name === 'email' ? named.toLowerCase() === own.toLowerCase() : named === own;
	});
}

/** The "already done" item for Cegid's message. */
export function alreadyDoneItem(message: string, extra: IDataObject = {}): IDataObject {
	const english = englishMeaning(message);
	return { ...extra, alreadyDone: true, message, ...(english ? { messageEnglish: english } : {}) };
}

/**
 * Runs a write; when it is refused with one of `answers`, about `request` (see provesDone), and the
 * option is on, returns the "already done" item instead of failing.
 */
export async function writeOnce<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	proof: { answers: readonly RegExp[]; request: RequestValues },
	write: () => Promise<T>,
	extra: IDataObject = {},
): Promise<T | IDataObject> {
	const tolerate = readAlreadyDoneOption(ctx, itemIndex);
	const outcome = await write().then(
		(value) => ({ ok: true as const, value }),
		(error: unknown) => ({ ok: false as const, error }),
	);
	if (outcome.ok) return outcome.value;
	const message = tolerate ? refusalMessage(outcome.error) : undefined;
	if (message !== undefined && proof.answers.some((answer) => provesDone(answer, message, proof.request))) {
		return alreadyDoneItem(message, extra);
	}
	// Every error of the request door is already a NodeApiError or NodeOperationError.
	return await Promise.reject(outcome.error);
}
