/**
 * A folder's customers, tiers clients (GET /tiersClient).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/tiersClient.html ("Paramétrage des tiers Clients"). rib and actif come from the later rows of the page, which were not read in full for this package (types guessed: object and boolean).
 */
import type { ReadResource } from '../../helpers/dataReads';
import { CUSTOMER_PATH } from '../../endpoints';
import { READ_PAGE_SIZE } from '../../guesses';

export const customer: ReadResource = {
	resource: 'customer',
	noun: 'customer',
	nouns: 'customers',
	path: CUSTOMER_PATH,
	level: 'folder',
	get: false,
	pageSize: READ_PAGE_SIZE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'code', kind: 'string', description: 'Code of the customer (code tiers)' },
		{ name: 'type', kind: 'number', description: 'Tiers client: 0' },
		{ name: 'prenom', kind: 'string', description: 'First name' },
		{ name: 'nom', kind: 'string', description: 'Name' },
		{ name: 'raisonSociale', kind: 'string', description: 'Company name' },
		{ name: 'nomUsuel', kind: 'string', description: 'Usual name' },
		{ name: 'lettrable', kind: 'boolean', description: 'Can be lettered' },
		{ name: 'compteContrepartie', kind: 'object', description: 'Offsetting account' },
		{ name: 'SIRET', kind: 'string', description: 'SIRET' },
		{ name: 'telephone', kind: 'string', description: 'Phone' },
		{ name: 'fax', kind: 'string', description: 'Fax' },
		{ name: 'email', kind: 'string', description: 'Email' },
		{ name: 'siteWeb', kind: 'string', description: 'Website' },
		{ name: 'adr', kind: 'object', description: 'Address' },
		{ name: 'rib', kind: 'object', description: 'Bank details' },
		{ name: 'actif', kind: 'boolean', description: 'Active' },
	],
};
