/**
 * A folder's chart of general accounts (GET /compte).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/Compte.html ("Plan des comptes"). The page lists more fields after compteBanque (tva, …); they were not read for this package, and records keep every field Loop sends.
 */
import type { ReadResource } from '../../helpers/dataReads';
import { ACCOUNT_PATH } from '../../endpoints';
import { READ_PAGE_SIZE } from '../../guesses';

export const ledgerAccount: ReadResource = {
	resource: 'ledgerAccount',
	noun: 'ledger account',
	nouns: 'ledger accounts',
	path: ACCOUNT_PATH,
	level: 'folder',
	get: false,
	pageSize: READ_PAGE_SIZE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'numero', kind: 'string', description: 'Account number' },
		{ name: 'libelle', kind: 'string', description: 'Label of the account' },
		{ name: 'type', kind: 'string', description: 'Type, 1 to 7' },
		{ name: 'collectif', kind: 'boolean', description: 'Control account' },
		{ name: 'lettrable', kind: 'boolean', description: 'Can be lettered' },
		{ name: 'pointable', kind: 'boolean', description: 'Can be reconciled' },
		{ name: 'centralisable', kind: 'boolean', description: 'Centralised' },
		{ name: 'analytique', kind: 'boolean', description: 'Analytic' },
		{ name: 'ferme', kind: 'boolean', description: 'Closed' },
		{ name: 'comptecontrepartie', kind: 'string', description: 'Automatic offsetting account' },
		{ name: 'compteBanque', kind: 'string', description: 'Bank account' },
	],
};
