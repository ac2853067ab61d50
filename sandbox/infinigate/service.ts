/**
 * The Infinigate Reseller API as the node meets it: Azure API Management in front (checks the
 * `API-KEY` header, then the bearer token), a Keycloak token endpoint (form body, client
 * credentials), and ASP.NET behind (query names bound case-insensitively, problem details on bad
 * input, IIS's limit on the query string). Paths and parameters as Infinigate's guide "Benutzung der
 * Infinigate Reseller API" shows them, and as public client code calls the live API.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { BodyError, readForm, readJson } from '../core/body';
import type { Handler, SandboxRequest, SandboxResponse, SandboxServer } from '../core/server';
import { inventionsFor } from '../core/inventions';
import type { SandboxOptions, SandboxService } from '../core/service';
import type { Json, SandboxDocument, SandboxQuote } from './documents';
import { generateCreditMemos, generateInvoices, generateQuotes, guidOf, overviewOf, quoteOverviewOf } from './documents';
import type { InfinigateEvents } from './events';
import { infinigateEvents } from './events';
import type { StoredProduct } from './priceList';
import type { InfinigateInventions } from './inventions';
import { DISAGREEING } from './inventions';
import { END_USER_TYPES, generatePriceList } from './priceList';

export const SERVICE = 'infinigate';

export const SANDBOX_API_KEY = 'sandbox-portal-key-7f3a';
export const SANDBOX_CLIENT_ID = 'sandbox-reseller';
export const SANDBOX_CLIENT_SECRET = 'sandbox-client-secret-91c2';

/** IIS's default `maxQueryString`: longer query strings are refused before the API sees them. */
export const MAX_QUERY_STRING = 2048;

export interface InfinigateSandboxState extends InfinigateEvents {
	tokenLifetimeSeconds: number;
	/** Larger Take values are capped to these, as many ASP.NET list endpoints do. */
	maxPriceListTake: number;
	maxDocumentTake: number;
	/** Whether a Take above those is refused (HTTP 400) instead of capped: an invention. */
	refuseLargerTake: boolean;
	/** The most SKUs one look-up takes (an invention); unbounded but for the query length when undefined. */
	maxSkusPerRequest?: number;
	tokens: Map<string, number>;
	products: StoredProduct[];
	invoices: SandboxDocument[];
	creditMemos: SandboxDocument[];
	quotes: SandboxQuote[];
	/** The bodies of every quote request, in order. */
	quoteRequests: Json[];
}

const PRODUCTS = generatePriceList();

function freshState(options: SandboxOptions): InfinigateSandboxState {
	const invented = inventionsFor(options.inventions, 'infinigate', DISAGREEING);
	const state: Omit<InfinigateSandboxState, keyof InfinigateEvents> = {
		tokenLifetimeSeconds: options.tokenLifetimeSeconds?.infinigate ?? 300,
		maxPriceListTake: invented.maxPriceListTake ?? 500,
		maxDocumentTake: invented.maxDocumentTake ?? 100,
		refuseLargerTake: invented.maxPriceListTake !== undefined || invented.maxDocumentTake !== undefined,
		maxSkusPerRequest: invented.maxSkusPerRequest,
		tokens: new Map(),
		products: PRODUCTS,
		invoices: generateInvoices(),
		creditMemos: generateCreditMemos(),
		quotes: generateQuotes(),
		quoteRequests: [],
	};
	return Object.assign(state, infinigateEvents(state));
}

// ---- answers as the real layers give them ----

function apimRefusal(message: string): SandboxResponse {
	return { status: 401, body: { statusCode: 401, message } };
}

function problem(status: number, title: string, extra: Json = {}): SandboxResponse {
	return {
		status,
		headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
		body: { type: `https://tools.ietf.org/html/rfc9110#section-15.5.${status === 404 ? 5 : 1}`, title, status, ...extra },
	};
}

function validationProblem(errors: Record<string, string[]>): SandboxResponse {
	return problem(400, 'One or more validation errors occurred.', { errors });
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** ASP.NET binds query names case-insensitively; `PeriodStart` and `periodStart` are the same. */
function queryValues(request: SandboxRequest, name: string): string[] {
	const values: string[] = [];
	for (const [key, value] of request.query) if (key.toLowerCase() === name.toLowerCase()) values.push(value);
	return values;
}

function queryValue(request: SandboxRequest, name: string): string | undefined {
	return queryValues(request, name)[0];
}

/**
 * Take/Skip: integers; Take capped to the endpoint's maximum, as many ASP.NET list endpoints do, or,
 * started with an invented maximum, refused above it as a range validation would.
 */
function paging(request: SandboxRequest, maxTake: number, refuseLarger = false): { take: number; skip: number } | SandboxResponse {
	const errors: Record<string, string[]> = {};
	const read = (name: string, fallback: number): number => {
		const raw = queryValue(request, name);
		if (raw === undefined || raw === '') return fallback;
		if (!/^\d+$/.test(raw)) {
			errors[name] = [`The value '${raw}' is not valid for ${name}.`];
			return fallback;
		}
		return Number(raw);
	};
	const take = read('Take', maxTake);
	const skip = read('Skip', 0);
	if (refuseLarger && take > maxTake) errors.Take = [`The field Take must be between 0 and ${maxTake}.`];
	if (Object.keys(errors).length > 0) return validationProblem(errors);
	return { take: Math.min(take, maxTake), skip };
}

function isResponse(value: unknown): value is SandboxResponse {
	return typeof value === 'object' && value !== null && 'status' in value && typeof (value as SandboxResponse).status === 'number';
}

// ---- the gateway: API key, query length, bearer token ----

function gateway(state: InfinigateSandboxState, handler: Handler): Handler {
	return (request) => {
		const key = header(request.headers, 'API-KEY');
		if (key === undefined || key === '') {
			return apimRefusal('Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.');
		}
		if (key !== SANDBOX_API_KEY) {
			return apimRefusal('Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.');
		}
		const authorization = header(request.headers, 'Authorization') ?? '';
		const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
		const expiresAt = token === undefined ? undefined : state.tokens.get(token);
		if (expiresAt === undefined || expiresAt <= Date.now()) {
			return apimRefusal('Unauthorized. Access token is missing or invalid.');
		}
		if (request.query.toString().length > MAX_QUERY_STRING) {
			return { status: 414, body: 'The request URL is too long.' };
		}
		return handler(request);
	};
}

function tokenEndpoint(state: InfinigateSandboxState): Handler {
	return (request) => {
		const key = header(request.headers, 'API-KEY');
		if (key === undefined || key === '') {
			return apimRefusal('Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.');
		}
		if (key !== SANDBOX_API_KEY) {
			return apimRefusal('Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.');
		}
		let form: URLSearchParams;
		try {
			form = readForm(request.headers, request.body);
		} catch (error) {
			if (error instanceof BodyError) {
				return { status: 400, body: { error: 'invalid_request', error_description: 'Missing form parameter: grant_type' } };
			}
			throw error;
		}
		if (form.get('grant_type') !== 'client_credentials') {
			return {
				status: 400,
				body: { error: 'unsupported_grant_type', error_description: `Unsupported grant_type ${form.get('grant_type') ?? ''}` },
			};
		}
		if (form.get('client_id') !== SANDBOX_CLIENT_ID || form.get('client_secret') !== SANDBOX_CLIENT_SECRET) {
			return { status: 401, body: { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' } };
		}
		const token = `sbx.${randomBytes(24).toString('hex')}`;
		state.tokens.set(token, Date.now() + state.tokenLifetimeSeconds * 1000);
		return {
			status: 200,
			body: {
				access_token: token,
				expires_in: state.tokenLifetimeSeconds,
				refresh_expires_in: 0,
				token_type: 'Bearer',
				'not-before-policy': 0,
				scope: 'profile email',
			},
		};
	};
}

// ---- price list ----

function matchesFilters(request: SandboxRequest, entry: StoredProduct): boolean {
	const vendorCodes = queryValues(request, 'VendorCodes').map((value) => value.toLowerCase());
	const productTypes = queryValues(request, 'ProductTypes').map((value) => value.toLowerCase());
	const endUserTypes = queryValues(request, 'EndUserTypes').map((value) => value.toLowerCase());
	return (
		(vendorCodes.length === 0 || vendorCodes.includes(entry.vendorCode.toLowerCase())) &&
		(productTypes.length === 0 || productTypes.includes(entry.product.productType.toLowerCase())) &&
		(endUserTypes.length === 0 || endUserTypes.includes(entry.product.endUserType.toLowerCase()))
	);
}

/**
 * The query names the search and count endpoints take. The guide's prose once writes the end-user
 * filter as "EndUserType", while its screenshots and public client code use plural list names
 * (`vendorCodes`, `productTypes`, `EndUserTypes`). ASP.NET would ignore a name it does not bind and
 * answer unfiltered; the sandbox refuses any other name instead (stricter than the service, on
 * purpose), so that a misspelt filter fails a test rather than passing silently.
 */
const SEARCH_QUERY_NAMES = ['take', 'skip', 'vendorcodes', 'producttypes', 'endusertypes'];

function unknownQueryName(request: SandboxRequest, known: readonly string[]): SandboxResponse | undefined {
	for (const name of request.query.keys()) {
		if (!known.includes(name.toLowerCase())) {
			return validationProblem({ [name]: [`The query parameter '${name}' is not known to this endpoint.`] });
		}
	}
	return undefined;
}

function search(state: InfinigateSandboxState, request: SandboxRequest): StoredProduct[] | SandboxResponse {
	const unknown = unknownQueryName(request, SEARCH_QUERY_NAMES);
	if (unknown) return unknown;
	const badEndUserType = queryValues(request, 'EndUserTypes').find(
		(value) => !END_USER_TYPES.some((known) => known.toLowerCase() === value.toLowerCase()),
	);
	if (badEndUserType !== undefined) {
		return validationProblem({ EndUserTypes: [`The value '${badEndUserType}' is not valid.`] });
	}
	const term = request.params.term.trim().toLowerCase();
	if (term === '') return problem(404, 'Not Found');
	// INVENTED: the guide does not say how to list every product; the sandbox lists them all for "*"
	// (the benchmark pages through the whole list that way). The node never sends "*" by itself.
	const everything = term === '*';
	return state.products.filter(
		(entry) =>
			(everything ||
				entry.product.sku.toLowerCase().includes(term) ||
				entry.product.descriptionFullText.toLowerCase().includes(term)) &&
			matchesFilters(request, entry),
	);
}

/**
 * `GET /product-management/v1/manufacturer` (public client code: "a list of all manufacturer
 * names"). INVENTED shape: a bare array of names, the simplest reading of that description.
 */
function manufacturers(state: InfinigateSandboxState): SandboxResponse {
	const names = [...new Set(state.products.map((entry) => entry.product.vendorName))].sort();
	return { status: 200, body: names };
}

/**
 * `GET /product-management/v1/pricelist/?manufacturerName=` (public client code): every product of
 * one manufacturer. INVENTED: the name is matched whole and case-insensitively, an unknown name
 * answers an empty list, and the list comes in one piece (public code sends no Take/Skip).
 */
function manufacturerPriceList(state: InfinigateSandboxState, request: SandboxRequest): SandboxResponse {
	const unknown = unknownQueryName(request, ['manufacturername']);
	if (unknown) return unknown;
	const name = queryValue(request, 'manufacturerName')?.trim() ?? '';
	if (name === '') return validationProblem({ manufacturerName: ['The manufacturerName field is required.'] });
	const found = state.products.filter((entry) => entry.product.vendorName.toLowerCase() === name.toLowerCase());
	return { status: 200, body: found.map((entry) => entry.product) };
}

function lookUp(state: InfinigateSandboxState, request: SandboxRequest, key: 'sku' | 'vendorSku'): SandboxResponse {
	const wanted = new Set(queryValues(request, 'no').map((value) => value.trim().toLowerCase()).filter((value) => value !== ''));
	if (wanted.size === 0) return validationProblem({ no: ['At least one number is required.'] });
	if (state.maxSkusPerRequest !== undefined && wanted.size > state.maxSkusPerRequest) {
		return validationProblem({ no: [`At most ${state.maxSkusPerRequest} numbers per request; got ${wanted.size}.`] });
	}
	const found = state.products.filter((entry) => wanted.has(entry.product[key].toLowerCase())).map((entry) => entry.product);
	if (found.length === 0) return problem(404, 'Not Found', { detail: 'No price list entries found for the given numbers.' });
	return { status: 200, body: found };
}

// ---- invoice management ----

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function listDocuments(state: InfinigateSandboxState, request: SandboxRequest, documents: SandboxDocument[]): SandboxResponse {
	const start = queryValue(request, 'PeriodStart');
	const end = queryValue(request, 'PeriodEnd') || new Date().toISOString().slice(0, 10);
	const errors: Record<string, string[]> = {};
	if (start === undefined || start === '') errors.PeriodStart = ['The PeriodStart field is required.'];
	else if (!ISO_DATE.test(start) || Number.isNaN(Date.parse(start))) errors.PeriodStart = [`The value '${start}' is not valid for PeriodStart.`];
	if (!ISO_DATE.test(end) || Number.isNaN(Date.parse(end))) errors.PeriodEnd = [`The value '${end}' is not valid for PeriodEnd.`];
	if (Object.keys(errors).length > 0) return validationProblem(errors);
	const page = paging(request, state.maxDocumentTake, state.refuseLargerTake);
	if (isResponse(page)) return page;
	const buyerReference = queryValue(request, 'BuyerReference');
	const externalDocumentNumber = queryValue(request, 'ExternalDocumentNumber');
	const matching = documents.filter((document) => {
		const header = document.header;
		const posted = String(header.postingDate);
		return (
			posted >= start! &&
			posted <= end &&
			(!buyerReference || header.buyerReference === buyerReference) &&
			(!externalDocumentNumber || header.externalDocumentNumber === externalDocumentNumber)
		);
	});
	return { status: 200, body: { count: matching.length, result: matching.slice(page.skip, page.skip + page.take).map(overviewOf) } };
}

function documentBy(documents: SandboxDocument[], field: 'documentGuid' | 'documentNumber', value: string): SandboxResponse {
	const document = documents.find((entry) => String(entry.header[field]).toLowerCase() === value.toLowerCase());
	if (!document) return problem(404, 'Not Found', { detail: `No document with ${field} '${value}'.` });
	return { status: 200, body: document };
}

// ---- order management: quotes ----

function quoteDecision(state: InfinigateSandboxState, request: SandboxRequest, decision: 'Accepted' | 'Rejected'): SandboxResponse {
	let body: Json;
	try {
		body = readJson(request.headers, request.body) as Json;
	} catch (error) {
		if (error instanceof BodyError) return problem(415, 'Unsupported Media Type', { detail: error.message });
		throw error;
	}
	const mailField = decision === 'Accepted' ? 'acceptedByUserMail' : 'rejectedByUserMail';
	const errors: Record<string, string[]> = {};
	if (typeof body?.documentNumber !== 'string' || body.documentNumber === '') errors.documentNumber = ['The documentNumber field is required.'];
	if (typeof body?.documentRevision !== 'number') errors.documentRevision = ['The documentRevision field is required.'];
	if (typeof body?.[mailField] !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(String(body[mailField]))) {
		errors[mailField] = [`The ${mailField} field is not a valid e-mail address.`];
	}
	if (Object.keys(errors).length > 0) return validationProblem(errors);
	const quote = state.quotes.find((entry) => entry.header.documentNumber === body.documentNumber);
	if (!quote) return problem(404, 'Not Found', { detail: `No quote with documentNumber '${String(body.documentNumber)}'.` });
	const { header } = quote;
	// The body's `documentRevision` is the row's `documentVersion` (public: public client code sends
	// the one, production rows carry the other). INVENTED: that the service refuses a decision on an
	// older revision is the sandbox's reading, not a documented rule.
	if (header.documentVersion !== body.documentRevision) {
		return problem(409, 'Conflict', {
			detail: `Revision ${String(body.documentRevision)} of quote ${String(header.documentNumber)} is not current; the current revision is ${String(header.documentVersion)}.`,
		});
	}
	// INVENTED: production rows say themselves whether a quote can still be accepted or rejected
	// (`canBeAccepted`, `canBeRejected`, public), but not what the service answers to a decision it
	// no longer offers; the sandbox answers 409 with the quote's status.
	const possible = decision === 'Accepted' ? header.canBeAccepted : header.canBeRejected;
	if (possible !== true) {
		return problem(409, 'Conflict', {
			detail: `Quote ${String(header.documentNumber)} can no longer be accepted or rejected (status ${String(header.documentStatus)}).`,
		});
	}
	header.documentStatus = decision;
	header.canBeAccepted = false;
	header.canBeRejected = false;
	header[mailField] = body[mailField];
	if (decision === 'Rejected') header.userComments = typeof body.userComments === 'string' ? body.userComments : '';
	// Production answers a successful acceptance with an empty 200 (public: a production client reads
	// the quote again to learn its state). INVENTED: a rejection answers the same way.
	return { status: 200, headers: { 'Content-Length': '0' }, body: undefined };
}

// What public client code (the public n8n node for Infinigate, affeldt28/n8n-nodes-infinigate,
// purchaseQuote/request.operation.ts) sends in a quote request. INVENTED: that a name outside these
// is refused (ASP.NET would ignore it); the sandbox refuses it, so that a misspelt field fails a test.
const QUOTE_HEADER_FIELDS = [
	'yourReference', 'comment', 'currencyCode', 'manufacturerPartnerId', 'licenseDeliveryAddress', 'requestedDeliveryDate',
	'disallowPartialShipment', 'shipHardwareComplete', 'contact', 'endUser', 'sellTo', 'billTo', 'shipTo',
];
const CONTACT_FIELDS = ['name', 'phoneNumber', 'fax', 'eMail'];
const ADDRESS_FIELDS = ['name', 'street', 'additionalAddressInfo', 'postalCode', 'city', 'countryCode', 'countryName'];
const END_USER_FIELDS = ['company', 'contact', 'endUserReference', 'endUserType'];
const QUOTE_LINE_FIELDS = ['itemNumber', 'manufacturerItemNumber', 'itemDescription', 'quantity', 'specialBidDealNo', 'yourItemNumber', 'yourLineNumber', 'manufacturerAdditionalInfo'];
const ADDITIONAL_INFO_FIELDS = ['periodStart', 'periodEnd', 'serialNumber', 'previousSerialNumber', 'licenseId', 'barracuda', 'hp', 'sonicWall'];
const VENDOR_BLOCK_FIELDS: Record<string, string[]> = {
	barracuda: ['commission', 'dealRegistrationNumber', 'partnerStatus'],
	hp: ['bundleId', 'smartQuoteId'],
	sonicWall: ['friendlyName'],
};

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Checks one object of the request: only the known names, each text (or a date where `dates` says,
 * a boolean where `booleans` says, an object where `nested` says, checked by that function).
 */
function checkObject(
	value: unknown,
	where: string,
	known: readonly string[],
	errors: Record<string, string[]>,
	rules: { dates?: string[]; booleans?: string[]; nested?: Record<string, (value: unknown, where: string) => void>; skip?: string[] } = {},
): void {
	if (!isObject(value)) {
		errors[where] = [`The ${where} field must be an object.`];
		return;
	}
	for (const [name, field] of Object.entries(value)) {
		const at = `${where}.${name}`;
		if (!known.includes(name)) errors[at] = [`Unknown field '${name}'.`];
		else if (rules.skip?.includes(name)) continue;
		else if (rules.nested?.[name]) rules.nested[name](field, at);
		else if (rules.booleans?.includes(name)) {
			if (typeof field !== 'boolean') errors[at] = [`The ${name} field must be true or false.`];
		} else if (rules.dates?.includes(name)) {
			if (typeof field !== 'string' || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(field) || Number.isNaN(Date.parse(field))) {
				errors[at] = [`The value '${String(field)}' is not valid for ${name}.`];
			}
		} else if (typeof field !== 'string') errors[at] = [`The ${name} field must be text.`];
	}
}

function checkQuoteHeader(header: unknown, errors: Record<string, string[]>): void {
	const contact = (value: unknown, where: string): void => checkObject(value, where, CONTACT_FIELDS, errors);
	const address = (value: unknown, where: string): void => checkObject(value, where, ADDRESS_FIELDS, errors);
	checkObject(header, 'header', QUOTE_HEADER_FIELDS, errors, {
		dates: ['requestedDeliveryDate'],
		booleans: ['disallowPartialShipment', 'shipHardwareComplete'],
		nested: {
			contact,
			sellTo: address,
			billTo: address,
			shipTo: address,
			endUser: (value, where) => checkObject(value, where, END_USER_FIELDS, errors, { nested: { company: address, contact } }),
		},
	});
}

function checkAdditionalInfo(value: unknown, where: string, errors: Record<string, string[]>): void {
	const vendor = (name: string) => (block: unknown, at: string) => checkObject(block, at, VENDOR_BLOCK_FIELDS[name], errors);
	checkObject(value, where, ADDITIONAL_INFO_FIELDS, errors, {
		dates: ['periodStart', 'periodEnd'],
		nested: { barracuda: vendor('barracuda'), hp: vendor('hp'), sonicWall: vendor('sonicWall') },
	});
}

/**
 * `POST /order-management/v2/purchasequote/request` (public client code): ask Infinigate for a
 * quote. The body is `{header: {...}, lines: [{itemNumber, manufacturerItemNumber, quantity, ...}]}`
 * as public code sends it (header with contact, endUser, sellTo/billTo/shipTo; lines with
 * manufacturerAdditionalInfo and its vendor blocks). INVENTED: the checks (known names only, at least
 * one line, each with an item number or a manufacturer item number and a positive whole quantity)
 * and the answer, a new quote in status "Requested" whose number and GUID come back.
 */
function quoteRequest(state: InfinigateSandboxState, request: SandboxRequest): SandboxResponse {
	let body: Json;
	try {
		body = readJson(request.headers, request.body) as Json;
	} catch (error) {
		if (error instanceof BodyError) return problem(415, 'Unsupported Media Type', { detail: error.message });
		throw error;
	}
	const errors: Record<string, string[]> = {};
	const header = body?.header;
	if (header !== undefined) checkQuoteHeader(header, errors);
	const lines = body?.lines;
	if (!Array.isArray(lines) || lines.length === 0) errors.lines = ['At least one line is required.'];
	else {
		lines.forEach((line: unknown, index) => {
			if (!isObject(line)) {
				errors[`lines[${index}]`] = ['A line must be an object.'];
				return;
			}
			const entry = line;
			const unknownField = Object.keys(entry).find((key) => !QUOTE_LINE_FIELDS.includes(key));
			if (unknownField) errors[`lines[${index}].${unknownField}`] = [`Unknown field '${unknownField}'.`];
			if (typeof entry.itemNumber !== 'string' && typeof entry.manufacturerItemNumber !== 'string') {
				errors[`lines[${index}].itemNumber`] = ['Either itemNumber or manufacturerItemNumber is required.'];
			}
			if (typeof entry.quantity !== 'number' || !Number.isInteger(entry.quantity) || entry.quantity < 1) {
				errors[`lines[${index}].quantity`] = ['The quantity must be a whole number of at least 1.'];
			}
			if (entry.manufacturerAdditionalInfo !== undefined) {
				checkAdditionalInfo(entry.manufacturerAdditionalInfo, `lines[${index}].manufacturerAdditionalInfo`, errors);
			}
		});
	}
	if (Object.keys(errors).length > 0) return validationProblem(errors);
	const index = state.quotes.length;
	const documentNumber = `AN24-${String(200001 + index)}`;
	const requestHeader = (header ?? {}) as Json;
	const quote: SandboxQuote = {
		header: {
			documentGuid: guidOf(`requested-quote-${index}`),
			documentNumber,
			documentVersion: 0,
			buyerReference: requestHeader.yourReference ?? null,
			externalDocumentNumber: null,
			documentCreated: new Date().toISOString().slice(0, 19),
			documentValidUntil: null,
			documentStatus: 'Requested',
			businessType: 'Standard',
			vendorCode: null,
			manufacturerName: null,
			total: null,
			currencyCode: requestHeader.currencyCode ?? 'EUR',
			canBeAccepted: false,
			canBeRejected: false,
			salesContact: null,
			comment: requestHeader.comment ?? null,
		},
		lines: (lines as Json[]).map((line, position) => ({ lineNumber: (position + 1) * 10000, lineType: 'Item', ...line })),
	};
	state.quotes.push(quote);
	state.quoteRequests.push(body);
	// INVENTED: the answer's shape (public code outputs it as it comes).
	return { status: 200, body: { documentGuid: quote.header.documentGuid, documentNumber, documentStatus: 'Requested' } };
}

export const infinigateService: SandboxService<InfinigateSandboxState> = {
	name: SERVICE,

	install(server: SandboxServer, options: SandboxOptions): InfinigateSandboxState {
		const state = freshState(options);
		server.mount(SERVICE, SERVICE, () => {
			const fresh = freshState(options);
			Object.assign(state, fresh, infinigateEvents(state));
		});
		const get = (path: string, handler: Handler): void => server.route(SERVICE, 'GET', path, gateway(state, handler));
		const post = (path: string, handler: Handler): void => server.route(SERVICE, 'POST', path, gateway(state, handler));

		// "Get AuthenticationToken": POST https://api.infinigate.com/authorization/token, header API-KEY,
		// form body client_id and client_secret; "einen Token der 5 Minuten gültig ist".
		server.route(SERVICE, 'POST', '/authorization/token', tokenEndpoint(state));

		// "Get PriceList Item Count" and "Get PriceList Item search": …/pricelist/search/count/"switch"
		// and …/pricelist/search/"switch", with take, skip, vendorCodes, productTypes (and EndUserType).

		get('/product-management/v1/pricelist/search/count/:term', (request) => {
			const found = search(state, request);
			return isResponse(found) ? found : { status: 200, body: found.length };
		});
		get('/product-management/v1/pricelist/search/:term', (request) => {
			const found = search(state, request);
			if (isResponse(found)) return found;
			const page = paging(request, state.maxPriceListTake, state.refuseLargerTake);
			if (isResponse(page)) return page;
			return { status: 200, body: found.slice(page.skip, page.skip + page.take).map((entry) => entry.product) };
		});
		// Public client code: the manufacturer list, and one manufacturer's whole price list.
		get('/product-management/v1/manufacturer', () => manufacturers(state));
		get('/product-management/v1/pricelist', (request) => manufacturerPriceList(state, request));

		// "Get PriceList By Skus" and "Get PriceList By VendorSkus": …/pricelist/vendor?no=U8JN1E&no=U8JM6E.
		get('/product-management/v1/pricelist/sku', (request) => lookUp(state, request, 'sku'));
		get('/product-management/v1/pricelist/vendor', (request) => lookUp(state, request, 'vendorSku'));

		// "Get Invoice List", "Get Invoice Details by DocumentId" and "… by DocumentNumber":
		// …/invoice-management/v1/purchaseinvoice?periodStart=…, …/purchaseinvoice/{documentGuid} and
		// …/purchaseinvoice/documentnumber/{documentNumber}. Public code calls v2, and credit memos the same way.
		const invented = inventionsFor(options.inventions, 'infinigate', DISAGREEING) as Partial<InfinigateInventions>;
		for (const version of invented.invoiceApiVersions ?? ['v1', 'v2']) {
			for (const [segment, documents] of [
				['purchaseinvoice', () => state.invoices],
				['purchasecreditmemo', () => state.creditMemos],
			] as const) {
				const base = `/invoice-management/${version}/${segment}`;
				get(base, (request) => listDocuments(state, request, documents()));
				get(`${base}/documentnumber/:documentNumber`, (request) =>
					documentBy(documents(), 'documentNumber', request.params.documentNumber),
				);
				get(`${base}/:documentGuid`, (request) => documentBy(documents(), 'documentGuid', request.params.documentGuid));
			}
		}

		// Quotes are not in the guide; public client code and a production client call them here.
		const quotes = invented.quotesPath ?? '/order-management/v2/purchasequote';
		get(quotes, (request) => {
			const page = paging(request, state.maxDocumentTake, state.refuseLargerTake);
			if (isResponse(page)) return page;
			const buyerReference = queryValue(request, 'BuyerReference');
			const externalDocumentNumber = queryValue(request, 'ExternalDocumentNumber');
			const matching = state.quotes.filter(
				(quote) =>
					(!buyerReference || quote.header.buyerReference === buyerReference) &&
					(!externalDocumentNumber || quote.header.externalDocumentNumber === externalDocumentNumber),
			);
			return { status: 200, body: { count: matching.length, result: matching.slice(page.skip, page.skip + page.take).map(quoteOverviewOf) } };
		});
		get(`${quotes}/documentnumber/:documentNumber`, (request) => {
			const quote = state.quotes.find((entry) => String(entry.header.documentNumber).toLowerCase() === request.params.documentNumber.toLowerCase());
			return quote ? { status: 200, body: quote } : problem(404, 'Not Found', { detail: `No quote with documentNumber '${request.params.documentNumber}'.` });
		});
		post(`${quotes}/acceptance`, (request) => quoteDecision(state, request, 'Accepted'));
		post(`${quotes}/reject`, (request) => quoteDecision(state, request, 'Rejected'));
		post(invented.quoteRequestPath ?? '/order-management/v2/purchasequote/request', (request) => quoteRequest(state, request));
		// Azure API Management matches an operation by method and path: a POST to a path published only
		// for GET (a quote request sent under the quotes path) is its "Resource not found" too.
		server.route(SERVICE, 'POST', `${quotes}/:documentGuid`, () => ({ status: 404, body: { statusCode: 404, message: 'Resource not found' } }));
		get(`${quotes}/:documentGuid`, (request) => {
			const quote = state.quotes.find((entry) => String(entry.header.documentGuid).toLowerCase() === request.params.documentGuid.toLowerCase());
			return quote ? { status: 200, body: quote } : problem(404, 'Not Found', { detail: `No quote with documentGuid '${request.params.documentGuid}'.` });
		});
		return state;
	},

	credentials(server: SandboxServer) {
		return {
			infinigateApi: {
				environment: 'custom',
				baseUrl: server.baseUrl(SERVICE),
				apiKey: SANDBOX_API_KEY,
				clientId: SANDBOX_CLIENT_ID,
				clientSecret: SANDBOX_CLIENT_SECRET,
			},
		};
	},
};
