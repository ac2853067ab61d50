/** Get: one purchase invoice or credit memo by its GUID. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { PerItemOperation } from '../../../shared/operations';
import type { DocumentKind } from '../../helpers/documentKinds';
import { documentOptions, fetchDocument, outputField, readApiVersion, readOutput } from '../../helpers/documentKinds';
import type { DocumentOutput } from '../../helpers/documents';
import { shapeDocument } from '../../helpers/documents';
import { readGuid } from '../../helpers/fields';

export function forKind(kind: DocumentKind): PerItemOperation {
	const show = { resource: [kind.resource], operation: ['get'] };
	const description: INodeProperties[] = withMaxConcurrentRequests([
		outputField(show, kind, false),
		{
			displayName: 'Document GUID',
			name: 'documentGuid',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301',
			description: `The documentGuid of the ${kind.noun}, as the list returns it`,
			displayOptions: { show },
		},
		...documentOptions(show, kind, false),
	], show);
	return {
		description,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const documentGuid = readGuid(this, 'documentGuid', 'Document GUID', itemIndex);
			const { output, includeTextLines, mspInfosAsFields } = readOutput(this, itemIndex, 'document');
			const version = readApiVersion(this, itemIndex);
			const document = await fetchDocument(this, itemIndex, kind, version, { documentGuid }, output);
			return shapeDocument(document, {
				output: output as DocumentOutput,
				documentType: kind.resource,
				includeTextLines,
				mspInfosAsFields,
				documentGuid,
			});
		},
	};
}
