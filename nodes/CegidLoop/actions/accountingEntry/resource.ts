/**
 * A folder's accounting entries (GET /EcritureComptable).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/EcritureComptable.html
 * ("Ecriture Comptable"). Its fields here are the criteria of its filter table; the page's list of
 * answer fields was not read for this package, and records keep every field Loop sends.
 */
import type { ReadResource } from '../../helpers/dataReads';
import { ACCOUNTING_ENTRY_MAX_TAKE, ACCOUNTING_ENTRY_PATH } from '../../endpoints';

export const accountingEntry: ReadResource = {
	resource: 'accountingEntry',
	noun: 'accounting entry',
	nouns: 'accounting entries',
	path: ACCOUNTING_ENTRY_PATH,
	level: 'folder',
	get: false,
	pageSize: ACCOUNTING_ENTRY_MAX_TAKE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'codeLettrage', kind: 'string', description: 'Lettering code: the entries of one lettering package share it' },
		{ name: 'ecritureOrigine', kind: 'string', description: 'UUID of the origin entry (a document sent to the accounting robot)' },
		{ name: 'journalCode', kind: 'string', description: 'Code of the journal in the application' },
		{ name: 'refPiece', kind: 'string', description: 'Reference of the entry' },
		{ name: 'datePiece', kind: 'string', description: 'Date of the entry, YYYY-MM-DD' },
		{ name: 'compteNumero', kind: 'string', description: 'Number of the account in the chart of accounts' },
	],
};
