/** How the Cegid Loop node writes Loop's filter and sort syntax (Cegid Developers, Loop API management docs). */
import {
	filterCondition,
	filterLiteral,
	isFieldName,
	joinConditions,
	sortExpression,
} from '../../nodes/CegidLoop/helpers/dataReads';

describe('Cegid Loop filter syntax', () => {
	test('text is a double-quoted JavaScript string: quotes and backslashes escaped, accents kept', () => {
		expect(filterLiteral('string', 'Boulangerie "Chez Zoé"')).toEqual({ ok: true, literal: '"Boulangerie \\"Chez Zoé\\""' });
		expect(filterLiteral('string', 'C:\\Déco')).toEqual({ ok: true, literal: '"C:\\\\Déco"' });
		expect(filterLiteral('string', 'line\nbreak')).toEqual({ ok: true, literal: '"line\\nbreak"' });
	});

	test('yes-no and numeric fields are written bare, and anything else is refused', () => {
		expect(filterLiteral('boolean', 'TRUE')).toEqual({ ok: true, literal: 'true' });
		expect(filterLiteral('boolean', 'oui')).toEqual({ ok: false, problem: 'must be true or false; got "oui"' });
		expect(filterLiteral('number', ' 4 ')).toEqual({ ok: true, literal: '4' });
		expect(filterLiteral('number', '4e2')).toEqual({ ok: false, problem: 'must be a number; got "4e2"' });
	});

	test('conditions as the pages write them, joined with &&', () => {
		expect(filterCondition('identifiant', 'equals', '"Collaborateur_100"')).toBe('identifiant=="Collaborateur_100"');
		expect(filterCondition('codeLettrage', 'isNotNull')).toBe('codeLettrage!=null');
		expect(filterCondition('datePiece', 'atLeast', '"2026-01-01"')).toBe('datePiece>="2026-01-01"');
		expect(joinConditions(['a==1', '', 'b!=null'])).toBe('a==1 && b!=null');
		expect(joinConditions([])).toBeUndefined();
	});

	test('sort is field1&&field2:desc', () => {
		expect(sortExpression([{ field: 'field1', descending: false }, { field: 'field2', descending: true }])).toBe('field1&&field2:desc');
		expect(sortExpression([])).toBeUndefined();
	});

	test('a field name is letters, digits and _ only', () => {
		expect(isFieldName('raisonSociale')).toBe(true);
		expect(isFieldName('SIRET')).toBe(true);
		expect(isFieldName('a || b')).toBe(false);
		expect(isFieldName('adr.ville')).toBe(false);
	});
});
