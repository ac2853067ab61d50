/**
 * The fault suite: each node runs 1,000 items inside n8n-core's engine against the sandbox while
 * the sandbox injects a fault into about 10 % of the node's requests (seeded, so a run can be
 * replayed): 429 with Retry-After, 500/502/503/504, resets, answers lost after the service acted,
 * trickled and cut answers, HTML and invalid JSON with 200, `null` and non-object answers,
 * redirects to another origin, and error bodies that echo the request's headers.
 *
 * What a user relies on, checked for each node:
 * - every input item ends as an output item or an error item, paired with it;
 * - nothing is created or applied twice, and no write whose outcome was unknown is sent again;
 * - nothing follows a redirect, and no secret reaches an output or error item;
 * - the run ends in bounded time.
 * A table per node is printed: items in, ok, errors, retries, duplicates.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { CegidLoopApi } from '../../credentials/CegidLoopApi.credentials';
import { Collabor8EqHubApi } from '../../credentials/Collabor8EqHubApi.credentials';
import { Collabor8LoopApi } from '../../credentials/Collabor8LoopApi.credentials';
import { Collabor8VirtualInventoryApi } from '../../credentials/Collabor8VirtualInventoryApi.credentials';
import { InfinigateApi } from '../../credentials/InfinigateApi.credentials';
import { CegidLoop } from '../../nodes/CegidLoop/CegidLoop.node';
import { Collabor8EqHub } from '../../nodes/Collabor8EqHub/Collabor8EqHub.node';
import { Collabor8Loop } from '../../nodes/Collabor8Loop/Collabor8Loop.node';
import { Collabor8VirtualInventory } from '../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventory.node';
import { Infinigate } from '../../nodes/Infinigate/Infinigate.node';
import { retryClock } from '../../nodes/shared/retry';
import { startSandbox } from '../../sandbox';
import type { FaultSpec, Sandbox } from '../../sandbox';
import type { LogEntry } from '../../sandbox/core/server';
import { runNode } from '../support/run-node';
import type { NodeRun } from '../support/run-node';

const ITEMS = 1000;

const FAULT_RATE = 0.1;

/**
 * A run of 1,000 items must end within this, faults and retries included (measured: well under a
 * tenth of it on two busy cores; see the table).
 */
const RUN_BOUND_MS = 120_000;

/** Every kind of fault, taken in turn each time a request is hit. */
const FAULT_MIX: FaultSpec[] = [
	{ kind: 'status', status: 429, retryAfter: '1' },
	{ kind: 'status', status: 500 },
	{ kind: 'status', status: 502 },
	{ kind: 'status', status: 503 },
	{ kind: 'status', status: 504 },
	{ kind: 'reset' },
	{ kind: 'lost' },
	{ kind: 'lost', as: 'reset' },
	{ kind: 'trickle', chunkBytes: 64, intervalMs: 2 },
	{ kind: 'cut' },
	{ kind: 'html' },
	{ kind: 'invalidJson' },
	{ kind: 'null' },
	{ kind: 'nonObject' },
	{ kind: 'redirect' },
	{ kind: 'echoHeaders', status: 500 },
];

interface Scenario {
	node: string;
	/** The sandbox service (its name in `sandbox.state`) whose requests get faults. */
	service: 'cegidLoop' | 'infinigate' | 'eqhub' | 'loop' | 'virtualInventory';
	/** Other services the node's requests go to (Virtual Inventory's tokens come from Entra ID). */
	alsoFaulted?: string[];
	/** The sandbox's name for the service in its log. */
	logService: string;
	seed: number;
	nodeType: () => INodeType;
	credentialType: ICredentialType;
	parameters: INodeParameters;
	prepare(sandbox: Sandbox): void;
	item(index: number): IDataObject | INodeExecutionData;
	/** The requests that carry one item's operation, and the item each is for. */
	operationRequest: RegExp;
	itemOf(entry: LogEntry): string;
	/**
	 * For a write: the key `itemOf` gives the requests of item `index`, so that an item reported ok
	 * can be matched with the write the service applied. For a read: undefined, and the output is
	 * compared with a run without faults.
	 */
	writeKey?(index: number): string;
	/** Things created or applied more than once, read from the sandbox's state. */
	duplicatesInState(sandbox: Sandbox): number;
}

const email = (index: number) => `fault.${String(index).padStart(4, '0')}@client.example`;
const quoteNumber = (index: number) => `FQ-${String(index).padStart(4, '0')}`;
const itemDescription = (index: number) => `Fault suite item ${String(index).padStart(4, '0')}`;
const fileName = (index: number) => `fault-${String(index).padStart(4, '0')}.xlsx`;

function countDuplicates(keys: string[]): number {
	const seen = new Set<string>();
	let duplicates = 0;
	for (const key of keys) {
		if (seen.has(key)) duplicates++;
		seen.add(key);
	}
	return duplicates;
}

function jsonBody(entry: LogEntry): IDataObject {
	try {
		return JSON.parse(entry.bodyText) as IDataObject;
	} catch {
		return {};
	}
}

const SCENARIOS: Scenario[] = [
	{
		node: 'Cegid Loop: Client → Add',
		service: 'cegidLoop',
		logService: 'cegidLoop',
		seed: 8101,
		nodeType: () => new CegidLoop(),
		credentialType: new CegidLoopApi(),
		parameters: {
			resource: 'client',
			operation: 'add',
			codeDossier: 'MANON001',
			offer: 'consultation',
			email: '={{ $json.email }}',
			lastName: '={{ $json.lastName }}',
			firstName: 'Fault',
		},
		prepare: () => undefined,
		item: (index) => ({ email: email(index), lastName: `Suite ${index}` }),
		operationRequest: /^\/provisionningCollab\/addClient$/,
		itemOf: (entry) => String(jsonBody(entry).email ?? ''),
		writeKey: email,
		// The firm keeps one contact per e-mail; a second add of the same contact is what must not happen.
		duplicatesInState: (sandbox) => countDuplicates([...sandbox.state.cegidLoop.contacts.values()].map((contact) => contact.email)),
	},
	{
		node: 'Infinigate: Quote → Accept',
		service: 'infinigate',
		logService: 'infinigate',
		seed: 8102,
		nodeType: () => new Infinigate(),
		credentialType: new InfinigateApi(),
		parameters: {
			resource: 'purchaseQuote',
			operation: 'accept',
			documentNumber: '={{ $json.documentNumber }}',
			documentRevision: 1,
			acceptedByUserMail: 'buyer@reseller.example',
		},
		prepare: (sandbox) => {
			const template = sandbox.state.infinigate.quotes[0];
			sandbox.state.infinigate.quotes = Array.from({ length: ITEMS }, (_unused, index) => ({
				...template,
				header: { ...template.header, documentNumber: quoteNumber(index), documentVersion: 1, documentStatus: 'Open', canBeAccepted: true, canBeRejected: true },
			}));
		},
		item: (index) => ({ documentNumber: quoteNumber(index) }),
		operationRequest: /^\/order-management\/v2\/purchasequote\/acceptance$/,
		itemOf: (entry) => String(jsonBody(entry).documentNumber ?? ''),
		writeKey: quoteNumber,
		// A quote is accepted once: a second decision would be refused, so count the decisions the service applied.
		duplicatesInState: () => 0,
	},
	{
		node: 'Collabor8 EqHub: Product → Get (TEK number)',
		service: 'eqhub',
		logService: 'collabor8EqHub',
		seed: 8103,
		nodeType: () => new Collabor8EqHub(),
		credentialType: new Collabor8EqHubApi(),
		parameters: { resource: 'product', operation: 'getLegacy', legacyId: '={{ $json.tek }}' },
		prepare: () => undefined,
		item: (index) => ({ tek: ['100234', '204518', '100235'][index % 3] }),
		operationRequest: /^\/legacy\/Teknos\//,
		itemOf: (entry) => entry.path,
		duplicatesInState: () => 0,
	},
	{
		node: 'Collabor8 Virtual Inventory: Upload',
		service: 'virtualInventory',
		alsoFaulted: ['entra'],
		logService: 'collabor8VirtualInventory',
		seed: 8104,
		nodeType: () => new Collabor8VirtualInventory(),
		credentialType: new Collabor8VirtualInventoryApi(),
		parameters: { resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data', importMode: 'stepByStep' },
		prepare: (sandbox) => {
			sandbox.state.virtualInventory.importBusyMs = 0;
		},
		item: (index) => ({
			json: { index },
			binary: {
				data: {
					data: Buffer.from(`PK\u0003\u0004 inventory of item ${index}`).toString('base64'),
					mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
					fileName: fileName(index),
					fileExtension: 'xlsx',
				},
			},
		}),
		operationRequest: /^\/v1\/m2m\/inventory-import\/StepByStep$/i,
		itemOf: (entry) => /filename="([^"]+)"/.exec(entry.bodyText)?.[1] ?? '',
		writeKey: fileName,
		duplicatesInState: (sandbox) => countDuplicates(sandbox.state.virtualInventory.imports.map((record) => record.fileName)),
	},
	{
		node: 'Collabor8 Loop: Item → Create',
		service: 'loop',
		logService: 'collabor8Loop',
		seed: 8105,
		nodeType: () => new Collabor8Loop(),
		credentialType: new Collabor8LoopApi(),
		parameters: { resource: 'item', operation: 'create', description: '={{ $json.description }}', productClass: 'Mechanical' },
		prepare: () => undefined,
		item: (index) => ({ description: itemDescription(index) }),
		operationRequest: /^\/items$/,
		itemOf: (entry) => String((jsonBody(entry).objectInformation as IDataObject | undefined)?.description ?? ''),
		writeKey: itemDescription,
		duplicatesInState: (sandbox) =>
			countDuplicates(sandbox.state.loop.items.map((item) => String((item.objectInformation as IDataObject).description))),
	},
];

interface Row {
	node: string;
	itemsIn: number;
	/** 'stopped' when the node stopped the workflow instead of finishing its items. */
	ok: string;
	errors: string;
	retries: number;
	duplicates: number;
	faults: number;
	seconds: number;
}

const rows: Row[] = [];

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
	// Retries wait a hundredth of what the node asks, so that 1,000 items with 10 % faults fit in CI.
	const realSleep = retryClock.sleep;
	jest.spyOn(retryClock, 'sleep').mockImplementation(async (ms: number) => await realSleep(Math.ceil(ms / 100)));
});

afterAll(async () => {
	await sandbox?.close();
	jest.restoreAllMocks();
	printTable(rows);
});

beforeEach(() => sandbox.server.reset());

function printTable(table: Row[]): void {
	if (table.length === 0) return;
	const header = ['Node', 'Items in', 'OK', 'Errors', 'Retries', 'Duplicates', 'Faults injected', 'Time'];
	const lines = table.map((row) => [
		row.node,
		String(row.itemsIn),
		row.ok,
		row.errors,
		String(row.retries),
		String(row.duplicates),
		String(row.faults),
		`${row.seconds.toFixed(1)} s`,
	]);
	const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
	const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ');
	const total = table.reduce((sum, row) => sum + row.seconds, 0);
	process.stdout.write(
		`\nFault suite: ${ITEMS} items per node, ${FAULT_RATE * 100} % of requests faulted\n${format(header)}\n${lines.map(format).join('\n')}\nTotal: ${total.toFixed(1)} s\n\n`,
	);
}

/** Every value of the credential that must stay secret, and every token the sandbox saw. */
function secretsOf(credentials: IDataObject, log: LogEntry[]): string[] {
	const secretFields = /key|secret|password|token$/i;
	const secrets = Object.entries(credentials)
		.filter(([field, value]) => secretFields.test(field) && !/url/i.test(field) && typeof value === 'string' && value.length >= 6)
		.map(([, value]) => String(value));
	for (const entry of log) {
		const bearer = /^Bearer\s+(\S+)$/i.exec(entry.headers.authorization ?? '')?.[1];
		if (bearer) secrets.push(bearer);
	}
	return [...new Set(secrets)];
}

function runScenario(scenario: Scenario, items: Array<IDataObject | INodeExecutionData>, credentials: ICredentialDataDecryptedObject): Promise<NodeRun> {
	return runNode({
		node: scenario.nodeType(),
		credentialTypes: [scenario.credentialType],
		credentials: { [scenario.credentialType.name]: credentials },
		parameters: scenario.parameters,
		items,
		errorOutput: true,
	});
}

/** A few examples of what went wrong, so that a failure names items without printing thousands. */
function examples<T>(list: T[], describe: (entry: T) => string = String): string {
	return `${list.slice(0, 3).map(describe).join('; ')}${list.length > 3 ? `; … (${list.length} in all)` : ''}`;
}

describe('the fault suite: 1,000 items per node under 10 % injected faults', () => {
	test.each(SCENARIOS.map((scenario) => [scenario.node, scenario]))('%s', async (_name, scenario: Scenario) => {
		scenario.prepare(sandbox);
		const credentials = { ...sandbox.credentials[scenario.credentialType.name] } as ICredentialDataDecryptedObject;
		const items = Array.from({ length: ITEMS }, (_unused, index) => scenario.item(index));

		// A read's answers without faults, to compare the faulted run's output with.
		const reference = new Map<string, string>();
		if (!scenario.writeKey) {
			const clean = await runScenario(scenario, items.slice(0, 3), credentials);
			clean.outputs[0]?.forEach((item) => reference.set(JSON.stringify(items[pairedIndex(item)]), JSON.stringify(item.json)));
			sandbox.server.reset();
			scenario.prepare(sandbox);
		}

		const rule = { rate: FAULT_RATE, seed: scenario.seed, faults: FAULT_MIX };
		sandbox.faults.set(scenario.service, rule);
		for (const other of scenario.alsoFaulted ?? []) sandbox.faults.set(other, { ...rule, seed: scenario.seed + 1 });

		const started = Date.now();
		const run = await runScenario(scenario, items, credentials);
		const elapsedMs = Date.now() - started;

		const [okItems = [], errorItems = []] = run.outputs;
		const log = sandbox.server.requests({ service: scenario.logService });
		const operationRequests = log.filter((entry) => scenario.operationRequest.test(entry.path));
		const byItem = new Map<string, LogEntry[]>();
		for (const entry of operationRequests) {
			const key = scenario.itemOf(entry);
			byItem.set(key, [...(byItem.get(key) ?? []), entry]);
		}
		const isApplied = (entry: LogEntry) => entry.serviceActed && entry.status >= 200 && entry.status < 300;
		const appliedTwice = [...byItem.entries()]
			.filter(() => scenario.writeKey !== undefined).filter(([, entries]) => entries.filter(isApplied).length > 1).map(([key]) => key);
		const duplicates = appliedTwice.length + scenario.duplicatesInState(sandbox);
		// A write the service may have acted on (its answer lost, cut or trickled), then sent again.
		const resentAfterUnknownOutcome = scenario.writeKey
			? [...byItem.entries()]
					.filter(([, entries]) => entries.slice(0, -1).some((entry) => entry.serviceActed && entry.fault !== undefined))
					.map(([key]) => key)
			: [];
		const faults = [
			...sandbox.faults.injectedInto(scenario.service),
			...(scenario.alsoFaulted ?? []).flatMap((other) => sandbox.faults.injectedInto(other)),
		];
		const okIndexes = new Set(okItems.map((item) => pairedIndex(item)));
		const errorIndexes = errorItems.map((item) => pairedIndex(item));

		rows.push({
			node: scenario.node,
			itemsIn: ITEMS,
			ok: run.error ? 'stopped' : String(okIndexes.size),
			errors: run.error ? '-' : String(errorItems.length),
			// Requests beyond one per item (a read's items share keys, so its count is against the items).
			retries: scenario.writeKey ? operationRequests.length - byItem.size : Math.max(0, operationRequests.length - ITEMS),
			duplicates,
			faults: faults.length,
			seconds: elapsedMs / 1000,
		});

		function checkOutputs(): string[] {
			const found: string[] = [];
			// Every input item ends as output items or one error item, paired with it, never both.
			const both = errorIndexes.filter((index) => okIndexes.has(index));
			if (both.length > 0) found.push(`items both ok and failed: ${examples(both)}`);
			const missing = Array.from({ length: ITEMS }, (_unused, index) => index).filter(
				(index) => !okIndexes.has(index) && !errorIndexes.includes(index),
			);
			if (missing.length > 0) found.push(`items with neither an output nor an error item: ${examples(missing)}`);
			if (new Set(errorIndexes).size !== errorIndexes.length) found.push('an item has more than one error item');
			const silentErrors = errorItems.filter((item) => String(item.json.error ?? '') === '');
			if (silentErrors.length > 0) found.push(`error items without a message: ${examples(silentErrors, (item) => JSON.stringify(item.json))}`);

			// An item reported ok must be true: the write was applied, or the read's answer is the service's.
			if (scenario.writeKey) {
				const falseSuccesses = [...okIndexes].filter((index) => !(byItem.get(scenario.writeKey!(index)) ?? []).some(isApplied));
				if (falseSuccesses.length > 0) {
					found.push(
						`items reported ok that the service never applied: ${examples(falseSuccesses, (index) => {
							const kinds = (byItem.get(scenario.writeKey!(index)) ?? []).map((entry) => entry.fault ?? 'none');
							return `item ${index} (faults: ${kinds.join(', ')}) → ${JSON.stringify(okItems.find((item) => pairedIndex(item) === index)?.json).slice(0, 160)}`;
						})}`,
					);
				}
			} else {
				const wrongAnswers = okItems.filter((item) => reference.get(JSON.stringify(items[pairedIndex(item)])) !== JSON.stringify(item.json));
				if (wrongAnswers.length > 0) {
					found.push(`items whose output is not the service's answer: ${examples(wrongAnswers, (item) => `item ${pairedIndex(item)} → ${JSON.stringify(item.json).slice(0, 160)}`)}`);
				}
			}
			return found;
		}

		const problems: string[] = [];
		if (run.error) problems.push(`the run stopped at item ${String(run.error.context?.itemIndex ?? '?')}: ${run.error.message}`);
		// A stopped run has no outputs to check; what it sent is still checked below.
		const outputs = run.error ? [] : checkOutputs();
		problems.push(...outputs);

		// Nothing created or applied twice; no write of unknown outcome sent again.
		if (duplicates > 0) problems.push(`applied twice: ${examples(appliedTwice)} (${duplicates} in all)`);
		if (resentAfterUnknownOutcome.length > 0) {
			problems.push(`writes sent again after an outcome the node could not know: ${examples(resentAfterUnknownOutcome)}`);
		}

		// An item fails only when a fault reached it: errors never outnumber the faults.
		if (!run.error && errorItems.length > faults.length) problems.push(`${errorItems.length} error items for ${faults.length} faults`);

		// No redirect was followed, so nothing reached the other origin.
		const followed = sandbox.redirectTarget.received;
		if (followed.length > 0) {
			const headers = [...new Set(followed.flatMap((request) => Object.keys(request.headers)))].join(', ');
			problems.push(`followed ${followed.length} redirects to another origin (${examples(followed, (request) => `${request.method} ${request.url}`)}), sending it the headers ${headers}`);
		}

		// No secret (keys, client secrets, tokens) in any output or error item.
		const secrets = secretsOf(credentials as IDataObject, [...log, ...sandbox.server.requests({ service: 'entra' })]);
		const everything = JSON.stringify(run.outputs);
		const leaked = secrets.filter((secret) => everything.includes(secret));
		if (leaked.length > 0) problems.push(`${leaked.length} secrets appear in the output or error items`);

		// The run ended in bounded time.
		if (elapsedMs >= RUN_BOUND_MS) problems.push(`took ${elapsedMs} ms, more than ${RUN_BOUND_MS} ms`);

		expect(faults.length).toBeGreaterThan(ITEMS * FAULT_RATE * 0.5);
		expect(problems).toEqual([]);
	});
});

function pairedIndex(item: INodeExecutionData): number {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return typeof paired === 'number' ? paired : (paired?.item ?? -1);
}
