/** Return All and Limit over paged lists: when to ask for another page and when to stop. */
import type { Page, PageRequest } from '../../nodes/shared/paging';
import { collectPages, PagingError } from '../../nodes/shared/paging';

/** A paged service with `count` records that serves at most `cap` per page, whatever is asked. */
function service(count: number, cap: number, options: { reportTotal?: boolean; ignoresPage?: boolean } = {}) {
	const records = Array.from({ length: count }, (_value, index) => ({ id: index + 1 }));
	const asked: PageRequest[] = [];
	const fetchPage = async (request: PageRequest): Promise<Page<{ id: number }>> => {
		asked.push(request);
		const start = options.ignoresPage ? 0 : request.offset;
		const items = records.slice(start, start + Math.min(cap, request.size));
		return { items, total: options.reportTotal ? count : undefined };
	};
	return { fetchPage, asked };
}

test('a page shorter than asked does not end Return All: the service may serve fewer than asked', async () => {
	const loop = service(45, 20);

	const items = await collectPages(loop.fetchPage, { returnAll: true, limit: 0, maxPageSize: 100 });

	expect(items.map((item) => item.id)).toEqual(Array.from({ length: 45 }, (_value, index) => index + 1));
	expect(loop.asked.map((request) => request.offset)).toEqual([0, 20, 40, 45]);
});

test('without a reported total, Return All stops at the first empty page', async () => {
	const list = service(150, 100);

	await collectPages(list.fetchPage, { returnAll: true, limit: 0, maxPageSize: 100 });

	expect(list.asked.map((request) => request.offset)).toEqual([0, 100, 150]);
});

test('with a reported total, Return All stops once it has them all, without asking for an empty page', async () => {
	const list = service(45, 20, { reportTotal: true });

	const items = await collectPages(list.fetchPage, { returnAll: true, limit: 0, maxPageSize: 100 });

	expect(items).toHaveLength(45);
	expect(list.asked).toHaveLength(3);
});

test('a Limit stops as soon as it is reached and asks only for what is missing', async () => {
	const list = service(500, 100);

	const items = await collectPages(list.fetchPage, { returnAll: false, limit: 130, maxPageSize: 100 });

	expect(items).toHaveLength(130);
	expect(list.asked.map((request) => [request.offset, request.size])).toEqual([
		[0, 100],
		[100, 30],
	]);
});

test('a service that ignores the page and serves the first page again is an error, not an endless loop', async () => {
	const list = service(30, 10, { ignoresPage: true });

	await expect(collectPages(list.fetchPage, { returnAll: true, limit: 0, maxPageSize: 10 })).rejects.toThrow(
		'Page 2 of the list is the same as page 1',
	);
	expect(list.asked).toHaveLength(2);
});

test('a page whose entries are not objects is refused', async () => {
	const fetchPage = async (): Promise<Page<unknown>> => ({ items: [{ id: 1 }, 'B'] });

	await expect(collectPages(fetchPage, { returnAll: true, limit: 0, maxPageSize: 10 })).rejects.toThrow(PagingError);
	await expect(collectPages(fetchPage, { returnAll: true, limit: 0, maxPageSize: 10 })).rejects.toThrow(
		'Page 1 of the list is a list whose entry 2 is a string where objects were expected',
	);
});
