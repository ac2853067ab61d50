import { joinUrl } from '../../credentials/common/url';
import { redact, redactDeep, REDACTED } from '../../credentials/common/redact';
import { buildPath } from '../../nodes/shared/path';

describe('path parameters', () => {
	test('a value with slashes, spaces and query characters stays inside its segment', () => {
		expect(buildPath('/purchaseinvoice/documentnumber/{number}', { number: 'a/b c?d=1#x' })).toBe(
			'/purchaseinvoice/documentnumber/a%2Fb%20c%3Fd%3D1%23x',
		);
	});

	test('"." and ".." cannot climb the path', () => {
		expect(buildPath('/legacy/Teknos/{id}', { id: '..' })).toBe('/legacy/Teknos/%2E%2E');
		expect(buildPath('/legacy/Teknos/{id}', { id: '.' })).toBe('/legacy/Teknos/%2E');
	});

	test('a missing parameter is a programming error, not a silent "undefined" in the URL', () => {
		expect(() => buildPath('/sales/{id}', {})).toThrow('needs a value for {id}');
	});

	test('base URL and path are joined with exactly one slash', () => {
		expect(joinUrl('https://api.example/base/', '/x/y')).toBe('https://api.example/base/x/y');
		expect(joinUrl('https://api.example/base', 'x')).toBe('https://api.example/base/x');
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

	test('nested bodies are redacted in keys and values', () => {
		expect(redactDeep({ echo: ['token tok-12345'], ['tok-12345']: 1 }, ['tok-12345'])).toEqual({
			echo: [`token ${REDACTED}`],
			[REDACTED]: 1,
		});
	});
});
