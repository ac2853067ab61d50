/**
 * Data the examples need on top of the sandbox's own. The Infinigate sandbox's invoices are fixed
 * documents of 2024, while the invoice example asks for last month's: the demo and the end-to-end
 * tests add a few invoices dated last month, through `sandbox.state.infinigate`, after every reset
 * of the sandbox.
 */
import type { Sandbox } from '../../sandbox';
import { guidOf } from '../../sandbox/infinigate/documents';
import type { SandboxDocument } from '../../sandbox/infinigate/documents';

/** The first and last day (`YYYY-MM-DD`, UTC as the n8n of the demo runs) of the month before `now`. */
export function lastMonth(now = new Date()): { start: string; end: string; month: string } {
	const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
	const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
	const iso = (date: Date): string => date.toISOString().slice(0, 10);
	return { start: iso(first), end: iso(last), month: iso(first).slice(0, 7) };
}

/**
 * Adds four invoices posted last month (copies of sandbox invoices: a usage-based MSP invoice and
 * three with product lines) and returns them. Idempotent for a given month.
 */
export function addLastMonthInvoices(sandbox: Sandbox, now = new Date()): SandboxDocument[] {
	const state = sandbox.state.infinigate;
	const { start, month } = lastMonth(now);
	const added: SandboxDocument[] = [];
	[0, 1, 2, 4].forEach((sourceIndex, position) => {
		const guid = guidOf(`recent-invoice-${month}-${position}`);
		if (state.invoices.some((invoice) => invoice.header.documentGuid === guid)) return;
		const copy = structuredClone(state.invoices[sourceIndex]);
		const postingDate = `${month}-${String(Number(start.slice(8, 10)) + 3 + position * 7).padStart(2, '0')}`;
		copy.header = {
			...copy.header,
			documentGuid: guid,
			documentNumber: `VR${month.slice(2, 4)}-${month.slice(5, 7)}${String(position + 1).padStart(4, '0')}`,
			postingDate,
		};
		state.invoices.push(copy);
		added.push(copy);
	});
	return added;
}

/** What every run of an example starts from: the sandbox's initial state plus the data above. */
export function resetSandbox(sandbox: Sandbox): void {
	sandbox.server.reset();
	addLastMonthInvoices(sandbox);
}
