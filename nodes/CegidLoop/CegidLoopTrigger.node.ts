import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { domainOption } from './helpers/fields';
import { loopHubFolders } from './helpers/loopHub';
import type { SnapshotMemory } from '../shared/polling';
import { diffSnapshot, noEventYet, readMemory, writeMemory } from '../shared/polling';

const MEMORY = 'linkedFolders';

/** A folder's identity: its objectId, or its code when LoopHub leaves the objectId out. */
function folderKey(folder: IDataObject): string {
	return String(folder.objectId ?? folder.codeIbs ?? '');
}

export class CegidLoopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cegid Loop Trigger',
		name: 'cegidLoopTrigger',
		icon: { light: 'file:cegidLoop.svg', dark: 'file:cegidLoop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New client folder',
		description: 'Starts the workflow when a new client folder is linked to the application key (LoopHub)',
		defaults: { name: 'Cegid Loop Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cegidLoopApi', required: true }],
		properties: [
			{
				displayName: 'Include Already Linked Folders',
				name: 'includeExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether the first activation also delivers the folders already linked. LoopHub shows no date, so "the last N days" cannot be told apart.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [domainOption],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
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
		const { added, memory } = diffSnapshot(
			readMemory<SnapshotMemory>(this, MEMORY),
			folders,
			(folder) => ({ key: folderKey(folder), fingerprint: '' }),
			() => includeExisting,
		);
		writeMemory(this, MEMORY, memory);
		if (added.length === 0) return null;
		return [this.helpers.returnJsonArray(added.map(({ entry }) => ({ event: 'folderLinked', ...entry })))];
	}
}
