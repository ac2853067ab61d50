/**
 * A folder's analytic sections (GET /section).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/Section.html ("Paramétrage des sections").
 */
import type { ReadResource } from '../../helpers/dataReads';
import { SECTION_PATH } from '../../endpoints';
import { READ_PAGE_SIZE } from '../../guesses';

export const analyticSection: ReadResource = {
	resource: 'analyticSection',
	noun: 'analytic section',
	nouns: 'analytic sections',
	path: SECTION_PATH,
	level: 'folder',
	get: false,
	pageSize: READ_PAGE_SIZE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'code', kind: 'string', description: 'Code of the section' },
		{ name: 'description', kind: 'string', description: 'Label of the section' },
		{ name: 'ferme', kind: 'boolean', description: 'Closed' },
		{ name: 'axe', kind: 'object', description: 'The analytic axis' },
	],
};
