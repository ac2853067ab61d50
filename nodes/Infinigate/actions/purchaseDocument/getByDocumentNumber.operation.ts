/** Get by Document Number: one purchase invoice or credit memo by its number (versions 1 to 1.2; 1.3's Get does it By Number). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { PerItemOperation } from '../../../shared/operations';
import type { DocumentKind } from '../../helpers/documentKinds';
import { documentOptions, fetchDocument, outputField, readApiVersion, readOutput } from '../../helpers/documentKinds';
import type { DocumentOutput } from '../../helpers/documents';
import { shapeDocument } from '../../helpers/documents';
import { readDocumentNumber } from '../../helpers/fields';

export function forKind(kind: DocumentKind): PerItemOperation {
	const show = { resource: [kind.resource], operation: ['getByDocumentNumber'] };
	const description: INodeProperties[] = withMaxConcurrentRequests([
		outputField(show, kind, false),
		{
			displayName: 'Document Number',
			name: 'documentNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. VR24-000123',
			description: `The number printed on the ${kind.noun}`,
			displayOptions: { show },
		},
		...documentOptions(show, kind, false),
	], show);
	return {
		description,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const documentNumber = readDocumentNumber(this, 'documentNumber', 'Document Number', itemIndex);
			const { output, includeTextLines, mspInfosAsFields } = readOutput(this, itemIndex, 'document');
			const version = readApiVersion(this, itemIndex);
			const document = await fetchDocument(this, itemIndex, kind, version, { documentNumber }, output);
			return shapeDocument(document, { output: output as DocumentOutput, documentType: kind.resource, includeTextLines, mspInfosAsFields });
		},
	};
}
