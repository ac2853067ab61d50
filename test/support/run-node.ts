/**
 * Runs one of the package's nodes inside n8n-core's real execution engine (WorkflowExecute), the
 * way n8n runs it: parameters resolved as expressions, credentials authenticated by the credential
 * type, Continue On Fail and error outputs handled by the engine.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n-core's services read their settings from the environment when they are first used.
process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-test-'));
process.env.N8N_ENCRYPTION_KEY ??= 'integration-test-key';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	IVersionedNodeType,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';

/** Passes the test's input items on, as a trigger would. */
class InputNode implements INodeType {
	description = {
		displayName: 'Input',
		name: 'testInput',
		group: ['input'],
		version: 1,
		description: 'Emits the items of the test',
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export interface RunNodeOptions {
	node: INodeType;
	credentialTypes: ICredentialType[];
	/** Credential data by credential type name. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters: INodeParameters;
	/** Input items; one empty item when left out. */
	items?: Array<IDataObject | INodeExecutionData>;
	continueOnFail?: boolean;
	/** "Continue (using error output)": failed items go to a second output. */
	errorOutput?: boolean;
	/** Reuse a credentials store across runs, as n8n keeps a credential across executions. */
	credentialsHelper?: TestCredentialsHelper;
	/** Run the node as this version, as a workflow saved with it does; by default the node's newest version, the one a user gets when adding it. */
	typeVersion?: number;
	/** The node's Retry On Fail settings, as the editor's node settings set them. */
	retry?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
}

export interface NodeRun {
	/** The node's outputs: [0] the main output, [1] the error output when errorOutput is set. */
	outputs: INodeExecutionData[][];
	/** The main output's JSON. */
	json: IDataObject[];
	/** The error that stopped the node, when it failed without Continue On Fail. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	credentialsHelper: TestCredentialsHelper;
	run: IRun;
}

const NODE_NAME = 'Node under test';

export function createCredentialsHelper(
	credentialTypes: ICredentialType[],
	credentials: Record<string, ICredentialDataDecryptedObject>,
): TestCredentialsHelper {
	const helper = new TestCredentialsHelper(new Map(credentialTypes.map((type) => [type.name, type])));
	for (const [type, data] of Object.entries(credentials)) helper.stored.set(type, { ...data });
	return helper;
}

export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	const nodeType = options.node;
	const typeName = `test.${nodeType.description.name}`;
	const nodeTypes: INodeTypes = {
		getByName: (name: string) => (name === typeName ? nodeType : new InputNode()) as INodeType | IVersionedNodeType,
		getByNameAndVersion: (name: string) => (name === typeName ? nodeType : new InputNode()),
		getKnownTypes: () => ({}),
	};

	const credentialsHelper =
		options.credentialsHelper ?? createCredentialsHelper(options.credentialTypes, options.credentials);

	const nodeCredentials: INode['credentials'] = {};
	for (const credential of nodeType.description.credentials ?? []) {
		nodeCredentials[credential.name] = { id: credential.name, name: credential.name };
	}

	const input: INode = {
		id: 'input',
		name: 'Input',
		type: 'test.testInput',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const underTest: INode = {
		id: 'under-test',
		name: NODE_NAME,
		type: typeName,
		// The version a user gets by default; a suite about an older workflow asks for its version.
		typeVersion: options.typeVersion ?? Math.max(...[nodeType.description.version].flat()),
		position: [200, 0],
		parameters: options.parameters,
		credentials: nodeCredentials,
		continueOnFail: options.continueOnFail,
		onError: options.errorOutput ? 'continueErrorOutput' : options.continueOnFail ? 'continueRegularOutput' : 'stopWorkflow',
		...options.retry,
	};

	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes: [input, underTest],
		connections: { Input: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes,
	});

	const hooks = new ExecutionLifecycleHooks('manual', '1', {
		id: 'test',
		name: 'test',
		nodes: workflow.nodes ? Object.values(workflow.nodes) : [],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let resolveRun: (run: IRun) => void = () => undefined;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const additionalData = {
		credentialsHelper,
		hooks,
		currentNodeParameters: undefined,
		executionId: '1',
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		variables: {},
		userId: 'test-user',
		setExecutionStatus: () => undefined,
		logAiEvent: () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;

	const inputItems: INodeExecutionData[] = (options.items ?? [{}]).map((item) =>
		'json' in item && typeof item.json === 'object' ? (item as INodeExecutionData) : { json: item as IDataObject },
	);

	const runExecutionData: IRunExecutionData = {
		version: 1,
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: input, data: { main: [inputItems] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;

	const workflowExecute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await workflowExecute.processRunExecutionData(workflow);
	const run = await finished;

	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((items: INodeExecutionData[] | null) => items ?? []);
	return {
		outputs,
		json: (outputs[0] ?? []).map((item: INodeExecutionData) => item.json),
		error: (taskData?.error ?? run.data.resultData.error) as NodeRun['error'],
		credentialsHelper,
		run,
	};
}
