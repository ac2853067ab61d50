/**
 * The Virtual Inventory API behind the Collabor8 gateway, as "Virtual Inventory API: How To Keep
 * Your Inventory In Sync" describes it: check the import status, upload only while
 * `isImportAllowed` is true. `isImportAllowed` turns false while someone of the company imports
 * from the web page or while an import started by API is still active (here: `importBusyMs` after
 * an upload). Its tokens come from Microsoft Entra ID (./entra.ts).
 */
import { createHash, randomUUID } from 'node:crypto';

import { BodyError, readMultipart } from '../../core/body';
import type { MultipartPart } from '../../core/body';
import type { SandboxResponse, SandboxServer } from '../../core/server';
import { inventionsFor } from '../../core/inventions';
import type { SandboxOptions, SandboxService } from '../../core/service';
import { COLLABOR8_ACCOUNTS, DEFAULT_TOKEN_LIFETIME_SECONDS, GATEWAY_PREFIX, json, TokenStore } from '../gateway';
import { entraTokenUrl, installEntra, TEST_SCOPE } from './entra';
import { DISAGREEING, READING } from './inventions';

export const VIRTUAL_INVENTORY_SERVICE = 'collabor8VirtualInventory';

/**
 * INVENTED (see ./inventions.ts): the part of the address between the gateway and `v1/m2m/…`, which
 * the guide writes as "...". The sandbox reads the API's name in the portal link the guide gives:
 * https://portal-apis-vi.collabor8.no/api-details#api=virtual-inventory-api&operation=m2mUploadInventoryImportFile
 * The `{importMode}` values (the guide names the two modes in words only: "Step by step", the
 * default, and "Apply file without feedback"), the multipart field and the file types are
 * inventions too. The credentials the sandbox hands out point at this reading's API Path, so that
 * started with other inventions it disagrees until the user corrects the address.
 */
const API_PATH = READING.apiPath;

const DEFAULT_IMPORT_BUSY_MS = 15_000;

/** What the sandbox kept of an uploaded file: enough to compare it byte for byte. */
export interface ImportRecord {
	importId: string;
	importMode: string;
	fileName: string;
	fileSize: number;
	contentType: string;
	sha256: string;
	receivedAt: string;
}

/** What Virtual Inventory holds: its tokens, the imports it received, and whether one is active. */
export class VirtualInventoryState {
	readonly tokens = new TokenStore();

	/** The lifetime of the tokens Entra ID issues for Virtual Inventory. */
	tokenLifetimeSeconds: number;

	/** How long an upload keeps the import active. */
	importBusyMs: number;

	imports: ImportRecord[] = [];

	private busyUntil = 0;

	/** A web import that starts at the next status check and lasts this long (0: none pending). */
	private busyFromNextCheckMs = 0;

	private busySource: 'api' | 'web' = 'api';

	constructor(private readonly options: SandboxOptions) {
		this.tokenLifetimeSeconds = this.initialLifetime();
		this.importBusyMs = options.importBusyMs ?? DEFAULT_IMPORT_BUSY_MS;
	}

	private initialLifetime(): number {
		return this.options.tokenLifetimeSeconds?.entra ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
	}

	reset(): void {
		this.tokens.revokeAll();
		this.tokenLifetimeSeconds = this.initialLifetime();
		this.importBusyMs = this.options.importBusyMs ?? DEFAULT_IMPORT_BUSY_MS;
		this.imports = [];
		this.busyUntil = 0;
		this.busyFromNextCheckMs = 0;
	}

	/**
	 * Someone of the company imports from the web page for `ms`: from now, or (so that a test does not
	 * depend on how fast the client starts) from the next status check on.
	 */
	startWebImport(ms: number, { fromNextCheck = false }: { fromNextCheck?: boolean } = {}): void {
		if (fromNextCheck) {
			this.busyFromNextCheckMs = ms;
			return;
		}
		this.busyUntil = Date.now() + ms;
		this.busySource = 'web';
	}

	isImportAllowed(): boolean {
		return Date.now() >= this.busyUntil;
	}

	/** The status answer; a web import waiting for the next check begins here. */
	status(): Record<string, unknown> {
		if (this.busyFromNextCheckMs > 0) {
			this.startWebImport(this.busyFromNextCheckMs);
			this.busyFromNextCheckMs = 0;
		}
		const allowed = this.isImportAllowed();
		const last = this.imports[this.imports.length - 1];
		return {
			isImportAllowed: allowed,
			// INVENTED: the fields beside `isImportAllowed`.
			activeImport: allowed
				? null
				: {
						source: this.busySource,
						importId: this.busySource === 'api' ? last?.importId : null,
						activeUntil: new Date(this.busyUntil).toISOString(),
					},
			lastImport: last ? { importId: last.importId, importMode: last.importMode, fileName: last.fileName, receivedAt: last.receivedAt } : null,
		};
	}

	/** Records an upload; the import it starts stays active for `importBusyMs`. */
	receive(importMode: string, file: MultipartPart): ImportRecord {
		const record: ImportRecord = {
			importId: randomUUID(),
			importMode,
			fileName: file.filename ?? '',
			fileSize: file.data.length,
			contentType: file.contentType ?? '',
			sha256: createHash('sha256').update(file.data).digest('hex'),
			receivedAt: new Date().toISOString(),
		};
		this.imports.push(record);
		this.busyUntil = Date.now() + this.importBusyMs;
		this.busySource = 'api';
		return record;
	}
}

/** ASP.NET Core's answer to a request that fails validation. */
function validationProblem(errors: Record<string, string[]>): SandboxResponse {
	return json(400, {
		type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
		title: 'One or more validation errors occurred.',
		status: 400,
		errors,
	});
}

function install(server: SandboxServer, options: SandboxOptions): VirtualInventoryState {
	const state = new VirtualInventoryState(options);
	const reading = { ...READING, ...inventionsFor(options.inventions, 'virtualInventory', DISAGREEING) };
	const modes = new Map(
		[reading.stepByStepModeValue, reading.applyWithoutFeedbackModeValue].map((value) => [value.toLowerCase(), value]),
	);
	const fileField = reading.uploadFieldName;

	server.mount(VIRTUAL_INVENTORY_SERVICE, `${GATEWAY_PREFIX}${reading.apiPath}`, () => state.reset());
	installEntra(server, state.tokens, () => state.tokenLifetimeSeconds, () => state.reset());

	// Step 1: "Check the status of the inventory import for your company with the endpoint "Get
	// inventory import state" `...v1/m2m/inventory-import/status`."
	server.route(VIRTUAL_INVENTORY_SERVICE, 'GET', '/v1/m2m/inventory-import/status', state.tokens.guard(() => json(200, state.status())));

	// Step 2: "If import is allowed – use "Upload inventory import file" endpoint
	// `...v1/m2m/inventory-import/{importMode}`."
	server.route(VIRTUAL_INVENTORY_SERVICE, 'POST', '/v1/m2m/inventory-import/:importMode', state.tokens.guard((request) => {
		const importMode = modes.get(request.params.importMode.toLowerCase());
		if (!importMode) {
			return validationProblem({ importMode: [`The value '${request.params.importMode}' is not valid.`] });
		}
		let parts;
		try {
			parts = readMultipart(request.headers, request.body);
		} catch (error) {
			if (error instanceof BodyError) {
				return json(415, {
					type: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
					title: 'Unsupported Media Type',
					status: 415,
				});
			}
			throw error;
		}
		const file = parts.find((part) => part.name === fileField && part.filename !== undefined);
		if (!file) return validationProblem({ [fileField]: [`The ${fileField} field is required.`] });
		if (file.data.length === 0) return validationProblem({ [fileField]: ['The file is empty.'] });
		const fileType = (file.contentType ?? '').split(';')[0].trim().toLowerCase();
		if (reading.acceptedFileType !== '' && fileType !== reading.acceptedFileType) {
			return validationProblem({ [fileField]: [`The file type '${fileType}' is not supported; upload ${reading.acceptedFileType}.`] });
		}
		if (!state.isImportAllowed()) {
			return json(409, {
				type: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
				title: 'Conflict',
				status: 409,
				detail: 'Inventory import is not allowed at the moment: another import for your company is active.',
			});
		}
		const record = state.receive(importMode, file);
		return json(200, {
			importId: record.importId,
			importMode,
			// INVENTED: the answer to an upload.
			status: importMode === reading.applyWithoutFeedbackModeValue ? 'Applied' : 'WaitingForReview',
			fileName: record.fileName,
			fileSize: record.fileSize,
		});
	}));

	return state;
}

export const virtualInventoryService: SandboxService<VirtualInventoryState> = {
	name: VIRTUAL_INVENTORY_SERVICE,
	install,
	credentials: (server) => ({
		collabor8VirtualInventoryApi: {
			environment: 'custom',
			baseUrl: `${server.url}/${GATEWAY_PREFIX}${API_PATH}`,
			tokenUrl: entraTokenUrl(server),
			scope: TEST_SCOPE,
			...COLLABOR8_ACCOUNTS.virtualInventory,
		},
	}),
};
