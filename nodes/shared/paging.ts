/**
 * Return All / Limit over paged endpoints. The operation supplies how to fetch one page; this
 * decides how many pages to ask for and when to stop.
 *
 * A page shorter than asked never ends the list: services cap their page size below what was asked
 * (a Loop that serves 20 sales per page when asked for 100) and the rest would be lost. The list
 * ends when the service's reported total is reached, when a page is empty, or at the Limit.
 */
import { problemWithList } from './answers';

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
	/** The total the service reported, when it reports one; paging stops once it is reached. */
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

/** A page that cannot be right: entries that are not objects, or the same page again. */
export class PagingError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PagingError';
	}
}

export async function collectPages<T>(
	fetchPage: (request: PageRequest) => Promise<Page<T>>,
	options: PagingOptions,
): Promise<T[]> {
	const wanted = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit);
	const maxPages = options.maxPages ?? 10_000;
	const collected: T[] = [];
	let previousPage: string | undefined;
	for (let pageIndex = 0; collected.length < wanted && pageIndex < maxPages; pageIndex++) {
		const size = Math.min(options.maxPageSize, wanted - collected.length);
		const page = await fetchPage({ pageIndex, offset: collected.length, size });
		if (page.items.length === 0) break;
		const problem = problemWithList(page.items);
		if (problem) throw new PagingError(`Page ${pageIndex + 1} of the list is ${problem}`);
		// A service that ignores the page or offset would serve the first page for ever.
		const fingerprint = JSON.stringify(page.items);
		if (fingerprint === previousPage) {
			throw new PagingError(
				`Page ${pageIndex + 1} of the list is the same as page ${pageIndex}: the service does not seem to page. Use a Limit instead of Return All.`,
			);
		}
		previousPage = fingerprint;
		collected.push(...page.items.slice(0, wanted - collected.length));
		if (page.total !== undefined && collected.length >= page.total) break;
	}
	return collected;
}
