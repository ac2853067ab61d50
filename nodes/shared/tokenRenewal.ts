/**
 * One token renewal at a time per credential. When many items run at once and find the token
 * expired (or refused), the first renews it: its request goes out with the token blanked, so that
 * n8n runs the credential's preAuthentication, stores the new token, and writes it into the
 * credential data the request was given (n8n-core 2.41, `httpRequestWithAuthentication`:
 * `Object.assign(credentialsDecrypted, data)` after preAuthentication). That write is watched
 * (`watchForToken`): the others are released with the new token as soon as it is stored, not when
 * the renewing item's own call ends (an upload can take many minutes). When the token request
 * fails, the renewing item retries it like a read, still holding the renewal; when it gives up, the
 * waiters fail with its error instead of each asking again. So a credential costs one token
 * request per lifetime, and a token endpoint that is down costs a handful, however many items are
 * in flight.
 *
 * Kept per credential for the whole n8n process, as the token itself is: two nodes, or two
 * executions, on one credential share the renewal too.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { TokenFields } from '../../credentials/common/token';

export type RenewalOutcome =
	/** The new token, as stored: its fields to use in place of the expired ones. */
	| { kind: 'renewed'; fields: ICredentialDataDecryptedObject }
	/** The renewal failed for good, with what the token request threw. */
	| { kind: 'failed'; error: unknown }
	/** The renewing item stopped without a token or a token error: read the stored credential again. */
	| { kind: 'unknown' };

export interface RenewalClaim {
	/** Settles the renewal; only the first call counts. */
	finish(outcome: RenewalOutcome): void;
}

const renewalsUnderWay = new Map<string, Promise<RenewalOutcome>>();

/** The renewal of the credential's token under way, if any; it resolves (never rejects) with its outcome. */
export function renewalUnderWay(credentialKey: string): Promise<RenewalOutcome> | undefined {
	return renewalsUnderWay.get(credentialKey);
}

/** Claims the renewal of the credential's token; the claim must be finished on every path. */
export function beginRenewal(credentialKey: string): RenewalClaim {
	let settle: (outcome: RenewalOutcome) => void = () => undefined;
	const renewal = new Promise<RenewalOutcome>((resolve) => (settle = resolve));
	renewalsUnderWay.set(credentialKey, renewal);
	let finished = false;
	return {
		finish: (outcome) => {
			if (finished) return;
			finished = true;
			if (renewalsUnderWay.get(credentialKey) === renewal) renewalsUnderWay.delete(credentialKey);
			settle(outcome);
		},
	};
}

/**
 * The credential data for the renewing request: a copy with the token blanked (which makes n8n fetch
 * a new one), whose token field tells the claim as soon as n8n writes the new token into it.
 */
export function watchForToken(
	credentials: ICredentialDataDecryptedObject,
	fields: TokenFields,
	claim: RenewalClaim,
): ICredentialDataDecryptedObject {
	const watched: ICredentialDataDecryptedObject = { ...credentials };
	let token: ICredentialDataDecryptedObject[string] = '';
	Object.defineProperty(watched, fields.accessToken, {
		enumerable: true,
		configurable: true,
		get: () => token,
		set: (value: ICredentialDataDecryptedObject[string]) => {
			token = value;
			if (typeof value !== 'string' || value === '') return;
			// n8n assigns every returned field at once: read the renewal time once it is written too.
			queueMicrotask(() =>
				claim.finish({ kind: 'renewed', fields: { [fields.accessToken]: value, [fields.renewAt]: watched[fields.renewAt] } }),
			);
		},
	});
	return watched;
}
