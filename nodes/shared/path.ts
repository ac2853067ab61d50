/**
 * Building request paths so that no value can change where a request goes: path values are encoded
 * into their one segment, and values that would still act as a segment ("", ".", "..") are refused.
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
