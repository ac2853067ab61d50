import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { triggerFor } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const summary = (events: Array<Record<string, unknown>>): string[] =>
	events.map((event) => `${String(event.event)} ${String(event.id)} ${String(event.previousStatus ?? '')}→${String(event.status)}`);

describe('Collabor8 Loop Trigger: new sales and status changes', () => {
	test('each new sale and each status change comes once, across a restart of n8n', async () => {
		const trigger = triggerFor(sandbox, 'loop', { events: ['newSale', 'saleStatusChanged'] });
		expect((await trigger.poll()).events).toEqual([]);

		const sale = sandbox.state.loop.addSale('Surplus valve DN50');
		const second = await trigger.poll();
		expect(second.error).toBeUndefined();
		expect(summary(second.events)).toEqual([`newSale ${sale.id} →draft`]);
		expect(second.events[0]).toEqual(expect.objectContaining({ objectInformation: expect.objectContaining({ description: 'Surplus valve DN50' }) }));

		trigger.restart();
		sandbox.state.loop.setSaleStatus(sale.id, 'published');
		sandbox.state.loop.setSaleStatus('sale-0001', 'cancelled');
		expect(summary((await trigger.poll()).events)).toEqual([
			'saleStatusChanged sale-0001 draft→cancelled',
			`saleStatusChanged ${sale.id} draft→published`,
		]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('sales over several pages are all watched', async () => {
		sandbox.state.loop.replaceSales(250);
		const trigger = triggerFor(sandbox, 'loop', { events: ['saleStatusChanged'] });
		await trigger.poll();

		sandbox.state.loop.setSaleStatus('sale-0238', 'sold');
		expect(summary((await trigger.poll()).events)).toEqual(['saleStatusChanged sale-0238 published→sold']);
	});

	test('Page Size in API Overrides changes how many sales each request asks for; a wrong one is refused before any request, naming the field', async () => {
		sandbox.state.loop.replaceSales(45);
		const trigger = triggerFor(sandbox, 'loop', { events: ['saleStatusChanged'], apiOverrides: { pageSize: 20 } });
		expect((await trigger.poll()).error).toBeUndefined();
		const listed = sandbox.server.requests({ service: 'collabor8Loop', path: '/sales' });
		expect(listed.length).toBeGreaterThanOrEqual(3);
		expect(new Set(listed.map((request) => request.query.limit.join()))).toEqual(new Set(['20']));

		sandbox.server.reset();
		const refused = await triggerFor(sandbox, 'loop', { events: ['newSale'], apiOverrides: { pageSize: 0 } }).poll();
		expect(refused.error?.message).toBe('API Overrides → Page Size must be at least 1; got 0');
		expect(sandbox.server.requests({ service: 'collabor8Loop' })).toHaveLength(0);
	});

	test('a workflow saved with version 1 keeps its Page Size in Options', async () => {
		sandbox.state.loop.replaceSales(45);
		const trigger = triggerFor(sandbox, 'loop', { events: ['saleStatusChanged'], options: { pageSize: 20 } }, {}, 1);
		expect((await trigger.poll()).error).toBeUndefined();
		const listed = sandbox.server.requests({ service: 'collabor8Loop', path: '/sales' });
		expect(new Set(listed.map((request) => request.query.limit.join()))).toEqual(new Set(['20']));

		sandbox.server.reset();
		const refused = await triggerFor(sandbox, 'loop', { events: ['newSale'], options: { pageSize: 0 } }, {}, 1).poll();
		expect(refused.error?.message).toBe('Options → Page Size must be at least 1; got 0');
		expect(sandbox.server.requests({ service: 'collabor8Loop' })).toHaveLength(0);
	});

	test('with only "Sale Status Changed" a new sale is not delivered, but its later status change is', async () => {
		const trigger = triggerFor(sandbox, 'loop', { events: ['saleStatusChanged'] });
		await trigger.poll();
		const sale = sandbox.state.loop.addSale('Pump');
		expect((await trigger.poll()).events).toEqual([]);

		sandbox.state.loop.setSaleStatus(sale.id, 'reserved');
		expect(summary((await trigger.poll()).events)).toEqual([`saleStatusChanged ${sale.id} draft→reserved`]);
	});

	test('"Include Last Days" delivers the sales created in those days on the first activation', async () => {
		const sale = sandbox.state.loop.addSale('Recent');
		const trigger = triggerFor(sandbox, 'loop', { events: ['newSale'], includeLastDays: 3 });

		expect(summary((await trigger.poll()).events)).toEqual([`newSale ${sale.id} →draft`]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('Fetch Test Event returns the newest sale without remembering it', async () => {
		const sale = sandbox.state.loop.addSale('Newest');
		const trigger = triggerFor(sandbox, 'loop', { events: ['newSale'] });

		expect(summary((await trigger.poll('manual')).events)).toEqual([`newSale ${sale.id} →draft`]);
		expect(trigger.memory).toEqual({});
	});

	test('Fetch Test Event with no sale says so', async () => {
		sandbox.state.loop.sales = [];
		const trigger = triggerFor(sandbox, 'loop', { events: ['newSale'] });
		expect((await trigger.poll('manual')).error?.message).toBe('No sale in Loop yet');
	});
});

describe('Collabor8 Virtual Inventory Trigger: an import finished', () => {
	test('fires once when the import is allowed again after a poll saw it busy, also across a restart', async () => {
		const trigger = triggerFor(sandbox, 'virtualInventory');
		expect((await trigger.poll()).events).toEqual([]);

		sandbox.state.virtualInventory.startWebImport(60_000);
		expect((await trigger.poll()).events).toEqual([]);
		trigger.restart();
		expect((await trigger.poll()).events).toEqual([]);

		sandbox.state.virtualInventory.startWebImport(0);
		const finished = await trigger.poll();
		expect(finished.error).toBeUndefined();
		expect(finished.events).toEqual([expect.objectContaining({ event: 'importFinished', isImportAllowed: true, busySince: expect.any(String) })]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('an import already running at activation is delivered when it ends', async () => {
		sandbox.state.virtualInventory.startWebImport(60_000);
		const trigger = triggerFor(sandbox, 'virtualInventory');
		expect((await trigger.poll()).events).toEqual([]);

		sandbox.state.virtualInventory.startWebImport(0);
		expect((await trigger.poll()).events).toHaveLength(1);
	});

	test('Fetch Test Event returns the status when an import is allowed, and says so while one runs', async () => {
		const trigger = triggerFor(sandbox, 'virtualInventory');
		expect((await trigger.poll('manual')).events).toEqual([expect.objectContaining({ event: 'importFinished', isImportAllowed: true })]);

		sandbox.state.virtualInventory.startWebImport(60_000);
		expect((await trigger.poll('manual')).error?.message).toBe('An import is running right now');
	});
});

describe('Collabor8 Virtual Inventory Trigger: an answer without the documented field', () => {
	test('a status without a boolean isImportAllowed fails the poll and names the field', async () => {
		const trigger = triggerFor(sandbox, 'virtualInventory');
		await trigger.poll();
		const before = trigger.memory;
		sandbox.server.addFault({ service: 'collabor8VirtualInventory', path: 'status', kind: 'status', status: 200, body: { isImportAllowed: 'yes' }, times: 1 });

		const result = await trigger.poll();
		expect(result.error?.message).toMatch(/isImportAllowed/);
		expect(trigger.memory).toEqual(before);
	});
});
