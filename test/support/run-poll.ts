/**
 * Runs a polling trigger the way n8n's active workflows do: n8n-core's PollContext, the node's
 * static data kept in the workflow between polls, and a "restart" that rebuilds the workflow from
 * the static data as n8n saved it (JSON), as after `n8n start`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-test-'));
process.env.N8N_ENCRYPTION_KEY ??= 'integration-test-key';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentials-helper';
import { createCredentialsHelper } from './run-node';

export interface PollResult {
	/** The events the poll emitted (empty when it returned null). */
	events: IDataObject[];
	error?: Error & { description?: string };
}

export class TriggerUnderTest {
	private staticData: IDataObject = {};

	/**
	 * The static data as n8n saved it to the database: n8n keeps a trigger's static data in memory
	 * between polls, but saves it only when a poll delivers (its execution saves it) and when the
	 * workflow is activated (here: the first poll).
	 */
	private savedStaticData?: IDataObject;

	readonly credentialsHelper: TestCredentialsHelper;

	constructor(
		private readonly nodeType: INodeType,
		credentialTypes: ICredentialType[],
		credentials: Record<string, ICredentialDataDecryptedObject>,
		private readonly parameters: INodeParameters,
		/** The node's version as a saved workflow holds it; by default the one a new node gets. */
		private readonly typeVersion: number = nodeType.description.defaultVersion ?? Math.max(...[nodeType.description.version].flat()),
	) {
		this.credentialsHelper = createCredentialsHelper(credentialTypes, credentials);
	}

	/** What the node keeps in the workflow's static data, as n8n would store it. */
	get memory(): IDataObject {
		return JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
	}

	/** n8n stopped and started: only what it saved of the static data remains. */
	restart(savedStaticData: IDataObject = this.memory): void {
		this.staticData = JSON.parse(JSON.stringify(savedStaticData)) as IDataObject;
	}

	/** n8n stopped and started, losing what polls that delivered nothing changed in the static data. */
	restartFromDatabase(): void {
		this.restart(this.savedStaticData ?? {});
	}

	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<PollResult> {
		const typeName = `test.${this.nodeType.description.name}`;
		const nodeTypes: INodeTypes = {
			getByName: () => this.nodeType,
			getByNameAndVersion: () => this.nodeType,
			getKnownTypes: () => ({}),
		};
		const credentials: INode['credentials'] = {};
		for (const credential of this.nodeType.description.credentials ?? []) {
			credentials[credential.name] = { id: credential.name, name: credential.name };
		}
		const node: INode = {
			id: 'trigger',
			name: 'Trigger under test',
			type: typeName,
			typeVersion: this.typeVersion,
			position: [0, 0],
			parameters: this.parameters,
			credentials,
		};
		const workflow = new Workflow({
			id: 'poll-test',
			name: 'poll test',
			nodes: [node],
			connections: {},
			active: mode !== 'manual',
			nodeTypes,
			staticData: this.staticData,
		});
		const additionalData = {
			credentialsHelper: this.credentialsHelper,
			restApiUrl: 'http://localhost/rest',
			instanceBaseUrl: 'http://localhost',
			webhookBaseUrl: 'http://localhost/webhook',
			variables: {},
			userId: 'test-user',
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new PollContext(workflow, workflow.getNode(node.name)!, additionalData, mode, 'activate');
		try {
			const output = await this.nodeType.poll!.call(context);
			// n8n keeps the node's static data only in workflows that run for real (not manual tests).
			if (mode !== 'manual') {
				this.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
				if (this.savedStaticData === undefined || (output?.[0]?.length ?? 0) > 0) this.savedStaticData = this.memory;
			}
			return { events: (output?.[0] ?? []).map((item) => item.json) };
		} catch (error) {
			return { events: [], error: error as PollResult['error'] };
		}
	}
}
