/**
 * One poll of the Cegid Loop Trigger: the folders LoopHub lists for the application key, read by the
 * same code as Folder → Get Many, compared with the folders the memory holds (see shared/polling.ts).
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SnapshotMemory } from '../../shared/polling';
import { diffSnapshot, noEventYet, readMemory, rememberOrFail } from '../../shared/polling';
import { loopHubFolders } from '../helpers/loopHub';

const MEMORY = 'linkedFolders';

/** A folder's identity: its objectId, or its code when LoopHub leaves the objectId out. */
export function folderKey(folder: IDataObject): string {
	return String(folder.objectId ?? folder.codeIbs ?? '');
}

export async function pollCegidLoop(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const credentials = await this.getCredentials('cegidLoopApi');
	const options = this.getNodeParameter('options', {}) as { domain?: string };
	const domain = (options.domain ?? '').trim() || String(credentials.domain ?? '').trim();
	if (domain === '') {
		throw new NodeOperationError(this.getNode(), 'Domain must not be empty', {
			description: 'Set it in the credential or in Options → Domain.',
		});
	}
	const folders = (await loopHubFolders(this, credentials, domain, 0)).filter((folder) => folderKey(folder) !== '');

	if (this.getMode() === 'manual') {
		const latest = folders[folders.length - 1];
		if (!latest) {
			throw noEventYet(this, 'No client folder is linked to this application key yet', 'Link a folder in LoopHub, then fetch again.');
		}
		return [this.helpers.returnJsonArray([{ event: 'folderLinked', ...latest }])];
	}

	const includeExisting = this.getNodeParameter('includeExisting', false) === true;
	const memory = readMemory<SnapshotMemory>(this, MEMORY);
	const { added } = rememberOrFail(this, MEMORY, () =>
		diffSnapshot(memory, folders, (folder) => ({ key: folderKey(folder), fingerprint: '' }), () => includeExisting),
	);
	if (added.length === 0) return null;
	return [this.helpers.returnJsonArray(added.map(({ entry }) => ({ event: 'folderLinked', ...entry })))];
}
