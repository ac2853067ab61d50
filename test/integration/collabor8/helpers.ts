/** Running the three Collabor8 nodes against the sandbox, and reading what the sandbox saw. */
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { Collabor8EqHubApi } from '../../../credentials/Collabor8EqHubApi.credentials';
import { Collabor8LoopApi } from '../../../credentials/Collabor8LoopApi.credentials';
import { Collabor8VirtualInventoryApi } from '../../../credentials/Collabor8VirtualInventoryApi.credentials';
import { Collabor8EqHub } from '../../../nodes/Collabor8EqHub/Collabor8EqHub.node';
import { Collabor8Loop } from '../../../nodes/Collabor8Loop/Collabor8Loop.node';
import { Collabor8VirtualInventory } from '../../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventory.node';
import { startSandbox } from '../../../sandbox';
import type { Sandbox, SandboxOptions } from '../../../sandbox';
import type { LogEntry } from '../../../sandbox/core/server';
import { EQHUB_SERVICE } from '../../../sandbox/collabor8/eqhub/service';
import { COLLABOR8_ACCOUNTS } from '../../../sandbox/collabor8/gateway';
import { LOOP_SERVICE } from '../../../sandbox/collabor8/loop/service';
import { ENTRA_SERVICE } from '../../../sandbox/collabor8/virtual-inventory/entra';
import { VIRTUAL_INVENTORY_SERVICE } from '../../../sandbox/collabor8/virtual-inventory/service';
import type { TestCredentialsHelper } from '../../support/credentials-helper';
import { createCredentialsHelper, runNode } from '../../support/run-node';
import type { NodeRun } from '../../support/run-node';

export type Collabor8Product = 'eqhub' | 'loop' | 'virtualInventory';

/** Where the sandbox logs each product's requests, and Entra ID's. */
export const COLLABOR8_SERVICES = {
	eqhub: EQHUB_SERVICE,
	loop: LOOP_SERVICE,
	virtualInventory: VIRTUAL_INVENTORY_SERVICE,
	entra: ENTRA_SERVICE,
} as const;

export const CREDENTIAL_TYPES: Record<Collabor8Product, ICredentialType> = {
	eqhub: new Collabor8EqHubApi(),
	loop: new Collabor8LoopApi(),
	virtualInventory: new Collabor8VirtualInventoryApi(),
};

const NODES: Record<Collabor8Product, () => INodeType> = {
	eqhub: () => new Collabor8EqHub(),
	loop: () => new Collabor8Loop(),
	virtualInventory: () => new Collabor8VirtualInventory(),
};

export async function startCollabor8(options: SandboxOptions = {}): Promise<Sandbox> {
	return await startSandbox(options);
}

export function credentialsOf(sandbox: Sandbox, product: Collabor8Product): ICredentialDataDecryptedObject {
	return { ...sandbox.credentials[CREDENTIAL_TYPES[product].name] } as ICredentialDataDecryptedObject;
}

export interface RunOptions {
	items?: Array<IDataObject | INodeExecutionData>;
	continueOnFail?: boolean;
	credentials?: IDataObject;
	credentialsHelper?: TestCredentialsHelper;
	/** Run the node as this version (as a workflow saved with it does); 1.1 by default (see runNode). */
	typeVersion?: number;
}

export async function runCollabor8(
	sandbox: Sandbox,
	product: Collabor8Product,
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<NodeRun> {
	const type = CREDENTIAL_TYPES[product];
	return await runNode({
		node: NODES[product](),
		credentialTypes: [type],
		credentials: { [type.name]: { ...credentialsOf(sandbox, product), ...options.credentials } as ICredentialDataDecryptedObject },
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		credentialsHelper: options.credentialsHelper,
		typeVersion: options.typeVersion,
	});
}

export function sharedCredentials(sandbox: Sandbox, product: Collabor8Product, override: IDataObject = {}): TestCredentialsHelper {
	const type = CREDENTIAL_TYPES[product];
	return createCredentialsHelper([type], {
		[type.name]: { ...credentialsOf(sandbox, product), ...override } as ICredentialDataDecryptedObject,
	});
}

/** Token requests each service's token endpoint received (Virtual Inventory's is Entra ID). */
export function tokenRequests(sandbox: Sandbox, product: Collabor8Product): LogEntry[] {
	if (product === 'virtualInventory') return sandbox.server.requests({ service: COLLABOR8_SERVICES.entra });
	return sandbox.server.requests({ service: COLLABOR8_SERVICES[product], path: '/token' });
}

export function apiRequests(sandbox: Sandbox, product: Collabor8Product, path?: RegExp): LogEntry[] {
	return sandbox.server
		.requests({ service: COLLABOR8_SERVICES[product], path })
		.filter((entry) => !(product !== 'virtualInventory' && entry.path === '/token'));
}

/** Every secret a test must never find in an output, an error or a log line. */
export function secretsOf(): string[] {
	return Object.values(COLLABOR8_ACCOUNTS).map((account) => account.clientSecret);
}

export function sleepMs(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * What n8n's credential Test button runs (packages/cli CredentialsTester): a declarative node whose
 * only request is the credential's `test` request, executed by n8n-core's RoutingNode. Its error
 * handling is then mapped to the message the user sees as n8n does it: `rules` by response code,
 * "Received HTTP status code: …" for other statuses, else the error's own message (which is how
 * a preAuthentication failure reaches the user).
 */
export async function testCredential(
	product: Collabor8Product,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string; run: NodeRun }> {
	const type = CREDENTIAL_TYPES[product];
	const node = {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: `Runs the test request of ${type.displayName}`,
			defaults: { name: 'Credential test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: type.test!.request } }],
		} as unknown as INodeTypeDescription,
	} as INodeType;
	const run = await runNode({ node, credentialTypes: [type], credentials: { [type.name]: data }, parameters: {} });
	if (!run.error) return { status: 'OK', message: 'Connection successful!', run };
	const cause = (run.error as { cause?: { response?: { status?: number; statusText?: string } } }).cause;
	// n8n reads the status from the error's cause; the engine stores errors without their cause, so
	// the HTTP code it keeps stands in for it here.
	const status = cause?.response?.status ?? (run.error.httpCode ? Number(run.error.httpCode) : undefined);
	if (status !== undefined) {
		for (const rule of type.test?.rules ?? []) {
			if (rule.type === 'responseCode' && rule.properties.value === status) {
				return { status: 'Error', message: rule.properties.message, run };
			}
		}
	}
	return { status: 'Error', message: run.error.message, run };
}

/** What n8n's HTTP Request node does with a predefined credential type: requestWithAuthentication. */
export function httpRequestNode(credentialType: string): INodeType {
	return {
		description: {
			displayName: 'HTTP Request (predefined credential)',
			name: 'predefinedCredentialRequest',
			group: ['transform'],
			version: 1,
			description: 'Calls a URL with a predefined credential, as the HTTP Request node does',
			defaults: { name: 'HTTP Request' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType, required: true }],
			properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
		} as unknown as INodeTypeDescription,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const output: INodeExecutionData[] = [];
			for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
				const url = this.getNodeParameter('url', itemIndex) as string;
				const body: unknown = await this.helpers.requestWithAuthentication.call(
					this,
					credentialType,
					{ method: 'GET', uri: url, json: true },
					undefined,
					itemIndex,
				);
				output.push({ json: body as IDataObject, pairedItem: { item: itemIndex } });
			}
			return [output];
		},
	};
}

/**
 * Runs a node's list search ("From list" of a resource locator) as the editor does: n8n-core's
 * LoadOptionsContext for the node, with the credential of the sandbox.
 */
export async function runListSearch(
	sandbox: Sandbox,
	product: Collabor8Product,
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const nodeType = NODES[product]();
	const credentialType = CREDENTIAL_TYPES[product];
	const credentialsHelper = sharedCredentials(sandbox, product);
	const node: INode = {
		id: 'under-test',
		name: 'Node under test',
		type: `test.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: credentialType.name, name: credentialType.name } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ id: 'list', nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = { credentialsHelper, currentNodeParameters: {} } as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, '');
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`${nodeType.description.name} has no list search ${method}`);
	return await search.call(context, filter, paginationToken);
}
