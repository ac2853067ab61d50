import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromEvents } from '../shared/descriptions';
import { pollVirtualInventory } from './trigger/poll';

/**
 * The one event, shown as a field like the other triggers' events. Its default is what the trigger
 * did before the field existed, so saved workflows (which hold no value for it) keep working.
 */
const eventField: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	default: 'importFinished',
	options: [
		{
			name: 'Import Finished',
			value: 'importFinished',
			description: 'A poll finds a new import allowed after an earlier poll found it not allowed',
		},
	],
	// What the event cannot see, under the field it qualifies rather than in a notice above the panel.
	hint: 'An import that starts and ends between two polls is not seen: poll more often than imports last',
};

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
		subtitle: subtitleFromEvents(eventField),
		description: "Finished imports into your company's equipment inventory in Collabor8 Virtual Inventory",
		defaults: { name: 'Collabor8 Virtual Inventory Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'collabor8VirtualInventoryApi', required: true }],
		properties: [eventField],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollVirtualInventory.call(this);
	}
}
