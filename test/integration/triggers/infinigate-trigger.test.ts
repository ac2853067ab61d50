import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { retryClock } from '../../../nodes/shared/retry';
import { daysAgo, triggerFor } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const numbers = (events: Array<Record<string, unknown>>): unknown[] => events.map((event) => event.documentNumber);

type Memory = { polledOn: string; dated: Record<string, string> };
const memoryOf = (memory: Record<string, unknown>, event: string): Memory =>
	(memory['node:Trigger under test'] as Record<string, Memory>)[event];

describe('Infinigate Trigger: new purchase invoices and credit memos', () => {
	test('the first activation starts from now; an invoice posted later is delivered once', async () => {
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newPurchaseInvoice' });
		sandbox.state.infinigate.addInvoice();

		expect((await trigger.poll()).events).toEqual([]);
		const invoice = sandbox.state.infinigate.addInvoice();
		const second = await trigger.poll();
		expect(second.error).toBeUndefined();
		expect(second.events).toEqual([
			expect.objectContaining({ event: 'newPurchaseInvoice', documentNumber: invoice.header.documentNumber, documentGuid: invoice.header.documentGuid }),
		]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('an invoice that shows up late, dated before the last poll, is still delivered once', async () => {
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newPurchaseInvoice' });
		await trigger.poll();

		const late = sandbox.state.infinigate.addInvoice(daysAgo(2));
		expect(numbers((await trigger.poll()).events)).toEqual([late.header.documentNumber]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('after a day of outage and a restart, what was posted meanwhile comes once', async () => {
		jest.spyOn(retryClock, 'sleep').mockResolvedValue(undefined);
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newPurchaseInvoice' });
		await trigger.poll();
		// The last successful poll was yesterday; since then the service was down.
		trigger.restart({ 'node:Trigger under test': { newPurchaseInvoice: { ...memoryOf(trigger.memory, 'newPurchaseInvoice'), polledOn: daysAgo(1) } } });
		const yesterday = sandbox.state.infinigate.addInvoice(daysAgo(1));
		sandbox.server.addFault({ service: 'infinigate', path: 'purchaseinvoice', kind: 'status', status: 503, times: 100 });
		expect((await trigger.poll()).error?.message).toMatch(/Infinigate/);

		sandbox.server.clearFaults();
		const today = sandbox.state.infinigate.addInvoice();
		trigger.restart();
		expect(numbers((await trigger.poll()).events).sort()).toEqual([yesterday.header.documentNumber, today.header.documentNumber].sort());
		trigger.restart();
		expect((await trigger.poll()).events).toEqual([]);
		jest.restoreAllMocks();
	});

	test('"Include Last Days" delivers the documents of those days on the first activation, and no older ones', async () => {
		const recent = sandbox.state.infinigate.addCreditMemo(daysAgo(5));
		sandbox.state.infinigate.addCreditMemo(daysAgo(20));
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newPurchaseCreditMemo', includeLastDays: 7 });

		const first = await trigger.poll();
		expect(first.events).toEqual([expect.objectContaining({ event: 'newPurchaseCreditMemo', documentNumber: recent.header.documentNumber })]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('it remembers only the documents of the last few days, whatever the history', async () => {
		sandbox.state.infinigate.invoices = [];
		for (let day = 0; day < 30; day++) sandbox.state.infinigate.addInvoice(daysAgo(day));
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newPurchaseInvoice', includeLastDays: 30 });

		expect((await trigger.poll()).events).toHaveLength(30);
		const memory = memoryOf(trigger.memory, 'newPurchaseInvoice');
		expect(Object.keys(memory.dated)).toHaveLength(4);
		expect(memory.polledOn).toBe(daysAgo(0));
	});

	test('a negative "Include Last Days" is refused with the field named', async () => {
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newPurchaseInvoice', includeLastDays: -1 });
		expect((await trigger.poll()).error?.message).toBe('Include Last Days must be a whole number from 0 to 365 (got -1)');
	});

	test('API Version in Options picks the version of the invoice list the trigger reads', async () => {
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newPurchaseCreditMemo', options: { apiVersion: 'v1' } });
		expect((await trigger.poll()).error).toBeUndefined();

		const listed = sandbox.server.requests({ service: 'infinigate', path: /purchasecreditmemo/ }).map((request) => request.path);
		expect(listed.length).toBeGreaterThan(0);
		expect(listed.every((path) => path.startsWith('/invoice-management/v1/'))).toBe(true);
	});

	test('Fetch Test Event returns the most recent real invoice, or says there is none', async () => {
		sandbox.state.infinigate.invoices = [];
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newPurchaseInvoice' });
		expect((await trigger.poll('manual')).error?.message).toBe('No purchase invoice in the last 90 days');

		const invoice = sandbox.state.infinigate.addInvoice(daysAgo(3));
		sandbox.state.infinigate.addInvoice(daysAgo(10));
		expect(numbers((await trigger.poll('manual')).events)).toEqual([invoice.header.documentNumber]);
		expect(trigger.memory).toEqual({});
	});
});

describe('Infinigate Trigger: new or changed purchase quotes', () => {
	test('a new quote, a revision and a status change each come once, across a restart', async () => {
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newOrChangedPurchaseQuote' });
		expect((await trigger.poll()).events).toEqual([]);

		const quote = sandbox.state.infinigate.addQuote();
		const number = quote.header.documentNumber;
		expect((await trigger.poll()).events).toEqual([expect.objectContaining({ event: 'newPurchaseQuote', documentNumber: number, documentVersion: 1 })]);

		trigger.restart();
		sandbox.state.infinigate.reviseQuote(String(number));
		expect((await trigger.poll()).events).toEqual([
			expect.objectContaining({ event: 'changedPurchaseQuote', documentNumber: number, documentVersion: 2, previousRevision: 1, previousStatus: 'Open' }),
		]);

		quote.header.documentStatus = 'Accepted';
		expect((await trigger.poll()).events).toEqual([
			expect.objectContaining({ event: 'changedPurchaseQuote', documentStatus: 'Accepted', previousStatus: 'Open' }),
		]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('Quotes Address in API Overrides moves where the trigger reads quotes, and a "not found" names that field', async () => {
		const elsewhere = '/invoice-management/v2/purchasequote';
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newOrChangedPurchaseQuote', apiOverrides: { quotesLocation: `${elsewhere}/` } });

		const result = await trigger.poll();

		expect(sandbox.server.requests({ service: 'infinigate' }).filter((request) => request.path !== '/authorization/token').map((request) => request.path)).toEqual([elsewhere]);
		expect(result.error?.message).toContain('check API Overrides → Quotes Address');
		expect(result.error?.description).toContain('set API Overrides → Quotes Address (for example /invoice-management/v2/purchasequote)');
		expect(trigger.memory).toEqual({});
	});

	test('a Quotes Address that could change the address in other ways is refused before any request, naming the field', async () => {
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newOrChangedPurchaseQuote', apiOverrides: { quotesLocation: '/order-management/../x?y=1' } });

		const result = await trigger.poll();

		expect(result.error?.message).toMatch(/^API Overrides → Quotes Address may only hold/);
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test('a workflow saved with version 1 keeps its Quotes Address in Options, and its errors name Options', async () => {
		const elsewhere = '/invoice-management/v2/purchasequote';
		const moved = triggerFor(sandbox, 'infinigate', { event: 'newOrChangedPurchaseQuote', options: { quotesLocation: `${elsewhere}/` } }, {}, 1);

		const result = await moved.poll();

		expect(sandbox.server.requests({ service: 'infinigate' }).filter((request) => request.path !== '/authorization/token').map((request) => request.path)).toEqual([elsewhere]);
		expect(result.error?.description).toContain('set Options → Quotes Address');

		sandbox.server.reset();
		const refused = await triggerFor(sandbox, 'infinigate', { event: 'newOrChangedPurchaseQuote', options: { quotesLocation: '/x?y=1' } }, {}, 1).poll();
		expect(refused.error?.message).toMatch(/^Options → Quotes Address may only hold/);
		expect(sandbox.server.requests({ service: 'infinigate' })).toHaveLength(0);
	});

	test('from version 1.1 a Quotes Address left in Options is not read: quotes come from the production address', async () => {
		sandbox.state.infinigate.addQuote();
		const trigger = triggerFor(sandbox, 'infinigate', { event: 'newOrChangedPurchaseQuote', options: { quotesLocation: '/invoice-management/v2/purchasequote' } });

		const result = await trigger.poll();

		expect(result.error).toBeUndefined();
		const paths = sandbox.server.requests({ service: 'infinigate' }).filter((request) => request.path !== '/authorization/token').map((request) => request.path);
		expect(new Set(paths)).toEqual(new Set(['/order-management/v2/purchasequote']));
	});
});
