/** Running Check Setup of any of the five nodes against one whole sandbox. */
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { CegidLoopApi } from '../../../credentials/CegidLoopApi.credentials';
import { Collabor8EqHubApi } from '../../../credentials/Collabor8EqHubApi.credentials';
import { Collabor8LoopApi } from '../../../credentials/Collabor8LoopApi.credentials';
import { Collabor8VirtualInventoryApi } from '../../../credentials/Collabor8VirtualInventoryApi.credentials';
import { InfinigateApi } from '../../../credentials/InfinigateApi.credentials';
import { CegidLoop } from '../../../nodes/CegidLoop/CegidLoop.node';
import { Collabor8EqHub } from '../../../nodes/Collabor8EqHub/Collabor8EqHub.node';
import { Collabor8Loop } from '../../../nodes/Collabor8Loop/Collabor8Loop.node';
import { Collabor8VirtualInventory } from '../../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventory.node';
import { Infinigate } from '../../../nodes/Infinigate/Infinigate.node';
import type { Sandbox } from '../../../sandbox';
import { runNode } from '../../support/run-node';
import type { NodeRun } from '../../support/run-node';

export type NodeName = 'cegidLoop' | 'infinigate' | 'eqhub' | 'virtualInventory' | 'loop';

export const NODE_NAMES: NodeName[] = ['cegidLoop', 'infinigate', 'eqhub', 'virtualInventory', 'loop'];

const NODES: Record<NodeName, { node: () => INodeType; credential: () => ICredentialType }> = {
	cegidLoop: { node: () => new CegidLoop(), credential: () => new CegidLoopApi() },
	infinigate: { node: () => new Infinigate(), credential: () => new InfinigateApi() },
	eqhub: { node: () => new Collabor8EqHub(), credential: () => new Collabor8EqHubApi() },
	virtualInventory: { node: () => new Collabor8VirtualInventory(), credential: () => new Collabor8VirtualInventoryApi() },
	loop: { node: () => new Collabor8Loop(), credential: () => new Collabor8LoopApi() },
};

/** One output item of Check Setup, as a user reads it. */
export interface CheckItem {
	check: string;
	kind: string;
	method: string;
	address: string;
	result: string;
	status: number | null;
	field: string | null;
	suggestion: string | null;
	answerShape: IDataObject | null;
}

export async function runCheckSetup(
	sandbox: Sandbox,
	name: NodeName,
	options: { credentials?: IDataObject; options?: INodeParameters; apiOverrides?: INodeParameters; items?: IDataObject[]; typeVersion?: number } = {},
): Promise<NodeRun & { checks: CheckItem[] }> {
	const credential = NODES[name].credential();
	const run = await runNode({
		node: NODES[name].node(),
		credentialTypes: [credential],
		credentials: {
			[credential.name]: { ...sandbox.credentials[credential.name], ...options.credentials } as ICredentialDataDecryptedObject,
		},
		parameters: {
			resource: 'account',
			operation: 'checkSetup',
			...(options.options ? { options: options.options } : {}),
			...(options.apiOverrides ? { apiOverrides: options.apiOverrides } : {}),
		},
		items: options.items,
		typeVersion: options.typeVersion,
	});
	return { ...run, checks: run.json as unknown as CheckItem[] };
}

/** "check: result" lines, which read well in a failing assertion. */
export function results(checks: CheckItem[]): string[] {
	return checks.map((check) => `${check.check}: ${check.result}`);
}
