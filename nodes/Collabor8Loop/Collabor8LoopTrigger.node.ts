import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { includeLastDaysField } from '../shared/polling';
import { pageSizeOption } from './helpers/paging';
import { pollLoop } from './trigger/poll';

/** Starts a workflow on new Loop sales and on sales whose status changed. */
export class Collabor8LoopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collabor8 Loop Trigger',
		name: 'collabor8LoopTrigger',
		icon: { light: 'file:collabor8Loop.svg', dark: 'file:collabor8Loop.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a Loop sale is created or its status changes',
		defaults: { name: 'Collabor8 Loop Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'collabor8LoopApi', required: true }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['newSale', 'saleStatusChanged'],
				options: [
					{ name: 'New Sale', value: 'newSale', description: 'A sale appears in the list' },
					{ name: 'Sale Status Changed', value: 'saleStatusChanged', description: "A sale's status differs from the last poll" },
				],
			},
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
