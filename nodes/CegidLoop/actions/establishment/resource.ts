/**
 * A folder's establishments (GET /etablissementComplet).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/etablissement.html ("Paramétrage des établissements"). The page lists more fields after raisonsociale; they were not read for this package, and records keep every field Loop sends.
 */
import type { ReadResource } from '../../helpers/dataReads';
import { ESTABLISHMENT_PATH } from '../../endpoints';
import { READ_PAGE_SIZE } from '../../guesses';

export const establishment: ReadResource = {
	resource: 'establishment',
	noun: 'establishment',
	nouns: 'establishments',
	path: ESTABLISHMENT_PATH,
	level: 'folder',
	get: false,
	pageSize: READ_PAGE_SIZE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'type', kind: 'number', description: 'Principal-siège social: 1, Secondaire: 2, Principal: 3, Siège social: 4' },
		{ name: 'nature', kind: 'string', description: 'Personne physique: 1, Personne morale: 2' },
		{ name: 'prenom', kind: 'string', description: 'First name (max 35)' },
		{ name: 'name', kind: 'string', description: 'Name (max 35)' },
		{ name: 'raisonsociale', kind: 'string', description: 'Company name (max 35)' },
	],
};
