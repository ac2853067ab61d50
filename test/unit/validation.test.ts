/**
 * Typed readers of node parameters: what each kind of field takes, and the error a user sees for
 * anything else (the field and the item named, nothing converted silently).
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	checkBoolean,
	checkNumber,
	checkPathValue,
	checkText,
	checkWholeNumber,
	readBoolean,
	readNumber,
	readPathValue,
	readReturnAllAndLimit,
	readText,
	readWholeNumber,
	requiredString,
} from '../../nodes/shared/validation';

/** A context whose parameters hold what an expression produced, by item. */
function contextWith(parameters: Record<string, unknown>): IExecuteFunctions {
	const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
	return {
		getNode: () => node,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => {
			const path = name.split('.');
			let value: unknown = parameters;
			for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
			return value === undefined ? fallback : value;
		},
	} as unknown as IExecuteFunctions;
}

function errorOf(read: () => unknown): NodeOperationError {
	try {
		read();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('expected an input error');
}

describe('text fields', () => {
	test('take strings, trimmed, and numbers in their usual form', () => {
		expect(checkText('  MANON001 ')).toEqual({ ok: true, value: 'MANON001' });
		expect(checkText(42)).toEqual({ ok: true, value: '42' });
		expect(checkText(1.5)).toEqual({ ok: true, value: '1.5' });
	});

	test.each([
		[{ a: 1 }, 'an object ({"a":1})'],
		[['A', 'B'], 'a list (["A","B"])'],
		[true, 'the boolean true'],
		[Number.NaN, 'the number NaN'],
	])('refuse %p instead of sending "[object Object]", "A,B" or "true"', (value, shown) => {
		expect(checkText(value)).toEqual({ ok: false, problem: `must be text; got ${shown}` });
	});

	test('refuse a lone UTF-16 surrogate, which cannot be encoded for sending', () => {
		const halfAnEmoji = 'SKU-\uD83D';
		const checked = checkText(halfAnEmoji);
		expect(checked.ok).toBe(false);
		expect(!checked.ok && checked.problem).toContain('at position 5');
		expect(checkText('SKU-\uD83D\uDE00')).toEqual({ ok: true, value: 'SKU-\uD83D\uDE00' });
	});

	test('the error names the field and the item', () => {
		const ctx = contextWith({ codeDossier: { code: 'MANON001' } });
		const error = errorOf(() => readText(ctx, 'codeDossier', 'Folder Code', 3, { required: true }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Folder Code must be text; got an object ({"code":"MANON001"}) [item 3]');
		expect(error.context.itemIndex).toBe(3);
	});

	test('an empty required field is an error; an empty optional one is left out', () => {
		const ctx = contextWith({ nom: '   ', prenom: null });
		expect(errorOf(() => requiredString(ctx, 'nom', 'Last Name', 0)).message).toBe('Last Name must not be empty [item 0]');
		expect(readText(ctx, 'prenom', 'First Name', 0)).toBeUndefined();
		expect(readText(ctx, 'missing', 'Phone', 0)).toBeUndefined();
	});

	test('a maximum length is checked', () => {
		expect(checkText('abcdef', { maxLength: 5 })).toEqual({ ok: false, problem: 'must be at most 5 characters long; got 6' });
	});
});

describe('whole-number fields', () => {
	test('take whole numbers and strings of digits', () => {
		expect(checkWholeNumber(7)).toEqual({ ok: true, value: 7 });
		expect(checkWholeNumber(' 12 ')).toEqual({ ok: true, value: 12 });
		expect(checkWholeNumber('-3')).toEqual({ ok: true, value: -3 });
	});

	test.each([true, false, '1.5', 1.5, '1e3', 'abc', [1], { n: 1 }, Number.POSITIVE_INFINITY])(
		'refuse %p instead of turning it into a number',
		(value) => {
			const checked = checkWholeNumber(value);
			expect(checked.ok).toBe(false);
			expect(!checked.ok && checked.problem).toMatch(/^must be a whole number; got /);
		},
	);

	test('"" and null are empty, never 0', () => {
		expect(checkWholeNumber('')).toEqual({ ok: true, value: undefined });
		expect(checkWholeNumber(null)).toEqual({ ok: true, value: undefined });
		const ctx = contextWith({ documentRevision: '' });
		expect(errorOf(() => readWholeNumber(ctx, 'documentRevision', 'Document Revision', 1, { required: true })).message).toBe(
			'Document Revision must not be empty [item 1]',
		);
	});

	test('a boolean where a revision is due is an input error naming the field and the item', () => {
		const ctx = contextWith({ documentRevision: true });
		expect(errorOf(() => readWholeNumber(ctx, 'documentRevision', 'Document Revision', 2, { required: true })).message).toBe(
			'Document Revision must be a whole number; got the boolean true [item 2]',
		);
	});

	test('bounds are checked', () => {
		expect(checkWholeNumber(0, { min: 1 })).toEqual({ ok: false, problem: 'must be at least 1; got 0' });
		expect(checkWholeNumber('500', { max: 100 })).toEqual({ ok: false, problem: 'must be at most 100; got 500' });
	});
});

describe('number fields (Poll Interval, Max Wait)', () => {
	test('take numbers and decimal strings', () => {
		expect(checkNumber(0.5)).toEqual({ ok: true, value: 0.5 });
		expect(checkNumber('2.5')).toEqual({ ok: true, value: 2.5 });
	});

	test.each(['soon', true, { s: 1 }, Number.NaN])('refuse %p, so that a wait never becomes NaN and a loop never spins', (value) => {
		expect(checkNumber(value).ok).toBe(false);
	});

	test('read from an option collection with a dotted path', () => {
		const ctx = contextWith({ options: { pollInterval: 'five' } });
		expect(errorOf(() => readNumber(ctx, 'options.pollInterval', 'Poll Interval', 0, { min: 1 })).message).toBe(
			'Poll Interval must be a number; got "five" [item 0]',
		);
		expect(readNumber(contextWith({ options: { pollInterval: 2 } }), 'options.pollInterval', 'Poll Interval', 0)).toBe(2);
	});
});

describe('boolean fields', () => {
	test('take booleans and the words true and false', () => {
		expect(checkBoolean(true)).toEqual({ ok: true, value: true });
		expect(checkBoolean(' FALSE ')).toEqual({ ok: true, value: false });
	});

	test.each([1, 0, 'yes', {}, []])('refuse %p', (value) => {
		expect(checkBoolean(value).ok).toBe(false);
	});

	test('an empty value falls back to the default', () => {
		expect(readBoolean(contextWith({ simplify: '' }), 'simplify', 'Simplify', 0, { fallback: true })).toBe(true);
	});
});

describe('path values', () => {
	test.each(['.', '..', ' ... '])('"%s" is refused: it would act as a path segment', (value) => {
		const checked = checkPathValue(value);
		expect(checked.ok).toBe(false);
		expect(!checked.ok && checked.problem).toContain('made only of dots');
	});

	test('an empty value is refused', () => {
		expect(checkPathValue('  ')).toEqual({ ok: false, problem: 'must not be empty' });
	});

	test('any other text is accepted, trimmed, for encoding', () => {
		expect(checkPathValue(' VR24-000123 ')).toEqual({ ok: true, value: 'VR24-000123' });
		expect(checkPathValue('a/../b')).toEqual({ ok: true, value: 'a/../b' });
		expect(checkPathValue(4711)).toEqual({ ok: true, value: '4711' });
	});

	test('the reader names the field and the item', () => {
		const ctx = contextWith({ documentNumber: '..' });
		expect(errorOf(() => readPathValue(ctx, 'documentNumber', 'Document Number', 4)).message).toBe(
			'Document Number cannot be "..": a value made only of dots would change the address of the request [item 4]',
		);
	});
});

describe('Return All and Limit', () => {
	test('a Limit that is a boolean is refused, never read as 1', () => {
		const ctx = contextWith({ returnAll: false, limit: true });
		expect(errorOf(() => readReturnAllAndLimit(ctx, 0)).message).toBe('Limit must be a whole number; got the boolean true [item 0]');
	});

	test('a Limit below 1 is refused', () => {
		const ctx = contextWith({ returnAll: false, limit: 0 });
		expect(errorOf(() => readReturnAllAndLimit(ctx, 0)).message).toBe('Limit must be at least 1; got 0 [item 0]');
	});

	test('Return All ignores the Limit', () => {
		expect(readReturnAllAndLimit(contextWith({ returnAll: true, limit: 'x' }), 0)).toEqual({ returnAll: true, limit: 0 });
	});
});
