/** Readers of the date and GUID fields that several Infinigate operations share. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/validation';
import { dateInZone, toIsoDate } from './dates';

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
