import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { SnapshotMemory, WindowMemory } from '../shared/polling';
import { includeLastDaysField, noEventYet, readIncludeLastDays, readMemory, writeMemory } from '../shared/polling';
import { apiVersionOption } from './helpers/documentKinds';
import { quotesLocationOption } from './helpers/guessOptions';
import type { InfinigateEvent } from './trigger/events';
import {
	DOCUMENT_SEGMENTS,
	latestBy,
	latestDocument,
	listQuotes,
	MANUAL_LOOKBACK_DAYS,
	newDocuments,
	newOrChangedQuotes,
} from './trigger/events';

/** Starts a workflow on new purchase invoices or credit memos, or on new or changed purchase quotes. */
export class InfinigateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infinigate Trigger',
		name: 'infinigateTrigger',
		icon: { light: 'file:infinigate.svg', dark: 'file:infinigate.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new purchase invoices, credit memos, or new or changed quotes',
		defaults: { name: 'Infinigate Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'infinigateApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newPurchaseInvoice',
				options: [
					{ name: 'New Purchase Invoice', value: 'newPurchaseInvoice', description: 'An invoice is posted' },
					{ name: 'New Credit Memo', value: 'newPurchaseCreditMemo', description: 'A credit memo is posted' },
					{
						name: 'New or Changed Purchase Quote',
						value: 'newOrChangedPurchaseQuote',
						description: 'A quote appears, or its revision or status changes',
					},
				],
			},
			includeLastDaysField('the documents'),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{ ...apiVersionOption, displayOptions: { show: { '/event': ['newPurchaseInvoice', 'newPurchaseCreditMemo'] } } },
					{ ...quotesLocationOption, displayOptions: { show: { '/event': ['newOrChangedPurchaseQuote'] } } },
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as InfinigateEvent;
		const now = new Date();
		const emit = (events: IDataObject[]) => (events.length === 0 ? null : [this.helpers.returnJsonArray(events)]);

		if (event === 'newOrChangedPurchaseQuote') {
			const quotes = await listQuotes(this);
			if (this.getMode() === 'manual') {
				const latest = latestBy(quotes, (quote) => String(quote.documentDate ?? ''));
				if (!latest) throw noEventYet(this, 'No purchase quote yet', 'Ask Infinigate for a quote, then fetch again.');
				return emit([{ event: 'newPurchaseQuote', ...latest }]);
			}
			const includeLastDays = readIncludeLastDays(this);
			const result = newOrChangedQuotes(readMemory<SnapshotMemory>(this, event), quotes, includeLastDays, now);
			writeMemory(this, event, result.memory);
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
		const result = await newDocuments(this, event, version, readMemory<WindowMemory>(this, event), includeLastDays, now);
		writeMemory(this, event, result.memory);
		return emit(result.fresh.map((document) => ({ event, ...document })));
	}
}
