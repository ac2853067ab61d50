import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { requiredEmail } from '../../../shared/validation';
import { PURCHASE_QUOTE_PATHS } from '../../guesses';
import { decisionResult, quoteReferenceFields, readQuoteReference } from '../../helpers/quoteDecision';
import { apiRequest } from '../../transport';

const show = { resource: ['purchaseQuote'], operation: ['accept'] };

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
		displayOptions: { show },
	},
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = readQuoteReference(this, itemIndex);
	const acceptedByUserMail = requiredEmail(this, 'acceptedByUserMail', 'Accepted By (Email)', itemIndex);
	const body = await apiRequest(
		this,
		'POST',
		PURCHASE_QUOTE_PATHS.accept,
		{ body: { ...reference, acceptedByUserMail } },
		itemIndex,
	);
	return decisionResult(body, reference, 'accepted');
}
