/**
 * The Microsoft Entra ID token endpoint that Virtual Inventory's tokens come from, as
 * "Virtual Inventory API: Getting Started" gives it: one directory (tenant) for both environments,
 * one scope per environment. It checks directory, client, secret and scope in Entra's order and
 * refuses with Entra's AADSTS errors.
 */
import { BodyError, readForm } from '../../core/body';
import type { Handler, SandboxServer } from '../../core/server';
import { COLLABOR8_ACCOUNTS, checkClientCredentials, entraError, missingParameter, tokenEndpoint } from '../gateway';
import type { TokenStore } from '../gateway';

export const ENTRA_SERVICE = 'entra';

/** "token_url: https://login.microsoftonline.com/4d1df598-ac19-4734-86f0-8a645992dfa1/oauth2/v2.0/token" */
export const ENTRA_TENANT = '4d1df598-ac19-4734-86f0-8a645992dfa1';

/** "TEST environment: scope: api://0729ff68-e706-4979-a2ad-53ac46edcc0a/.default". The sandbox is Test. */
export const TEST_SCOPE = 'api://0729ff68-e706-4979-a2ad-53ac46edcc0a/.default';

/** Where the sandbox serves login.microsoftonline.com. */
export function entraTokenUrl(server: SandboxServer): string {
	return `${server.url}/${ENTRA_SERVICE}/${ENTRA_TENANT}/oauth2/v2.0/token`;
}

/** Serves the token endpoint; the tokens it issues go into `tokens`, the store Virtual Inventory checks. */
export function installEntra(server: SandboxServer, tokens: TokenStore, lifetimeSeconds: () => number, onReset: () => void): void {
	server.mount(ENTRA_SERVICE, ENTRA_SERVICE, onReset);
	const issue = tokenEndpoint(tokens, COLLABOR8_ACCOUNTS.virtualInventory, lifetimeSeconds, 200);
	const token: Handler = (request) => {
		if (request.params.tenant !== ENTRA_TENANT) {
			return entraError(
				400,
				'invalid_request',
				90002,
				`Tenant '${request.params.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
			);
		}
		let form: URLSearchParams;
		try {
			form = readForm(request.headers, request.body);
		} catch (error) {
			if (error instanceof BodyError) return missingParameter('grant_type');
			throw error;
		}
		const scope = form.get('scope');
		if (form.get('grant_type') === 'client_credentials' && !scope) return missingParameter('scope');
		if (scope && !/^\S+\/\.default$/.test(scope)) {
			return entraError(
				400,
				'invalid_scope',
				1002012,
				`The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
			);
		}
		if (scope && scope !== TEST_SCOPE) {
			const refused = checkClientCredentials(form, COLLABOR8_ACCOUNTS.virtualInventory);
			if (refused) return refused;
			const resource = scope.replace(/\/\.default$/, '');
			return entraError(
				400,
				'invalid_resource',
				500011,
				`The resource principal named ${resource} was not found in the tenant named Collabor8. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.`,
			);
		}
		return issue(request);
	};
	server.route(ENTRA_SERVICE, 'POST', '/:tenant/oauth2/v2.0/token', token);
}
