import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { SnapshotMemory } from '../shared/polling';
import { checkWholeNumber } from '../shared/validation';
import {
	dayOf,
	daysBefore,
	diffSnapshot,
	includeLastDaysField,
	isoDay,
	noEventYet,
	readIncludeLastDays,
	readMemory,
	writeMemory,
} from '../shared/polling';
import { SALES_PATH } from './endpoints';
import { MAX_PAGE_SIZE, SALE_CREATED_FIELD, SALE_ID_FIELD } from './guesses';
import { PAGE_SIZE_RANGE, pageSizeOption } from './helpers/paging';
import { apiRequestAllItems, PAGING_GUESSES } from './transport';

const MEMORY = 'saleStatuses';

type LoopEvent = 'newSale' | 'saleStatusChanged';

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
		const events = this.getNodeParameter('events', []) as LoopEvent[];
		if (!Array.isArray(events) || events.length === 0) {
			throw new NodeOperationError(this.getNode(), 'Choose at least one event');
		}
		const pageSize = checkWholeNumber(this.getNodeParameter('options.pageSize', MAX_PAGE_SIZE), PAGE_SIZE_RANGE);
		if (!pageSize.ok) throw new NodeOperationError(this.getNode(), `Page Size ${pageSize.problem}`);
		const { items: sales } = await apiRequestAllItems(this, 'GET', SALES_PATH, {}, { returnAll: true, limit: 0 }, 0, {
			...PAGING_GUESSES,
			pageSize: pageSize.value ?? MAX_PAGE_SIZE,
		});
		const saleId = (sale: IDataObject) => String(sale[SALE_ID_FIELD] ?? '');
		const listed = sales.filter((sale) => saleId(sale) !== '');

		if (this.getMode() === 'manual') {
			let latest: IDataObject | undefined;
			for (const sale of listed) {
				if (!latest || String(sale[SALE_CREATED_FIELD] ?? '') >= String(latest[SALE_CREATED_FIELD] ?? '')) latest = sale;
			}
			if (!latest) throw noEventYet(this, 'No sale in Loop yet', 'Create a sale in Loop, then fetch again.');
			return [this.helpers.returnJsonArray([{ event: 'newSale', ...latest }])];
		}

		const includeLastDays = readIncludeLastDays(this);
		const since = includeLastDays > 0 ? daysBefore(isoDay(new Date()), includeLastDays) : undefined;
		const { added, changed, memory } = diffSnapshot(
			readMemory<SnapshotMemory>(this, MEMORY),
			listed,
			(sale) => ({ key: saleId(sale), fingerprint: String(sale.status ?? '') }),
			(sale) => since !== undefined && dayOf(sale[SALE_CREATED_FIELD]) >= since,
		);
		writeMemory(this, MEMORY, memory);
		const output: IDataObject[] = [];
		if (events.includes('newSale')) output.push(...added.map(({ entry }) => ({ event: 'newSale', ...entry })));
		if (events.includes('saleStatusChanged')) {
			output.push(...changed.map(({ entry, previous }) => ({ event: 'saleStatusChanged', previousStatus: previous, ...entry })));
		}
		return output.length === 0 ? null : [this.helpers.returnJsonArray(output)];
	}
}
