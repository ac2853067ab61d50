/**
 * One poll of the Collabor8 Loop Trigger: every sale, read by the same paging as Sale → Get Many,
 * compared with the sales the memory holds (see shared/polling.ts).
 *
 * Cost: the guide's sales list offers no "since" and no sort, and a status can change on any page,
 * so each poll reads the whole list: one request per Page Size sales (10 per 1,000 sales at the
 * default 100). `countQueries=true` (a parameter the guide shows) makes the list report its total,
 * so paging stops at the last page instead of asking for an empty one after it.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SnapshotMemory } from '../../shared/polling';
import {
	dayOf,
	daysBefore,
	diffSnapshot,
	isoDay,
	noEventYet,
	pollingClock,
	readIncludeLastDays,
	readMemory,
	rememberOrFail,
} from '../../shared/polling';
import { triggerOverrideField, triggerOverridePath } from '../../shared/triggerOverrides';
import { checkWholeNumber } from '../../shared/validation';
import { SALES_PATH } from '../endpoints';
import { MAX_PAGE_SIZE, SALE_CREATED_FIELD, SALE_ID_FIELD } from '../guesses';
import { PAGE_SIZE_RANGE } from '../helpers/paging';
import { apiRequestAllItems, PAGING_GUESSES } from '../transport';

const MEMORY = 'saleStatuses';

export type LoopEvent = 'newSale' | 'saleStatusChanged';

const saleId = (sale: IDataObject): string => String(sale[SALE_ID_FIELD] ?? '');

export async function pollLoop(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const events = this.getNodeParameter('events', []) as LoopEvent[];
	if (!Array.isArray(events) || events.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event');
	}
	// In API Overrides from version 1.1 on, in Options in version 1.
	const pageSize = checkWholeNumber(this.getNodeParameter(triggerOverridePath(this, 'pageSize'), MAX_PAGE_SIZE), PAGE_SIZE_RANGE);
	if (!pageSize.ok) throw new NodeOperationError(this.getNode(), `${triggerOverrideField(this, 'Page Size')} ${pageSize.problem}`);
	const { items: sales } = await apiRequestAllItems(
		this,
		'GET',
		SALES_PATH,
		{ qs: { countQueries: true } },
		{ returnAll: true, limit: 0 },
		0,
		{ ...PAGING_GUESSES, pageSize: pageSize.value ?? MAX_PAGE_SIZE },
	);
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
	const since = includeLastDays > 0 ? daysBefore(isoDay(pollingClock.now()), includeLastDays) : undefined;
	const memory = readMemory<SnapshotMemory>(this, MEMORY);
	const { added, changed } = rememberOrFail(this, MEMORY, () =>
		diffSnapshot(
			memory,
			listed,
			(sale) => ({ key: saleId(sale), fingerprint: String(sale.status ?? '') }),
			(sale) => since !== undefined && dayOf(sale[SALE_CREATED_FIELD]) >= since,
		),
	);
	const output: IDataObject[] = [];
	if (events.includes('newSale')) output.push(...added.map(({ entry }) => ({ event: 'newSale', ...entry })));
	if (events.includes('saleStatusChanged')) {
		output.push(...changed.map(({ entry, previous }) => ({ event: 'saleStatusChanged', previousStatus: previous, ...entry })));
	}
	return output.length === 0 ? null : [this.helpers.returnJsonArray(output)];
}
