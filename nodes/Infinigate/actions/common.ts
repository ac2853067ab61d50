/**
 * Field definitions that several Infinigate operations share, and the readers of those fields.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/validation';
import { dateInZone, toIsoDate } from '../dates';

export function returnAllAndLimit(show: { resource: string[]; operation: string[] }, maxLimitHint?: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			hint: maxLimitHint,
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

export function readPaging(ctx: IExecuteFunctions, itemIndex: number): { returnAll: boolean; limit: number } {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : Number(ctx.getNodeParameter('limit', itemIndex, 50));
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw inputError(ctx, itemIndex, 'Limit', `must be a whole number of at least 1; got "${String(limit)}"`);
	}
	return { returnAll, limit };
}

/** A date parameter as `YYYY-MM-DD`; a malformed value fails here, before any request. */
export function readDate(
	ctx: IExecuteFunctions,
	parameter: string,
	field: string,
	itemIndex: number,
	required: boolean,
): string | undefined {
	const raw = ctx.getNodeParameter(parameter, itemIndex, '') as unknown;
	let date: string | undefined;
	try {
		date = toIsoDate(raw, ctx.getTimezone());
	} catch (error) {
		throw inputError(ctx, itemIndex, field, (error as Error).message);
	}
	if (date === undefined && required) throw inputError(ctx, itemIndex, field, 'must not be empty');
	return date;
}

export function today(ctx: IExecuteFunctions): string {
	return dateInZone(new Date(), ctx.getTimezone());
}

// GUIDs as .NET writes them; braces are accepted and dropped.
const GUID_PATTERN = /^\{?([0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12})\}?$/i;

export function readGuid(ctx: IExecuteFunctions, parameter: string, field: string, itemIndex: number): string {
	const raw = String(ctx.getNodeParameter(parameter, itemIndex, '') ?? '').trim();
	if (raw === '') throw inputError(ctx, itemIndex, field, 'must not be empty');
	const match = GUID_PATTERN.exec(raw);
	if (!match) {
		throw inputError(ctx, itemIndex, field, `is not a GUID: "${raw}"`, 'A document GUID looks like 3f2504e0-4f89-11d3-9a0c-0305e82c3301; the list operation returns it as documentGuid.');
	}
	return match[1];
}
