import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { requiredEmail } from '../../../shared/validation';
import { decisionOptions, quoteReferenceFields, readQuoteReference, sendDecision } from '../../helpers/quoteDecision';

export const description: INodeProperties[] = withMaxConcurrentRequests([
	...quoteReferenceFields('accept'),
	{
		displayName: 'Accepted By (Email)',
		name: 'acceptedByUserMail',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		required: true,
		description: 'Email address of the person who accepts the quote',
		displayOptions: { show: { resource: ['purchaseQuote'], operation: ['accept'] } },
	},
	decisionOptions('accept', 'accepted'),
], { resource: ['purchaseQuote'], operation: ['accept'] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = readQuoteReference(this, itemIndex);
	const acceptedByUserMail = requiredEmail(this, 'acceptedByUserMail', 'Accepted By (Email)', itemIndex);
	return await sendDecision(this, itemIndex, 'accepted', { ...reference, acceptedByUserMail });
}
