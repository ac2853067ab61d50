/** Small builders for node field descriptions, so that operation files list only their own fields. */
import type { INodeProperties } from 'n8n-workflow';

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
