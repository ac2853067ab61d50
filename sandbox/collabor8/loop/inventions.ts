/**
 * What the Loop guide leaves open and a user corrects (the Options of Sale → Get, Get Many and
 * Update Status, and of Item → Create). By default the sandbox serves its own reading (`READING`);
 * started with inventions it serves another, so that a test shows the node failing with the field
 * to correct, then passing. Addresses are written as a user types them, `{saleId}` standing for the ID.
 */
export type LoopInventions = {
	/** One sale by its ID. */
	salePath: string;
	/** A sale's status update: address, method and the body's field. */
	statusPath: string;
	statusMethod: 'POST' | 'PUT' | 'PATCH';
	statusBodyField: string;
	/** The statuses a sale can take: the guide shows only "draft". */
	saleStatuses: string[];
	/** A seller's new item: address and method. */
	itemPath: string;
	itemMethod: 'POST' | 'PUT' | 'PATCH';
	/** The largest `limit` the sales list serves; a larger one is refused. */
	maxPageSize: number;
	/** Where `countQueries=true` puts the number of matching sales. */
	totalField: string;
};

export const READING: LoopInventions = {
	salePath: '/sales/{saleId}',
	statusPath: '/sales/{saleId}/status',
	statusMethod: 'PUT',
	statusBodyField: 'status',
	saleStatuses: ['draft', 'published', 'reserved', 'sold', 'cancelled'],
	itemPath: '/items',
	itemMethod: 'POST',
	maxPageSize: 100,
	totalField: 'total',
};

/** Another reading, different in every key. */
export const DISAGREEING: LoopInventions = {
	salePath: '/sales/{saleId}/details',
	statusPath: '/sales/{saleId}/salesStatus',
	statusMethod: 'PATCH',
	statusBodyField: 'salesStatus',
	saleStatuses: ['draft', 'listed', 'reserved', 'sold', 'withdrawn'],
	itemPath: '/items/import',
	itemMethod: 'PUT',
	maxPageSize: 50,
	totalField: 'matchCount',
};
