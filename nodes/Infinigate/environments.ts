/**
 * Where the Infinigate Reseller API lives. Production is in the guide; the test gateway is the one
 * public client code uses. Shared by the credential (token URL, Test button) and the node's transport.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const INFINIGATE_BASE_URLS = {
	production: 'https://api.infinigate.com',
	test: 'https://infapi-test.azure-api.net',
} as const;

export function infinigateBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const environment = String(credentials.environment ?? 'production');
	const url =
		environment === 'custom'
			? String(credentials.baseUrl ?? '')
			: environment === 'test'
				? INFINIGATE_BASE_URLS.test
				: INFINIGATE_BASE_URLS.production;
	return url.trim().replace(/\/+$/, '');
}

/** The same choice as an n8n expression, for the credential's declarative Test request. */
export const BASE_URL_EXPRESSION =
	`={{ $credentials.environment === 'custom' ? $credentials.baseUrl.replace(/\\/+$/, '') : ` +
	`$credentials.environment === 'test' ? '${INFINIGATE_BASE_URLS.test}' : '${INFINIGATE_BASE_URLS.production}' }}`;
