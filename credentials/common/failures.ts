/**
 * What a service said when it refused a call, shared by the credentials (token requests) and the
 * nodes (every other call).
 */

/** What the service said when it failed, in the words the user will read. */
export interface FailureText {
	message: string;
	description?: string;
}

/** The message a service put in its error body, in the shapes the five services use. */
export function messageFromBody(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() === '' ? undefined : body.trim();
	if (body === null || typeof body !== 'object') return undefined;
	const object = body as Record<string, unknown>;
	for (const key of ['error_description', 'message', 'Message', 'detail', 'title', 'error']) {
		const value = object[key];
		if (typeof value === 'string' && value.trim() !== '') return value;
		if (value && typeof value === 'object') {
			const nested = messageFromBody(value);
			if (nested) return nested;
		}
	}
	return undefined;
}

/** A body's text: UTF-8, without a byte-order mark. */
export function decodeText(body: Buffer): string {
	return body.toString('utf8').replace(/^\uFEFF/, '');
}

/** An error answer's body: its JSON when it is JSON, else its text. */
export function decodeErrorBody(body: Buffer | string | undefined): unknown {
	if (body === undefined) return undefined;
	const text = (Buffer.isBuffer(body) ? decodeText(body) : body).trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** A service's text in an error message is cut here; the rest goes to the description. */
export const MESSAGE_TEXT_LIMIT = 300;

/** How much of a service's text or an answer's beginning an error description shows. */
export const DESCRIPTION_TEXT_LIMIT = 1_000;

/** Cuts a text to `limit` characters on one line, marking the cut. */
export function shorten(text: string, limit: number): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	if (oneLine.length <= limit) return oneLine;
	return `${oneLine.slice(0, limit - 1).trimEnd()}…`;
}

/** The beginning of a body as it could be quoted to a user, on one line. */
export function bodyExcerpt(body: Buffer | string, limit: number = 200): string {
	const text = Buffer.isBuffer(body) ? decodeText(body.subarray(0, limit * 4)) : body;
	return shorten(text, limit);
}
