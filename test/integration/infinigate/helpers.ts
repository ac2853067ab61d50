import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeListSearchResult,
	INodeParameters,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { InfinigateApi } from '../../../credentials/InfinigateApi.credentials';
import { Infinigate } from '../../../nodes/Infinigate/Infinigate.node';
import { SandboxServer } from '../../../sandbox/core/server';
import type { SandboxOptions } from '../../../sandbox/core/service';
import type { InfinigateSandboxState } from '../../../sandbox/infinigate/service';
import { infinigateService } from '../../../sandbox/infinigate/service';
import type { NodeRun, RunNodeOptions } from '../../support/run-node';
import { createCredentialsHelper, runNode } from '../../support/run-node';

export interface InfinigateSandbox {
	server: SandboxServer;
	/** The same object as `sandbox.state.infinigate` of a whole sandbox. */
	state: InfinigateSandboxState;
	credentials: ICredentialDataDecryptedObject;
	close(): Promise<void>;
}

/** Only the Infinigate service, so that these tests do not depend on the other sandboxes. */
export async function startInfinigate(options: SandboxOptions = {}): Promise<InfinigateSandbox> {
	const server = new SandboxServer();
	const state = infinigateService.install(server, options);
	await server.listen();
	return {
		server,
		state,
		credentials: infinigateService.credentials(server).infinigateApi as ICredentialDataDecryptedObject,
		close: async () => await server.close(),
	};
}

export async function runInfinigate(
	sandbox: InfinigateSandbox,
	parameters: INodeParameters,
	extra: Omit<Partial<RunNodeOptions>, 'credentials'> & { credential?: ICredentialDataDecryptedObject } = {},
): Promise<NodeRun> {
	const { credential, ...rest } = extra;
	return await runNode({
		node: new Infinigate(),
		credentialTypes: [new InfinigateApi()],
		credentials: { infinigateApi: credential ?? sandbox.credentials },
		parameters,
		...rest,
	});
}

/**
 * The document of version 1.3's Get, as the editor saves each mode of its locator: picked from the
 * list (the value is the number), typed as a number, or typed as a GUID.
 */
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
export const byNumber = (value: string) => ({ __rl: true, mode: 'number', value });
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export function tokenRequests(sandbox: InfinigateSandbox) {
	return sandbox.server.requests({ service: 'infinigate', method: 'POST', path: '/authorization/token' });
}

export function apiRequests(sandbox: InfinigateSandbox, path?: RegExp | string) {
	return sandbox.server
		.requests({ service: 'infinigate', path })
		.filter((entry) => entry.path !== '/authorization/token');
}

export function pairedItems(items: INodeExecutionData[]): number[] {
	return items.map((item) => (item.pairedItem as { item: number }).item);
}

/** Every secret of the sandbox credential; none may appear in what the node outputs or throws. */
export function secretsOf(sandbox: InfinigateSandbox): string[] {
	return [String(sandbox.credentials.apiKey), String(sandbox.credentials.clientSecret)];
}

export function json(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}

/**
 * Calls one of the node's list searches (the "From list" of a resource locator) the way the editor
 * does: through n8n-core's LoadOptionsContext, with the sandbox credential.
 */
export async function listSearch(
	sandbox: InfinigateSandbox,
	method: 'searchManufacturers' | 'searchPurchaseQuotes' | 'searchPurchaseInvoices' | 'searchPurchaseCreditMemos',
	filter?: string,
	parameters: INodeParameters = {},
	/** The version of the node the editor shows; the pickers read the options where that version keeps them. */
	typeVersion = 1,
): Promise<INodeListSearchResult> {
	const nodeType = new Infinigate();
	const typeName = 'test.infinigate';
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const node: INode = {
		id: 'under-test',
		name: 'Infinigate',
		type: typeName,
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: { infinigateApi: { id: 'infinigateApi', name: 'infinigateApi' } },
	};
	const workflow = new Workflow({ id: 'test', name: 'test', nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: createCredentialsHelper([new InfinigateApi()], { infinigateApi: sandbox.credentials }),
		variables: {},
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost',
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, workflow.getNode('Infinigate')!, additionalData, 'parameters');
	return await nodeType.methods.listSearch[method].call(context, filter);
}
