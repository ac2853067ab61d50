import { jsonOutput } from '../../nodes/shared/items';

describe('a service answer as output JSON', () => {
	test('an object or a list comes through as it is', () => {
		expect(jsonOutput({ a: 1 })).toEqual({ a: 1 });
		expect(jsonOutput([{ a: 1 }, { a: 2 }])).toEqual([{ a: 1 }, { a: 2 }]);
	});

	test('a plain-text answer becomes a message', () => {
		expect(jsonOutput("  L'application est déjà affectée à l'interlocuteur.\n")).toEqual({
			message: "L'application est déjà affectée à l'interlocuteur.",
		});
	});

	test('an empty answer becomes an empty object, so that the item is not lost', () => {
		expect(jsonOutput('')).toEqual({});
		expect(jsonOutput(undefined)).toEqual({});
	});
});
