/** LoopHub's list of the folders of an application key, for Folder → Get Many, the folder picker and the trigger. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { overrideFieldOf } from '../../../credentials/common/apiAddressOverrides';
import { loopHubCall } from '../../../credentials/common/cegidLoop';
import type { RequestContext } from '../../shared/request';
import { answerError } from '../../shared/request';
import { apiRequest, cegidLoopService } from '../transport';
import { toOutput } from './messages';

/** The fields that correct the LoopHub call, as errors name them. */
export const LOOPHUB_FIELDS = overrideFieldOf('LoopHub Address and LoopHub Method', 'Cegid Loop API', true);

/**
 * Every folder of the credential's application key in `domain`. The address and method come from the
 * credential (Override API Addresses → LoopHub Address, LoopHub Method), whose defaults are our
 * reading of Cegid's guide. With GET, the key and the domain go in the query, since a GET carries no
 * body.
 *
 * The guide's answer is a list. An object in its place (an error message with status 200, a proxy's
 * envelope) is an error, never one odd folder: the trigger would take it for the whole list.
 */
export async function loopHubFolders(
	ctx: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	domain: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { path, method } = loopHubCall(credentials);
	const fields = { apiKey: String(credentials.applicationKey ?? ''), domain };
	const options = method === 'GET' ? { qs: fields, addressField: LOOPHUB_FIELDS } : { body: fields, addressField: LOOPHUB_FIELDS };
	const folders = toOutput(await apiRequest(ctx, method, path, options, itemIndex));
	if (Array.isArray(folders)) return folders;
	throw await answerError(ctx, cegidLoopService, itemIndex, {
		message: 'Cegid Loop: LoopHub answered an object where the guide shows a list of folders',
		description: (quote) =>
			`${method} ${path} answered: ${quote(folders, 300)}. Check ${LOOPHUB_FIELDS}.`,
	});
}
