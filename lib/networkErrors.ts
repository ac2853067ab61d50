/**
 * Reading what an HTTP client threw. n8n wraps the client's error in its own (with a generic
 * message such as "You can retry the request immediately"), which keeps the original as `cause`;
 * these functions look through that chain for the facts that matter.
 */

interface ErrorLike {
	name?: unknown;
	code?: unknown;
	message?: unknown;
	cause?: unknown;
	response?: unknown;
}

/** The error and its causes, outermost first. */
function chainOf(error: unknown): ErrorLike[] {
	const chain: ErrorLike[] = [];
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		chain.push(current as ErrorLike);
		current = (current as ErrorLike).cause;
	}
	return chain;
}

/** Node's socket and DNS codes (ECONNRESET, EAI_AGAIN, UND_ERR_SOCKET), not its ERR_… codes for other faults. */
function isNetworkCode(code: unknown): code is string {
	return typeof code === 'string' && (/^E[A-Z_]+$/.test(code) || code.startsWith('UND_ERR')) && !code.startsWith('ERR_');
}

/**
 * The Node.js network error code (ECONNREFUSED, ECONNRESET, …) of a request that got no answer at
 * all, if any. An error that carries an answer (`response`) is not such a failure.
 */
export function findNetworkCode(error: unknown): string | undefined {
	for (const link of chainOf(error)) {
		if (link.response) return undefined;
		if (isNetworkCode(link.code)) return link.code;
	}
	return undefined;
}

/**
 * Whether the answer had begun (status and headers received) when the connection was lost, so that
 * its body is incomplete. Axios reports it as "stream has been aborted", or as the socket's own
 * error, in both cases with the partial response attached.
 */
export function isAnswerCut(error: unknown): boolean {
	return chainOf(error).some(
		(link) =>
			Boolean(link.response) &&
			((link.code === 'ERR_BAD_RESPONSE' && /aborted/i.test(String(link.message))) || isNetworkCode(link.code)),
	);
}

/** The first error of the chain with this name (an error class of this package, seen through n8n's wrapping). */
export function findErrorNamed<T extends Error>(error: unknown, name: string): T | undefined {
	return chainOf(error).find((link) => link.name === name) as T | undefined;
}

/** The message of the innermost error: the client's own words, not n8n's generic advice. */
export function innermostMessage(error: unknown): string {
	const chain = chainOf(error);
	for (let index = chain.length - 1; index >= 0; index--) {
		const message = chain[index].message;
		if (typeof message === 'string' && message.trim() !== '') return message;
	}
	return String(error);
}
