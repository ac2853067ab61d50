/**
 * What the Infinigate credential and node share: where the Reseller API lives, and the paths of the
 * token request and of the Test button's call. Production is in the guide (Benutzung der
 * Infinigate Reseller API, 2023); the test gateway is the one public client code uses. The node's
 * endpoints.ts lists the paths with the rest.
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

/** The client-credentials token endpoint (the guide; public code). */
export const ACCESS_GRANT_PATH = '/authorization/token';

/** How many price-list entries match a search term (the guide). */
export const PRICE_LIST_COUNT_PATH = '/product-management/v1/pricelist/search/count/{term}';

/** The Test button counts the matches of the guide's own example term: the cheapest authenticated call. */
export const CREDENTIAL_TEST_SEARCH_TERM = 'switch';
