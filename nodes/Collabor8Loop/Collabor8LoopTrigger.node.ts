import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromEvents } from '../shared/descriptions';
import { includeLastDaysField } from '../shared/polling';
import { pageSizeOption } from './helpers/paging';
import { pollLoop } from './trigger/poll';

const eventsField: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: ['newSale', 'saleStatusChanged'],
	options: [
		{ name: 'New Sale', value: 'newSale', description: 'A sale appears in the list' },
		{ name: 'Sale Status Changed', value: 'saleStatusChanged', description: "A sale's status differs from the last poll" },
	],
};

/** Starts a workflow on new Loop sales and on sales whose status changed. */
export class Collabor8LoopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collabor8 Loop Trigger',
		name: 'collabor8LoopTrigger',
		icon: { light: 'file:collabor8Loop.svg', dark: 'file:collabor8Loop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: subtitleFromEvents(eventsField),
		description: 'New sales and sale status changes in Collabor8 Loop, the marketplace for surplus equipment',
		defaults: { name: 'Collabor8 Loop Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'collabor8LoopApi', required: true }],
		properties: [
			eventsField,
			includeLastDaysField('the sales created'),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [pageSizeOption],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollLoop.call(this);
	}
}
