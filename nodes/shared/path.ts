/**
 * Fills `{name}` placeholders of a path template with URL-encoded values, so that a value such as
 * a folder code `../x` or `a/b` can never change which endpoint is called.
 */
export function buildPath(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined) {
			throw new Error(`The path ${template} needs a value for {${name}}`);
		}
		const text = String(value);
		// "." and ".." are not encoded by encodeURIComponent and would be resolved as path segments.
		if (text === '.' || text === '..') return text.replace(/\./g, '%2E');
		return encodeURIComponent(text);
	});
}
