/**
 * Infinigate Trigger under torture (see ./torture.ts). Quotes: added, revised, their status changed,
 * removed and restored, the list reordered, answered empty or unreadable, down, and for a while
 * larger than the trigger may remember. Invoices: posted late (up to the 3 days the trigger looks
 * back), some carrying a document date weeks before their posting date, hidden and shown again.
 * Every new document and every change of a quote comes exactly once.
 */
import type { IDataObject } from 'n8n-workflow';

import { memoryLimits } from '../../../nodes/shared/polling';
import { daysAgo, triggerFor } from './helpers';
import type { World } from './torture';
import { Burst, expectExactlyOnce, hourlyClock, POLLS, Removals, shuffle, torture, tortureSandbox, tortureSeed } from './torture';

const sandbox = tortureSandbox();

const UNREADABLE = [{}, { message: 'Service unavailable' }, { result: 'maintenance' }, 'html', 'invalidJson'];

type Header = Record<string, unknown>;

/** What production calls the revision and the status (see the API contracts), or the older names. */
const revisionOf = (header: Header): string => String(header.documentVersion ?? header.documentRevision);
const statusOf = (header: Header): string => String(header.documentStatus ?? header.status);

test('Infinigate Trigger: each new quote and each revision or status change exactly once, through 2,000 polls of a hostile service', async () => {
	const seed = tortureSeed();
	memoryLimits.maxRemembered = 400;
	const infinigate = sandbox().state.infinigate;
	type Quote = (typeof infinigate.quotes)[number];
	const removals = new Removals<Quote>();
	const burst = new Burst(POLLS);
	let next = 0;
	const add = (): string => {
		const quote = infinigate.addQuote(daysAgo(0));
		// Numbered by the test, so that a quote added after a removal never takes an existing one's number.
		next++;
		quote.header.documentGuid = `torture-quote-${next}`;
		quote.header.documentNumber = `AN-T-${next}`;
		return String(quote.header.documentGuid);
	};
	const remove = (guid: string): void => {
		infinigate.quotes.splice(
			infinigate.quotes.findIndex((quote) => quote.header.documentGuid === guid),
			1,
		);
	};
	const setStatus = (header: Header, status: string): void => {
		header['documentStatus' in header ? 'documentStatus' : 'status'] = status;
	};
	const world: World = {
		service: 'infinigate',
		listPath: '^/order-management/v2/purchasequote$',
		truth: () => new Map(infinigate.quotes.map(({ header }) => [String(header.documentGuid), `${revisionOf(header)} ${statusOf(header)}`])),
		tick(rng, poll) {
			burst.step(poll, rng, add, remove, 450);
		},
		change(rng, poll) {
			const draw = rng();
			const quotes = infinigate.quotes;
			if (draw < (quotes.length > 40 ? 0.1 : 0.25)) add();
			else if (draw < 0.45 && quotes.length > 0) infinigate.reviseQuote(String(rng.pick(quotes).header.documentNumber));
			else if (draw < 0.6 && quotes.length > 0) setStatus(rng.pick(quotes).header, rng.pick(['Open', 'Accepted', 'Rejected', 'Expired']));
			else if (draw < 0.85 && quotes.length > 0) {
				const quote = rng.pick(quotes);
				remove(String(quote.header.documentGuid));
				removals.remove(quote, poll);
			} else if (draw < 0.9) {
				const quote = removals.restore(rng, poll);
				if (quote) quotes.push(quote);
			} else shuffle(quotes, rng);
		},
		emptyAnswer: { count: 0, result: [] },
		unreadableAnswers: UNREADABLE,
		read: (event: IDataObject) => ({
			key: String(event.documentGuid),
			kind: event.event === 'newPurchaseQuote' ? 'new' : 'changed',
			value: `${revisionOf(event)} ${statusOf(event)}`,
			previous: event.event === 'newPurchaseQuote' ? undefined : `${String(event.previousRevision)} ${String(event.previousStatus)}`,
		}),
		expectedError: () => burst.expectedError(),
		beforePoll: hourlyClock(),
	};
	const trigger = triggerFor(sandbox(), 'infinigate', { event: 'newOrChangedPurchaseQuote' });
	expectExactlyOnce('Infinigate quotes', await torture(sandbox(), world, trigger, { seed, polls: POLLS }));
});

test('Infinigate Trigger: each invoice exactly once, posted late or dated weeks before its posting, through 2,000 polls of a hostile service', async () => {
	const seed = tortureSeed();
	memoryLimits.maxRemembered = 300;
	const infinigate = sandbox().state.infinigate;
	type Invoice = (typeof infinigate.invoices)[number];
	const removals = new Removals<Invoice>();
	const burst = new Burst(POLLS);
	/** Invoices whose rows carry a document date (production's rows may; the sandbox's do not). */
	const documentDates = new Map<string, string>();
	const add = (postingDate: string): string => String(infinigate.addInvoice(postingDate).header.documentGuid);
	const remove = (guid: string): void => {
		infinigate.invoices.splice(
			infinigate.invoices.findIndex((invoice) => invoice.header.documentGuid === guid),
			1,
		);
	};
	// The trigger asks from 3 days before its last poll: what it can see is what was posted since.
	const firstDay = daysAgo(3);
	const world: World = {
		service: 'infinigate',
		listPath: '^/invoice-management/v2/purchaseinvoice$',
		truth: () =>
			new Map(
				infinigate.invoices
					.filter(({ header }) => String(header.postingDate) >= firstDay)
					.map(({ header }) => [String(header.documentGuid), '']),
			),
		tick(rng, poll) {
			burst.step(poll, rng, () => add(daysAgo(0)), remove, 350);
		},
		change(rng, poll) {
			const draw = rng();
			const invoices = infinigate.invoices;
			if (draw < 0.06) {
				const guid = add(daysAgo(rng.int(4)));
				if (rng.chance(0.5)) documentDates.set(guid, daysAgo(10 + rng.int(30)));
			} else if (draw < 0.2 && invoices.length > 0) {
				const invoice = rng.pick(invoices);
				remove(String(invoice.header.documentGuid));
				removals.remove(invoice, poll);
			} else if (draw < 0.35) {
				const invoice = removals.restore(rng, poll);
				if (invoice) invoices.push(invoice);
			} else if (draw < 0.5) shuffle(invoices, rng);
		},
		emptyAnswer: { count: 0, result: [] },
		unreadableAnswers: UNREADABLE,
		faultRules: [
			{
				path: '^/invoice-management/v2/purchaseinvoice$',
				faults: {
					kind: 'rewrite',
					rewrite: (body) => {
						const page = body as { result: IDataObject[] };
						for (const row of page.result) {
							const documentDate = documentDates.get(String(row.documentGuid));
							if (documentDate !== undefined) row.documentDate = documentDate;
						}
						return page;
					},
				},
			},
		],
		read: (event: IDataObject) => ({ key: String(event.documentGuid), kind: 'new', value: '' }),
		expectedError: () => burst.expectedError(),
	};
	const trigger = triggerFor(sandbox(), 'infinigate', { event: 'newPurchaseInvoice' });
	expectExactlyOnce('Infinigate invoices', await torture(sandbox(), world, trigger, { seed, polls: POLLS }));
});
