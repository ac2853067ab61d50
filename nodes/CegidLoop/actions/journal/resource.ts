/**
 * A folder's journals (GET /journal).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/Journal.html ("Paramétrage des journaux").
 */
import type { ReadResource } from '../../helpers/dataReads';
import { JOURNAL_PATH } from '../../endpoints';
import { READ_PAGE_SIZE } from '../../guesses';

export const journal: ReadResource = {
	resource: 'journal',
	noun: 'journal',
	nouns: 'journals',
	path: JOURNAL_PATH,
	level: 'folder',
	get: false,
	pageSize: READ_PAGE_SIZE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'code', kind: 'string', description: 'Code of the journal' },
		{ name: 'libelle', kind: 'string', description: 'Label of the journal' },
		{ name: 'type', kind: 'string', description: 'Achat: 1, OD: 2, A-Nouveau: 3, Banque: 4, Caisse: 5, Ecart de change: 6, Régularisation: 7, Vente: 8' },
		{ name: 'compteContrepartie', kind: 'object', description: 'Offsetting account' },
		{ name: 'typeContrepartie', kind: 'string', description: 'Libre: 1, A l\'écriture: 2, Pied de journal: 3' },
		{ name: 'repriseDateOp', kind: 'boolean', description: 'Carry the operation date over' },
	],
};
