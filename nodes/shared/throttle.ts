/**
 * Back-pressure across items: when a service answers 429, or 503 with Retry-After, to one request,
 * every request on the same credential waits until the time it gave, instead of each item running
 * into the same refusal and spending its own retries.
 *
 * The pause is kept per credential for the whole n8n process, not per node: a service counts its
 * quota per client (the credential), so two nodes or two executions on one credential are throttled
 * together and should pause together. (n8n in queue mode runs several processes; each then pauses
 * on its own, which is still far better than every item retrying alone.)
 */
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';

import { retryClock } from './retry';

interface Pause {
	until: number;
	/** How long the pause was when set: the spread of the resumption scales with it. */
	ms: number;
	over: Promise<void>;
}

/**
 * Requests held by a pause do not all leave at the instant it ends (which invites the next burst):
 * each waits a further random share of up to a quarter of the pause, at most this long.
 */
export const RESUME_SPREAD_MAX_MS = 500;

const pauses = new Map<string, Pause>();

// n8n's getNode() copies the node each time: read its credential ids once per run of the node.
const credentialIds = new WeakMap<object, Record<string, string>>();

/** Names the credential a node uses for a service: its type and, in n8n, its stored id. */
export function credentialKey(ctx: IExecuteFunctions | IPollFunctions, credentialType: string): string {
	let ids = credentialIds.get(ctx);
	if (ids === undefined) {
		ids = {};
		for (const [type, details] of Object.entries(ctx.getNode().credentials ?? {})) ids[type] = details.id ?? '';
		credentialIds.set(ctx, ids);
	}
	return `${credentialType}:${ids[credentialType] ?? ''}`;
}

/**
 * Pauses every request on the credential for `ms` (unless a pause already lasts longer) and
 * resolves when the pause is over. The waiting is done by one shared timer.
 */
export async function pauseCredential(key: string, ms: number): Promise<void> {
	const until = Date.now() + ms;
	const current = pauses.get(key);
	if (current === undefined || until > current.until) {
		const pause: Pause = {
			until,
			ms,
			over: retryClock.sleep(ms).finally(() => {
				if (pauses.get(key) === pause) pauses.delete(key);
			}),
		};
		pauses.set(key, pause);
	}
	await waitOutPause(key);
}

/**
 * Resolves at once, or when the credential's pause (and any longer one set meanwhile) is over plus
 * this request's share of the spread (see RESUME_SPREAD_MAX_MS).
 */
export async function waitOutPause(key: string): Promise<void> {
	let awaited: Pause | undefined;
	for (let pause = pauses.get(key); pause !== undefined && pause !== awaited; pause = pauses.get(key)) {
		awaited = pause;
		await pause.over;
	}
	if (awaited === undefined) return;
	const spread = Math.round(retryClock.random() * Math.min(RESUME_SPREAD_MAX_MS, awaited.ms / 4));
	if (spread > 0) await retryClock.sleep(spread);
}
