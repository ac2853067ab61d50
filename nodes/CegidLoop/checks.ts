/**
 * What Check Setup checks in the Cegid Loop API: the documented staff list (which also proves the
 * three keys), how the data reads list several fields, and the LoopHub folder list where its
 * guessed method is GET. The other guesses are about writes (a POST that changes a folder or a
 * contact) or page sizes: listed, never sent.
 */

/** Two fields every record of Cegid's reads carries (Cegid Developers: records carry objectId and revisionId). */
const SELECTED_FIELDS = ['objectId', 'revisionId'];
import { CREDENTIAL_TEST_PATH, CREDENTIAL_TEST_QUERY, loopHubCall } from '../../credentials/common/cegidLoop';
import type { SetupCheck } from '../shared/checkSetup';
import { firstEntry } from '../shared/checkSetup';
import { readText } from '../shared/validation';
import { FIRM_FOLDER_CODE, STAFF_PATH } from './endpoints';
import { REMOVE_OFFER_FOR_CONTACT_PATH, SELECT_SEPARATOR } from './guesses';
import { cegidLoopService } from './transport';

export const checks: readonly SetupCheck[] = [
	{
		name: 'Credential and staff list',
		kind: 'documented',
		covers: [],
		credentials: true,
		alwaysAnswers: true,
		field: 'Credential → Subscription Key, Application Key, Application Secret, Environment',
		request: () => ({ path: CREDENTIAL_TEST_PATH, qs: { ...CREDENTIAL_TEST_QUERY } }),
	},
	{
		name: 'Several fields to return',
		kind: 'guess',
		covers: ['SELECT_SEPARATOR'],
		suggestion: 'Not a field yet: please report this row, so that the node learns how select lists several fields. Meanwhile, ask for one field, or none.',
		request: () => ({ path: STAFF_PATH, qs: { codeDossier: FIRM_FOLDER_CODE, take: 1, select: SELECTED_FIELDS.join(SELECT_SEPARATOR) } }),
		read: (body) => {
			const record = firstEntry(body);
			if (!record) return { ok: 'cannot tell', reason: 'The staff list is empty, so the fields it returns cannot be seen.' };
			const fields = Object.keys(record);
			return SELECTED_FIELDS.every((field) => fields.includes(field)) && fields.every((field) => SELECTED_FIELDS.includes(field))
				? { ok: true }
				: { ok: false, problem: 'Asked for two fields, the answer did not hold exactly those two (see answerShape).' };
		},
	},
	{
		name: 'Page size of the data reads',
		kind: 'guess',
		covers: ['READ_PAGE_SIZE'],
		method: 'GET',
		reason: 'Not checked: a page-size limit shows only when a page that large is asked, and Check Setup asks for one record. A smaller page loses nothing: the reads ask until a page comes back empty.',
	},
	{
		name: 'LoopHub folder list',
		kind: 'guess',
		covers: ['LOOPHUB_FOLDERS_PATH', 'LOOPHUB_FOLDERS_METHOD'],
		alwaysAnswers: true,
		field: 'Credential → Override API Addresses → LoopHub Address, LoopHub Method',
		suggestion: "Switch on Override API Addresses in the credential and set LoopHub Address and LoopHub Method to the folder list of your Cegid API catalogue (\"Interrogation des dossiers associés à une clé d'application\").",
		request: async ({ ctx }) => {
			const credentials = await ctx.getCredentials(cegidLoopService.credentialType, 0);
			const { path, method } = loopHubCall(credentials);
			if (method !== 'GET') {
				return {
					method,
					path,
					reason:
						'Not checked: LoopHub is asked by POST (our reading of the guide, which shows a body), and Check Setup sends only GET. Folder → Get Many tries it; if it answers "not found", switch on Override API Addresses in the credential and correct LoopHub Address and Method.',
				};
			}
			const domain = readText(ctx, 'options.domain', 'Domain', 0, { maxLength: 100 }) ?? String(credentials.domain ?? '').trim();
			if (domain === '') return { method, path, reason: 'Not checked: no Domain in the credential or in Options → Domain.' };
			return { path, qs: { apiKey: String(credentials.applicationKey ?? ''), domain }, secretQuery: ['apiKey'] };
		},
		read: (body) => (Array.isArray(body) ? { ok: true } : { ok: false, problem: 'The guide shows the folders as a list.' }),
	},
	{
		name: 'Remove an offer for one contact (a write)',
		kind: 'guess',
		covers: ['REMOVE_OFFER_FOR_CONTACT_PATH', 'CONTACT_EMAIL_KEY'],
		method: 'POST',
		path: REMOVE_OFFER_FOR_CONTACT_PATH,
		field: 'Options → Contact Removal Address, Contact Email Key',
		reason: 'Not checked (a write): Check Setup never changes an offer. If the removal answers "not found", correct these options.',
	},
	{
		name: 'Answers that prove a write was already done',
		kind: 'guess',
		covers: ['ALREADY_DONE'],
		method: 'POST',
		reason: 'Not checked (a write): these answers come only from repeated writes, which Check Setup never sends.',
	},
];
