import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromEvents } from '../shared/descriptions';
import { includeLastDaysField } from '../shared/polling';
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

/** Starts a workflow on new purchase invoices or credit memos, or on new or changed purchase quotes. */
export class InfinigateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Infinigate Trigger',
		name: 'infinigateTrigger',
		icon: { light: 'file:infinigate.svg', dark: 'file:infinigate.dark.svg' },
		group: ['trigger'],
		version: 1,
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
		return await pollInfinigate.call(this);
	}
}
