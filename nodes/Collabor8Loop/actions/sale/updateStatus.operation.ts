import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	guessedEndpointField,
	readChoiceOption,
	readEndpoint,
	readNameOption,
	UNCONFIRMED_HINT,
} from '../../../shared/collabor8GatewayService';
import { fromVersion12, overrideField, overridePath, showOnlyFor, untilVersion11, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { jsonOutput } from '../../../shared/items';
import { readText } from '../../../shared/validation';
import { SALE_ID_FIELD, SALE_STATUS_UPDATE, SALE_STATUSES, WRITE_METHODS } from '../../guesses';
import { SALE_ID_HINT, readSaleId, saleIdFields } from '../../helpers/fields';
import { apiRequest } from '../../transport';

const { method: guessedMethod, bodyField: guessedBodyField } = SALE_STATUS_UPDATE;

function label(status: string): string {
	return status.charAt(0).toUpperCase() + status.slice(1);
}

export const description: INodeProperties[] = showOnlyFor('sale', 'updateStatus', withMaxConcurrentRequests([
	...saleIdFields(SALE_ID_HINT),
	// Version 1.2 defaults to Draft, the one status the guide names; older versions keep Published.
	...([[untilVersion11, 'published'], [fromVersion12, 'draft']] as const).map(([inVersions, byDefault]) =>
		inVersions({
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: byDefault,
			options: SALE_STATUSES.map((status) => ({ name: label(status), value: status })),
			description:
				'The new status of the sale. Choose from the list, or specify any other value Loop accepts using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			hint: 'Only Draft is from the guide; the others are guesses. If Loop refuses one, give the value it expects as an expression',
		}),
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			guessedEndpointField({
				displayName: 'Status Address',
				name: 'statusEndpoint',
				default: SALE_STATUS_UPDATE.path,
				serves: "a sale's status",
			}),
			{
				displayName: 'Status Method',
				name: 'statusMethod',
				type: 'options',
				options: WRITE_METHODS.map((method) => ({ name: method, value: method })),
				default: guessedMethod,
				description: 'How the new status is sent',
				hint: UNCONFIRMED_HINT,
			},
			{
				displayName: 'Status Body Field',
				name: 'statusBodyField',
				type: 'string',
				default: guessedBodyField,
				description: 'The name under which the new status is sent',
				hint: UNCONFIRMED_HINT,
			},
		],
	},
]));

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const saleId = readSaleId(this, itemIndex);
	const status = readText(this, 'status', 'Status', itemIndex, { required: true, maxLength: 100 });
	const endpoint = readEndpoint(this, itemIndex, overridePath(this, 'statusEndpoint'), 'Status Address', SALE_STATUS_UPDATE.path, ['saleId']);
	const method = readChoiceOption(this, itemIndex, overridePath(this, 'statusMethod'), 'Status Method', WRITE_METHODS, SALE_STATUS_UPDATE.method);
	const bodyField = readNameOption(this, itemIndex, overridePath(this, 'statusBodyField'), 'Status Body Field', SALE_STATUS_UPDATE.bodyField);
	const answer = jsonOutput(
		await apiRequest(this, method, endpoint, {
				pathParams: { saleId },
				body: { [bodyField]: status },
				addressField: overrideField(this, 'Status Address and Status Method'),
				shapeField: `Status (any value Loop names, as an expression) or ${overrideField(this, 'Status Body Field')}`,
			}, itemIndex),
	);
	// Loop may answer with the sale, or with nothing: either way say which sale has which status.
	if (Array.isArray(answer) || Object.keys(answer).length === 0) return { [SALE_ID_FIELD]: saleId, status };
	return answer;
}
