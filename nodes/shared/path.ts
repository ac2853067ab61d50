/**
 * Building request URLs so that no value can change where a request goes: path values are encoded
 * into their one segment, values that would still act as a segment ("", ".", "..") are refused,
 * and base URLs must be http(s) addresses.
 */
import { checkPathValue } from './validation';

/** A path value that cannot be placed in a path; `placeholder` names its `{name}` in the template. */
export class PathValueError extends Error {
	constructor(
		readonly placeholder: string,
		readonly problem: string,
	) {
		super(`The value for {${placeholder}} ${problem}`);
		this.name = 'PathValueError';
	}
}

/**
 * Fills `{name}` placeholders of a path template with URL-encoded values, so that a value such as
 * a folder code `../x` or `a/b` stays inside its segment. Values that would still be read as a
 * segment of their own (empty, `.`, `..`, any run of dots) are refused: a server that decodes
 * `%2E%2E` before routing would otherwise climb the path. Operations check their values earlier,
 * with `readPathValue`, so that the message names the field; this is the last line.
 */
export function buildPath(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined) {
			throw new Error(`The path ${template} needs a value for {${name}}`);
		}
		const checked = checkPathValue(value);
		if (!checked.ok) throw new PathValueError(name, checked.problem);
		return encodeURIComponent(String(value));
	});
}

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
