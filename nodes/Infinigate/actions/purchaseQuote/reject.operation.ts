import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { requiredEmail } from '../../../shared/validation';
import { PURCHASE_QUOTE_PATHS } from '../../guesses';
import { decisionResult, quoteReferenceFields, readQuoteReference } from '../../helpers/quoteDecision';
import { apiRequest } from '../../transport';

const show = { resource: ['purchaseQuote'], operation: ['reject'] };

export const description: INodeProperties[] = withMaxConcurrentRequests([
	...quoteReferenceFields('reject'),
	{
		displayName: 'Rejected By (Email)',
		name: 'rejectedByUserMail',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		required: true,
		description: 'Email address of the person who rejects the quote',
		displayOptions: { show },
	},
	{
		displayName: 'Comments',
		name: 'userComments',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Why the quote is rejected; Infinigate sees this text',
		displayOptions: { show },
	},
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = readQuoteReference(this, itemIndex);
	const rejectedByUserMail = requiredEmail(this, 'rejectedByUserMail', 'Rejected By (Email)', itemIndex);
	const userComments = String(this.getNodeParameter('userComments', itemIndex, '') ?? '');
	const body = await apiRequest(
		this,
		'POST',
		PURCHASE_QUOTE_PATHS.reject,
		{ body: { ...reference, rejectedByUserMail, userComments } },
		itemIndex,
	);
	return decisionResult(body, reference, 'rejected');
}
