import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { readChoiceOption, readNameOption, UNCONFIRMED_HINT } from '../../../shared/collabor8GatewayService';
import { FROM_VERSION_1_1, ONLY_VERSION_1, UNTIL_VERSION_1_1, overrideField, overridePath, showOnlyFor } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { answerError } from '../../../shared/request';
import { checkBoolean, checkNumber, inputError, readText, valueOrThrow } from '../../../shared/validation';
import { IMPORT_UPLOAD_PATH } from '../../endpoints';
import type { ImportMode } from '../../guesses';
import { DEFAULT_UPLOAD_MIME_TYPE, IMPORT_MODE_VALUES, UPLOAD_FILE_FIELD } from '../../guesses';
import { asObject, getImportStatus } from '../../helpers/importAnswers';
import type { FileToSend } from '../../helpers/multipartFile';
import { multipartFileBody } from '../../helpers/multipartFile';
import { apiRequest, virtualInventoryService } from '../../transport';

const IMPORT_MODES = Object.keys(IMPORT_MODE_VALUES) as ImportMode[];

/**
 * Virtual Inventory runs one import at a time per company and refuses an upload while one is active
 * (the guide's "check the status first"), so the items of one run upload one after another.
 */
export const oneItemAtATime = true;

const { stepByStep: stepByStepGuess, applyWithoutFeedback: applyWithoutFeedbackGuess } = IMPORT_MODE_VALUES;
const fileFieldGuess = UPLOAD_FILE_FIELD;
const fileTypeGuess = DEFAULT_UPLOAD_MIME_TYPE;

const WAIT_DESCRIPTION =
	'Whether to wait while an import is not allowed (someone is importing from the web page, or an earlier import is still active), asking again until it is allowed or Max Wait has passed. Otherwise the item fails at once.';

const maxWaitField: INodeProperties = {
	displayName: 'Max Wait (Seconds)',
	name: 'maxWaitSeconds',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 300,
	description: 'How long to wait at most for the import to become allowed',
};

const pollIntervalField: INodeProperties = {
	displayName: 'Poll Interval (Seconds)',
	name: 'pollIntervalSeconds',
	type: 'number',
	typeOptions: { minValue: 1, numberPrecision: 0 },
	default: 10,
	description: 'How often to ask whether the import is allowed while waiting',
};

const uploadOptions: INodeProperties[] = [
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. inventory.xlsx',
		description: 'The file name to send; by default the name of the input file',
	},
	{
		displayName: 'File Type If Unknown',
		name: 'fileType',
		type: 'string',
		default: fileTypeGuess,
		description: 'The type sent with the file when the input file does not say its own (the web page imports an Excel file)',
		hint: UNCONFIRMED_HINT,
	},
	{
		displayName: 'Step by Step Mode Value',
		name: 'stepByStepModeValue',
		type: 'string',
		default: stepByStepGuess,
		description: 'How the Step by Step mode is named to Virtual Inventory',
		hint: UNCONFIRMED_HINT,
		displayOptions: { show: { '/importMode': ['stepByStep'] } },
	},
	{
		displayName: 'No Feedback Mode Value',
		name: 'applyWithoutFeedbackModeValue',
		type: 'string',
		default: applyWithoutFeedbackGuess,
		description: 'How the Apply File Without Feedback mode is named to Virtual Inventory',
		hint: UNCONFIRMED_HINT,
		displayOptions: { show: { '/importMode': ['applyWithoutFeedback'] } },
	},
	{
		displayName: 'Upload Field Name',
		name: 'fileFieldName',
		type: 'string',
		default: fileFieldGuess,
		description: 'The name under which the file is sent in the upload form',
		hint: UNCONFIRMED_HINT,
	},
];

export const description: INodeProperties[] = showOnlyFor('inventoryImport', 'upload', [
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
		// Our reading of the guide ("the same mode used for UI. You can control the process of inventory
		// update"), not a documented fact: docs/collabor8-virtual-inventory.md says so.
		hint: 'Step by Step by default: a person reviews each import on the Virtual Inventory web page before it applies, and no other import is allowed meanwhile. For an unattended sync, pick Apply File Without Feedback.',
	},
	// The notice stays for versions 1 and 1.1, whose panels keep what they showed; from 1.2 on the
	// Import Mode hint says it.
	{
		displayName:
			'Step by Step leaves the import open until someone completes it on the Virtual Inventory web page, and no other import is allowed meanwhile. For unattended syncs, pick Apply File Without Feedback.',
		name: 'stepByStepNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { importMode: ['stepByStep'], ...UNTIL_VERSION_1_1 } },
	},
	{
		displayName: 'Wait Until Allowed',
		name: 'waitUntilAllowed',
		type: 'boolean',
		default: false,
		description: WAIT_DESCRIPTION,
		displayOptions: { show: FROM_VERSION_1_1 },
	},
	{ ...maxWaitField, displayOptions: { show: { ...FROM_VERSION_1_1, waitUntilAllowed: [true] } } },
	{ ...pollIntervalField, displayOptions: { show: { ...FROM_VERSION_1_1, waitUntilAllowed: [true] } } },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: uploadOptions,
		displayOptions: { show: FROM_VERSION_1_1 },
	},
	// Version 1 kept Wait Until Allowed, Max Wait and Poll Interval (tenths of a second) in Options;
	// workflows saved with it keep them there.
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...uploadOptions,
			{ ...maxWaitField, typeOptions: { minValue: 1 }, displayOptions: { show: { waitUntilAllowed: [true] } } },
			{
				...pollIntervalField,
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				displayOptions: { show: { waitUntilAllowed: [true] } },
			},
			{
				displayName: 'Wait Until Allowed',
				name: 'waitUntilAllowed',
				type: 'boolean',
				default: false,
				description: WAIT_DESCRIPTION,
			},
		],
		displayOptions: { show: ONLY_VERSION_1 },
	},
]);

/** How long to wait for an import to become allowed, when at all. */
interface Waiting {
	waitUntilAllowed: boolean;
	maxWaitMs: number;
	pollMs: number;
}

/** A 50 MB file over a slow line needs longer than the default two minutes. */
const UPLOAD_TIMEOUT_MS = 15 * 60_000;

const NOT_ALLOWED_REASON =
	'Virtual Inventory answers isImportAllowed = false while someone of your company is importing from the web page, or while an import started through the API is still active.';

/** Wait Until Allowed, Max Wait or Poll Interval: top-level from version 1.1, in Options before. */
function waitingParameter(ctx: IExecuteFunctions, itemIndex: number, name: string): unknown {
	const path = ctx.getNode().typeVersion >= 1.1 ? name : `options.${name}`;
	return ctx.getNodeParameter(path, itemIndex, null) as unknown;
}

/** Wait Until Allowed, Max Wait and Poll Interval, refused before any request unless they are numbers. */
function readWaiting(ctx: IExecuteFunctions, itemIndex: number): Waiting {
	const waitUntilAllowed =
		valueOrThrow(ctx, itemIndex, 'Wait Until Allowed', checkBoolean(waitingParameter(ctx, itemIndex, 'waitUntilAllowed'))) ?? false;
	if (!waitUntilAllowed) return { waitUntilAllowed, maxWaitMs: 0, pollMs: 0 };
	const maxWaitSeconds =
		valueOrThrow(ctx, itemIndex, 'Max Wait (Seconds)', checkNumber(waitingParameter(ctx, itemIndex, 'maxWaitSeconds'), { min: 1, max: 86_400 })) ?? 300;
	const pollSeconds =
		valueOrThrow(ctx, itemIndex, 'Poll Interval (Seconds)', checkNumber(waitingParameter(ctx, itemIndex, 'pollIntervalSeconds'), { min: 0.1, max: 3600 })) ?? 10;
	return { waitUntilAllowed, maxWaitMs: maxWaitSeconds * 1000, pollMs: pollSeconds * 1000 };
}

/**
 * The guide's order: check the status, upload only when the import is allowed. Returns how long it
 * waited for that, counted from the first answer that said no (0 when the first said yes).
 */
async function whenImportAllowed(ctx: IExecuteFunctions, itemIndex: number, waiting: Waiting): Promise<number> {
	let started: number | undefined;
	for (;;) {
		const status = await getImportStatus(ctx, itemIndex);
		if (status.isImportAllowed === true) return started === undefined ? 0 : Date.now() - started;
		started ??= Date.now();
		if (status.isImportAllowed !== false) {
			throw await answerError(ctx, virtualInventoryService, itemIndex, {
				message: 'The import status has no "isImportAllowed" field',
				description: (quote) => `Virtual Inventory answered: ${quote(status)}`,
			});
		}
		if (!waiting.waitUntilAllowed) {
			throw new NodeOperationError(ctx.getNode(), 'Virtual Inventory does not allow an import right now', {
				itemIndex,
				description: `${NOT_ALLOWED_REASON} Try again later, or turn on Wait Until Allowed.`,
			});
		}
		const waited = Date.now() - started;
		if (waited >= waiting.maxWaitMs || ctx.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Virtual Inventory still did not allow an import after ${Math.round(waited / 1000)} s`,
				{ itemIndex, description: `${NOT_ALLOWED_REASON} Raise Max Wait, or try again later.` },
			);
		}
		await sleep(Math.min(waiting.pollMs, waiting.maxWaitMs - waited));
	}
}

/** What the upload request needs besides the file: the mode's value, the form's field name, the type. */
function readUploadGuesses(ctx: IExecuteFunctions, itemIndex: number, importMode: ImportMode) {
	const modeOption = importMode === 'stepByStep' ? 'stepByStepModeValue' : 'applyWithoutFeedbackModeValue';
	const modeField = importMode === 'stepByStep' ? 'Step by Step Mode Value' : 'No Feedback Mode Value';
	return {
		// Named when Virtual Inventory refuses the upload as malformed: each of these is a guess.
		correctingFields: overrideField(ctx, `${modeField}, Upload Field Name or File Type If Unknown`),
		modeValue: readNameOption(ctx, itemIndex, overridePath(ctx, modeOption), modeField, IMPORT_MODE_VALUES[importMode]),
		fileField: readNameOption(ctx, itemIndex, overridePath(ctx, 'fileFieldName'), 'Upload Field Name', UPLOAD_FILE_FIELD),
		fileType: readNameOption(ctx, itemIndex, overridePath(ctx, 'fileType'), 'File Type If Unknown', DEFAULT_UPLOAD_MIME_TYPE),
	};
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
	const binaryPropertyName = readText(this, 'binaryPropertyName', 'Input Binary Field', itemIndex, {
		required: true,
		maxLength: 200,
	});
	const importMode = readChoiceOption(this, itemIndex, 'importMode', 'Import Mode', IMPORT_MODES, 'stepByStep');
	const fileNameOption = readText(this, 'options.fileName', 'File Name', itemIndex, { maxLength: 255 });
	const waiting = readWaiting(this, itemIndex);
	const guesses = readUploadGuesses(this, itemIndex, importMode);
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);

	const waitedMs = await whenImportAllowed(this, itemIndex, waiting);

	const { size, open } = await fileContents(this, itemIndex, binaryPropertyName, binary);
	if (size === 0) {
		throw inputError(this, itemIndex, 'Input Binary Field', `"${binaryPropertyName}" holds an empty file`);
	}
	const fileName = fileNameOption || binary.fileName || `inventory-import.${binary.fileExtension ?? 'xlsx'}`;
	const ownType = binary.mimeType && binary.mimeType !== 'application/octet-stream' ? binary.mimeType : undefined;
	const mimeType = ownType ?? guesses.fileType;

	const body = multipartFileBody(guesses.fileField, { fileName, mimeType, size, open });
	const answer = asObject(
		await apiRequest(
			this,
			'POST',
			IMPORT_UPLOAD_PATH,
			{
				pathParams: { importMode: guesses.modeValue },
				body,
				timeoutMs: UPLOAD_TIMEOUT_MS,
				shapeField: guesses.correctingFields,
			},
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
