/**
 * What the Cegid Loop credential and node share: where the API lives, the call the Test button
 * makes, and the account-level defaults for the LoopHub folder list that the user can correct.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { problemWithApiPath } from '../../lib/url';
import { overriding } from './apiAddressOverrides';

/** The public gateway of the Loop APIs (Cegid Developers, "Getting started" and every API page). */
export const CEGID_LOOP_PRODUCTION_URL = 'https://api.cegid.com/loop-api-publiques';

export function cegidLoopBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const url = credentials.environment === 'custom' ? String(credentials.baseUrl ?? '') : CEGID_LOOP_PRODUCTION_URL;
	return url.trim().replace(/\/+$/, '');
}

/** The same choice as an n8n expression, for the credential's declarative Test request. */
export const BASE_URL_EXPRESSION =
	`={{ $credentials.environment === 'custom' ? String($credentials.baseUrl).trim().replace(/\\/+$/, '') : ` +
	`'${CEGID_LOOP_PRODUCTION_URL}' }}`;

/**
 * The Test button's call: Cegid's documented read "GET /collaborateurCabinet", which lists the firm's
 * staff and changes nothing. Its page (Cegid Developers, "Collaborateur du Cabinet") says the
 * codeDossier of this call is always the word "cabinet", so it needs nothing from the user; `take`
 * (documented too) keeps the answer to one record. Unlike a guessed path, a documented one cannot
 * be answered 404 by the gateway before it looks at the keys, so a wrong key really fails the test.
 */
export const CREDENTIAL_TEST_PATH = '/collaborateurCabinet';

export const CREDENTIAL_TEST_QUERY = { codeDossier: 'cabinet', take: 1 } as const;

/**
 * GUESS, correctable in the credential (Override API Addresses → LoopHub Address): where LoopHub
 * lists the folders of an application key. Cegid's guide (Manage a "Cegid loop API Cabinet") shows
 * this call only as "LOOPHUB (Get)" with a JSON body `{ apiKey, domain }`; its address is in the
 * API catalogue of the "Advanced pack Loop service", which is not public.
 */
export const LOOPHUB_FOLDERS_PATH = '/loophub/getFolders';

/**
 * GUESS, correctable in the credential (Override API Addresses → LoopHub Method): the guide's
 * heading says "Get" but it shows a JSON body, which goes with POST; POST is our reading.
 */
export const LOOPHUB_FOLDERS_METHOD = 'POST';

/**
 * The address and method of the LoopHub call as the credential sets them (only with Override API
 * Addresses on), or the defaults. An address that could leave the API's path is refused: the keys
 * go with this call.
 */
export function loopHubCall(credentials: ICredentialDataDecryptedObject): { path: string; method: 'GET' | 'POST' } {
	if (!overriding(credentials)) return { path: LOOPHUB_FOLDERS_PATH, method: LOOPHUB_FOLDERS_METHOD };
	const configured = typeof credentials.loopHubPath === 'string' ? credentials.loopHubPath.trim() : '';
	const path = configured === '' ? LOOPHUB_FOLDERS_PATH : configured.startsWith('/') ? configured : `/${configured}`;
	const problem = problemWithApiPath(path);
	if (problem) throw new Error(`LoopHub Address of the Cegid Loop API credential ${problem}`);
	const method = credentials.loopHubMethod === 'GET' ? 'GET' : LOOPHUB_FOLDERS_METHOD;
	return { path, method };
}
