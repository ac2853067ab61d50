import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { showOnlyFor } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { inputError, requiredChoice, requiredString } from '../../../shared/validation';
import { IMPORT_UPLOAD_PATH } from '../../endpoints';
import type { ImportMode } from '../../guesses';
import { DEFAULT_UPLOAD_MIME_TYPE, IMPORT_MODE_VALUES, UPLOAD_FILE_FIELD } from '../../guesses';
import { asObject, getImportStatus } from '../../helpers/importAnswers';
import type { FileToSend } from '../../helpers/multipartFile';
import { multipartFileBody } from '../../helpers/multipartFile';
import { apiRequest } from '../../transport';

const IMPORT_MODES = Object.keys(IMPORT_MODE_VALUES) as ImportMode[];

/**
 * Virtual Inventory runs one import at a time per company and refuses an upload while one is active
 * (the guide's "check the status first"), so the items of one run upload one after another.
 */
export const oneItemAtATime = true;

export const description: INodeProperties[] = showOnlyFor('inventoryImport', 'upload', [
	{
		displayName:
			'Import mode values, file field and API path are best guesses (not public); see the README if the upload is refused.',
		name: 'uploadGuessNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field that holds the import file',
	},
	{
		displayName: 'Import Mode',
		name: 'importMode',
		type: 'options',
		options: [
			{
				name: 'Step by Step',
				value: 'stepByStep',
				description: 'As in the web page: the import is then controlled step by step',
			},
			{
				name: 'Apply File Without Feedback',
				value: 'applyWithoutFeedback',
				description: 'Every change is applied right after the upload; only for a file you are sure is correct',
			},
		],
		default: 'stepByStep',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				description: 'The file name to send; by default the name of the input file',
			},
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description: 'How long to wait at most for the import to become allowed',
				displayOptions: { show: { waitUntilAllowed: [true] } },
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 10,
				description: 'How often to ask for the import status while waiting',
				displayOptions: { show: { waitUntilAllowed: [true] } },
			},
			{
				displayName: 'Wait Until Allowed',
				name: 'waitUntilAllowed',
				type: 'boolean',
				default: false,
				description:
					'Whether to wait while an import is not allowed (someone is importing from the web page, or an earlier import is still active), asking for the status again until it is allowed or Max Wait has passed. Otherwise the item fails at once.',
			},
		],
	},
]);

interface UploadOptions {
	fileName?: string;
	waitUntilAllowed?: boolean;
	maxWaitSeconds?: number;
	pollIntervalSeconds?: number;
}

/** A 50 MB file over a slow line needs longer than the default two minutes. */
const UPLOAD_TIMEOUT_MS = 15 * 60_000;

const NOT_ALLOWED_REASON =
	'Virtual Inventory answers isImportAllowed = false while someone of your company is importing from the web page, or while an import started through the API is still active.';

/**
 * The guide's order: check the status, upload only when the import is allowed. Returns how long it
 * waited.
 */
async function whenImportAllowed(ctx: IExecuteFunctions, itemIndex: number, options: UploadOptions): Promise<number> {
	const started = Date.now();
	const maxWaitMs = Math.max(1, options.maxWaitSeconds ?? 300) * 1000;
	const pollMs = Math.max(0.1, options.pollIntervalSeconds ?? 10) * 1000;
	for (;;) {
		const status = await getImportStatus(ctx, itemIndex);
		if (status.isImportAllowed === true) return Date.now() - started;
		if (status.isImportAllowed !== false) {
			throw new NodeOperationError(ctx.getNode(), 'The import status has no "isImportAllowed" field', {
				itemIndex,
				description: `Virtual Inventory answered: ${JSON.stringify(status).slice(0, 500)}`,
			});
		}
		if (!options.waitUntilAllowed) {
			throw new NodeOperationError(ctx.getNode(), 'Virtual Inventory does not allow an import right now', {
				itemIndex,
				description: `${NOT_ALLOWED_REASON} Try again later, or turn on Options › Wait Until Allowed.`,
			});
		}
		const waited = Date.now() - started;
		if (waited >= maxWaitMs || ctx.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Virtual Inventory still did not allow an import after ${Math.round(waited / 1000)} s`,
				{ itemIndex, description: `${NOT_ALLOWED_REASON} Raise Options › Max Wait, or try again later.` },
			);
		}
		await sleep(Math.min(pollMs, maxWaitMs - waited));
	}
}

/**
 * The file's size and a way to read it. A file that n8n keeps outside the item (on disk, in the
 * database, in S3: it has an id) is streamed from there; a file held in the item itself is decoded
 * once. Either way the upload adds no copy of its own.
 */
async function fileContents(
	ctx: IExecuteFunctions,
	itemIndex: number,
	binaryPropertyName: string,
	binary: IBinaryData,
): Promise<Pick<FileToSend, 'size' | 'open'>> {
	const id = binary.id;
	if (id) {
		const { fileSize } = await ctx.helpers.getBinaryMetadata(id);
		return { size: fileSize, open: async () => await ctx.helpers.getBinaryStream(id) };
	}
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	return { size: data.length, open: async () => [data] };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const binaryPropertyName = requiredString(this, 'binaryPropertyName', 'Input Binary Field', itemIndex);
	const importMode = requiredChoice(this, 'importMode', 'Import Mode', itemIndex, IMPORT_MODES);
	const options = this.getNodeParameter('options', itemIndex, {}) as UploadOptions;
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);

	const waitedMs = await whenImportAllowed(this, itemIndex, options);

	const { size, open } = await fileContents(this, itemIndex, binaryPropertyName, binary);
	if (size === 0) {
		throw inputError(this, itemIndex, 'Input Binary Field', `"${binaryPropertyName}" holds an empty file`);
	}
	const fileName = options.fileName?.trim() || binary.fileName || `inventory-import.${binary.fileExtension ?? 'xlsx'}`;
	const mimeType = binary.mimeType || DEFAULT_UPLOAD_MIME_TYPE;

	const body = multipartFileBody(UPLOAD_FILE_FIELD, { fileName, mimeType, size, open });
	const answer = asObject(
		await apiRequest(
			this,
			'POST',
			IMPORT_UPLOAD_PATH,
			{ pathParams: { importMode: IMPORT_MODE_VALUES[importMode] }, body, timeoutMs: UPLOAD_TIMEOUT_MS },
			itemIndex,
		),
	);
	const result: IDataObject = {
		importMode,
		fileName,
		fileSize: size,
		waitedSeconds: Math.round(waitedMs / 100) / 10,
		...answer,
	};
	return result;
}
