/**
 * Data the examples need on top of the sandbox's own: none any more. The Infinigate sandbox dates
 * its invoices relative to today, so the invoice example's "last month" finds some on any day.
 */
import type { Sandbox } from '../../sandbox';

/** The first and last day (`YYYY-MM-DD`, UTC as the n8n of the demo runs) of the month before `now`. */
export function lastMonth(now = new Date()): { start: string; end: string; month: string } {
	const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
	const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
	const iso = (date: Date): string => date.toISOString().slice(0, 10);
	return { start: iso(first), end: iso(last), month: iso(first).slice(0, 7) };
}

/** What every run of an example starts from: the sandbox's initial state. */
export function resetSandbox(sandbox: Sandbox): void {
	sandbox.server.reset();
}
