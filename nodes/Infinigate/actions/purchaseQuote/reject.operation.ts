import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import { readText, requiredEmail } from '../../../shared/validation';
import { decisionOptions, quoteReferenceFields, readQuoteReference, sendDecision } from '../../helpers/quoteDecision';

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
	decisionOptions('reject', 'rejected'),
], show);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const reference = readQuoteReference(this, itemIndex);
	const rejectedByUserMail = requiredEmail(this, 'rejectedByUserMail', 'Rejected By (Email)', itemIndex);
	const userComments = readText(this, 'userComments', 'Comments', itemIndex, { maxLength: 2000 }) ?? '';
	return await sendDecision(this, itemIndex, 'rejected', { ...reference, rejectedByUserMail, userComments });
}
