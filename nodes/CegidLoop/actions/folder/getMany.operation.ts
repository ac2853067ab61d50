import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { inputError, readReturnAllAndLimit } from '../../../shared/validation';
import { LOOPHUB_FOLDERS_PATH } from '../../guesses';
import { toOutput } from '../../helpers/messages';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('folder', 'getMany', withMaxConcurrentRequests([
	{
		displayName:
			'The LoopHub path is a best guess (not public). If this fails with 404, see the README.',
		name: 'loopHubGuessNotice',
		type: 'notice',
		default: '',
	},
	...returnAllAndLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Domain',
				name: 'domain',
				type: 'string',
				default: '',
				placeholder: 'TESTRDDCABINET',
				description: "The firm's domain; by default the one of the credential",
			},
		],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const credentials = await this.getCredentials('cegidLoopApi', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { domain?: string };
	const domain = (options.domain ?? '').trim() || String(credentials.domain ?? '').trim();
	if (domain === '') {
		throw inputError(this, itemIndex, 'Domain', 'must not be empty', 'Set it in the credential or in Options › Domain.');
	}
	const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
	// LoopHub answers with every folder of the key at once: Limit is applied here.
	const body = { apiKey: credentials.applicationKey, domain };
	const folders = toOutput(await apiRequest(this, 'POST', LOOPHUB_FOLDERS_PATH, { body }, itemIndex));
	const list: IDataObject[] = Array.isArray(folders) ? folders : [folders];
	return returnAll ? list : list.slice(0, limit);
}
