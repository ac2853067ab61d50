import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollVirtualInventory } from './trigger/poll';

/**
 * Starts a workflow when an inventory import has finished (see trigger/poll.ts).
 */
export class Collabor8VirtualInventoryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collabor8 Virtual Inventory Trigger',
		name: 'collabor8VirtualInventoryTrigger',
		icon: { light: 'file:collabor8VirtualInventory.svg', dark: 'file:collabor8VirtualInventory.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Import finished',
		description: 'Starts the workflow when an inventory import has finished and a new one is allowed',
		defaults: { name: 'Collabor8 Virtual Inventory Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'collabor8VirtualInventoryApi', required: true }],
		properties: [
			{
				displayName:
					'Fires when a poll finds "import allowed" after an earlier poll found it not allowed. An import shorter than the poll interval is not seen.',
				name: 'intervalNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollVirtualInventory.call(this);
	}
}
