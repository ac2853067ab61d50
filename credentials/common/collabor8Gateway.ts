/**
 * The Collabor8 API gateway that EqHub, Virtual Inventory and Loop share (EqHub API: Getting
 * Started; Loop API: Getting Started), and the credential fields the three credentials have in
 * common. Each service still has its own credential: the guide "Lifecycle of API users accounts"
 * issues a separate client per product and environment, and an account unused for a year is
 * suspended on its own.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper, INodeProperties } from 'n8n-workflow';

import { explainTokenFailure } from './collabor8Failures';
import { fetchClientCredentialsToken } from './token';
import { joinUrl } from '../../lib/url';

export type Collabor8Environment = 'test' | 'production' | 'custom';

/** The gateway roots of the guides. */
export const GATEWAY_URLS: Record<Exclude<Collabor8Environment, 'custom'>, string> = {
	test: 'https://apis-test-vi.collabor8.no',
	production: 'https://apis-vi.collabor8.no',
};

export function environmentOf(credentials: ICredentialDataDecryptedObject): Collabor8Environment {
	const environment = String(credentials.environment ?? 'test');
	if (environment === 'production' || environment === 'custom') return environment;
	return 'test';
}

/** A URL field of a `custom` credential; an empty one would send requests nowhere sensible. */
export function customUrl(credentials: ICredentialDataDecryptedObject, field: string, label: string): string {
	const value = String(credentials[field] ?? '').trim();
	if (value === '') {
		throw new Error(`The credential's environment is "Custom" but its ${label} is empty`);
	}
	return value.replace(/\/+$/, '');
}

/** The gateway root under which `/eqhub-m2m/…` and `/loop-m2m/…` live. */
export function gatewayRoot(credentials: ICredentialDataDecryptedObject): string {
	const environment = environmentOf(credentials);
	if (environment === 'custom') return customUrl(credentials, 'baseUrl', 'Base URL');
	return GATEWAY_URLS[environment];
}

export function gatewayUrl(credentials: ICredentialDataDecryptedObject, path: string): string {
	return joinUrl(gatewayRoot(credentials), path);
}

/**
 * The same root as an n8n expression, for a credential's `test` request (which n8n resolves
 * itself, without running our code).
 */
export const GATEWAY_ROOT_EXPRESSION =
	'={{ $credentials.environment === "custom" ? String($credentials.baseUrl).replace(/\\/+$/, "") : ' +
	`($credentials.environment === "production" ? "${GATEWAY_URLS.production}" : "${GATEWAY_URLS.test}") }}`;

export const environmentField: INodeProperties = {
	displayName: 'Environment',
	name: 'environment',
	type: 'options',
	options: [
		{ name: 'Production', value: 'production', description: GATEWAY_URLS.production },
		{ name: 'Test', value: 'test', description: GATEWAY_URLS.test },
		{ name: 'Custom', value: 'custom', description: 'Another address, e.g. a proxy or a local sandbox' },
	],
	// Production, as for the Infinigate credential: keys pasted into a new credential are usually live ones.
	default: 'production',
	description: 'Test and production accounts are separate: use the client ID and secret issued for this environment',
};

export function clientFields(service: string): INodeProperties[] {
	return [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: `The client ID that Collabor8 support issued for your ${service} API account in this environment`,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The client secret issued with that client ID',
		},
	];
}

/**
 * The gateway's client-credentials token (EqHub, Loop): a form body posted to the service's token
 * path, answered with 201. Runs inside the credential's `preAuthentication`.
 */
export async function fetchGatewayToken(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	service: { name: string; tokenPath: string; grantType: string },
): Promise<IDataObject> {
	const url = gatewayUrl(credentials, service.tokenPath);
	const clientSecret = String(credentials.clientSecret ?? '');
	return await fetchClientCredentialsToken(helper, {
		url,
		form: { grant_type: service.grantType, client_id: String(credentials.clientId ?? ''), client_secret: clientSecret },
		secrets: [clientSecret],
		explainFailure: (status, body) => explainTokenFailure(service.name, url, status, body),
	});
}
