import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { jsonOutput } from '../shared/items';
import { noEventYet, readMemory, writeMemory } from '../shared/polling';
import { IMPORT_STATUS_PATH } from './endpoints';
import { apiRequest } from './transport';

const MEMORY = 'importStatus';

interface ImportMemory {
	importAllowed: boolean;
	/** When a poll first saw the import not allowed (ISO date-time). */
	busySince?: string;
}

/**
 * Starts a workflow when an inventory import has finished: `isImportAllowed` is true again after a
 * poll saw it false. The status is all the guide documents, so an import that starts and ends
 * between two polls cannot be seen; poll more often than imports last.
 */
export class Collabor8VirtualInventoryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collabor8 Virtual Inventory Trigger',
		name: 'collabor8VirtualInventoryTrigger',
		icon: { light: 'file:collabor8VirtualInventory.svg', dark: 'file:collabor8VirtualInventory.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Import finished',
		description: 'Starts the workflow when an inventory import has finished and a new one is allowed',
		defaults: { name: 'Collabor8 Virtual Inventory Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'collabor8VirtualInventoryApi', required: true }],
		properties: [
			{
				displayName:
					'Fires when a poll finds "import allowed" after an earlier poll found it not allowed. An import shorter than the poll interval is not seen.',
				name: 'intervalNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const answer = jsonOutput(await apiRequest(this, 'GET', IMPORT_STATUS_PATH, {}, 0));
		const status: IDataObject = Array.isArray(answer) ? { result: answer } : answer;
		if (typeof status.isImportAllowed !== 'boolean') {
			throw new NodeApiError(this.getNode(), { body: status } as JsonObject, {
				message: 'Collabor8 Virtual Inventory: the import status has no boolean isImportAllowed',
				description: `GET ${IMPORT_STATUS_PATH} answered without the field the guide documents.`,
			});
		}
		const now = new Date().toISOString();

		if (this.getMode() === 'manual') {
			if (!status.isImportAllowed) {
				throw noEventYet(this, 'An import is running right now', 'Fetch again when it has finished: that is the event this trigger delivers.');
			}
			return [this.helpers.returnJsonArray([{ event: 'importFinished', ...status, observedAt: now }])];
		}

		const previous = readMemory<ImportMemory>(this, MEMORY);
		if (!status.isImportAllowed) {
			writeMemory(this, MEMORY, { importAllowed: false, busySince: previous?.importAllowed === false ? previous.busySince : now });
			return null;
		}
		writeMemory(this, MEMORY, { importAllowed: true });
		if (previous?.importAllowed !== false) return null;
		return [this.helpers.returnJsonArray([{ event: 'importFinished', ...status, busySince: previous.busySince, observedAt: now }])];
	}
}
