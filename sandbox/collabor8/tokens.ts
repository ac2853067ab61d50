/**
 * Token issuing and checking for the Collabor8 sandbox. The gateway's token endpoints (EqHub, Loop)
 * answer as Microsoft Entra ID does, whose tokens they hand out (the guide's token is an Entra
 * token: `ext_expires_in`, issuer login.microsoftonline.com), so both share Entra's error bodies.
 * The API calls sit behind Azure API Management, whose validate-jwt policy refuses a missing,
 * expired or foreign token with 401.
 */
import { randomBytes, randomUUID } from 'node:crypto';

import type { SandboxRequest, SandboxResponse } from '../core/server';

export type Audience = 'eqhub' | 'loop' | 'virtualInventory';

interface IssuedToken {
	audience: Audience;
	expiresAt: number;
}

export class TokenStore {
	private tokens = new Map<string, IssuedToken>();

	issue(audience: Audience, lifetimeSeconds: number): { token: string; lifetimeSeconds: number } {
		// Shaped like a JWT (three dot-separated parts), opaque to the node as a real one would be.
		const header = Buffer.from('{"typ":"JWT","alg":"RS256"}').toString('base64url');
		const token = `${header}.${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
		this.tokens.set(token, { audience, expiresAt: Date.now() + lifetimeSeconds * 1000 });
		return { token, lifetimeSeconds };
	}

	/** Every token stops working at once, as after a key rotation. */
	revokeAll(): void {
		this.tokens.clear();
	}

	reset(): void {
		this.tokens.clear();
	}

	/** APIM's validate-jwt: a missing, unknown, expired or foreign token gets a 401 before the API. */
	check(request: SandboxRequest, audience: Audience): SandboxResponse | undefined {
		const header = String(request.headers.authorization ?? '');
		const match = /^Bearer\s+(\S+)$/i.exec(header);
		const issued = match ? this.tokens.get(match[1]) : undefined;
		if (!issued || issued.audience !== audience || Date.now() >= issued.expiresAt) {
			return {
				status: 401,
				headers: { 'WWW-Authenticate': 'Bearer' },
				body: { statusCode: 401, message: 'Unauthorized. Access token is missing or invalid.' },
			};
		}
		return undefined;
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
