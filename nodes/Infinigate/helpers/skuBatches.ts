/**
 * Splits SKUs into look-ups whose query string (`no=A&no=B…`) stays under a length bound, so that
 * hundreds of SKUs from many items cost a few requests and no URL is refused for its length.
 */

/** The bytes one SKU adds to the query string: `no=<encoded>&`. */
export function skuQueryCost(sku: string): number {
	return 'no='.length + encodeURIComponent(sku).length + 1;
}

export function chunkSkus(skus: readonly string[], maxQueryLength: number, maxPerRequest: number): string[][] {
	const chunks: string[][] = [];
	let current: string[] = [];
	let length = 0;
	for (const sku of skus) {
		const cost = skuQueryCost(sku);
		if (current.length > 0 && (length + cost > maxQueryLength || current.length >= maxPerRequest)) {
			chunks.push(current);
			current = [];
			length = 0;
		}
		current.push(sku);
		length += cost;
	}
	if (current.length > 0) chunks.push(current);
	return chunks;
}
