/**
 * Check Setup: one read-only run that tells a user which of the package's guesses hold on their
 * account. Each node lists its checks (its `checks.ts`); this engine runs them the same way in
 * every node:
 *
 * - the check that proves the credential goes first and alone: a refused key gives one clear item
 *   instead of one failure per check;
 * - only GET requests leave (and the credential's own token request): a guessed write is reported
 *   "not checked" with the field that corrects it, never tried;
 * - at most one request per check and at most four at a time; checks that read the same answer
 *   share one request;
 * - an answer is described by its shape (field paths, JSON types, list lengths), never by its
 *   values, so that a user can paste it into a bug report without leaking data.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { redact } from '../../lib/redact';
import { joinUrl } from '../../lib/url';
import { namingOverrides } from './descriptions';
import type { AllItemsOperation } from './operations';
import { buildPath, isUnknownRoute } from './path';
import type { QueryValue, ServiceDefinition } from './request';
import { serviceRequest } from './request';

export type CheckKind = 'documented' | 'public' | 'guess';

export type CheckResult =
	| 'works'
	| 'wrong address'
	| 'refused: credentials'
	| 'refused: permissions'
	| 'unexpected answer'
	| 'not checked';

/** One output item of Check Setup: a stable shape a user can filter, or paste into a report. */
export interface CheckReport extends IDataObject {
	check: string;
	kind: CheckKind;
	method: string;
	address: string;
	result: CheckResult;
	status: number | null;
	field: string | null;
	suggestion: string | null;
	answerShape: IDataObject | null;
}

/** The GET a check sends: a path below the credential's base URL, its values and query. */
export interface CheckRequest {
	path: string;
	pathParams?: Record<string, string | number>;
	qs?: Record<string, QueryValue>;
	/** Query parameters that carry a key: sent, but shown as "…" in the reported address. */
	secretQuery?: string[];
	/**
	 * Path values taken from an earlier answer (the ID of one of the user's sales or documents):
	 * sent, but shown as their `{placeholder}`, so that the item holds no data of the account.
	 */
	valuesFromAnswers?: string[];
}

/** Why a check sends nothing this time, and the call it is about (shown in its item). */
export interface NotSent {
	reason: string;
	method?: string;
	path?: string;
}

/**
 * What a check learned from an answer: nothing wrong, what is wrong, or that this answer cannot
 * tell (an empty list has no field to look at).
 */
export type Reading = { ok: true; note?: string } | { ok: false; problem: string } | { ok: 'cannot tell'; reason: string };

export interface CheckContext {
	ctx: IExecuteFunctions;
	/**
	 * The decoded answer of another check, once it has run. When that check got no answer (a wrong
	 * address, a refusal, nothing sent), this check is not checked either, and says which one it
	 * needed: "no quote in the list" would claim what was never seen.
	 */
	answerOf(check: string): Promise<unknown>;
}

interface CheckBase {
	/** What is checked, as a user reads it: "Sales list", "Quotes address". */
	name: string;
	kind: CheckKind;
	/** The exported names of the node's guesses.ts that this check observes or reports on. */
	covers: readonly string[];
	/** The credential field or option that corrects a wrong guess: "Options → Sale Address". */
	field?: string;
	/** What to try when the check fails, e.g. the public alternative of an address. */
	suggestion?: string;
}

/** A guess no GET can observe: reported as "not checked", with the reason. */
export interface UncheckedGuess extends CheckBase {
	method: string;
	/** The address template the guess is about, below the base URL, when it is an address. */
	path?: string;
	reason: string;
}

export interface RequestCheck extends CheckBase {
	/**
	 * The GET to send, or a sentence saying why nothing is sent (the check is then "not checked").
	 * Reads the same Options and credential fields as the operations, so that a correction the user
	 * makes there is what the check tries.
	 */
	request?(check: CheckContext): CheckRequest | NotSent | string | Promise<CheckRequest | NotSent | string>;
	/** The check that proves the credential: run first, alone; when it is refused, nothing else runs. */
	credentials?: true;
	/**
	 * Another check whose request this one shares: it reads that answer instead of sending its own.
	 * Only `read` and the reporting differ.
	 */
	sharesRequestOf?: string;
	/**
	 * The address always has something to answer (a list, a status): any 404 is then a wrong
	 * address, never "nothing found".
	 */
	alwaysAnswers?: boolean;
	/**
	 * A 404 in the service's own words (not the gateway's) proves the address exists: the check
	 * asked for something that surely does not exist, to see whether the address is known.
	 */
	notFoundMeansKnownAddress?: boolean;
	/** Whether the answer is what the node reads; works when left out. */
	read?(body: unknown, check: CheckContext): Reading | Promise<Reading>;
}

export type SetupCheck = RequestCheck | UncheckedGuess;

export function isRequestCheck(check: SetupCheck): check is RequestCheck {
	return 'request' in check || 'sharesRequestOf' in check;
}

/** The first entry of a list answer (a bare list, or one inside `data`, `result`, …), if any. */
export function firstEntry(body: unknown, keys: readonly string[] = ['data', 'result', 'results', 'items', 'value']): IDataObject | undefined {
	let list: unknown = body;
	if (!Array.isArray(list) && list !== null && typeof list === 'object') {
		list = keys.map((key) => (list as IDataObject)[key]).find(Array.isArray);
	}
	if (!Array.isArray(list) || list.length === 0) return undefined;
	const entry: unknown = list[0];
	return entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? (entry as IDataObject) : undefined;
}

/** The gateway's answer to a route it does not know (Azure API Management, public, production). */
export function isGatewayNotFound(body: unknown): boolean {
	return isUnknownRoute(404, body);
}

const MAX_CHECKS_AT_ONCE = 4;
const MAX_SHAPE_PATHS = 200;
const MAX_SHAPE_DEPTH = 8;
const MAX_LIST_ENTRIES_READ = 20;
/** A key that reads as a field name; any other key (an e-mail, a SKU, a date) may itself be data. */
const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;

function jsonType(value: unknown): string {
	if (value === undefined) return 'empty';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'list';
	return typeof value;
}

/**
 * What an answer looks like without what it says: each field path with its JSON type, and the
 * length of each list. Values never appear, nor keys that are not field names (a map keyed by
 * e-mail or SKU shows as `*`). The entries of a list are merged into one `[]` path.
 */
export function answerShape(body: unknown): IDataObject {
	const shape: IDataObject = {};
	const add = (path: string, description: string) => {
		if (Object.keys(shape).length >= MAX_SHAPE_PATHS) return;
		const seen = shape[path];
		if (seen === undefined) shape[path] = description;
		else if (typeof seen === 'string' && !seen.split(' or ').includes(description)) shape[path] = `${seen} or ${description}`;
	};
	const walk = (value: unknown, path: string, depth: number) => {
		const type = jsonType(value);
		if (type === 'list') {
			const list = value as unknown[];
			add(path || '$', `list of ${list.length}`);
			if (depth >= MAX_SHAPE_DEPTH) return;
			for (const entry of list.slice(0, MAX_LIST_ENTRIES_READ)) walk(entry, `${path}[]`, depth + 1);
			return;
		}
		if (type !== 'object') {
			add(path || '$', type);
			return;
		}
		add(path || '$', 'object');
		if (depth >= MAX_SHAPE_DEPTH) return;
		for (const [key, child] of Object.entries(value as IDataObject)) {
			const name = FIELD_NAME.test(key) ? key : '*';
			walk(child, path === '' ? name : `${path}.${name}`, depth + 1);
		}
	};
	walk(body, '', 0);
	return shape;
}

function parsed(text: unknown): { ok: true; value: unknown } | { ok: false } {
	if (typeof text !== 'string') return { ok: true, value: text };
	if (text.trim() === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch {
		return { ok: false };
	}
}

/** How a shared request ended, for every check that reads it. */
type Exchange =
	| { kind: 'answer'; status: number; body: unknown; json: boolean }
	| { kind: 'failed'; status?: number; body?: unknown; message: string; description?: string; token: boolean }
	| { kind: 'skipped'; reason: string; method?: string; path?: string };

/** A small gate: at most `size` requests in flight. */
function gate(size: number) {
	let running = 0;
	const waiting: Array<() => void> = [];
	return async <T>(work: () => Promise<T>): Promise<T> => {
		if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
		running++;
		try {
			return await work();
		} finally {
			running--;
			waiting.shift()?.();
		}
	};
}

function errorBodyOf(error: NodeApiError): unknown {
	const response = (error as unknown as { errorResponse?: IDataObject }).errorResponse;
	return response?.body;
}

/** The path as reported: the sent path, but values taken from answers shown as their placeholder. */
function shownPath(request: CheckRequest): string {
	const hidden = request.valuesFromAnswers ?? [];
	const params = Object.fromEntries(Object.entries(request.pathParams ?? {}).filter(([name]) => !hidden.includes(name)));
	// The hidden placeholders pass through buildPath under a marker of address characters; a shown
	// value that happened to hold the marker would only be hidden too.
	const marked = request.path.replace(/\{(\w+)\}/g, (placeholder, name: string) => (hidden.includes(name) ? `~!~${name}~!~` : placeholder));
	return buildPath(marked, params).replace(/~!~(\w+)~!~/g, '{$1}');
}

function queryText(qs: Record<string, QueryValue> | undefined, secretQuery: readonly string[] = []): string {
	if (!qs) return '';
	const search = new URLSearchParams();
	for (const [name, value] of Object.entries(qs)) {
		for (const one of Array.isArray(value) ? value : [value]) search.append(name, secretQuery.includes(name) ? '…' : String(one));
	}
	const text = search.toString();
	return text === '' ? '' : `?${text}`;
}

/**
 * Runs a node's checks and returns one item per check, in the order of the list (the credential
 * check first). A check never throws: whatever happens to it is its result.
 */
export async function runSetupChecks(
	ctx: IExecuteFunctions,
	service: ServiceDefinition,
	checks: readonly SetupCheck[],
): Promise<INodeExecutionData[]> {
	const itemIndex = 0;
	const credentials = await ctx.getCredentials(service.credentialType, itemIndex);
	const secrets = service.secrets(credentials).filter((secret) => secret !== '');
	let baseUrl = '';
	try {
		baseUrl = service.baseUrl(credentials);
	} catch {
		// The request door names the problem with the base URL when the credential check is sent.
	}
	const addressOf = (path: string, request: Pick<CheckRequest, 'qs' | 'secretQuery'> = {}) =>
		redact(`${baseUrl === '' ? '' : joinUrl(baseUrl, path)}${queryText(request.qs, request.secretQuery)}`, secrets);
	const clean = (text: string | undefined) => (text === undefined ? undefined : redact(text, secrets));

	const limit = gate(MAX_CHECKS_AT_ONCE);
	const byName = new Map(checks.map((check) => [check.name, check]));
	const exchanges = new Map<string, Promise<{ exchange: Exchange; request?: CheckRequest }>>();

	const context: CheckContext = {
		ctx,
		answerOf: async (name) => {
			const { exchange } = await exchangeOf(name);
			// Thrown into `send`, which reports the asking check as not checked with this reason.
			if (exchange.kind !== 'answer') throw new Error(`Not checked: it needs the answer of "${name}", which gave none (see that check).`);
			return exchange.body;
		},
	};

	async function send(check: RequestCheck): Promise<{ exchange: Exchange; request?: CheckRequest }> {
		let request: CheckRequest | NotSent | string;
		try {
			request = check.request ? await check.request(context) : `${check.name} sends no request of its own`;
		} catch (error) {
			return { exchange: { kind: 'skipped', reason: clean((error as Error).message) ?? '' } };
		}
		if (typeof request === 'string') return { exchange: { kind: 'skipped', reason: request } };
		if ('reason' in request) return { exchange: { kind: 'skipped', ...request } };
		const sent = request;
		const exchange = await limit(async (): Promise<Exchange> => {
			try {
				const response = await serviceRequest<string>(
					ctx,
					service,
					{ method: 'GET', path: sent.path, pathParams: sent.pathParams, qs: sent.qs, expect: 'text' },
					itemIndex,
				);
				const body = parsed(response.body);
				return body.ok
					? { kind: 'answer', status: response.status, body: body.value, json: true }
					: { kind: 'answer', status: response.status, body: response.body, json: false };
			} catch (error) {
				if (error instanceof NodeApiError) {
					const status = error.httpCode !== null && /^\d+$/.test(String(error.httpCode)) ? Number(error.httpCode) : undefined;
					const code = (error as unknown as { errorResponse?: IDataObject }).errorResponse?.code;
					return {
						kind: 'failed',
						status,
						body: errorBodyOf(error),
						message: error.message,
						description: error.description ?? undefined,
						token: code === 'TOKEN',
					};
				}
				// A value the door refused before sending (an Options field, the base URL): the check is not sent.
				const message = error instanceof Error ? error.message : String(error);
				return { kind: 'skipped', reason: clean(message) ?? '' };
			}
		});
		return { exchange, request: sent };
	}

	function exchangeOf(name: string): Promise<{ exchange: Exchange; request?: CheckRequest }> {
		const check = byName.get(name);
		if (!check || !isRequestCheck(check)) return Promise.resolve({ exchange: { kind: 'skipped', reason: `no check named ${name}` } });
		const owner = check.sharesRequestOf !== undefined ? byName.get(check.sharesRequestOf) : undefined;
		const sender = owner && isRequestCheck(owner) ? owner : check;
		let pending = exchanges.get(sender.name);
		if (!pending) {
			pending = send(sender);
			exchanges.set(sender.name, pending);
		}
		return pending;
	}

	async function report(check: SetupCheck): Promise<CheckReport> {
		const base = {
			check: check.name,
			kind: check.kind,
			field: check.field ?? null,
		};
		if (!isRequestCheck(check)) {
			return {
				...base,
				method: check.method,
				address: check.path === undefined ? '' : addressOf(check.path),
				result: 'not checked',
				status: null,
				suggestion: check.reason,
				answerShape: null,
			};
		}
		const { exchange, request } = await exchangeOf(check.name);
		const address = request ? addressOf(shownPath(request), request) : '';
		const common = { ...base, method: 'GET', address };
		if (exchange.kind === 'skipped') {
			return {
				...common,
				method: request ? 'GET' : (exchange.method ?? ''),
				address: request ? address : exchange.path === undefined ? '' : addressOf(exchange.path),
				result: 'not checked',
				status: null,
				suggestion: exchange.reason,
				answerShape: null,
			};
		}
		if (exchange.kind === 'failed') {
			const shape = exchange.body === undefined ? null : answerShape(exchange.body);
			const said = clean([exchange.message, exchange.description].filter(Boolean).join(' ')) ?? '';
			const status = exchange.status ?? null;
			const failure = (result: CheckResult, suggestion: string): CheckReport => ({
				...common,
				result,
				status,
				suggestion,
				answerShape: shape,
			});
			// The token request's own messages (credentials/common) say "refused" when the token endpoint
			// refused the keys; otherwise it gave no usable answer (unreachable, too slow, a page without a token).
			if (exchange.token && !/refused/i.test(exchange.message)) return failure('not checked', `No token: ${said}`);
			if (exchange.token || status === 401) {
				return failure('refused: credentials', `Check the credential's keys and environment. ${said}`.trim());
			}
			if (status === 403) return failure('refused: permissions', `The credential is known but may not use this address. ${said}`.trim());
			if (status === 404) {
				if (isGatewayNotFound(exchange.body) || check.alwaysAnswers) {
					return failure('wrong address', check.suggestion ?? `Nothing answers at this address. ${said}`.trim());
				}
				if (check.notFoundMeansKnownAddress) {
					return failure(
						'works',
						'The service knows this address: it answered in its own words that what it was asked for (made up on purpose) does not exist.',
					);
				}
			}
			if (status === undefined) return failure('not checked', `No usable answer: ${said}`.trim());
			return failure('unexpected answer', said);
		}
		const shape = exchange.json ? answerShape(exchange.body) : { $: 'text' };
		if (!exchange.json) {
			return { ...common, result: 'unexpected answer', status: exchange.status, suggestion: 'The answer is not JSON.', answerShape: shape };
		}
		let reading: Reading = { ok: true };
		try {
			if (check.read) reading = await check.read(exchange.body, context);
		} catch (error) {
			reading = { ok: false, problem: (error as Error).message };
		}
		if (reading.ok === 'cannot tell') {
			return { ...common, result: 'not checked', status: exchange.status, suggestion: clean(reading.reason) ?? null, answerShape: shape };
		}
		if (!reading.ok) {
			return {
				...common,
				result: 'unexpected answer',
				status: exchange.status,
				suggestion: clean([reading.problem, check.suggestion].filter(Boolean).join(' ')) ?? null,
				answerShape: shape,
			};
		}
		return { ...common, result: 'works', status: exchange.status, suggestion: clean(reading.note) ?? null, answerShape: shape };
	}

	/** The item in the order the issue gives, whatever the order it was built in. */
	const ordered = (report: CheckReport): CheckReport => ({
		check: report.check,
		kind: report.kind,
		method: report.method,
		address: report.address,
		result: report.result,
		status: report.status,
		field: report.field,
		suggestion: report.suggestion,
		answerShape: report.answerShape,
	});
	/** A check that reads another's answer shows its shape once, in the other's item. */
	const withSharedShape = async (check: SetupCheck): Promise<CheckReport> => {
		const made = await report(check);
		if (!isRequestCheck(check) || check.sharesRequestOf === undefined || made.answerShape === null) return ordered(made);
		return ordered({ ...made, answerShape: { $: `see the answerShape of "${check.sharesRequestOf}"` } });
	};

	const credentialCheck = checks.find((check) => isRequestCheck(check) && check.credentials === true);
	const reports: CheckReport[] = [];
	if (credentialCheck) {
		const first = await withSharedShape(credentialCheck);
		reports.push(first);
		// A refused or unreachable account would fail every other check the same way.
		if (first.result === 'refused: credentials' || first.result === 'not checked') {
			return reports.map((json) => ({ json, pairedItem: { item: 0 } }));
		}
	}
	reports.push(...(await Promise.all(checks.filter((check) => check !== credentialCheck).map(withSharedShape))));
	return reports.map((json) => ({ json, pairedItem: { item: 0 } }));
}

/** The Operation field of a node's Account resource, whose one operation is Check Setup. */
export function checkSetupOperationOption(resource: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [
			{
				name: 'Check Setup',
				value: 'checkSetup',
				action: 'Check setup',
				description: 'Check, read-only, which guessed addresses and fields hold for this account: one item per check',
			},
		],
		default: 'checkSetup',
	};
}

/** The Options of a Check Setup: the same fields, by the same names, as the operations that use them. */
export function checkSetupDescription(resource: string, options: INodeProperties[]): INodeProperties[] {
	const show = { resource: [resource], operation: ['checkSetup'] };
	const fields: INodeProperties[] = [
		{
			displayName:
				'Sends only GET requests (and the credential\'s token request), one per check, and outputs one item per check. Answers are described by their shape, never their values.',
			name: 'checkSetupNotice',
			type: 'notice',
			default: '',
			displayOptions: { show },
		},
	];
	if (options.length > 0) {
		fields.push({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			description: 'The corrections you made in other operations, so that the checks try them too',
			displayOptions: { show },
			options,
		});
	}
	return fields;
}

/**
 * The Check Setup operation of a node: its description and one run for all input items. It limits
 * its own requests (four at a time), so it offers no Max Concurrent Requests: `ownConcurrency` says
 * so to the router.
 */
export function checkSetupOperation(
	resource: string,
	service: ServiceDefinition,
	checks: readonly SetupCheck[],
	options: INodeProperties[] = [],
	overrides: Readonly<Record<string, string>> = {},
): AllItemsOperation & { ownConcurrency: number } {
	return {
		ownConcurrency: MAX_CHECKS_AT_ONCE,
		description: checkSetupDescription(resource, options),
		async executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
			const items = await runSetupChecks(this, service, checks);
			// The checks name overrides as "Options → …"; from version 1.2 on they are in API Overrides.
			const version = this.getNode().typeVersion;
			const named = (text: IDataObject[string]): IDataObject[string] =>
				typeof text === 'string' ? namingOverrides(text, version, Object.values(overrides)) : text;
			return items.map((item) => ({ ...item, json: { ...item.json, field: named(item.json.field), suggestion: named(item.json.suggestion) } }));
		},
	};
}
