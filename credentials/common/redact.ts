/**
 * Keeps secrets out of everything a user or a log can see. Every error message and description the
 * package builds passes through here with the secrets of the credential in use.
 */

const MIN_SECRET_LENGTH = 4;

export const REDACTED = '[redacted]';

/** The spellings a secret can take on the wire: as is, in a URL, and in a form body (`~` → `%7E`, space → `+`). */
function spellings(secret: string): Set<string> {
	return new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]);
}

/** Replaces every occurrence of every secret (and its URL- and form-encoded forms) in the text. */
export function redact(text: string, secrets: readonly string[]): string {
	let result = text;
	const ordered = [...new Set(secrets)]
		.filter((secret) => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH)
		.sort((a, b) => b.length - a.length);
	for (const secret of ordered) {
		for (const form of spellings(secret)) {
			result = result.split(form).join(REDACTED);
		}
	}
	return result;
}

/** Redacts every string inside a JSON-like value, keys included. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
	if (typeof value === 'string') return redact(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets)) as T;
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			copy[redact(key, secrets)] = redactDeep(entry, secrets);
		}
		return copy as T;
	}
	return value;
}
