/**
 * Parameters read for each item without paying n8n's expression engine where the value cannot vary:
 * the values are those n8n gives, and n8n is asked once per run for a value without an expression.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { readParameter } from '../../nodes/shared/parameters';

function context(parameters: Record<string, unknown>, items: Array<Record<string, unknown>>) {
	const asked: Array<{ name: string; itemIndex: number }> = [];
	const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters } as unknown as INode;
	const ctx = {
		// n8n's getNode() hands out a copy of the node; so does this one.
		getNode: () => structuredClone(node),
		getInputData: () => items.map((json) => ({ json })),
		getNodeParameter: (name: string, itemIndex: number, fallback: unknown) => {
			asked.push({ name, itemIndex });
			const raw = name.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], parameters);
			if (raw === undefined) return fallback;
			// The two expressions these tests use, evaluated as n8n would.
			if (raw === '={{ $json.email }}') return items[itemIndex].email;
			if (raw === "={{ $json.first + ' ' + $json.last }}") return `${String(items[itemIndex].first)} ${String(items[itemIndex].last)}`;
			return structuredClone(raw);
		},
	} as unknown as IExecuteFunctions;
	return { ctx, asked };
}

const items = [
	{ email: 'a@example.com', first: 'Ada', last: 'Lovelace' },
	{ email: 'b@example.com', first: 'Bob', last: 'Marley' },
	{ email: 'c@example.com', first: 'Cy', last: 'Twombly' },
];

test('a value without an expression is asked of n8n once for the whole run', () => {
	const { ctx, asked } = context({ offer: 'start', additionalFields: { social: false } }, items);
	const offers = items.map((_item, index) => readParameter(ctx, 'offer', index, 'consultation'));
	const social = items.map((_item, index) => (readParameter(ctx, 'additionalFields', index, {}) as { social: boolean }).social);

	expect(offers).toEqual(['start', 'start', 'start']);
	expect(social).toEqual([false, false, false]);
	expect(asked.filter((entry) => entry.name === 'offer')).toHaveLength(1);
	expect(asked.filter((entry) => entry.name === 'additionalFields')).toHaveLength(1);
});

test("an object read once is each item's own copy", () => {
	const { ctx } = context({ additionalFields: { profile: '2.0' } }, items);
	(readParameter(ctx, 'additionalFields', 0, {}) as Record<string, unknown>).profile = 'changed by item 0';
	expect(readParameter(ctx, 'additionalFields', 1, {})).toEqual({ profile: '2.0' });
});

test("a plain {{ $json.field }} is the item's own field, without asking n8n", () => {
	const { ctx, asked } = context({ email: '={{ $json.email }}' }, items);
	expect(items.map((_item, index) => readParameter(ctx, 'email', index, ''))).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
	expect(asked).toHaveLength(0);
});

test('any other expression is evaluated by n8n for each item', () => {
	const { ctx, asked } = context({ name: "={{ $json.first + ' ' + $json.last }}" }, items);
	expect(items.map((_item, index) => readParameter(ctx, 'name', index, ''))).toEqual(['Ada Lovelace', 'Bob Marley', 'Cy Twombly']);
	expect(asked.map((entry) => entry.itemIndex)).toEqual([0, 1, 2]);
});

test('a parameter the node does not store is left to n8n (its default or its error)', () => {
	const { ctx, asked } = context({}, items);
	expect(readParameter(ctx, 'phone', 2, '')).toBe('');
	expect(asked).toEqual([{ name: 'phone', itemIndex: 2 }]);
});
