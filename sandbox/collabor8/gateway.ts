/**
 * What the three Collabor8 services share: one API gateway (https://apis-vi.collabor8.no, and
 * https://apis-test-vi.collabor8.no for Test), one account per product, and tokens.
 *
 * The gateway's token endpoints (EqHub, Loop) answer as Microsoft Entra ID does, whose tokens they
 * hand out ("Loop API: Getting Started" shows an Entra token: `ext_expires_in`, issuer
 * login.microsoftonline.com), so they share Entra's error bodies with the Entra ID endpoint that
 * Virtual Inventory uses. The API calls sit behind Azure API Management, whose validate-jwt policy
 * refuses a missing, expired or foreign token with 401: each service keeps its own store of the
 * tokens issued for it, so a token of one product does not open another.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import { BodyError, readForm } from '../core/body';
import type { Handler, SandboxRequest, SandboxResponse } from '../core/server';

/** Every Collabor8 service lives below `/collabor8` of the sandbox, as below the gateway's host. */
export const GATEWAY_PREFIX = 'collabor8';

/** "Loop API: Getting Started", the token answer: `"expires_in": 3599`. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;

/**
 * One API account per product, as the guides' "Lifecycle of API users accounts" issues them.
 * Test values, not secrets: they only open the local sandbox.
 */
export const COLLABOR8_ACCOUNTS = {
	eqhub: { clientId: 'sandbox-eqhub-client-7c1e', clientSecret: 'sandbox-eqhub-secret-Qm4vX2' },
	// A quote and a backslash, which JSON escapes and forms encode: a secret must be found in every spelling.
	loop: { clientId: 'sandbox-loop-client-3b9d', clientSecret: 'sandbox-loop-secret-"Zt8\\pL5' },
	virtualInventory: {
		clientId: '5b8f3c1e-2a4d-4e6f-9a0b-1c2d3e4f5a6b',
		clientSecret: 'sandbox-vi-secret-Hw3~kR9',
	},
};

export const json = (status: number, body: unknown): SandboxResponse => ({ status, body });

/** The tokens one service accepts, each with the moment it expires. */
export class TokenStore {
	private tokens = new Map<string, number>();

	issue(lifetimeSeconds: number): { token: string; lifetimeSeconds: number } {
		// Shaped like a JWT (three dot-separated parts), opaque to the node as a real one would be.
		const header = Buffer.from('{"typ":"JWT","alg":"RS256"}').toString('base64url');
		const token = `${header}.${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
		this.tokens.set(token, Date.now() + lifetimeSeconds * 1000);
		return { token, lifetimeSeconds };
	}

	/** Every token stops working at once, as after a key rotation. */
	revokeAll(): void {
		this.tokens.clear();
	}

	/** APIM's validate-jwt: a missing, unknown, expired or foreign token gets a 401 before the API. */
	check(request: SandboxRequest): SandboxResponse | undefined {
		const header = String(request.headers.authorization ?? '');
		const match = /^Bearer\s+(\S+)$/i.exec(header);
		const expiresAt = match ? this.tokens.get(match[1]) : undefined;
		if (expiresAt === undefined || Date.now() >= expiresAt) {
			return {
				status: 401,
				headers: { 'WWW-Authenticate': 'Bearer' },
				body: { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' },
			};
		}
		return undefined;
	}

	/** Wraps an API handler so that it runs only for a valid token. */
	guard(handler: Handler): Handler {
		return (request) => this.check(request) ?? handler(request);
	}
}

/** Entra ID's error body: `error`, an AADSTS description with its trace lines, and the codes. */
export function entraError(status: number, error: string, code: number, description: string): SandboxResponse {
	const traceId = randomUUID();
	const correlationId = randomUUID();
	const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
	return {
		status,
		body: {
			error,
			error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
			error_codes: [code],
			timestamp,
			trace_id: traceId,
			correlation_id: correlationId,
			error_uri: `https://login.microsoftonline.com/error?code=${code}`,
		},
	};
}

export function missingParameter(name: string): SandboxResponse {
	return entraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
}

export interface ClientAccount {
	clientId: string;
	clientSecret: string;
}

/** The checks every client-credentials endpoint makes, in Entra's order. */
export function checkClientCredentials(form: URLSearchParams, account: ClientAccount): SandboxResponse | undefined {
	const grantType = form.get('grant_type');
	if (!grantType) return missingParameter('grant_type');
	if (grantType !== 'client_credentials') {
		return entraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
	}
	const clientId = form.get('client_id');
	if (!clientId) return missingParameter('client_id');
	if (clientId !== account.clientId) {
		return entraError(
			400,
			'unauthorized_client',
			700016,
			`Application with identifier '${clientId}' was not found in the directory 'Collabor8'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
		);
	}
	const clientSecret = form.get('client_secret');
	if (!clientSecret) {
		return entraError(
			401,
			'invalid_client',
			7000218,
			"The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
		);
	}
	if (clientSecret !== account.clientSecret) {
		return entraError(
			401,
			'invalid_client',
			7000215,
			`Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${account.clientId}'.`,
		);
	}
	return undefined;
}

/**
 * A client-credentials token endpoint: a form body (`grant_type`, `client_id`, `client_secret`),
 * answered with `token_type`, `expires_in`, `ext_expires_in` and `access_token`. The gateway answers
 * 201 Created ("Loop API: Getting Started"), Entra ID 200.
 */
export function tokenEndpoint(tokens: TokenStore, account: ClientAccount, lifetimeSeconds: () => number, status: number): Handler {
	return (request) => {
		let form: URLSearchParams;
		try {
			form = readForm(request.headers, request.body);
		} catch (error) {
			// Entra reads only form bodies: a JSON body has no grant_type as far as it can tell.
			if (error instanceof BodyError) return missingParameter('grant_type');
			throw error;
		}
		const refused = checkClientCredentials(form, account);
		if (refused) return refused;
		const issued = tokens.issue(lifetimeSeconds());
		return json(status, {
			token_type: 'Bearer',
			expires_in: issued.lifetimeSeconds,
			ext_expires_in: issued.lifetimeSeconds,
			access_token: issued.token,
		});
	};
}

/** An address as a user types it (`/sales/{saleId}`) as a sandbox route (`/sales/:saleId`). */
export function routeOf(address: string): string {
	return address.replace(/\{(\w+)\}/g, ':$1');
}
