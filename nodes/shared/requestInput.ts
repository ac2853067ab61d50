/**
 * What the door checks before anything is sent: that the credential's base URL is an http(s)
 * address and that the path values cannot change the address.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { innermostMessage } from '../../lib/networkErrors';
import { problemWithBaseUrl } from '../../lib/url';
import { buildPath, PathValueError } from './path';

import type { RequestContext, ServiceDefinition, ServiceRequest } from './requestTypes';

export function baseUrlFieldOf(service: ServiceDefinition): string {
	return service.baseUrlField ?? `Base URL of the ${service.serviceName} API credential`;
}

/** The service's base URL, refused before any request when it is empty or not an http(s) address. */
export function checkedBaseUrl(
	ctx: RequestContext,
	service: ServiceDefinition,
	credentials: ICredentialDataDecryptedObject,
	itemIndex: number,
): string {
	let baseUrl: string;
	try {
		baseUrl = service.baseUrl(credentials);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${service.serviceName}: ${innermostMessage(error)}`, { itemIndex });
	}
	const problem = problemWithBaseUrl(baseUrl);
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), `${baseUrlFieldOf(service)} ${problem}`, {
			itemIndex,
			description: `Set ${baseUrlFieldOf(service)} to the address of the ${service.serviceName} API, e.g. https://…`,
		});
	}
	return baseUrl;
}

export function buildRequestPath(ctx: RequestContext, request: ServiceRequest, itemIndex: number): string {
	try {
		return buildPath(request.path, request.pathParams);
	} catch (error) {
		const message = error instanceof PathValueError ? error.message : innermostMessage(error);
		throw new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, { itemIndex });
	}
}
