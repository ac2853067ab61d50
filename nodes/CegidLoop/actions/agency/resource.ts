/**
 * The firm's agencies (GET /AgenceCabinet, codeDossier=cabinet).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/agence.html ("agency firm list"). The page lists more address fields after extension; they were not read for this package, and records keep every field Loop sends.
 */
import type { ReadResource } from '../../helpers/dataReads';
import { AGENCY_PATH } from '../../endpoints';
import { READ_PAGE_SIZE } from '../../guesses';

export const agency: ReadResource = {
	resource: 'agency',
	noun: 'agency',
	nouns: 'agencies',
	path: AGENCY_PATH,
	level: 'firm',
	get: true,
	pageSize: READ_PAGE_SIZE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'code', kind: 'string', description: 'Code of the agency (max 100)' },
		{ name: 'libelle', kind: 'string', description: 'Description (max 100)' },
		{ name: 'siret', kind: 'string', description: 'SIRET (max 14)' },
		{ name: 'numvoie', kind: 'string', description: 'Street number (max 10)' },
		{ name: 'extension', kind: 'string', description: 'Street number extension' },
		{ name: 'email', kind: 'string', description: 'Email (max 100)' },
	],
};
