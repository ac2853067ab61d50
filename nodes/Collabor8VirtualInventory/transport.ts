/** The Virtual Inventory node's one door to the network, built on the shared request helper. */
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeCollabor8Failure } from '../shared/collabor8/failures';
import { jsonOutput } from '../shared/items';
import type { ServiceDefinition } from '../shared/request';
import { serviceRequest } from '../shared/request';
import { TOKEN_FIELDS } from '../shared/token';
import { apiBaseUrl } from './connection';
import { IMPORT_STATUS_PATH, IMPORT_UPLOAD_PATH } from './endpoints';
import type { ImportMode } from './guesses';
import { IMPORT_MODE_VALUES, UPLOAD_FILE_FIELD } from './guesses';

export const virtualInventoryService: ServiceDefinition = {
	serviceName: 'Collabor8 Virtual Inventory',
	credentialType: 'collabor8VirtualInventoryApi',
	baseUrl: apiBaseUrl,
	secrets: (credentials: ICredentialDataDecryptedObject) => [String(credentials.clientSecret ?? '')],
	token: TOKEN_FIELDS,
	describeFailure: (status, body) => describeCollabor8Failure('Virtual Inventory', status, body),
};

/** A 50 MB file over a slow line needs longer than the default two minutes. */
const UPLOAD_TIMEOUT_MS = 15 * 60_000;

/** The import endpoints answer with one object; anything else is kept under `result`. */
function asObject(body: unknown): IDataObject {
	const output = jsonOutput(body);
	return Array.isArray(output) ? { result: output } : output;
}

export async function getImportStatus(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const response = await serviceRequest(ctx, virtualInventoryService, { method: 'GET', path: IMPORT_STATUS_PATH }, itemIndex);
	return asObject(response.body);
}

export interface ImportFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
}

export async function uploadImportFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	importMode: ImportMode,
	file: ImportFile,
): Promise<IDataObject> {
	// A Blob can be read again, so the request door may send this body a second time (after a
	// refused token) without rebuilding it.
	const body = new FormData();
	body.append(UPLOAD_FILE_FIELD, new Blob([file.data], { type: file.mimeType }), file.fileName);
	const response = await serviceRequest(
		ctx,
		virtualInventoryService,
		{
			method: 'POST',
			path: IMPORT_UPLOAD_PATH,
			pathParams: { importMode: IMPORT_MODE_VALUES[importMode] },
			body,
			timeoutMs: UPLOAD_TIMEOUT_MS,
		},
		itemIndex,
	);
	return asObject(response.body);
}
