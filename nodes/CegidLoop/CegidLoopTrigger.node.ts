import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { domainOption } from './helpers/fields';
import { pollCegidLoop } from './trigger/poll';

export class CegidLoopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cegid Loop Trigger',
		name: 'cegidLoopTrigger',
		icon: { light: 'file:cegidLoop.svg', dark: 'file:cegidLoop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New client folder',
		description: "New client folders linked to your firm in Cegid Loop, Cegid's platform for accounting firms",
		defaults: { name: 'Cegid Loop Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cegidLoopApi', required: true }],
		properties: [
			{
				displayName: 'Include Already Linked Folders',
				name: 'includeExisting',
				type: 'boolean',
				default: false,
				hint: 'Applies only when the workflow is first activated',
				description:
					'Whether the first activation also delivers the folders already linked. LoopHub shows no date, so "the last N days" cannot be told apart.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [domainOption],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCegidLoop.call(this);
	}
}
