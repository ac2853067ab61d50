/**
 * What Check Setup checks in the Virtual Inventory API: the documented import status, below the
 * credential's guessed API Path (which also proves the Entra ID token). The upload is a write: its
 * guesses are listed, never tried.
 */
import type { SetupCheck } from '../shared/checkSetup';
import { IMPORT_STATUS_PATH, IMPORT_UPLOAD_PATH } from './endpoints';

export const checks: readonly SetupCheck[] = [
	{
		name: 'Credential, API Path and import status',
		kind: 'documented',
		covers: ['DEFAULT_API_PATH'],
		credentials: true,
		alwaysAnswers: true,
		field: 'Credential → Override API Addresses → API Path (Base URL for Custom)',
		suggestion:
			'Switch on Override API Addresses in the credential and set API Path to the part of the address between the gateway and v1/m2m that your Virtual Inventory API documentation shows (for Custom, correct the Base URL).',
		request: () => ({ path: IMPORT_STATUS_PATH }),
		read: (body) =>
			body !== null && typeof body === 'object' && typeof (body as { isImportAllowed?: unknown }).isImportAllowed === 'boolean'
				? { ok: true }
				: { ok: false, problem: 'The guide says the status holds isImportAllowed (true or false); this answer does not.' },
	},
	{
		name: 'Upload import file (a write)',
		kind: 'guess',
		covers: ['IMPORT_MODE_VALUES', 'UPLOAD_FILE_FIELD', 'DEFAULT_UPLOAD_MIME_TYPE'],
		method: 'POST',
		path: IMPORT_UPLOAD_PATH,
		field: 'Options → Step by Step Mode Value, No Feedback Mode Value, Upload Field Name, File Type If Unknown',
		reason:
			'Not checked (a write): Check Setup never uploads. The mode values, the file field and the file type show only when a file is uploaded; if Upload is refused, correct these options.',
	},
];
