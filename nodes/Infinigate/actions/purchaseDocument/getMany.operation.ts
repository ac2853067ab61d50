/** Get Many: the purchase invoices or credit memos of a period, optionally with their lines or MSP usage. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromVersion11, onlyInVersion1, returnAllAndLimit, withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { PerItemOperation } from '../../../shared/operations';
import { asNodeError } from '../../../shared/items';
import { inputError, readReturnAllAndLimit } from '../../../shared/validation';
import { DOCUMENT_PATHS } from '../../endpoints';
import { DOCUMENT_PAGE_SIZE } from '../../guesses';
import type { DocumentKind } from '../../helpers/documentKinds';
import { documentOptions, fetchDocument, outputField, readApiVersion, readOutput, withApiVersionAdvice } from '../../helpers/documentKinds';
import type { DocumentOutput } from '../../helpers/documents';
import { shapeDocument } from '../../helpers/documents';
import { readDate, today } from '../../helpers/fields';
import { readPageSize, withPageSizeAdvice } from '../../helpers/guessOptions';
import { readReferenceFilters, referenceFilters } from '../../helpers/referenceFilters';
import { apiRequestAllItems } from '../../transport';

export function forKind(kind: DocumentKind): PerItemOperation {
	const show = { resource: [kind.resource], operation: ['getMany'] };
	const [returnAll, limit] = returnAllAndLimit();
	const limitCountingDocuments = { ...limit, hint: `Limit counts ${kind.noun}s, not output items` };
	const description: INodeProperties[] = withMaxConcurrentRequests([
		outputField(show, kind, true),
		{
			displayName: 'Period Start',
			name: 'periodStart',
			type: 'dateTime',
			default: '',
			required: true,
			description: `First day of the period (inclusive) whose ${kind.noun}s to list. An ISO date, or an expression such as {{ $now.minus({ months: 1 }).startOf('month') }} for last month.`,
			hint: 'An ISO date such as 2024-07-01, or a date expression',
			displayOptions: { show },
		},
		{
			displayName: 'Period End',
			name: 'periodEnd',
			type: 'dateTime',
			default: '',
			description: 'Last day of the period (inclusive). Leave empty for today.',
			displayOptions: { show },
		},
		{ ...returnAll, displayOptions: { show } },
		// From version 1.1 on, two Limit fields, one shown at a time: the hint only where the output is
		// not one item per document. Version 1, whose Output is in Options, has one, always with the hint.
		fromVersion11({ ...limit, displayOptions: { show: { ...show, returnAll: [false], output: ['overview', 'document'] } } }),
		fromVersion11({ ...limitCountingDocuments, displayOptions: { show: { ...show, returnAll: [false], output: ['lines', 'mspDetails'] } } }),
		onlyInVersion1({ ...limitCountingDocuments, displayOptions: { show: { ...show, returnAll: [false] } } }),
		referenceFilters(show, 'documents', { buyerReference: 'PO-1004', externalDocumentNumber: 'EXT-I0042' }),
		...documentOptions(show, kind, true),
	], show);

	return {
		description,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const periodStart = readDate(this, 'periodStart', 'Period Start', itemIndex, true)!;
			const periodEnd = readDate(this, 'periodEnd', 'Period End', itemIndex, false) ?? today(this);
			if (periodStart > periodEnd) {
				throw inputError(this, itemIndex, 'Period Start', `(${periodStart}) must not be after Period End (${periodEnd})`);
			}
			const referenceQuery = readReferenceFilters(this, itemIndex);
			const paging = readReturnAllAndLimit(this, itemIndex);
			const pageSize = readPageSize(this, itemIndex, DOCUMENT_PAGE_SIZE);
			const { output, includeTextLines, mspInfosAsFields } = readOutput(this, itemIndex, 'overview');

			const version = readApiVersion(this, itemIndex);
			let overview: IDataObject[];
			try {
				overview = await apiRequestAllItems(
					this,
					'GET',
					DOCUMENT_PATHS[version].list,
					{
						pathParams: { documentType: kind.segment },
						qs: { PeriodStart: periodStart, PeriodEnd: periodEnd, ...referenceQuery },
					},
					{ ...paging, pageSize },
					itemIndex,
				);
			} catch (error) {
				throw asNodeError(this, withPageSizeAdvice(withApiVersionAdvice(this, error, version)), itemIndex);
			}
			if (output === 'overview') return overview;

			const result: IDataObject[] = [];
			for (const entry of overview) {
				const guid = typeof entry.documentGuid === 'string' ? entry.documentGuid : undefined;
				const by = guid ? { documentGuid: guid } : { documentNumber: String(entry.documentNumber ?? '') };
				const document = await fetchDocument(this, itemIndex, kind, version, by, output);
				result.push(
					...shapeDocument(document, {
						output: output as DocumentOutput,
						documentType: kind.resource,
						includeTextLines,
						mspInfosAsFields,
						documentGuid: guid,
					}),
				);
			}
			return result;
		},
	};
}
