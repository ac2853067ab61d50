/**
 * One poll of the Collabor8 Virtual Inventory Trigger: an import has finished when `isImportAllowed`
 * is true again after a poll saw it false. The status is all the guide documents, so an import that
 * starts and ends between two polls cannot be seen; poll more often than imports last.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { jsonOutput } from '../../shared/items';
import { noEventYet, readMemory, writeMemory } from '../../shared/polling';
import { answerError } from '../../shared/request';
import { IMPORT_STATUS_PATH } from '../endpoints';
import { apiRequest, virtualInventoryService } from '../transport';

const MEMORY = 'importStatus';

interface ImportMemory {
	importAllowed: boolean;
	/** When a poll first saw the import not allowed (ISO date-time). */
	busySince?: string;
}

export async function pollVirtualInventory(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const answer = jsonOutput(await apiRequest(this, 'GET', IMPORT_STATUS_PATH, {}, 0));
	const status: IDataObject = Array.isArray(answer) ? { result: answer } : answer;
	if (typeof status.isImportAllowed !== 'boolean') {
		// The answer is quoted through the same redaction as every node error: a service or proxy
		// that echoes the request would otherwise show the bearer token here.
		throw await answerError(this, virtualInventoryService, 0, {
			message: 'Collabor8 Virtual Inventory: the import status has no boolean isImportAllowed',
			description: (quote) => `GET ${IMPORT_STATUS_PATH} answered without the field the guide documents: ${quote(status, 300)}`,
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
