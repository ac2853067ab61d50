/**
 * The firm's engagements (GET /engagement, codeDossier=cabinet).
 * Cegid Developers, Loop API management docs:
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/Engagement.html ("List of engagement"); its filter example is codeIBS=="CEGID003".
 */
import type { ReadResource } from '../../helpers/dataReads';
import { ENGAGEMENT_PATH } from '../../endpoints';
import { READ_PAGE_SIZE } from '../../guesses';

export const engagement: ReadResource = {
	resource: 'engagement',
	noun: 'engagement',
	nouns: 'engagements',
	path: ENGAGEMENT_PATH,
	level: 'firm',
	get: true,
	pageSize: READ_PAGE_SIZE,
	fields: [
		{ name: 'objectId', kind: 'string', description: 'ID (UUID), unique' },
		{ name: 'revisionId', kind: 'string', description: 'ID of the revision' },
		{ name: 'codeIBS', kind: 'string', description: 'Assignment number' },
		{ name: 'description', kind: 'string', description: 'Description' },
		{ name: 'profitCenter', kind: 'string', description: 'Profit center' },
		{ name: 'maitreDossier', kind: 'string', description: 'Commitment manager' },
		{ name: 'entite', kind: 'string', description: 'Customer file' },
		{ name: 'entiteIbsId', kind: 'string', description: 'Customer file ID' },
		{ name: 'dateDebut', kind: 'string', description: 'Start date' },
		{ name: 'dateFin', kind: 'string', description: 'End date' },
	],
};
