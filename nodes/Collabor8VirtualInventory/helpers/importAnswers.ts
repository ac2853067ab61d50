/** The import endpoints' answers, as the operations output them. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { objectAnswer } from '../../shared/collabor8GatewayService';
import { jsonOutput } from '../../shared/items';
import { IMPORT_STATUS_PATH } from '../endpoints';
import { apiRequest } from '../transport';

/** The import endpoints answer with one object; anything else is kept under `result`. */
export function asObject(body: unknown): IDataObject {
	const output = jsonOutput(body);
	return Array.isArray(output) ? { result: output } : output;
}

/** The import status, `isImportAllowed` and more; Get Status outputs it and Upload checks it first. */
export async function getImportStatus(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return objectAnswer(ctx, itemIndex, await apiRequest(ctx, 'GET', IMPORT_STATUS_PATH, {}, itemIndex), 'the import status');
}
