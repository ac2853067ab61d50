/**
 * What the triggers remember, and when: the rule written at the top of nodes/shared/polling.ts, one
 * behaviour per test, through n8n-core's poll context against the sandbox.
 */
import type { IDataObject } from 'n8n-workflow';

import { diffSnapshot, memoryLimits, pollingClock, takeNewInWindow } from '../../../nodes/shared/polling';
import { retryClock } from '../../../nodes/shared/retry';
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { daysAgo, triggerFor } from './helpers';

let sandbox: Sandbox;
const realLimit = memoryLimits.maxRemembered;
const realClock = pollingClock.now;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => await sandbox.close());

beforeEach(() => {
	sandbox.server.reset();
	jest.spyOn(retryClock, 'sleep').mockResolvedValue(undefined);
});

afterEach(() => {
	memoryLimits.maxRemembered = realLimit;
	pollingClock.now = realClock;
	jest.restoreAllMocks();
});

const summary = (events: IDataObject[]): string[] =>
	events.map((event) => `${String(event.event)} ${String(event.id)} ${String(event.previousStatus ?? '')}→${String(event.status)}`);

describe('an answer the trigger cannot read fails the poll and leaves the memory as it was', () => {
	test.each([[{}], [{ message: 'Service in maintenance' }], [{ data: 'maintenance' }]])(
		'Loop: a sales page %j is an error, and the next good poll delivers nothing again',
		async (body) => {
			const trigger = triggerFor(sandbox, 'loop', { events: ['newSale', 'saleStatusChanged'] });
			await trigger.poll();
			const before = trigger.memory;
			sandbox.server.addFault({ service: 'collabor8Loop', path: '^/sales$', kind: 'status', status: 200, body, times: 1 });

			const failed = await trigger.poll();
			expect(failed.error?.message).toBe('Loop: page 1 of /sales has no "data" list');
			expect(trigger.memory).toEqual(before);
			expect((await trigger.poll()).events).toEqual([]);
		},
	);

	test('Cegid Loop: an object where LoopHub lists folders is an error, never one odd folder', async () => {
		const trigger = triggerFor(sandbox, 'cegidLoop');
		await trigger.poll();
		const before = trigger.memory;
		sandbox.server.addFault({ service: 'cegidLoop', path: 'loophub', kind: 'status', status: 200, body: { message: 'Maintenance en cours' }, times: 1 });

		const failed = await trigger.poll();
		expect(failed.error?.message).toBe('Cegid Loop: LoopHub answered an object where the guide shows a list of folders');
		expect(failed.error?.description).toContain('Maintenance en cours');
		expect(trigger.memory).toEqual(before);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('Virtual Inventory: a status answer that echoes the request does not show the bearer token in the error', async () => {
		const trigger = triggerFor(sandbox, 'virtualInventory');
		await trigger.poll();
		sandbox.faults.set('virtualInventory', { path: 'inventory-import/status$', times: 1, faults: { kind: 'echoHeaders', status: 200 } });

		const failed = await trigger.poll();
		const echoed = sandbox.server.requests({ service: 'collabor8VirtualInventory', path: /status$/ }).pop()!;
		const token = String(echoed.headers.authorization).replace(/^Bearer\s+/i, '');
		expect(failed.error?.message).toBe('Collabor8 Virtual Inventory: the import status has no boolean isImportAllowed');
		expect(failed.error?.description).toContain('[redacted]');
		const texts = JSON.stringify(Object.fromEntries(Object.getOwnPropertyNames(failed.error).map((name) => [name, String((failed.error as unknown as IDataObject)[name])])));
		expect(texts).not.toContain(token);
	});
});

describe('a list that drops to nothing, and entries that leave and come back', () => {
	test('one empty answer is not believed; entries that were there are not new afterwards', async () => {
		const trigger = triggerFor(sandbox, 'loop', { events: ['newSale', 'saleStatusChanged'] });
		await trigger.poll();
		sandbox.server.addFault({ service: 'collabor8Loop', path: '^/sales$', kind: 'status', status: 200, body: { data: [] }, times: 1 });

		expect((await trigger.poll()).events).toEqual([]);
		sandbox.state.loop.setSaleStatus('sale-0003', 'sold');
		expect(summary((await trigger.poll()).events)).toEqual(['saleStatusChanged sale-0003 published→sold']);
	});

	test('a list empty on two polls in a row is believed, and its entries coming back are still not new', async () => {
		const trigger = triggerFor(sandbox, 'loop', { events: ['newSale', 'saleStatusChanged'] });
		await trigger.poll();
		const sales = sandbox.state.loop.sales;
		sandbox.state.loop.sales = [];
		expect((await trigger.poll()).events).toEqual([]);
		expect((await trigger.poll()).events).toEqual([]);

		sandbox.state.loop.sales = sales;
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('a sale that left the list and comes back with another status is one status change', async () => {
		const trigger = triggerFor(sandbox, 'loop', { events: ['newSale', 'saleStatusChanged'] });
		await trigger.poll();
		const [sale] = sandbox.state.loop.sales.splice(4, 1);
		expect((await trigger.poll()).events).toEqual([]);

		sale.status = 'cancelled';
		sandbox.state.loop.sales.push(sale);
		expect(summary((await trigger.poll()).events)).toEqual([`saleStatusChanged ${sale.id} sold→cancelled`]);
	});

	test('an entry gone for more than 30 days is new again when it comes back', async () => {
		const start = Date.now();
		const trigger = triggerFor(sandbox, 'cegidLoop');
		await trigger.poll();
		const folder = sandbox.state.cegidLoop.folders.get('MANON004')!;
		sandbox.state.cegidLoop.folders.delete('MANON004');
		await trigger.poll();

		pollingClock.now = () => new Date(start + 29 * 24 * 60 * 60 * 1000);
		sandbox.state.cegidLoop.folders.set('MANON004', folder);
		expect((await trigger.poll()).events).toEqual([]);

		sandbox.state.cegidLoop.folders.delete('MANON004');
		await trigger.poll();
		pollingClock.now = () => new Date(start + 60 * 24 * 60 * 60 * 1000);
		await trigger.poll();
		sandbox.state.cegidLoop.folders.set('MANON004', folder);
		expect((await trigger.poll()).events).toEqual([expect.objectContaining({ event: 'folderLinked', codeIbs: 'MANON004' })]);
	});

	test('a memory written before this rule (plain keys) delivers nothing again', async () => {
		const trigger = triggerFor(sandbox, 'loop', { events: ['newSale', 'saleStatusChanged'] });
		const entries = Object.fromEntries(sandbox.state.loop.sales.map((sale) => [sale.id, sale.status]));
		trigger.restart({ 'node:Trigger under test': { saleStatuses: { entries } } });

		expect((await trigger.poll()).events).toEqual([]);
	});
});

describe('a memory with a limit that never delivers twice', () => {
	test('a list larger than the limit fails the poll and says so; once it is back under, what changed comes once', async () => {
		memoryLimits.maxRemembered = 30;
		const trigger = triggerFor(sandbox, 'loop', { events: ['newSale', 'saleStatusChanged'] });
		await trigger.poll();
		const before = trigger.memory;
		const extra = Array.from({ length: 10 }, (_, index) => sandbox.state.loop.addSale(`Extra ${index}`).id);
		sandbox.state.loop.setSaleStatus('sale-0002', 'sold');

		for (let poll = 0; poll < 3; poll++) {
			const full = await trigger.poll();
			expect(full.error?.message).toBe(
				'The trigger would need to remember 33 entries, more than its limit of 30. It delivers nothing rather than forget entries and deliver them again later.',
			);
			expect(full.events).toEqual([]);
			expect(trigger.memory).toEqual(before);
		}

		sandbox.state.loop.sales = sandbox.state.loop.sales.filter((sale) => !extra.slice(2).includes(sale.id));
		expect(summary((await trigger.poll()).events).sort()).toEqual(
			[`newSale ${extra[0]} →draft`, `newSale ${extra[1]} →draft`, 'saleStatusChanged sale-0002 published→sold'].sort(),
		);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('100,000 remembered sales or invoices stay a few MB of static data', () => {
		const sales = Array.from({ length: 100_000 }, (_, index) => ({ id: `sale-${crypto.randomUUID()}`, status: index % 2 ? 'published' : 'reserved' }));
		const first = diffSnapshot(undefined, sales, (sale) => ({ key: sale.id, fingerprint: sale.status }));
		const snapshotBytes = Buffer.byteLength(JSON.stringify({ saleStatuses: first.memory }));

		const invoices = Array.from({ length: 100_000 }, (_, index) => ({ documentGuid: crypto.randomUUID(), postingDate: daysAgo(index % 3) }));
		const window = takeNewInWindow(undefined, invoices, (invoice) => ({ key: invoice.documentGuid, day: invoice.postingDate }), new Date(), {
			overlapDays: 3,
			includeLastDays: 0,
		});
		const windowBytes = Buffer.byteLength(JSON.stringify({ newPurchaseInvoice: window.memory }));
		console.log(`static data at 100,000 entries: sales snapshot ${snapshotBytes} bytes, invoice window ${windowBytes} bytes`);

		expect(Object.keys(first.memory.live!)).toHaveLength(100_000);
		expect(Object.keys(window.memory.dated!)).toHaveLength(100_000);
		expect(snapshotBytes).toBeLessThan(3_000_000);
		expect(windowBytes).toBeLessThan(3_000_000);
	});
});

describe('keys and dates from the same reading as the list query', () => {
	test('an invoice whose row carries a document date weeks before its posting date comes once', async () => {
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newPurchaseInvoice' });
		await trigger.poll();
		const invoice = sandbox.state.infinigate.addInvoice(daysAgo(0));
		sandbox.faults.set('infinigate', {
			path: 'purchaseinvoice$',
			faults: {
				kind: 'rewrite',
				rewrite: (body) => {
					for (const row of (body as { result: IDataObject[] }).result) row.documentDate = daysAgo(20);
					return body;
				},
			},
		});

		expect((await trigger.poll()).events).toEqual([expect.objectContaining({ documentNumber: invoice.header.documentNumber })]);
		expect((await trigger.poll()).events).toEqual([]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('quotes by the names production answers with: a new version or status is one change', async () => {
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newOrChangedPurchaseQuote' });
		await trigger.poll();

		const quote = sandbox.state.infinigate.quotes[0];
		const version = Number(quote.header.documentVersion);
		sandbox.state.infinigate.reviseQuote(String(quote.header.documentNumber));
		expect((await trigger.poll()).events).toEqual([
			expect.objectContaining({ event: 'changedPurchaseQuote', documentVersion: version + 1, previousRevision: version, previousStatus: quote.header.documentStatus }),
		]);
		quote.header.documentStatus = 'Accepted';
		expect((await trigger.poll()).events).toEqual([
			expect.objectContaining({ event: 'changedPurchaseQuote', documentStatus: 'Accepted', previousRevision: version + 1 }),
		]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('a quote memory written when neither revision nor status could be read is not a change of every quote', async () => {
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newOrChangedPurchaseQuote' });
		const entries = Object.fromEntries(sandbox.state.infinigate.quotes.map(({ header }) => [String(header.documentGuid), '[null,null]']));
		trigger.restart({ 'node:Trigger under test': { newOrChangedPurchaseQuote: { entries } } });

		expect((await trigger.poll()).events).toEqual([]);
		const quote = sandbox.state.infinigate.quotes[2];
		sandbox.state.infinigate.reviseQuote(String(quote.header.documentNumber));
		expect((await trigger.poll()).events).toEqual([expect.objectContaining({ event: 'changedPurchaseQuote', documentNumber: quote.header.documentNumber })]);
	});
});
