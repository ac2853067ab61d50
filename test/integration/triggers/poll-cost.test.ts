/**
 * What one poll of the Loop trigger costs. The guide's sales list has no "since" and no sort, and a
 * status can change on any page, so a poll reads every page: one request per 100 sales (the page
 * size guess), and not one more (the list reports its total when asked with countQueries=true).
 * TRIGGER_POLL_COST_FULL=1 adds the 50,000-sale account (a few seconds).
 */
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { triggerFor } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const ACCOUNTS: Array<[number, number]> = [
	[57, 1],
	[5_000, 50],
	...(process.env.TRIGGER_POLL_COST_FULL === '1' ? [[50_000, 500] as [number, number]] : []),
];

test.each(ACCOUNTS)('with %i sales a poll sends %i list requests', async (sales, requests) => {
	sandbox.state.loop.replaceSales(sales);
	const trigger = triggerFor(sandbox, 'loop', { events: ['newSale', 'saleStatusChanged'] });
	await trigger.poll();
	sandbox.server.log.length = 0;

	const started = Date.now();
	const result = await trigger.poll();
	const listRequests = sandbox.server.requests({ service: 'collabor8Loop', path: '/sales' });
	console.log(`Loop trigger, ${sales} sales: ${listRequests.length} requests per poll, ${Date.now() - started} ms against the sandbox`);

	expect(result.error).toBeUndefined();
	expect(listRequests).toHaveLength(requests);
});
