/**
 * The benchmark's workloads, each as workflows that do the same work: one with the package's node,
 * one with n8n's own HTTP Request node using the same predefined credential type (n8n then signs
 * the requests and fetches the token itself), and for the Cegid writes one with the HTTP Request
 * node with the keys typed in as headers (no credential read at all: the fastest a user can build).
 * The input items come from a node before the measured one, so that the measured time is the
 * node's work alone.
 */
import type { Sandbox } from '../../../sandbox';
import type { LogEntry } from '../../../sandbox/core/server';
import type { N8nCredential, RunItem, WorkflowFile } from '../n8n';
import { PACKAGE_NAME } from '../runtime';

export type Side = 'ours' | 'http' | 'headers';

export const SIDES: Side[] = ['ours', 'http'];

/** The measured node's name in every workflow. */
export const MEASURED_NODE: Record<Side, string> = { ours: 'Package node', http: 'HTTP Request', headers: 'HTTP Request (headers)' };

/** What a workload under pressure makes of a run: its own numbers, for its targets. */
export type RunJudgement = Record<string, number>;

/** What the workflows need to know about the sandbox and the run. */
export interface BenchContext {
	/** The sandbox credentials by type: base URLs and keys. */
	credentials: Record<string, Record<string, string | number | boolean>>;
	/** Infinigate SKUs the sandbox knows, at least as many as the largest SKU workload. */
	skus: string[];
	/** The largest page of the price-list search the service serves (its cap on Take). */
	priceListPageSize: number;
	/** The file the upload workload sends, and its size in bytes. */
	uploadFile: { path: string; bytes: number };
}

export interface Workload {
	/** Short key for the JSON output, e.g. `skuPrices`. */
	key: string;
	title: string;
	/** Input items of the measured node. */
	items: number;
	credentialType: string;
	/** Output items of the measured node when it did the work right. */
	expectedOutput: number;
	/** Why an output item is wrong, or undefined when it is right. */
	checkItem: (item: RunItem) => string | undefined;
	/** The measured node (without name, id, position or credentials) for each side. */
	node: (side: Side, context: BenchContext) => { type: string; typeVersion: number; parameters: Record<string, unknown> };
	/** The nodes that make the input: a Code node emitting the items, a file read, or nothing. */
	input: (context: BenchContext) => WorkflowFile['nodes'];
	/** Whether to sample the n8n process's memory while the node runs. */
	measureMemory?: boolean;
	/** For a listing: the path of its page requests, counted apart from the others (a count, a token). */
	pagePath?: RegExp;
	/** The sides it runs on; ours and the HTTP Request node with the credential when left out. */
	sides?: Side[];
	/** Continue On Fail on the measured node: failed items become error items (the pressure workloads). */
	continueOnFail?: boolean;
	/** Sets the sandbox's faults for one run, after it was reset. */
	prepare?: (sandbox: Sandbox) => void;
	/** Its own numbers from the sandbox's log and the output, for its targets. */
	judge?: (log: LogEntry[], items: RunItem[]) => RunJudgement;
}

const HTTP_REQUEST = { type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 };

function ours(node: string): string {
	return `${PACKAGE_NAME}.${node}`;
}

function baseUrl(context: BenchContext, type: string): string {
	return String(context.credentials[type].baseUrl).replace(/\/+$/, '');
}

/** A Code node that emits the input items; `body` is JavaScript returning the array of items. */
function codeNode(body: string): WorkflowFile['nodes'] {
	return [
		{
			id: 'b0000000-0000-4000-8000-000000000002',
			name: 'Input items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
			parameters: { jsCode: body },
		},
	];
}

const hasField = (field: string) => (item: RunItem) =>
	item.json[field] === undefined ? `no "${field}" in ${JSON.stringify(item.json).slice(0, 200)}` : undefined;

/** Workload 1: prices of many input items with one SKU each. */
export function skuPrices(items: number): Workload {
	return {
		key: 'skuPrices',
		title: `Infinigate prices, ${items.toLocaleString('en')} items with one SKU each`,
		items,
		credentialType: 'infinigateApi',
		expectedOutput: items,
		checkItem: hasField('sku'),
		input: (context) => {
			if (context.skus.length < items) throw new Error(`The sandbox knows only ${context.skus.length} SKUs; ${items} wanted`);
			return codeNode(`return ${JSON.stringify(context.skus.slice(0, items))}.map((sku) => ({ json: { sku } }));`);
		},
		node: (side, context) =>
			side === 'ours'
				? { type: ours('infinigate'), typeVersion: 1, parameters: { resource: 'priceList', operation: 'getBySku', skus: '={{ $json.sku }}' } }
				: {
						...HTTP_REQUEST,
						parameters: {
							method: 'GET',
							url: `${baseUrl(context, 'infinigateApi')}/product-management/v1/pricelist/sku`,
							authentication: 'predefinedCredentialType',
							nodeCredentialType: 'infinigateApi',
							sendQuery: true,
							queryParameters: { parameters: [{ name: 'no', value: '={{ $json.sku }}' }] },
							options: {},
						},
					},
	};
}

/** Workload 2 (and the scale curve): Cegid Loop Client → Add, one new client per input item. */
export function cegidAddClients(items: number): Workload {
	return {
		key: `cegidAddClients${items}`,
		sides: ['ours', 'http', 'headers'],
		title: `Cegid Loop Client → Add, ${items.toLocaleString('en')} items`,
		items,
		credentialType: 'cegidLoopApi',
		expectedOutput: items,
		checkItem: hasField('interloc'),
		input: () =>
			codeNode(
				[
					"const folders = ['044212', 'MANON001', 'CEGID003'];",
					`return Array.from({ length: ${items} }, (_, index) => ({`,
					'  json: {',
					'    email: `bench.client.${index}@client.example`,',
					'    folder: folders[index % folders.length],',
					"    lastName: 'Bench',",
					'    firstName: `Client ${index}`,',
					'  },',
					'}));',
				].join('\n'),
			),
		node: (side, context) =>
			side === 'headers'
				? cegidAddClientWithHeaders(context)
				: side === 'ours'
				? {
						type: ours('cegidLoop'),
						typeVersion: 1,
						parameters: {
							resource: 'client',
							operation: 'add',
							email: '={{ $json.email }}',
							codeDossier: '={{ $json.folder }}',
							offer: 'start',
							lastName: '={{ $json.lastName }}',
							firstName: '={{ $json.firstName }}',
						},
					}
				: {
						...HTTP_REQUEST,
						parameters: {
							method: 'POST',
							url: `${baseUrl(context, 'cegidLoopApi')}/provisionningCollab/addClient`,
							authentication: 'predefinedCredentialType',
							nodeCredentialType: 'cegidLoopApi',
							sendBody: true,
							specifyBody: 'json',
							jsonBody: CEGID_ADD_BODY,
							options: {},
						},
					},
	};
}

/** The body the node sends for Client → Add: the guide's defaults for profile and social included. */
const CEGID_ADD_BODY =
	"={{ JSON.stringify({ email: $json.email, codeDossier: $json.folder, offre: 'start', nom: $json.lastName, prenom: $json.firstName, profile: '2.0', social: true }) }}";

/**
 * Client → Add by the HTTP Request node with the keys typed in as headers, as the credential would
 * send them (CegidLoopApi.credentials.ts): no credential is read from n8n's store at all.
 */
function cegidAddClientWithHeaders(context: BenchContext): ReturnType<Workload['node']> {
	const credential = context.credentials.cegidLoopApi;
	return {
		...HTTP_REQUEST,
		parameters: {
			method: 'POST',
			url: `${baseUrl(context, 'cegidLoopApi')}/provisionningCollab/addClient`,
			authentication: 'none',
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'Ocp-Apim-Subscription-Key', value: String(credential.subscriptionApiKey) },
					{ name: 'x-apikey', value: `${String(credential.applicationKey)}:${String(credential.applicationSecret)}` },
					{ name: 'Cache-Control', value: 'no-cache' },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody: CEGID_ADD_BODY,
			options: {},
		},
	};
}

const ADD_CLIENT_PATH = /\/provisionningCollab\/addClient$/;

/** The client an Add request was for, read from the body it carried. */
function clientOf(entry: LogEntry): string {
	return /"email":"([^"]+)"/.exec(entry.bodyText)?.[1] ?? '';
}

/** Lost: items whose output is an error; duplicated: clients the service added more than once. */
function judgeWrites(log: LogEntry[], items: RunItem[]): RunJudgement {
	const adds = log.filter((entry) => ADD_CLIENT_PATH.test(entry.path));
	const added = new Map<string, number>();
	for (const entry of adds) {
		if (entry.serviceActed && entry.status < 300) added.set(clientOf(entry), (added.get(clientOf(entry)) ?? 0) + 1);
	}
	const failedItems = items.filter((item) => item.json.error !== undefined).length;
	const answered502 = adds.filter((entry) => entry.status === 502).length;
	return {
		failedItems,
		/** Items that failed without a 502 of their own, or were answered 502 and still succeeded. */
		failedOtherwise: Math.abs(failedItems - answered502),
		duplicated: [...added.values()].filter((times) => times > 1).length,
		refused429: adds.filter((entry) => entry.status === 429).length,
		answered502,
	};
}

/**
 * Under pressure: Client → Add with the sandbox answering 429 (Retry-After: 1) to everything for one
 * second in the middle of the run (`burst`), or 502 for two seconds (`blip`). Continue On Fail is on
 * for every side, so that each item ends as an output item or an error item.
 */
export function cegidUnderPressure(kind: 'burst' | 'blip', items: number, windowAfterMs: number): Workload {
	const plain = cegidAddClients(items);
	const fault =
		kind === 'burst'
			? { kind: 'status' as const, status: 429, retryAfter: '1' }
			: { kind: 'status' as const, status: 502 };
	const forMs = kind === 'burst' ? 1_000 : 2_000;
	return {
		...plain,
		key: `${kind}${items}`,
		title:
			kind === 'burst'
				? `Burst: Cegid Client → Add, ${items.toLocaleString('en')} items, 429 to everything for 1 s`
				: `Blip: Cegid Client → Add, ${items.toLocaleString('en')} items, 502 to everything for 2 s`,
		sides: ['ours', 'http'],
		continueOnFail: true,
		checkItem: (item) => (item.json.error !== undefined ? undefined : plain.checkItem(item)),
		prepare: (sandbox) =>
			sandbox.server.faultPlans.set('cegidLoop', { method: 'POST', path: 'addClient', window: { afterMs: windowAfterMs, forMs }, faults: fault }),
		judge: judgeWrites,
	};
}

/**
 * Slow renewal: Infinigate look-ups on a credential without a token, where the call of the item
 * that renews it takes 20 s. Judged by how long after the token request the other calls finished.
 */
export function slowRenewal(items: number): Workload {
	const plain = skuPrices(items);
	const SLOW_MS = 20_000;
	return {
		...plain,
		key: `slowRenewal${items}`,
		title: `Slow renewal: Infinigate prices, ${items.toLocaleString('en')} items, the renewing call takes 20 s`,
		// One SKU per request, so that every item has a call of its own to hold back or not.
		node: (side, context) => {
			const node = plain.node(side, context);
			return side === 'ours' ? { ...node, parameters: { ...node.parameters, options: { skusPerRequest: 1 } } } : node;
		},
		prepare: (sandbox) =>
			sandbox.server.addFault({ service: 'infinigate', path: 'pricelist/sku', kind: 'delay', delayMs: SLOW_MS, times: 1 }),
		judge: (log) => {
			const token = log.find((entry) => /\/token$/.test(entry.path));
			const tokenAt = token ? Date.parse(token.time) + token.durationMs : Number.NaN;
			const others = log.filter((entry) => !/\/token$/.test(entry.path) && entry.durationMs < SLOW_MS);
			const lastOther = Math.max(...others.map((entry) => Date.parse(entry.time) + entry.durationMs));
			return { othersDoneAfterTokenMs: others.length > 0 ? lastOther - tokenAt : Number.NaN, otherCalls: others.length };
		},
	};
}

/** Workload 3: the whole price list (every product), Return All. */
export function priceListSearch(products: number): Workload {
	return {
		key: 'priceListSearch',
		title: `Infinigate price list search, Return All over ${products.toLocaleString('en')} products`,
		items: 1,
		credentialType: 'infinigateApi',
		expectedOutput: products,
		checkItem: hasField('sku'),
		pagePath: /^\/product-management\/v1\/pricelist\/search\/(?!count\/)/,
		input: () => [],
		node: (side, context) => {
			if (side === 'ours') {
				return {
					type: ours('infinigate'),
					typeVersion: 1,
					parameters: { resource: 'priceList', operation: 'search', searchTerm: '*', returnAll: true, filters: {} },
				};
			}
			const page = context.priceListPageSize;
			return {
				...HTTP_REQUEST,
				parameters: {
					method: 'GET',
					// "*" lists every product in the sandbox, the same term the node is given.
					url: `${baseUrl(context, 'infinigateApi')}/product-management/v1/pricelist/search/*`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'infinigateApi',
					sendQuery: true,
					queryParameters: { parameters: [{ name: 'Take', value: String(page) }] },
					options: {
						// n8n's own paging: Skip grows by a page per request until a page comes back short.
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: { parameters: [{ type: 'qs', name: 'Skip', value: `={{ $pageCount * ${page} }}` }] },
								paginationCompleteWhen: 'other',
								completeExpression: `={{ $response.body.length < ${page} }}`,
							},
						},
					},
				},
			};
		},
	};
}

/** Workload 4: one Virtual Inventory import file uploaded. */
export function inventoryUpload(bytes: number): Workload {
	return {
		key: 'inventoryUpload',
		title: `Virtual Inventory upload of a ${Math.round(bytes / 1024 / 1024)} MB file`,
		items: 1,
		credentialType: 'collabor8VirtualInventoryApi',
		expectedOutput: 1,
		checkItem: (item) =>
			item.json.fileSize === bytes ? undefined : `the service received ${String(item.json.fileSize)} bytes, not ${bytes}`,
		measureMemory: true,
		input: (context) => [
			{
				id: 'b0000000-0000-4000-8000-000000000002',
				name: 'Read file',
				type: 'n8n-nodes-base.readWriteFile',
				typeVersion: 1.1,
				position: [220, 0],
				parameters: { operation: 'read', fileSelector: context.uploadFile.path, options: {} },
			},
		],
		node: (side, context) =>
			side === 'ours'
				? {
						type: ours('collabor8VirtualInventory'),
						typeVersion: 1,
						parameters: { resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data', importMode: 'stepByStep', options: {} },
					}
				: {
						...HTTP_REQUEST,
						parameters: {
							method: 'POST',
							url: `${baseUrl(context, 'collabor8VirtualInventoryApi')}/v1/m2m/inventory-import/StepByStep`,
							authentication: 'predefinedCredentialType',
							nodeCredentialType: 'collabor8VirtualInventoryApi',
							sendBody: true,
							contentType: 'multipart-form-data',
							bodyParameters: { parameters: [{ parameterType: 'formBinaryData', name: 'file', inputDataFieldName: 'data' }] },
							options: {},
						},
					},
	};
}

/**
 * The workflow of one run: Manual Trigger → input → the measured node, with its own credential
 * (a fresh copy per run, so that every run starts without a token, as a new credential does).
 */
export function runWorkflow(id: string, workload: Workload, side: Side, context: BenchContext, credential: N8nCredential): WorkflowFile {
	const input = workload.input(context);
	const measured = workload.node(side, context);
	const nodes: WorkflowFile['nodes'] = [
		{ id: 'b0000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...input,
		{
			id: 'b0000000-0000-4000-8000-000000000003',
			name: MEASURED_NODE[side],
			...measured,
			position: [440, 0],
			...(side === 'headers' ? {} : { credentials: { [workload.credentialType]: { id: credential.id, name: credential.name } } }),
			...(workload.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		},
	];
	const chain = nodes.map((node) => node.name);
	const connections: Record<string, unknown> = {};
	for (let index = 0; index + 1 < chain.length; index++) {
		connections[chain[index]] = { main: [[{ node: chain[index + 1], type: 'main', index: 0 }]] };
	}
	return { id, name: `Bench: ${workload.title} (${MEASURED_NODE[side]})`, nodes, connections, settings: { executionOrder: 'v1' } };
}
