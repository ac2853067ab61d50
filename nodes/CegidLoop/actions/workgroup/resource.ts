/**
 * The firm's workgroups (GET /groupe, codeDossier=cabinet).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/Groupe.html ("Workgroup list").
 */
import type { ReadResource } from '../../helpers/dataReads';
import { WORKGROUP_PATH } from '../../endpoints';
import { READ_PAGE_SIZE } from '../../guesses';

export const workgroup: ReadResource = {
	resource: 'workgroup',
	noun: 'workgroup',
	nouns: 'workgroups',
	path: WORKGROUP_PATH,
	level: 'firm',
	get: true,
	pageSize: READ_PAGE_SIZE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'code', kind: 'string', description: 'Working group code (max 100)' },
		{ name: 'description', kind: 'string', description: 'Description (max 100)' },
		{ name: 'agence', kind: 'string', description: 'Agency code (max 100)' },
	],
};
