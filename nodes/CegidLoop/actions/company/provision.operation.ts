import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { PROVISION_COMPANY_PATH } from '../../endpoints';
import { ALREADY_DONE } from '../../guesses';
import { alreadyDoneOption, writeOnce } from '../../helpers/alreadyDone';
import { folderCodeFields, readFolderCode } from '../../helpers/fields';
import { toOutput } from '../../helpers/messages';
import { apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('company', 'provision', withMaxConcurrentRequests([
	...folderCodeFields('The code of a client folder in the state "A préparer"; it becomes "Opérationnel"'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [alreadyDoneOption('the folder is already provisioned')],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const codeDossier = readFolderCode(this, itemIndex);
	const result = await writeOnce(
		this,
		itemIndex,
		{ answers: [ALREADY_DONE.companyProvisioned], request: { codeDossier } },
		async () => toOutput(await apiRequest(this, 'POST', PROVISION_COMPANY_PATH, { body: { codeDossier } }, itemIndex)),
		{ codeDossier, provisioned: true },
	);
	if (!Array.isArray(result) && result.alreadyDone === true) return result;
	const answer = result as IDataObject | IDataObject[];
	// The service answers 200 with little or nothing; say what happened and to which folder.
	if (!Array.isArray(answer) && Object.keys(answer).every((key) => answer[key] === '' || answer[key] === undefined)) {
		return { codeDossier, provisioned: true };
	}
	return { codeDossier, provisioned: true, ...(Array.isArray(answer) ? { result: answer } : answer) };
}
