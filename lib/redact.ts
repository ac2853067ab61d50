/**
 * Keeps secrets out of everything a user or a log can see. Every error message and description the
 * package builds passes through here with the secrets of the credential in use.
 */

const MIN_SECRET_LENGTH = 4;

export const REDACTED = '[redacted]';

/** A string as it appears inside a JSON string literal: `"` becomes `\"` and `\` becomes `\\`. */
function jsonEscaped(text: string): string {
	return JSON.stringify(text).slice(1, -1);
}

/**
 * The spellings a secret can take in what a user may see: as is, in a URL, in a form body (`~` →
 * `%7E`, space → `+`), and inside JSON, once or twice serialised (a body quoted in a message).
 */
function spellings(secret: string): Set<string> {
	const urlEncoded = encodeURIComponent(secret);
	const formEncoded = new URLSearchParams({ s: secret }).toString().slice(2);
	const inJson = jsonEscaped(secret);
	return new Set([secret, urlEncoded, formEncoded, inJson, jsonEscaped(inJson)]);
}

/** Replaces every occurrence of every secret, in each of its spellings, in the text; the longest first. */
export function redact(text: string, secrets: readonly string[]): string {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) {
			for (const form of spellings(secret)) forms.add(form);
		}
	}
	let result = text;
	for (const form of [...forms].sort((a, b) => b.length - a.length)) {
		result = result.split(form).join(REDACTED);
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
