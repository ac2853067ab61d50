import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { PerItemOperation } from '../../../shared/operations';
import { requiredString } from '../../../shared/validation';
import type { DocumentOutput } from '../../documents';
import { shapeDocument } from '../../documents';
import { DOCUMENT_NUMBER_SEGMENT } from '../../guesses';
import { infinigateRequest } from '../../transport';
import { readGuid } from '../common';
import type { DocumentKind } from './documentKinds';
import { basePath, outputOptions, readOutput } from './documentKinds';

/** `get`: one document by its GUID. */
export function getByGuid(kind: DocumentKind): PerItemOperation {
	const show = { resource: [kind.resource], operation: ['get'] };
	const description: INodeProperties[] = [
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
		outputOptions(show, kind, false),
	];
	return {
		description,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const documentGuid = readGuid(this, 'documentGuid', 'Document GUID', itemIndex);
			const { output, includeTextLines } = readOutput(this, itemIndex, 'document');
			const { path } = basePath(this, kind, itemIndex);
			const document = await infinigateRequest<IDataObject>(
				this,
				{ method: 'GET', path: `${path}/{documentGuid}`, pathParams: { documentGuid } },
				itemIndex,
			);
			return shapeDocument(document, {
				output: output as DocumentOutput,
				documentType: kind.resource,
				includeTextLines,
				documentGuid,
			});
		},
	};
}

/** `getByDocumentNumber`: one document by its number. */
export function getByNumber(kind: DocumentKind): PerItemOperation {
	const show = { resource: [kind.resource], operation: ['getByDocumentNumber'] };
	const description: INodeProperties[] = [
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
		outputOptions(show, kind, false),
	];
	return {
		description,
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
			const documentNumber = requiredString(this, 'documentNumber', 'Document Number', itemIndex);
			const { output, includeTextLines } = readOutput(this, itemIndex, 'document');
			const { path, version } = basePath(this, kind, itemIndex);
			const document = await infinigateRequest<IDataObject>(
				this,
				{
					method: 'GET',
					path: `${path}/${DOCUMENT_NUMBER_SEGMENT[version]}/{documentNumber}`,
					pathParams: { documentNumber },
				},
				itemIndex,
			);
			return shapeDocument(document, { output: output as DocumentOutput, documentType: kind.resource, includeTextLines });
		},
	};
}
