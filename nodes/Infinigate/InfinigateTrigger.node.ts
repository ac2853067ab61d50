import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromEvents } from '../shared/descriptions';
import { includeLastDaysField } from '../shared/polling';
import { triggerOptionsAndOverrides } from '../shared/triggerOverrides';
import { apiVersionOption } from './helpers/documentKinds';
import { quotesLocationOption } from './helpers/guessOptions';
import { pollInfinigate } from './trigger/poll';

const eventField: INodeProperties = {
	displayName: 'Event',
	name: 'event',
	type: 'options',
	noDataExpression: true,
	default: 'newPurchaseInvoice',
	options: [
		{ name: 'New Purchase Invoice', value: 'newPurchaseInvoice', description: 'An invoice is posted' },
		{ name: 'New Purchase Credit Memo', value: 'newPurchaseCreditMemo', description: 'A credit memo is posted' },
		{
			name: 'New or Changed Purchase Quote',
			value: 'newOrChangedPurchaseQuote',
			description: 'A quote appears, or its revision or status changes',
		},
	],
};

const DOCUMENT_EVENTS = ['newPurchaseInvoice', 'newPurchaseCreditMemo'];
const QUOTE_EVENTS = ['newOrChangedPurchaseQuote'];

/** Starts a workflow on new purchase invoices or credit memos, or on new or changed purchase quotes. */
export class InfinigateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infinigate Trigger',
		name: 'infinigateTrigger',
		icon: { light: 'file:infinigate.svg', dark: 'file:infinigate.dark.svg' },
		group: ['trigger'],
		// 1.1: Quotes Address moved out of Options into API Overrides; version 1 keeps it in Options.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: subtitleFromEvents(eventField),
		description: 'New purchase invoices, credit memos and quotes from Infinigate, the IT distributor (Reseller API)',
		defaults: { name: 'Infinigate Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'infinigateApi', required: true }],
		properties: [
			eventField,
			includeLastDaysField('the documents'),
			...triggerOptionsAndOverrides(
				{
					fields: [{ ...apiVersionOption, displayOptions: { show: { '/event': DOCUMENT_EVENTS } } }],
					show: { event: DOCUMENT_EVENTS },
				},
				{
					fields: [{ ...quotesLocationOption, displayOptions: { show: { '/event': QUOTE_EVENTS } } }],
					show: { event: QUOTE_EVENTS },
				},
			),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollInfinigate.call(this);
	}
}
