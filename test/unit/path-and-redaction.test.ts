import { redact, redactDeep, REDACTED } from '../../lib/redact';
import { joinUrl, problemWithApiPath, problemWithBaseUrl } from '../../lib/url';
import { buildPath, isUnknownRoute, PathValueError } from '../../nodes/shared/path';

describe('path parameters', () => {
	test('a value with slashes, spaces and query characters stays inside its segment', () => {
		expect(buildPath('/purchaseinvoice/documentnumber/{number}', { number: 'a/b c?d=1#x' })).toBe(
			'/purchaseinvoice/documentnumber/a%2Fb%20c%3Fd%3D1%23x',
		);
	});

	test.each(['.', '..', '...', ''])('the value "%s" is refused: encoded or not, a server may read it as a segment', (id) => {
		expect(() => buildPath('/legacy/Teknos/{id}', { id })).toThrow(PathValueError);
	});

	test('a value with dots and other characters is encoded into its segment', () => {
		expect(buildPath('/legacy/Teknos/{id}', { id: '../x' })).toBe('/legacy/Teknos/..%2Fx');
		expect(buildPath('/legacy/Teknos/{id}', { id: 'v1.2' })).toBe('/legacy/Teknos/v1.2');
	});

	test('a missing parameter is a programming error, not a silent "undefined" in the URL', () => {
		expect(() => buildPath('/sales/{id}', {})).toThrow('needs a value for {id}');
	});

	test('base URL and path are joined with exactly one slash', () => {
		expect(joinUrl('https://api.example/base/', '/x/y')).toBe('https://api.example/base/x/y');
		expect(joinUrl('https://api.example/base', 'x')).toBe('https://api.example/base/x');
	});
});

describe('base URLs', () => {
	test('an http(s) address is accepted', () => {
		expect(problemWithBaseUrl('https://api.example/v1')).toBeUndefined();
		expect(problemWithBaseUrl('http://127.0.0.1:4010/cegid')).toBeUndefined();
	});

	test('an empty one is refused', () => {
		expect(problemWithBaseUrl('  ')).toBe('is empty');
	});

	test('one without a scheme is refused with what to add', () => {
		expect(problemWithBaseUrl('api.infinigate.com')).toBe('"api.infinigate.com" has no scheme: it must start with https:// (or http://)');
		expect(problemWithBaseUrl('localhost:4010/x')).toContain('has no scheme');
	});

	test('one with another scheme is refused', () => {
		expect(problemWithBaseUrl('ftp://files.example')).toBe('"ftp://files.example" is not an http(s) address');
	});
});

describe('redaction', () => {
	test('every occurrence of every secret is replaced, the longest first', () => {
		expect(redact('key=abcd1234 and abcd1234:secret99', ['abcd1234', 'abcd1234:secret99'])).toBe(
			`key=${REDACTED} and ${REDACTED}`,
		);
	});

	test('the URL-encoded form of a secret is replaced too', () => {
		expect(redact('client_secret=p%40ss%2Fword', ['p@ss/word'])).toBe(`client_secret=${REDACTED}`);
	});

	test('the form-encoded spelling of a secret is replaced too (Azure secrets often hold "~")', () => {
		expect(redact('client_secret=abc%7Edef+ghi', ['abc~def ghi'])).toBe(`client_secret=${REDACTED}`);
	});

	test('empty and very short values are not treated as secrets', () => {
		expect(redact('a b c', ['', 'a'])).toBe('a b c');
	});

	test('a secret holding " and \\ is redacted inside JSON text, where it appears escaped', () => {
		const secret = 'pa"ss\\wo~rd';
		const body = JSON.stringify({ echo: `secret=${secret}` });
		expect(body).not.toContain(secret);
		expect(redact(body, [secret])).toBe(`{"echo":"secret=${REDACTED}"}`);
		expect(redact(JSON.stringify(body), [secret])).not.toContain('pa');
	});

	test('nested bodies are redacted in keys and values', () => {
		expect(redactDeep({ echo: ['token tok-12345'], ['tok-12345']: 1 }, ['tok-12345'])).toEqual({
			echo: [`token ${REDACTED}`],
			[REDACTED]: 1,
		});
	});
});

describe('an address a user types below the API (one rule for every such field)', () => {
	test.each(['/loophub/getFolders', '/collaborativeOffer/remove-offer_2', '/v1.2/items', '/sales/{saleId}/status'])('%s is accepted', (path) => {
		expect(problemWithApiPath(path)).toBeUndefined();
	});

	test.each([
		['..', '/a/../b'],
		['.', '/a/./b'],
		['a trailing ..', '/a/..'],
		['..\\', '/a/..\\b'],
		['%2e%2e', '/a/%2e%2e/b'],
		['%2E%2e', '/a/%2E%2e/b'],
		['%2f', '/a%2fb'],
		['%5C', '/a%5Cb'],
		['a double encoding', '/a/%252e%252e/b'],
		['?', '/a?b=1'],
		['#', '/a#b'],
		['a space', '/a b'],
		['a line break', '/a\nb'],
	])('%s is refused', (_case, path) => {
		expect(problemWithApiPath(path)).toMatch(/^must /);
	});
});

describe("the gateway's answer to an address it does not know", () => {
	test('404 "Resource not found" (Azure API Management, public) and 405 are a wrong route', () => {
		expect(isUnknownRoute(404, { statusCode: 404, message: 'Resource not found' })).toBe(true);
		expect(isUnknownRoute(405, { statusCode: 405, message: 'Method not allowed' })).toBe(true);
	});

	test("the service's own 404 is not", () => {
		expect(isUnknownRoute(404, { statusCode: 404, message: "Sale 'sale-9' was not found" })).toBe(false);
		expect(isUnknownRoute(404, 'Resource not found')).toBe(false);
		expect(isUnknownRoute(400, { statusCode: 404, message: 'Resource not found' })).toBe(false);
	});
});
