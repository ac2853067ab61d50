import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor, withMaxConcurrentRequests, overrideField } from '../../../shared/descriptions';
import type { ItemResult } from '../../../shared/items';
import { objectAnswer, readChoiceOption, readIdentifier } from '../../../shared/collabor8GatewayService';
import { inputError, readText } from '../../../shared/validation';
import { PRODUCT_IMAGE_PATH } from '../../endpoints';
import {
	productDetailsEndpointField,
	productIdField,
	readProductDetailsEndpoint,
	readProductId,
} from '../../helpers/fields';
import { productParts } from '../../helpers/simplify';
import { apiDownload, apiRequest } from '../../transport';

export const description: INodeProperties[] = showOnlyFor('product', 'downloadImage', withMaxConcurrentRequests([
	productIdField,
	{
		displayName: 'Image',
		name: 'image',
		type: 'options',
		options: [
			{ name: 'Main Image', value: 'main', description: 'The image the product marks as main (or its first one)' },
			{ name: 'By Image ID', value: 'byId', description: 'One image, by the UUID at the end of its URL' },
		],
		default: 'main',
	},
	{
		displayName: 'Image ID',
		name: 'imageUuid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 7d3f0c8e-1b2a-4c5d-9e8f-0a1b2c3d4e5f',
		description: 'The UUID at the end of the image URL: …/product-details/{product ID}/image/{image ID}',
		displayOptions: { show: { image: ['byId'] } },
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the image in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				...productDetailsEndpointField,
				description: `${productDetailsEndpointField.description} (read to find the main image)`,
			},
		],
	},
]));

/** An image, or else any file the service sends for it. */
const IMAGE_ACCEPT = 'image/*, application/octet-stream;q=0.9, */*;q=0.8';

const EXTENSIONS: Record<string, string> = {
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/gif': 'gif',
	'image/webp': 'webp',
	'image/svg+xml': 'svg',
	'image/bmp': 'bmp',
	'image/tiff': 'tif',
};

/** The UUID at the end of `…/image/{uuid}`. */
export function imageUuidFromUrl(url: string): string | undefined {
	const match = /\/image\/([^/?#]+)/i.exec(url);
	return match ? decodeURIComponent(match[1]) : undefined;
}

/** The image's own name when the service sends one (Content-Disposition), else its UUID. */
function fileNameOf(contentDisposition: string | undefined, imageUuid: string, mimeType: string): string {
	const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(contentDisposition ?? '')?.[1];
	if (encoded) {
		try {
			return decodeURIComponent(encoded.trim().replace(/^"|"$/g, ''));
		} catch {
			// Fall through to the plain filename.
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(contentDisposition ?? '')?.[1]?.trim();
	if (plain) return plain;
	const extension = EXTENSIONS[mimeType];
	return extension ? `${imageUuid}.${extension}` : imageUuid;
}

async function mainImageUuid(ctx: IExecuteFunctions, eqhubProductId: string, itemIndex: number): Promise<string> {
	const endpoint = readProductDetailsEndpoint(ctx, itemIndex);
	const answer = await apiRequest(ctx, 'GET', endpoint, { pathParams: { eqhubProductId }, addressField: overrideField(ctx, 'Product Details Address') }, itemIndex);
	const { info } = productParts(objectAnswer(ctx, itemIndex, answer, `the product ${eqhubProductId}`));
	const images = (Array.isArray(info.images) ? info.images : []) as IDataObject[];
	const main = images.find((image) => image?.isMain === true) ?? images[0];
	const uuid = typeof main?.url === 'string' ? imageUuidFromUrl(main.url) : undefined;
	if (!uuid) {
		throw inputError(ctx, itemIndex, 'EqHub Product ID', `"${eqhubProductId}" has no image in EqHub`);
	}
	return uuid;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const eqhubProductId = readProductId(this, itemIndex);
	const binaryPropertyName = readText(this, 'binaryPropertyName', 'Put Output File in Field', itemIndex, {
		required: true,
		maxLength: 200,
	});
	const choice = readChoiceOption(this, itemIndex, 'image', 'Image', ['main', 'byId'], 'main');
	const imageUuid =
		choice === 'byId'
			? readIdentifier(this, itemIndex, 'imageUuid', 'Image ID')
			: await mainImageUuid(this, eqhubProductId, itemIndex);

	const response = await apiDownload(
		this,
		'GET',
		PRODUCT_IMAGE_PATH,
		{ pathParams: { eqhubProductId, imageUuid }, headers: { Accept: IMAGE_ACCEPT } },
		itemIndex,
	);
	const contentType = String(response.headers['content-type'] ?? 'application/octet-stream');
	const mimeType = contentType.split(';')[0].trim().toLowerCase();
	const disposition = response.headers['content-disposition'];
	const fileName = fileNameOf(Array.isArray(disposition) ? disposition[0] : disposition, imageUuid, mimeType);

	const binary = await this.helpers.prepareBinaryData(response.body, fileName, mimeType);
	const item: INodeExecutionData = {
		json: { eqhubProductId, imageUuid, fileName, mimeType, fileSize: response.body.length },
		binary: { [binaryPropertyName]: binary },
	};
	return [item];
}
