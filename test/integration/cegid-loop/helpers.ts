import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CegidLoopApi } from '../../../credentials/CegidLoopApi.credentials';
import { CegidLoop } from '../../../nodes/CegidLoop/CegidLoop.node';
import type { Sandbox } from '../../../sandbox';
import { runNode } from '../../support/run-node';
import type { NodeRun } from '../../support/run-node';

export function runCegid(
	sandbox: Sandbox,
	parameters: INodeParameters,
	options: {
		items?: Array<IDataObject | INodeExecutionData>;
		continueOnFail?: boolean;
		errorOutput?: boolean;
		credentials?: IDataObject;
		typeVersion?: number;
	} = {},
): Promise<NodeRun> {
	return runNode({
		node: new CegidLoop(),
		credentialTypes: [new CegidLoopApi()],
		credentials: {
			cegidLoopApi: { ...sandbox.credentials.cegidLoopApi, ...options.credentials } as Record<string, string>,
		},
		parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
		errorOutput: options.errorOutput,
		typeVersion: options.typeVersion,
	});
}
