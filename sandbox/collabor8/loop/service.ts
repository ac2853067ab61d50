/**
 * The Loop API behind the Collabor8 gateway. "Loop API: Getting Started" shows the token and the
 * sales list; "Loop API Fundamentals" says what else a broker and a seller do (export sales data,
 * update sales statuses; import items). The guides show no path, body or answer for those, so the
 * sandbox's are marked INVENTED below: the node's own guesses must meet them, and a test fails
 * where the two readings differ.
 */
import { randomUUID } from 'node:crypto';

import { BodyError, readJson } from '../../core/body';
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../../core/server';
import { inventionsFor } from '../../core/inventions';
import type { SandboxOptions, SandboxService } from '../../core/service';
import { COLLABOR8_ACCOUNTS, DEFAULT_TOKEN_LIFETIME_SECONDS, GATEWAY_PREFIX, json, routeOf, TokenStore, tokenEndpoint } from '../gateway';
import { initialSales } from './data';
import type { SandboxSale } from './data';
import { DISAGREEING, READING } from './inventions';

export const LOOP_SERVICE = 'collabor8Loop';

/** "token_url: https://apis-test-vi.collabor8.no/loop-m2m/loop-api/v1/token" */
const API_ROOT = '/loop-m2m/loop-api/v1';

/** What Loop holds: its tokens, the sales, and the items sellers created. */
export class LoopState {
	readonly tokens = new TokenStore();

	tokenLifetimeSeconds: number;

	sales: SandboxSale[] = [];

	items: Array<Record<string, unknown>> = [];

	/**
	 * When set, the sales list serves at most this many sales per page, whatever `limit` asks for, and
	 * says nothing about it: services often cap their page size silently.
	 */
	pageSizeCap: number | undefined;

	constructor(private readonly options: SandboxOptions) {
		this.tokenLifetimeSeconds = this.initialLifetime();
		this.reset();
	}

	private initialLifetime(): number {
		return this.options.tokenLifetimeSeconds?.loop ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
	}

	reset(): void {
		this.tokens.revokeAll();
		this.tokenLifetimeSeconds = this.initialLifetime();
		this.sales = initialSales();
		this.items = [];
		this.pageSizeCap = undefined;
	}

	/** Replaces the sales with this many generated ones, for paging over many pages. */
	replaceSales(count: number): void {
		this.sales = initialSales(count);
	}

	/** A seller publishes a new sale; it is listed last, created now. */
	addSale(description: string, status = 'draft'): SandboxSale {
		const template = initialSales(1)[0];
		const sale: SandboxSale = {
			...template,
			id: `sale-${randomUUID()}`,
			status,
			objectInformation: { ...template.objectInformation, description },
			createdAt: new Date().toISOString(),
		};
		this.sales.push(sale);
		return sale;
	}

	/** A broker (or Loop) changes a sale's status. */
	setSaleStatus(id: string, status: string): SandboxSale {
		const sale = this.sale(id);
		if (!sale) throw new Error(`No sale ${id} in the sandbox`);
		sale.status = status;
		return sale;
	}

	sale(id: string): SandboxSale | undefined {
		return this.sales.find((sale) => sale.id === id);
	}
}

function pageParameter(query: URLSearchParams, name: string, fallback: number): number | string {
	const raw = query.get(name);
	if (raw === null) return fallback;
	if (!/^\d+$/.test(raw) || Number(raw) < 1) return `${name} must be a positive integer`;
	return Number(raw);
}

type JsonHandler = (body: Record<string, unknown>, request: SandboxRequest) => SandboxResponse;

/** A JSON object body, refused with 400 otherwise. */
function withJsonBody(handler: JsonHandler) {
	return (request: SandboxRequest): SandboxResponse => {
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
	};
}

function install(server: SandboxServer, options: SandboxOptions): LoopState {
	const state = new LoopState(options);
	const reading = { ...READING, ...inventionsFor(options.inventions, 'loop', DISAGREEING) };
	const route = (method: string, path: string, handler: (request: SandboxRequest) => SandboxResponse): void =>
		server.route(LOOP_SERVICE, method, path, state.tokens.guard(handler));
	const saleNotFound = (id: string): SandboxResponse => json(404, { statusCode: 404, message: `Sale '${id}' was not found` });

	server.mount(LOOP_SERVICE, `${GATEWAY_PREFIX}${API_ROOT}`, () => state.reset());

	// The guide's token request: a form body `grant_type=client_credentials`, `client_id`,
	// `client_secret`, answered "201 Created".
	server.route(
		LOOP_SERVICE,
		'POST',
		'/token',
		tokenEndpoint(state.tokens, COLLABOR8_ACCOUNTS.loop, () => state.tokenLifetimeSeconds, 201),
	);

	// "GET {{VIApiTESTBaseUrl}}/loop-m2m/loop-api/v1/sales?page=1&limit=1&countQueries=true", answered
	// `{"data": [{"status": "draft", "objectInformation": {…}, "saleInformation": {…}}]}`.
	route('GET', '/sales', (request) => {
		const page = pageParameter(request.query, 'page', 1);
		const limit = pageParameter(request.query, 'limit', 10);
		if (typeof page === 'string') return json(400, { statusCode: 400, message: page });
		if (typeof limit === 'string') return json(400, { statusCode: 400, message: limit });
		// INVENTED: the largest `limit` the sales list serves.
		if (limit > reading.maxPageSize) {
			return json(400, { statusCode: 400, message: `limit must not be greater than ${reading.maxPageSize}` });
		}
		const served = Math.min(limit, state.pageSizeCap ?? limit);
		const data = state.sales.slice((page - 1) * served, page * served);
		const answer: Record<string, unknown> = { data, page, limit };
		if (request.query.get('countQueries') === 'true') {
			// INVENTED: the guide names the parameter, not the fields of the totals it adds.
			answer[reading.totalField] = state.sales.length;
			answer.pageCount = Math.ceil(state.sales.length / served);
		}
		return json(200, answer);
	});

	// INVENTED: one sale by its ID (the guide's sale shows no ID field; the sandbox's sales have `id`).
	route('GET', routeOf(reading.salePath), (request) => {
		const sale = state.sale(request.params.saleId);
		return sale ? json(200, sale) : saleNotFound(request.params.saleId);
	});

	// "update sales statuses" (brokers). INVENTED: PUT with a JSON body `{"status": …}`.
	route(reading.statusMethod, routeOf(reading.statusPath), withJsonBody((body, request) => {
		const sale = state.sale(request.params.saleId);
		if (!sale) return saleNotFound(request.params.saleId);
		const status = body[reading.statusBodyField];
		// INVENTED: the statuses a sale can take; the guide shows only "draft".
		if (typeof status !== 'string' || !reading.saleStatuses.includes(status)) {
			return json(400, {
				statusCode: 400,
				message: `${reading.statusBodyField} must be one of the following values: ${reading.saleStatuses.join(', ')}`,
			});
		}
		sale.status = status;
		return json(200, sale);
	}));

	// "Import items" (sellers). INVENTED: POST with a JSON body shaped as the guide's sale shows it.
	route(reading.itemMethod, reading.itemPath, withJsonBody((body) => {
		const objectInformation = body.objectInformation as Record<string, unknown> | undefined;
		if (!objectInformation || typeof objectInformation.description !== 'string' || objectInformation.description.trim() === '') {
			return json(400, { statusCode: 400, message: 'objectInformation.description should not be empty' });
		}
		const item = { id: `item-${randomUUID()}`, status: 'draft', ...body, createdAt: new Date().toISOString() };
		state.items.push(item);
		return json(201, item);
	}));

	return state;
}

export const loopService: SandboxService<LoopState> = {
	name: LOOP_SERVICE,
	install,
	credentials: (server) => ({
		collabor8LoopApi: { environment: 'custom', baseUrl: `${server.url}/${GATEWAY_PREFIX}`, ...COLLABOR8_ACCOUNTS.loop },
	}),
};
