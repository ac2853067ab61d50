/** One poll of the Infinigate Trigger: the event picked, its list read, compared with the memory. */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SnapshotMemory, WindowMemory } from '../../shared/polling';
import { noEventYet, pollingClock, readIncludeLastDays, readMemory, rememberOrFail } from '../../shared/polling';
import { quoteCreated } from '../helpers/quoteFields';
import type { InfinigateEvent } from './events';
import {
	DOCUMENT_SEGMENTS,
	latestBy,
	latestDocument,
	listQuotes,
	MANUAL_LOOKBACK_DAYS,
	newDocuments,
	newOrChangedQuotes,
} from './events';

export async function pollInfinigate(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event') as InfinigateEvent;
	const now = pollingClock.now();
	const emit = (events: IDataObject[]) => (events.length === 0 ? null : [this.helpers.returnJsonArray(events)]);

	if (event === 'newOrChangedPurchaseQuote') {
		const quotes = await listQuotes(this);
		if (this.getMode() === 'manual') {
			const latest = latestBy(quotes, (quote) => quoteCreated(quote) ?? '');
			if (!latest) throw noEventYet(this, 'No purchase quote yet', 'Ask Infinigate for a quote, then fetch again.');
			return emit([{ event: 'newPurchaseQuote', ...latest }]);
		}
		const includeLastDays = readIncludeLastDays(this);
		const memory = readMemory<SnapshotMemory>(this, event);
		const result = rememberOrFail(this, event, () => newOrChangedQuotes(memory, quotes, includeLastDays, now));
		return emit(result.events);
	}

	if (!(event in DOCUMENT_SEGMENTS)) {
		throw new NodeOperationError(this.getNode(), `Event must be one of the list (got '${String(event)}')`);
	}
	const version = this.getNodeParameter('options.apiVersion', 'v2') === 'v1' ? 'v1' : 'v2';
	if (this.getMode() === 'manual') {
		const latest = await latestDocument(this, event, version, now);
		if (!latest) {
			throw noEventYet(
				this,
				`No ${DOCUMENT_SEGMENTS[event].noun} in the last ${MANUAL_LOOKBACK_DAYS} days`,
				'The trigger will deliver the next one when it is posted.',
			);
		}
		return emit([{ event, ...latest }]);
	}
	const includeLastDays = readIncludeLastDays(this);
	const memory = readMemory<WindowMemory>(this, event);
	const listed = await newDocuments(this, event, version, memory, includeLastDays, now);
	const result = rememberOrFail(this, event, listed);
	return emit(result.fresh.map((document) => ({ event, ...document })));
}
