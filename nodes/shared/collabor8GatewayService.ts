/**
 * How the Collabor8 nodes reach their API behind the Collabor8 gateway, and the guessed endpoints
 * and names that users can correct in an operation's API Overrides (Options before version 1.2).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeCollabor8Failure } from '../../credentials/common/collabor8Failures';
import { gatewayUrl } from '../../credentials/common/collabor8Gateway';
import { messageFromBody } from '../../credentials/common/failures';
import { problemWithApiPath } from '../../lib/url';
import { TOKEN_FIELDS } from '../../credentials/common/token';
import type { ServiceDefinition } from './request';
import type { Checked } from './validation';
import { checkPathValue, checkText, describeValue, inputError, isEmptyInput, valueOrThrow } from './validation';

/**
 * How a node reaches an API behind the gateway (EqHub, Loop): the API root below the gateway, the
 * credential's token, and Collabor8's refusals explained; `notFoundHint` tells the user what a 404
 * most likely means for this API.
 */
export function gatewayService(api: {
	product: string;
	credentialType: string;
	apiRoot: string;
	notFoundHint: string;
}): ServiceDefinition {
	return {
		serviceName: `Collabor8 ${api.product}`,
		credentialType: api.credentialType,
		baseUrl: (credentials) => gatewayUrl(credentials, api.apiRoot),
		secrets: (credentials) => [String(credentials.clientSecret ?? '')],
		token: TOKEN_FIELDS,
		describeFailure(status, body) {
			if (status === 404) {
				const said = messageFromBody(body);
				return { message: `Not found${said ? ` (${said})` : ''}`, description: api.notFoundHint };
			}
			return describeCollabor8Failure(api.product, status, body);
		},
	};
}

/** Corrects the address of a call whose path the guide gives. */
export const CREDENTIAL_ADDRESS_FIELD = 'the Environment (and Base URL, for Custom) of the credential';

/**
 * The hint of every field whose default is a guess about the service. Hints start with "Guess" or
 * with the source ("From the guide"), so that a user tells what is known from what is not.
 */
export const UNCONFIRMED_HINT = 'Guess, not in the guide. Change it only if the API documentation of your account says otherwise.';

/**
 * A guessed endpoint that the user can correct in the operation's API Overrides: an address below the
 * API root with `{name}` placeholders (`/sales/{saleId}`), whose default is the guess. What the
 * user types is checked before any request: it must start with "/", hold only the characters of
 * an address, name every placeholder the operation fills and no other, and have no "." or ".."
 * step; the values that fill it are encoded by the request door as always.
 */
export function guessedEndpointField(field: {
	displayName: string;
	name: string;
	default: string;
	/** What the endpoint serves, for the hint: "one sale". */
	serves: string;
}): INodeProperties {
	const guess = field.default;
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'string',
		default: guess,
		placeholder: `e.g. ${guess}`,
		description: `Where the service serves ${field.serves}, below its API address`,
		hint: UNCONFIRMED_HINT,
	};
}

const ENDPOINT_CHARACTERS = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/{}]*$/;

export function checkEndpoint(raw: unknown, placeholders: readonly string[]): Checked<string> {
	const text = checkText(raw);
	if (!text.ok) return text;
	const endpoint = text.value;
	const leaves = problemWithApiPath(endpoint);
	if (leaves) return { ok: false, problem: leaves };
	if (!ENDPOINT_CHARACTERS.test(endpoint)) {
		return { ok: false, problem: `must start with "/" and hold only the characters of a web address; got ${describeValue(endpoint)}` };
	}
	const named = [...endpoint.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]);
	const unknown = named.find((name) => !placeholders.includes(name));
	if (unknown !== undefined) {
		return { ok: false, problem: `may only use ${placeholders.map((name) => `{${name}}`).join(', ') || 'no placeholder'}; got {${unknown}}` };
	}
	const missing = placeholders.find((name) => !named.includes(name));
	if (missing !== undefined) return { ok: false, problem: `must contain {${missing}}; got ${describeValue(endpoint)}` };
	if (/[{}]/.test(endpoint.replace(/\{[^{}]*\}/g, ''))) return { ok: false, problem: `has an unmatched brace; got ${describeValue(endpoint)}` };
	return { ok: true, value: endpoint };
}

/** A guessed endpoint from the operation's API Overrides, or the guess when the field is left empty. */
export function readEndpoint(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	field: string,
	guess: string,
	placeholders: readonly string[] = [],
): string {
	const raw = ctx.getNodeParameter(parameterName, itemIndex, guess) as unknown;
	return valueOrThrow(ctx, itemIndex, field, checkEndpoint(isEmptyInput(raw) ? guess : raw, placeholders));
}

/** One of a fixed set of values (an HTTP method, a mode), from the operation's API Overrides. */
export function readChoiceOption<T extends string>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	field: string,
	allowed: readonly T[],
	guess: T,
): T {
	const raw = ctx.getNodeParameter(parameterName, itemIndex, guess) as unknown;
	const value = valueOrThrow(ctx, itemIndex, field, checkText(raw));
	if (value === '') return guess;
	if (!allowed.includes(value as T)) throw inputError(ctx, itemIndex, field, `must be one of ${allowed.join(', ')}; got "${value}"`);
	return value as T;
}

/** A name the service expects (a form or body field), from the operation's API Overrides. */
export function readNameOption(ctx: IExecuteFunctions, itemIndex: number, parameterName: string, field: string, guess: string): string {
	const raw = ctx.getNodeParameter(parameterName, itemIndex, guess) as unknown;
	const value = valueOrThrow(ctx, itemIndex, field, checkText(raw, { maxLength: 200 }));
	if (value === '') return guess;
	if (/[\r\n"]/.test(value)) throw inputError(ctx, itemIndex, field, `must not contain quotes or line breaks; got ${describeValue(value)}`);
	return value;
}

/** Longer than any ID a service issues; a longer value is a pasted cell or sheet, not an ID. */
const MAX_IDENTIFIER_LENGTH = 1000;

/** An ID that goes into an address: text, not empty, not only dots, of a sane length. */
export function checkIdentifier(raw: unknown): Checked<string> {
	const text = checkText(raw, { maxLength: MAX_IDENTIFIER_LENGTH });
	return text.ok ? checkPathValue(text.value) : text;
}

/** An ID parameter; `extractValue` reads a resource locator's value (or a plain value saved before it was one). */
export function readIdentifier(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	field: string,
	options: { extractValue?: boolean } = {},
): string {
	const raw = ctx.getNodeParameter(parameterName, itemIndex, '', { extractValue: options.extractValue === true }) as unknown;
	return valueOrThrow(ctx, itemIndex, field, checkIdentifier(raw));
}

/**
 * The answer of a read that serves one thing (a product, a sale, the import status) as one JSON
 * object. Anything else (nothing, a number, a text, a list) is an answer the node cannot read: an
 * error naming what was asked for, never an item made of it, nor an item that silently vanishes.
 */
export function objectAnswer(ctx: IExecuteFunctions, itemIndex: number, body: unknown, what: string): IDataObject {
	if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	const got = body === undefined || body === '' ? 'nothing' : describeValue(body);
	throw new NodeOperationError(ctx.getNode(), `The answer for ${what} cannot be read: it is ${got}, where one JSON object was expected [item ${itemIndex}]`, {
		itemIndex,
		description: 'Nothing was output for this item. If this repeats, the address may serve something else: check the API Overrides of the operation (its Options before version 1.2) and the credential.',
	});
}
