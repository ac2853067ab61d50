/**
 * Get: one purchase invoice or credit memo. From version 1.3 on it is the only Get, named by a
 * locator (from the list, by number or by GUID); until 1.2 it takes the GUID and Get by Document
 * Number takes the number.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withMaxConcurrentRequests } from '../../../shared/descriptions';
import type { PerItemOperation } from '../../../shared/operations';
import type { DocumentKind } from '../../helpers/documentKinds';
import { documentOptions, fetchDocument, outputField, readApiVersion, readOutput } from '../../helpers/documentKinds';
import { documentGuidField, documentLocatorField, readGetReference } from '../../helpers/documentLocator';
import type { DocumentOutput } from '../../helpers/documents';
import { shapeDocument } from '../../helpers/documents';

export function forKind(kind: DocumentKind): PerItemOperation {
	const show = { resource: [kind.resource], operation: ['get'] };
	const description: INodeProperties[] = withMaxConcurrentRequests([
		// The document first, then how to shape it (1.3); until 1.2 Output came first, then the GUID.
		documentLocatorField(kind.locator, show),
		outputField(show, kind, false),
		documentGuidField(kind.noun, show),
		...documentOptions(show, kind, false),
	], show);
	return {
		description,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const by = readGetReference(this, itemIndex, kind.locator);
			const { output, includeTextLines, mspInfosAsFields } = readOutput(this, itemIndex, 'document');
			const version = readApiVersion(this, itemIndex);
			const document = await fetchDocument(this, itemIndex, kind, version, by, output);
			return shapeDocument(document, {
				output: output as DocumentOutput,
				documentType: kind.resource,
				includeTextLines,
				mspInfosAsFields,
				...('documentGuid' in by ? { documentGuid: by.documentGuid } : {}),
			});
		},
	};
}
