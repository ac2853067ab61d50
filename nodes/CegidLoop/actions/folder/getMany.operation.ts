import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { inputError, readReturnAllAndLimit, readText } from '../../../shared/validation';
import { domainOption } from '../../helpers/fields';
import { loopHubFolders } from '../../helpers/loopHub';

export const description: INodeProperties[] = showOnlyFor('folder', 'getMany', withMaxConcurrentRequests([
	...returnAllAndLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			domainOption,
		],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const credentials = await this.getCredentials('cegidLoopApi', itemIndex);
	const domain =
		readText(this, 'options.domain', 'Domain', itemIndex, { maxLength: 100 }) ?? String(credentials.domain ?? '').trim();
	if (domain === '') {
		throw inputError(this, itemIndex, 'Domain', 'must not be empty', 'Set it in the credential or in Options → Domain.');
	}
	const { returnAll, limit } = readReturnAllAndLimit(this, itemIndex);
	// LoopHub answers with every folder of the key at once: Limit is applied here.
	const list = await loopHubFolders(this, credentials, domain, itemIndex);
	return returnAll ? list : list.slice(0, limit);
}
