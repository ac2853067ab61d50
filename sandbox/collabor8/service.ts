/**
 * The Collabor8 gateway as the guides show it, with the three services behind it and the Microsoft
 * Entra ID token endpoint that Virtual Inventory uses:
 * - EqHub and Loop: client-credentials tokens from the gateway (form body, 201 Created), products
 *   with images, sales with page-based paging;
 * - Entra ID: checks directory (tenant), client, secret and scope, and refuses with AADSTS errors;
 * - Virtual Inventory: `isImportAllowed` turns false while an import is active and back to true
 *   after `importBusyMs`; uploads are multipart only and refused while an import is not allowed.
 * Every API call needs a valid, unexpired token issued for that service.
 *
 * Test controls (not part of the real APIs) live under /collabor8/__state.
 */
import { createHash, randomUUID } from 'node:crypto';

import { BodyError, readForm, readJson, readMultipart } from '../core/body';
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../core/server';
import type { SandboxOptions, SandboxService } from '../core/service';
import { EQHUB_API_ROOT, LEGACY_PRODUCT_PATH, PRODUCT_IMAGE_PATH } from '../../nodes/Collabor8EqHub/endpoints';
import { PRODUCT_DETAILS_PATH } from '../../nodes/Collabor8EqHub/guesses';
import { LOOP_API_ROOT, SALES_PATH } from '../../nodes/Collabor8Loop/endpoints';
import { ITEM_CREATE, MAX_PAGE_SIZE, SALE_PATH, SALE_STATUS_UPDATE, SALE_STATUSES, TOTAL_FIELDS } from '../../nodes/Collabor8Loop/guesses';
import { ENTRA_SCOPES, ENTRA_TENANT_ID, IMPORT_STATUS_PATH, IMPORT_UPLOAD_PATH } from '../../nodes/Collabor8VirtualInventory/endpoints';
import { DEFAULT_API_PATH, IMPORT_MODE_VALUES, UPLOAD_FILE_FIELD } from '../../nodes/Collabor8VirtualInventory/guesses';
import { COLLABOR8_ACCOUNTS, initialSales, sandboxProducts } from './data';
import type { SandboxProduct, SandboxSale } from './data';
import type { Audience, ClientAccount } from './tokens';
import { checkClientCredentials, entraError, missingParameter, TokenStore } from './tokens';

export const COLLABOR8_SERVICES = {
	eqhub: 'collabor8EqHub',
	loop: 'collabor8Loop',
	virtualInventory: 'collabor8VirtualInventory',
	entra: 'entra',
	control: 'collabor8Control',
} as const;

const GATEWAY_PREFIX = 'collabor8';
const DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;
const DEFAULT_IMPORT_BUSY_MS = 15_000;

export interface ImportRecord {
	importId: string;
	importMode: string;
	fileName: string;
	fileSize: number;
	contentType: string;
	sha256: string;
	receivedAt: string;
}

class Collabor8State {
	readonly tokens = new TokenStore();

	lifetimes: Record<'eqhub' | 'loop' | 'entra', number>;

	importBusyMs: number;

	sales: SandboxSale[] = [];

	items: Array<Record<string, unknown>> = [];

	imports: ImportRecord[] = [];

	busyUntil = 0;

	/** A web import that starts at the next status check and lasts this long (0: none pending). */
	busyFromNextCheckMs = 0;

	busySource: 'api' | 'web' = 'api';

	constructor(private readonly options: SandboxOptions) {
		this.lifetimes = this.initialLifetimes();
		this.importBusyMs = options.importBusyMs ?? DEFAULT_IMPORT_BUSY_MS;
		this.reset();
	}

	private initialLifetimes(): Record<'eqhub' | 'loop' | 'entra', number> {
		const configured = this.options.tokenLifetimeSeconds ?? {};
		return {
			eqhub: configured.eqhub ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
			loop: configured.loop ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
			entra: configured.entra ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
		};
	}

	reset(): void {
		this.tokens.reset();
		this.lifetimes = this.initialLifetimes();
		this.importBusyMs = this.options.importBusyMs ?? DEFAULT_IMPORT_BUSY_MS;
		this.sales = initialSales();
		this.items = [];
		this.imports = [];
		this.busyUntil = 0;
		this.busyFromNextCheckMs = 0;
	}

	isImportAllowed(): boolean {
		return Date.now() >= this.busyUntil;
	}
}

const json = (status: number, body: unknown): SandboxResponse => ({ status, body });

/** `/sales/{saleId}` → `/sales/:saleId`, so that routes follow the node's (guessed) paths. */
function routeOf(template: string): string {
	return template.replace(/\{(\w+)\}/g, ':$1');
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

function tokenEndpoint(state: Collabor8State, audience: Audience, account: ClientAccount, lifetime: () => number, status: number) {
	return (request: SandboxRequest): SandboxResponse => {
		let form: URLSearchParams;
		try {
			form = readForm(request.headers, request.body);
		} catch (error) {
			// Entra reads only form bodies: a JSON body has no grant_type as far as it can tell.
			if (error instanceof BodyError) return missingParameter('grant_type');
			throw error;
		}
		const refused = checkClientCredentials(form, account);
		if (refused) return refused;
		const { token, lifetimeSeconds } = state.tokens.issue(audience, lifetime());
		return json(status, {
			token_type: 'Bearer',
			expires_in: lifetimeSeconds,
			ext_expires_in: lifetimeSeconds,
			access_token: token,
		});
	};
}

function installEqHub(server: SandboxServer, state: Collabor8State): void {
	const service = COLLABOR8_SERVICES.eqhub;
	const products = sandboxProducts();
	const gatewayRoot = (): string => `${server.url}/${GATEWAY_PREFIX}`;
	const byId = (id: string): SandboxProduct | undefined => products.find((product) => product.eqhubProductId === id);
	const authorized = (handler: (request: SandboxRequest) => SandboxResponse) => (request: SandboxRequest) =>
		state.tokens.check(request, 'eqhub') ?? handler(request);

	server.mount(service, `${GATEWAY_PREFIX}${EQHUB_API_ROOT}`, () => state.reset());
	server.route(
		service,
		'POST',
		'/token',
		tokenEndpoint(state, 'eqhub', COLLABOR8_ACCOUNTS.eqhub, () => state.lifetimes.eqhub, 201),
	);

	server.route(service, 'GET', routeOf(LEGACY_PRODUCT_PATH), authorized((request) => {
		const product = products.find((candidate) => candidate.tekNumber === request.params.id);
		if (!product?.legacy) return json(404, { statusCode: 404, message: `Product with ID '${request.params.id}' was not found.` });
		return json(200, product.legacy);
	}));

	server.route(service, 'GET', routeOf(PRODUCT_DETAILS_PATH), authorized((request) => {
		const product = byId(request.params.eqhubProductId);
		if (!product) {
			return json(404, { statusCode: 404, message: `Product '${request.params.eqhubProductId}' was not found.` });
		}
		return json(200, product.document(gatewayRoot()));
	}));

	server.route(service, 'GET', routeOf(PRODUCT_IMAGE_PATH), authorized((request) => {
		const image = byId(request.params.eqhubProductId)?.images.find((candidate) => candidate.uuid === request.params.imageUuid);
		if (!image) return json(404, { statusCode: 404, message: 'Image was not found.' });
		const headers: Record<string, string> = { 'Content-Type': image.contentType };
		if (image.fileName) {
			headers['Content-Disposition'] =
				`inline; filename="${image.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(image.fileName)}`;
		}
		return { status: 200, headers, body: image.bytes };
	}));
}

function pageParameter(query: URLSearchParams, name: string, fallback: number): number | string {
	const raw = query.get(name);
	if (raw === null) return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < 1) return `${name} must be a positive integer`;
	return Number(raw);
}

function installLoop(server: SandboxServer, state: Collabor8State): void {
	const service = COLLABOR8_SERVICES.loop;
	const authorized = (handler: (request: SandboxRequest) => SandboxResponse) => (request: SandboxRequest) =>
		state.tokens.check(request, 'loop') ?? handler(request);
	const withJson = (handler: (body: Record<string, unknown>, request: SandboxRequest) => SandboxResponse) =>
		authorized((request) => {
			let body: unknown;
			try {
				body = readJson(request.headers, request.body);
			} catch (error) {
				if (error instanceof BodyError) return json(400, { statusCode: 400, message: error.message });
				throw error;
			}
			if (body === null || typeof body !== 'object' || Array.isArray(body)) {
				return json(400, { statusCode: 400, message: 'The request body must be a JSON object' });
			}
			return handler(body as Record<string, unknown>, request);
		});

	server.mount(service, `${GATEWAY_PREFIX}${LOOP_API_ROOT}`, () => state.reset());
	server.route(
		service,
		'POST',
		'/token',
		tokenEndpoint(state, 'loop', COLLABOR8_ACCOUNTS.loop, () => state.lifetimes.loop, 201),
	);

	server.route(service, 'GET', SALES_PATH, authorized((request) => {
		const page = pageParameter(request.query, 'page', 1);
		const limit = pageParameter(request.query, 'limit', 10);
		if (typeof page === 'string') return json(400, { statusCode: 400, message: page });
		if (typeof limit === 'string') return json(400, { statusCode: 400, message: limit });
		if (limit > MAX_PAGE_SIZE) {
			return json(400, { statusCode: 400, message: `limit must not be greater than ${MAX_PAGE_SIZE}` });
		}
		const data = state.sales.slice((page - 1) * limit, page * limit);
		const answer: Record<string, unknown> = { data, page, limit };
		if (request.query.get('countQueries') === 'true') {
			answer[TOTAL_FIELDS[0]] = state.sales.length;
			answer.pageCount = Math.ceil(state.sales.length / limit);
		}
		return json(200, answer);
	}));

	const saleOf = (id: string): SandboxSale | undefined => state.sales.find((sale) => sale.id === id);

	server.route(service, 'GET', routeOf(SALE_PATH), authorized((request) => {
		const sale = saleOf(request.params.saleId);
		return sale ? json(200, sale) : json(404, { statusCode: 404, message: `Sale '${request.params.saleId}' was not found` });
	}));

	server.route(service, SALE_STATUS_UPDATE.method, routeOf(SALE_STATUS_UPDATE.path), withJson((body, request) => {
		const sale = saleOf(request.params.saleId);
		if (!sale) return json(404, { statusCode: 404, message: `Sale '${request.params.saleId}' was not found` });
		const status = body[SALE_STATUS_UPDATE.bodyField];
		if (typeof status !== 'string' || !(SALE_STATUSES as readonly string[]).includes(status)) {
			return json(400, { statusCode: 400, message: `status must be one of the following values: ${SALE_STATUSES.join(', ')}` });
		}
		sale.status = status;
		return json(200, sale);
	}));

	server.route(service, ITEM_CREATE.method, ITEM_CREATE.path, withJson((body) => {
		const objectInformation = body.objectInformation as Record<string, unknown> | undefined;
		if (!objectInformation || typeof objectInformation.description !== 'string' || objectInformation.description.trim() === '') {
			return json(400, { statusCode: 400, message: 'objectInformation.description should not be empty' });
		}
		const item = { id: `item-${randomUUID()}`, status: 'draft', ...body, createdAt: new Date().toISOString() };
		state.items.push(item);
		return json(201, item);
	}));
}

function installEntra(server: SandboxServer, state: Collabor8State): void {
	const service = COLLABOR8_SERVICES.entra;
	server.mount(service, 'entra', () => state.reset());
	const issue = tokenEndpoint(state, 'virtualInventory', COLLABOR8_ACCOUNTS.virtualInventory, () => state.lifetimes.entra, 200);
	server.route(service, 'POST', '/:tenant/oauth2/v2.0/token', (request) => {
		if (request.params.tenant !== ENTRA_TENANT_ID) {
			return entraError(
				400,
				'invalid_request',
				90002,
				`Tenant '${request.params.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
			);
		}
		let form: URLSearchParams;
		try {
			form = readForm(request.headers, request.body);
		} catch (error) {
			if (error instanceof BodyError) return missingParameter('grant_type');
			throw error;
		}
		const scope = form.get('scope');
		if (form.get('grant_type') === 'client_credentials' && !scope) return missingParameter('scope');
		if (scope && !/^\S+\/\.default$/.test(scope)) {
			return entraError(
				400,
				'invalid_scope',
				1002012,
				`The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
			);
		}
		if (scope && scope !== ENTRA_SCOPES.test) {
			const refused = checkClientCredentials(form, COLLABOR8_ACCOUNTS.virtualInventory);
			if (refused) return refused;
			const resource = scope.replace(/\/\.default$/, '');
			return entraError(
				400,
				'invalid_resource',
				500011,
				`The resource principal named ${resource} was not found in the tenant named Collabor8. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
			);
		}
		return issue(request);
	});
}

function installVirtualInventory(server: SandboxServer, state: Collabor8State): void {
	const service = COLLABOR8_SERVICES.virtualInventory;
	server.mount(service, `${GATEWAY_PREFIX}${DEFAULT_API_PATH}`, () => state.reset());
	const modes = new Map(Object.values(IMPORT_MODE_VALUES).map((value) => [value.toLowerCase(), value]));

	server.route(service, 'GET', IMPORT_STATUS_PATH, (request) => {
		const refused = state.tokens.check(request, 'virtualInventory');
		if (refused) return refused;
		if (state.busyFromNextCheckMs > 0) {
			state.busyUntil = Date.now() + state.busyFromNextCheckMs;
			state.busySource = 'web';
			state.busyFromNextCheckMs = 0;
		}
		const allowed = state.isImportAllowed();
		const last = state.imports[state.imports.length - 1];
		return json(200, {
			isImportAllowed: allowed,
			activeImport: allowed
				? null
				: { source: state.busySource, importId: state.busySource === 'api' ? last?.importId : null, activeUntil: new Date(state.busyUntil).toISOString() },
			lastImport: last ? { importId: last.importId, importMode: last.importMode, fileName: last.fileName, receivedAt: last.receivedAt } : null,
		});
	});

	server.route(service, 'POST', routeOf(IMPORT_UPLOAD_PATH), (request) => {
		const refused = state.tokens.check(request, 'virtualInventory');
		if (refused) return refused;
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
		const file = parts.find((part) => part.name === UPLOAD_FILE_FIELD && part.filename !== undefined);
		if (!file) return validationProblem({ [UPLOAD_FILE_FIELD]: [`The ${UPLOAD_FILE_FIELD} field is required.`] });
		if (file.data.length === 0) return validationProblem({ [UPLOAD_FILE_FIELD]: ['The file is empty.'] });
		if (!state.isImportAllowed()) {
			return json(409, {
				type: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
				title: 'Conflict',
				status: 409,
				detail: 'Inventory import is not allowed at the moment: another import for your company is active.',
			});
		}
		const record: ImportRecord = {
			importId: randomUUID(),
			importMode,
			fileName: file.filename ?? '',
			fileSize: file.data.length,
			contentType: file.contentType ?? '',
			sha256: createHash('sha256').update(file.data).digest('hex'),
			receivedAt: new Date().toISOString(),
		};
		state.imports.push(record);
		state.busyUntil = Date.now() + state.importBusyMs;
		state.busySource = 'api';
		return json(200, {
			importId: record.importId,
			importMode,
			status: importMode === IMPORT_MODE_VALUES.applyWithoutFeedback ? 'Applied' : 'WaitingForReview',
			fileName: record.fileName,
			fileSize: record.fileSize,
		});
	});
}

function installControls(server: SandboxServer, state: Collabor8State): void {
	const service = COLLABOR8_SERVICES.control;
	server.mount(service, `${GATEWAY_PREFIX}/__state`);
	const body = (request: SandboxRequest): Record<string, unknown> => {
		try {
			return JSON.parse(request.body.toString('utf8') || '{}') as Record<string, unknown>;
		} catch {
			return {};
		}
	};
	server.route(service, 'POST', '/revoke-tokens', () => {
		state.tokens.revokeAll();
		return { status: 204 };
	});
	server.route(service, 'POST', '/token-lifetime', (request) => {
		const lifetimes = body(request);
		for (const key of ['eqhub', 'loop', 'entra'] as const) {
			if (typeof lifetimes[key] === 'number') state.lifetimes[key] = lifetimes[key] as number;
		}
		return json(200, state.lifetimes);
	});
	server.route(service, 'POST', '/virtual-inventory/busy', (request) => {
		// Someone of the company imports from the web page for this long: from now, or (so that a
		// test does not depend on how fast the client starts) from the next status check on.
		const { ms, importBusyMs, fromNextCheck } = body(request);
		if (typeof importBusyMs === 'number') state.importBusyMs = importBusyMs;
		if (typeof ms === 'number' && fromNextCheck === true) {
			state.busyFromNextCheckMs = ms;
		} else if (typeof ms === 'number') {
			state.busyUntil = Date.now() + ms;
			state.busySource = 'web';
		}
		return json(200, { busyUntil: new Date(state.busyUntil).toISOString(), importBusyMs: state.importBusyMs });
	});
	server.route(service, 'GET', '/virtual-inventory/imports', () => json(200, state.imports));
	server.route(service, 'GET', '/loop/sales/:saleId', (request) => {
		const sale = state.sales.find((candidate) => candidate.id === request.params.saleId);
		return sale ? json(200, sale) : json(404, { message: 'no such sale' });
	});
	server.route(service, 'GET', '/loop/items', () => json(200, state.items));
	server.route(service, 'POST', '/loop/sales', (request) => {
		// Replaces the sales with this many generated ones, for paging over many pages.
		const { count } = body(request);
		state.sales = initialSales(typeof count === 'number' ? count : 23);
		return json(200, { count: state.sales.length });
	});
}

function install(server: SandboxServer, options: SandboxOptions): void {
	const state = new Collabor8State(options);
	installEqHub(server, state);
	installLoop(server, state);
	installVirtualInventory(server, state);
	installEntra(server, state);
	installControls(server, state);
}

export const collabor8Service: SandboxService = {
	name: 'collabor8',
	install,
	credentials(server) {
		const gateway = `${server.url}/${GATEWAY_PREFIX}`;
		return {
			collabor8EqHubApi: { environment: 'custom', baseUrl: gateway, ...COLLABOR8_ACCOUNTS.eqhub },
			collabor8LoopApi: { environment: 'custom', baseUrl: gateway, ...COLLABOR8_ACCOUNTS.loop },
			collabor8VirtualInventoryApi: {
				environment: 'custom',
				baseUrl: `${gateway}${DEFAULT_API_PATH}`,
				tokenUrl: `${server.url}/entra/${ENTRA_TENANT_ID}/oauth2/v2.0/token`,
				scope: ENTRA_SCOPES.test,
				...COLLABOR8_ACCOUNTS.virtualInventory,
			},
		};
	},
};
