/**
 * Safe re-runs: when Cegid refuses a write because it was already done (a re-run of a workflow that
 * failed halfway), the item succeeds with `alreadyDone: true` and Cegid's own words instead of
 * failing. Only the answers listed in guesses.ts count; any other refusal still fails.
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

/** The "already done" item for Cegid's message. */
export function alreadyDoneItem(message: string, extra: IDataObject = {}): IDataObject {
	const english = englishMeaning(message);
	return { ...extra, alreadyDone: true, message, ...(english ? { messageEnglish: english } : {}) };
}

/**
 * Runs a write; when it is refused with one of `answers` and the option is on, returns the
 * "already done" item instead of failing.
 */
export async function writeOnce<T>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	answers: readonly RegExp[],
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
	if (message !== undefined && answers.some((answer) => answer.test(message))) {
		return alreadyDoneItem(message, extra);
	}
	// Every error of the request door is already a NodeApiError or NodeOperationError.
	return await Promise.reject(outcome.error);
}
