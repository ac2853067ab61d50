/** LoopHub's list of the folders of an application key, for Folder → Get Many, the folder picker and the trigger. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { loopHubCall } from '../../../credentials/common/cegidLoop';
import type { RequestContext } from '../../shared/request';
import { apiRequest } from '../transport';
import { toOutput } from './messages';

/**
 * Every folder of the credential's application key in `domain`. The address and method come from the
 * credential (LoopHub Address, LoopHub Method), whose defaults are our reading of Cegid's guide. With
 * GET, the key and the domain go in the query, since a GET carries no body.
 */
export async function loopHubFolders(
	ctx: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	domain: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { path, method } = loopHubCall(credentials);
	const fields = { apiKey: String(credentials.applicationKey ?? ''), domain };
	const addressField = 'LoopHub Address and LoopHub Method of the Cegid Loop API credential';
	const options = method === 'GET' ? { qs: fields, addressField } : { body: fields, addressField };
	const folders = toOutput(await apiRequest(ctx, method, path, options, itemIndex));
	return Array.isArray(folders) ? folders : [folders];
}
