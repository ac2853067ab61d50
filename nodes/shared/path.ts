/**
 * Addresses: building request paths so that no value can change where a request goes (path values
 * are encoded into their one segment, and values that would still act as a segment ("", ".", "..")
 * are refused), and telling a wrong address apart from "not found" when the gateway answers, naming
 * the field that corrects it.
 */
import { messageFromBody } from '../../credentials/common/failures';
import type { ServiceDefinition, ServiceRequest } from './request';
import type { RequestOptions } from './transport';
import { checkPathValue } from './validation';

/** A path value that cannot be placed in a path; `placeholder` names its `{name}` in the template. */
export class PathValueError extends Error {
	constructor(
		readonly placeholder: string,
		readonly problem: string,
	) {
		super(`The value for {${placeholder}} ${problem}`);
		this.name = 'PathValueError';
	}
}

/**
 * Fills `{name}` placeholders of a path template with URL-encoded values, so that a value such as
 * a folder code `../x` or `a/b` stays inside its segment. Values that would still be read as a
 * segment of their own (empty, `.`, `..`, any run of dots) are refused: a server that decodes
 * `%2E%2E` before routing would otherwise climb the path. Operations check their values earlier,
 * with `readPathValue`, so that the message names the field; this is the last line.
 */
export function buildPath(template: string, params: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined) {
			throw new Error(`The path ${template} needs a value for {${name}}`);
		}
		const checked = checkPathValue(value);
		if (!checked.ok) throw new PathValueError(name, checked.problem);
		return encodeURIComponent(String(value));
	});
}

/**
 * Whether an error answer is the gateway's, not the service's: Azure API Management (in front of
 * Cegid Loop, the Collabor8 APIs and Infinigate) answers a route no API is published on with
 * `404 {"statusCode": 404, "message": "Resource not found"}` (public, production; see the
 * Infinigate section of the API notes), and a method the address does not take with 405. Either
 * means the address or the method is wrong, never that the thing asked for does not exist.
 */
export function isUnknownRoute(status: number, body: unknown): boolean {
	if (status === 405) return true;
	if (status !== 404 || body === null || typeof body !== 'object' || Array.isArray(body)) return false;
	const { statusCode, message } = body as Record<string, unknown>;
	return (statusCode === undefined || Number(statusCode) === 404) && typeof message === 'string' && /^resource not found\.?$/i.test(message.trim());
}

/** The fields that correct one call: its address (and method), and the guessed names it sends. */
export interface CorrectingFields {
	/** "Options → Sale Address": named when the gateway knows no such route. */
	addressField?: string;
	/** "Options → Status Body Field": named when the service refuses the request as malformed (400, 415, 422). */
	shapeField?: string;
}

/** Statuses with which a service refuses what it was sent: a guessed name may be why. */
const REFUSED_REQUEST = new Set([400, 415, 422]);

/**
 * The service, for one call, naming the field that corrects it: the address field when the gateway
 * answers that it knows no such route, the shape field when the service refuses the request as
 * malformed. Every other answer is explained by the service as before, so a 404 that the service
 * itself gives for an unknown sale or product still reads "not found".
 */
export function namingCorrectingFields(service: ServiceDefinition, fields: Required<Pick<CorrectingFields, 'addressField'>> & CorrectingFields): ServiceDefinition {
	return {
		...service,
		describeFailure(status, body) {
			if (isUnknownRoute(status, body)) {
				return {
					message:
						status === 405
							? 'The address does not take this method (the gateway answered "Method not allowed")'
							: 'No API at this address (the gateway answered "Resource not found")',
					description: `This is a wrong address, not "nothing found": correct ${fields.addressField}.`,
				};
			}
			const described = service.describeFailure?.(status, body);
			if (fields.shapeField === undefined || !REFUSED_REQUEST.has(status)) return described;
			const hint = `This request sends names that are unconfirmed guesses: if ${service.serviceName} refused one, set ${fields.shapeField}.`;
			return {
				message: described?.message ?? messageFromBody(body) ?? `The service answered HTTP ${status}`,
				description: [hint, described?.description].filter(Boolean).join(' '),
			};
		},
	};
}

/** A request of a node's transport, with the fields that correct it (see namingCorrectingFields). */
export interface AddressedRequestOptions extends RequestOptions, CorrectingFields {}

/**
 * The service and the request for one call of a node's transport, naming the fields that correct
 * it; when the operation names no address field, `fallbackAddressField` (the credential's) is named.
 */
export function addressedCall(
	service: ServiceDefinition,
	fallbackAddressField: string,
	request: AddressedRequestOptions & Pick<ServiceRequest, 'method' | 'path'>,
): { service: ServiceDefinition; request: ServiceRequest } {
	const { addressField = fallbackAddressField, shapeField, ...rest } = request;
	return { service: namingCorrectingFields(service, { addressField, shapeField }), request: rest };
}
