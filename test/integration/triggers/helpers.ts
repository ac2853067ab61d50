/** The four polling triggers against the sandbox, each with the credential the sandbox prints. */
import type { ICredentialDataDecryptedObject, ICredentialType, INodeParameters, INodeType } from 'n8n-workflow';

import { CegidLoopApi } from '../../../credentials/CegidLoopApi.credentials';
import { Collabor8LoopApi } from '../../../credentials/Collabor8LoopApi.credentials';
import { Collabor8VirtualInventoryApi } from '../../../credentials/Collabor8VirtualInventoryApi.credentials';
import { InfinigateApi } from '../../../credentials/InfinigateApi.credentials';
import { CegidLoopTrigger } from '../../../nodes/CegidLoop/CegidLoopTrigger.node';
import { Collabor8LoopTrigger } from '../../../nodes/Collabor8Loop/Collabor8LoopTrigger.node';
import { Collabor8VirtualInventoryTrigger } from '../../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventoryTrigger.node';
import { InfinigateTrigger } from '../../../nodes/Infinigate/InfinigateTrigger.node';
import type { Sandbox } from '../../../sandbox';
import { TriggerUnderTest } from '../../support/run-poll';

const TRIGGERS: Record<string, { node: () => INodeType; credential: () => ICredentialType }> = {
	cegidLoop: { node: () => new CegidLoopTrigger(), credential: () => new CegidLoopApi() },
	infinigate: { node: () => new InfinigateTrigger(), credential: () => new InfinigateApi() },
	loop: { node: () => new Collabor8LoopTrigger(), credential: () => new Collabor8LoopApi() },
	virtualInventory: { node: () => new Collabor8VirtualInventoryTrigger(), credential: () => new Collabor8VirtualInventoryApi() },
};

export function triggerFor(
	sandbox: Sandbox,
	service: keyof typeof TRIGGERS,
	parameters: INodeParameters = {},
	credentialChanges: Record<string, string | boolean> = {},
	typeVersion?: number,
): TriggerUnderTest {
	const { node, credential } = TRIGGERS[service];
	const type = credential();
	const data = { ...sandbox.credentials[type.name], ...credentialChanges } as ICredentialDataDecryptedObject;
	return new TriggerUnderTest(node(), [type], { [type.name]: data }, parameters, typeVersion);
}

export function daysAgo(days: number): string {
	return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
