/**
 * The credential, read from n8n's store once per run of a node instead of once per request. In n8n
 * every `getCredentials` is a database read, a decryption and an expression resolution: for a run
 * of 2,000 writes answering in 25 ms, that was a large part of the time per item.
 *
 * n8n resolves a credential's expressions for each item (they may read the item's data), so a read
 * for one item is reused for the others only once a second read, for another item, gave the same
 * values; if it did not, every item reads its own, as before. A token this run fetched or received
 * meanwhile is laid over the cached values (`keepToken`), so that the cache never holds back a
 * renewed token.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { RequestContext } from './request';

interface CachedCredential {
	firstItem: number;
	first: Promise<ICredentialDataDecryptedObject>;
	/** Whether the credential is the same for every item: undefined until a second item's read says. */
	sameForEveryItem?: Promise<boolean>;
}

const cache = new WeakMap<object, Map<string, CachedCredential>>();

export async function runCredentials(
	ctx: RequestContext,
	credentialType: string,
	itemIndex: number,
): Promise<ICredentialDataDecryptedObject> {
	let byType = cache.get(ctx);
	if (!byType) {
		byType = new Map();
		cache.set(ctx, byType);
	}
	let cached = byType.get(credentialType);
	if (!cached) {
		cached = { firstItem: itemIndex, first: ctx.getCredentials(credentialType, itemIndex) };
		// A failed read is not kept: the next item reads again (and fails with its own error).
		cached.first.catch(() => byType!.delete(credentialType));
		byType.set(credentialType, cached);
		return { ...(await cached.first) };
	}
	const first = await cached.first;
	if (itemIndex === cached.firstItem) return { ...first };
	if (cached.sameForEveryItem === undefined) {
		const own = ctx.getCredentials(credentialType, itemIndex);
		cached.sameForEveryItem = own.then(
			(data) => JSON.stringify(data) === JSON.stringify(first),
			() => false,
		);
		const same = await cached.sameForEveryItem;
		return same ? { ...first } : await own;
	}
	return (await cached.sameForEveryItem) ? { ...first } : await ctx.getCredentials(credentialType, itemIndex);
}

/** Lays a token the run fetched (or got from another item's renewal) over its cached credential. */
export function keepToken(ctx: RequestContext, credentialType: string, tokenFields: ICredentialDataDecryptedObject): void {
	const cached = cache.get(ctx)?.get(credentialType);
	if (!cached) return;
	cached.first = cached.first.then((data) => ({ ...data, ...tokenFields }));
}
