/**
 * What we do not know for sure about the Virtual Inventory API, in one place so that it is cheap
 * to correct. The facts are in the API's documentation behind a quick self-registration:
 * https://portal-apis-vi.collabor8.no/api-details#api=virtual-inventory-api&operation=m2mUploadInventoryImportFile
 * Each guess that decides where or how a request goes is the default of a field the user can
 * correct in the editor (the credential's Override API Addresses → API Path; the Upload operation's
 * API Overrides, its Options before version 1.2); docs/collabor8-virtual-inventory.md lists them.
 * The sandbox is written separately from the guides; started with inventions
 * (sandbox/collabor8/virtual-inventory/inventions.ts) it reads each guess differently, and
 * test/integration/collabor8/disagreeing-sandbox.test.ts shows each guess failing there with the
 * field that corrects it, and passing once that field is set.
 */

// The credential builds its addresses from this guess too, so it is defined beside it.
export { DEFAULT_API_PATH } from '../../credentials/common/collabor8VirtualInventory';

/**
 * GUESS: the `{importMode}` values of the upload path. The guide names the two modes only in words:
 * "Step by step" (the default, as in the web page) and "Apply file without feedback"
 * (API Overrides → Step by Step Mode Value, No Feedback Mode Value).
 */
export const IMPORT_MODE_VALUES = {
	stepByStep: 'StepByStep',
	applyWithoutFeedback: 'ApplyWithoutFeedback',
} as const;

export type ImportMode = keyof typeof IMPORT_MODE_VALUES;

/** GUESS: the name of the multipart field that carries the import file (API Overrides → Upload Field Name). */
export const UPLOAD_FILE_FIELD = 'file';

/**
 * GUESS: the file type. The web page imports an Excel template, so the file is most likely .xlsx;
 * the node sends whatever file it is given, with the file's own MIME type, and lets the service judge.
 * This type is sent only for a file that does not say its own (API Overrides → File Type If Unknown).
 */
export const DEFAULT_UPLOAD_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
