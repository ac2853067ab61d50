/**
 * One token renewal at a time per credential. When many items run at once and find the token
 * expired (or refused), the first renews it: its request goes out with the token blanked, so that
 * n8n runs the credential's preAuthentication and stores the new token. The others wait for that
 * request to settle, then read the stored token. So a credential costs one token request per
 * lifetime, however many items are in flight.
 *
 * Kept per credential for the whole n8n process, as the token itself is: two nodes, or two
 * executions, on one credential share the renewal too.
 */

const renewalsUnderWay = new Map<string, Promise<unknown>>();

/**
 * The renewal of the credential's token under way, if any. It resolves (never rejects) once the
 * renewing request settled, with what that request threw, or undefined.
 */
export function renewalUnderWay(credentialKey: string): Promise<unknown> | undefined {
	return renewalsUnderWay.get(credentialKey);
}

/** Claims the renewal of the credential's token; call the returned function once the renewing request settled. */
export function beginRenewal(credentialKey: string): (failure?: unknown) => void {
	let settle: (failure: unknown) => void = () => undefined;
	const renewal = new Promise<unknown>((resolve) => (settle = resolve));
	renewalsUnderWay.set(credentialKey, renewal);
	return (failure?: unknown) => {
		if (renewalsUnderWay.get(credentialKey) === renewal) renewalsUnderWay.delete(credentialKey);
		settle(failure);
	};
}
