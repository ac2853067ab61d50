/** The addresses of the services: joining a base URL and a path, and checking a base URL before it is used. */

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Why a base URL cannot be used, or undefined when it is an http(s) address. Said so that it can
 * follow the field's name: "Base URL is empty", "Base URL "api.x.com" has no scheme…".
 */
export function problemWithBaseUrl(url: string): string | undefined {
	const trimmed = url.trim();
	if (trimmed === '') return 'is empty';
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
		return `"${trimmed}" has no scheme: it must start with https:// (or http://)`;
	}
	let parsed: URL;
	try {
		parsed = new URL(trimmed);
	} catch {
		return `"${trimmed}" is not a valid address`;
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		return `"${trimmed}" is not an http(s) address`;
	}
	if (parsed.hostname === '') return `"${trimmed}" names no host`;
	return undefined;
}

/** The origin (scheme, host and port) of a URL, resolved against `base` when relative. */
export function originOf(url: string, base?: string): string | undefined {
	try {
		return new URL(url, base).origin;
	} catch {
		return undefined;
	}
}

/**
 * Why an address typed below a base URL (a guessed path the user corrects: a LoopHub Address, an
 * API Path, an operation's address option) could leave the API's path, or undefined when it cannot.
 * One rule for every such field: no "." or ".." step, and none of what a server or proxy may turn
 * into one or into a new step or query: "\" (read as "/" by some servers), "%" (so no "%2e%2e",
 * "%2f", "%5c", in any case, nor their double encodings), "?", "#", spaces and control characters.
 * Said so that it can follow the field's name.
 */
export function problemWithApiPath(path: string): string | undefined {
	const shown = JSON.stringify(path);
	if (/[\\%?#\s\p{Cc}]/u.test(path)) {
		return `must be an address like /api/resource, without "\\", "%", "?", "#" or spaces; got ${shown}`;
	}
	if (path.split('/').some((step) => step === '.' || step === '..')) {
		return `must not hold "." or ".." steps; got ${shown}`;
	}
	return undefined;
}
