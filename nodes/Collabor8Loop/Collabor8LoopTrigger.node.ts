import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromEvents } from '../shared/descriptions';
import { includeLastDaysField } from '../shared/polling';
import { triggerOptionsAndOverrides } from '../shared/triggerOverrides';
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

/** Page Size's hint in API Overrides, whose description already says that its defaults are assumptions. */
const PAGE_SIZE_HINT = 'A smaller page than asked never ends the list early.';

/** Starts a workflow on new Loop sales and on sales whose status changed. */
export class Collabor8LoopTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Collabor8 Loop Trigger',
		name: 'collabor8LoopTrigger',
		icon: { light: 'file:collabor8Loop.svg', dark: 'file:collabor8Loop.dark.svg' },
		group: ['trigger'],
		// 1.1: Page Size moved out of Options into API Overrides; version 1 keeps it in Options.
		version: [1, 1.1],
		defaultVersion: 1.1,
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
			...triggerOptionsAndOverrides({ fields: [] }, { fields: [pageSizeOption], hints: { pageSize: PAGE_SIZE_HINT } }),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollLoop.call(this);
	}
}
