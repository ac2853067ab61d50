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
