/**
 * The firm's staff (GET /collaborateurCabinet, codeDossier=cabinet).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/CollaborateurduCabinet.html ("Collaborateur du Cabinet"; English: CollaborateurCabinet.html). The page lists more fields after identifiant and prenom; they were not read for this package, and records keep every field Loop sends.
 */
import type { ReadResource } from '../../helpers/dataReads';
import { STAFF_PATH } from '../../endpoints';
import { READ_PAGE_SIZE } from '../../guesses';

export const staff: ReadResource = {
	resource: 'staff',
	noun: 'staff member',
	nouns: 'staff members',
	path: STAFF_PATH,
	level: 'firm',
	get: true,
	pageSize: READ_PAGE_SIZE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'identifiant', kind: 'string', description: 'Identifier of the staff member' },
		{ name: 'prenom', kind: 'string', description: 'First name' },
	],
};
