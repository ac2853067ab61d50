/**
 * Return All / Limit over paged endpoints. The operation supplies how to fetch one page; this
 * decides how many pages to ask for and when to stop.
 */

export interface PageRequest {
	/** Zero-based number of the page. */
	pageIndex: number;
	/** Items already collected, for offset-based APIs (Take/Skip). */
	offset: number;
	/** How many items to ask for on this page. */
	size: number;
}

export interface Page<T> {
	items: T[];
	/** The total the service reported, when it reports one. */
	total?: number;
}

export interface PagingOptions {
	returnAll: boolean;
	limit: number;
	/** The largest page the service serves. */
	maxPageSize: number;
	/** A safety stop against a service that never says it is done. */
	maxPages?: number;
}

export async function collectPages<T>(
	fetchPage: (request: PageRequest) => Promise<Page<T>>,
	options: PagingOptions,
): Promise<T[]> {
	const wanted = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit);
	const maxPages = options.maxPages ?? 10_000;
	const collected: T[] = [];
	for (let pageIndex = 0; collected.length < wanted && pageIndex < maxPages; pageIndex++) {
		const size = Math.min(options.maxPageSize, wanted - collected.length);
		const page = await fetchPage({ pageIndex, offset: collected.length, size });
		collected.push(...page.items.slice(0, wanted - collected.length));
		const reachedTotal = page.total !== undefined && collected.length >= page.total;
		if (page.items.length < size || page.items.length === 0 || reachedTotal) break;
	}
	return collected;
}
