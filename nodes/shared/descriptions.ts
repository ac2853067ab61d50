/** Small builders for node field descriptions, so that operation files list only their own fields. */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENT_REQUESTS, MAX_CONCURRENT_REQUESTS_LIMIT } from './concurrency';

/** Shows the fields only for the given resource and operation(s). */
export function showOnlyFor(
	resource: string,
	operation: string | string[],
	fields: INodeProperties[],
): INodeProperties[] {
	const operations = Array.isArray(operation) ? operation : [operation];
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, resource: [resource], operation: operations },
		},
	}));
}

/** The usual Return All / Limit pair of a list operation; read them with `readReturnAllAndLimit`. */
export function returnAllAndLimit(limitHint?: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			...(limitHint ? { hint: limitHint } : {}),
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** How many requests a node sends at once; the same option, under the same name, in every node. */
export const maxConcurrentRequestsOption: INodeProperties = {
	displayName: 'Max Concurrent Requests',
	name: 'maxConcurrentRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENT_REQUESTS_LIMIT, numberPrecision: 0 },
	default: DEFAULT_MAX_CONCURRENT_REQUESTS,
	description:
		'How many requests the node sends at once. The output keeps the order of the input items.',
	hint: 'The node sends fewer by itself while the service asks it to slow down (HTTP 429)',
};

/**
 * Adds Max Concurrent Requests to the operation's Options collection, or gives the operation one,
 * shown where `show` says (leave it out when `showOnlyFor` wraps the fields afterwards).
 */
export function withMaxConcurrentRequests(
	fields: INodeProperties[],
	show?: { resource: string[]; operation: string[] },
): INodeProperties[] {
	const optionsIndex = fields.findIndex((field) => field.name === 'options' && field.type === 'collection');
	if (optionsIndex < 0) {
		return [
			...fields,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [maxConcurrentRequestsOption],
				...(show ? { displayOptions: { show } } : {}),
			},
		];
	}
	const collection = fields[optionsIndex];
	const options = [...((collection.options ?? []) as INodeProperties[]), maxConcurrentRequestsOption].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	);
	return fields.map((field, index) => (index === optionsIndex ? { ...collection, options } : field));
}
