/**
 * What the benchmark makes of its runs: medians per workload and node, the ratio of our node to the
 * HTTP Request node, the targets checked one by one, and a Markdown table.
 */
import type { LogEntry } from '../../../sandbox/core/server';
import type { Side } from './workloads';

/** One run of one workflow. */
export interface RunMeasurement {
	workload: string;
	side: Side;
	run: number;
	inputItems: number;
	/** The measured node's execution time as n8n recorded it in the run data, ms. */
	nodeMs: number;
	outputItems: number;
	/** Requests to the service's API (token requests not included). */
	requests: number;
	/** For a listing, how many of those asked for a page. */
	pageRequests?: number;
	tokenRequests: number;
	/** The most API requests the sandbox was answering at the same moment. */
	maxInFlight: number;
	/** Resident memory of the n8n process: before the node started, and its peak while it ran. */
	memory?: { baselineBytes: number; peakBytes: number; growthBytes: number };
	/** How long `n8n execute` took, start-up included, ms. */
	wallMs: number;
	/** A workload's own numbers (see Workload.judge). */
	judgement?: Record<string, number>;
	error?: string;
}

export interface SideSummary {
	runs: number;
	nodeMs: number;
	requests: number;
	pageRequests?: number;
	tokenRequests: number;
	/** The largest over the runs: the targets are limits, not averages. */
	maxTokenRequests: number;
	maxInFlight: number;
	memoryGrowthBytes?: number;
	/** Runs whose output was wrong or which failed. */
	failures: number;
	/** Medians of the workload's own numbers; for its limits, see `worst`. */
	judgement: Record<string, number>;
	/** The least favourable of each of the workload's own numbers over the runs (the largest). */
	worst: Record<string, number>;
}

export interface WorkloadSummary {
	key: string;
	title: string;
	items: number;
	ours: SideSummary;
	http: SideSummary;
	/** The HTTP Request node with the keys typed in as headers, where the workload runs it. */
	headers?: SideSummary;
	/** Our node's median time divided by the HTTP Request node's. */
	timeRatio: number;
}

export interface TargetCheck {
	target: string;
	measured: string;
	pass: boolean;
}

export function median(values: number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The most requests that were being answered at the same moment, from their arrival and duration. */
export function mostInFlight(entries: Array<Pick<LogEntry, 'time' | 'durationMs'>>): number {
	const events: Array<[number, number]> = [];
	for (const entry of entries) {
		const start = Date.parse(entry.time);
		events.push([start, 1], [start + Math.max(entry.durationMs, 1), -1]);
	}
	// At the same millisecond an answer comes before an arrival: they did not overlap.
	events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let current = 0;
	let most = 0;
	for (const [, change] of events) {
		current += change;
		most = Math.max(most, current);
	}
	return most;
}

function summarizeSide(runs: RunMeasurement[]): SideSummary {
	const good = runs.filter((run) => run.error === undefined);
	const growth = good.flatMap((run) => (run.memory ? [run.memory.growthBytes] : []));
	const pages = good.flatMap((run) => (run.pageRequests === undefined ? [] : [run.pageRequests]));
	return {
		runs: runs.length,
		nodeMs: median(good.map((run) => run.nodeMs)),
		requests: median(good.map((run) => run.requests)),
		pageRequests: pages.length > 0 ? median(pages) : undefined,
		tokenRequests: median(good.map((run) => run.tokenRequests)),
		maxTokenRequests: Math.max(0, ...good.map((run) => run.tokenRequests)),
		maxInFlight: Math.max(0, ...good.map((run) => run.maxInFlight)),
		memoryGrowthBytes: growth.length > 0 ? median(growth) : undefined,
		failures: runs.length - good.length,
		...judgements(good),
	};
}

function judgements(runs: RunMeasurement[]): Pick<SideSummary, 'judgement' | 'worst'> {
	const names = new Set(runs.flatMap((run) => Object.keys(run.judgement ?? {})));
	const judgement: Record<string, number> = {};
	const worst: Record<string, number> = {};
	for (const name of names) {
		const values = runs.flatMap((run) => (run.judgement?.[name] === undefined ? [] : [run.judgement[name]]));
		judgement[name] = median(values);
		worst[name] = Math.max(...values);
	}
	return { judgement, worst };
}

export function summarize(key: string, title: string, items: number, runs: RunMeasurement[]): WorkloadSummary {
	const ours = summarizeSide(runs.filter((run) => run.workload === key && run.side === 'ours'));
	const http = summarizeSide(runs.filter((run) => run.workload === key && run.side === 'http'));
	const headerRuns = runs.filter((run) => run.workload === key && run.side === 'headers');
	const headers = headerRuns.length > 0 ? summarizeSide(headerRuns) : undefined;
	return { key, title, items, ours, http, headers, timeRatio: ours.nodeMs / http.nodeMs };
}

export function seconds(ms: number): string {
	if (!Number.isFinite(ms)) return '–';
	return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function megabytes(bytes: number | undefined): string {
	return bytes === undefined ? '' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function count(value: number): string {
	return Number.isFinite(value) ? value.toLocaleString('en') : '–';
}

/** The results as a Markdown table, one row per workload and node. */
export function markdownTable(summaries: WorkloadSummary[]): string {
	const rows = [
		'| Workload | Node | Time (median) | Requests | Token requests | Most in flight | Memory growth | Ours / HTTP Request |',
		'|---|---|--:|--:|--:|--:|--:|--:|',
	];
	const names = { ours: 'this package', http: 'HTTP Request', headers: 'HTTP Request, keys as headers' };
	for (const summary of summaries) {
		for (const side of ['ours', 'http', 'headers'] as const) {
			const result = summary[side];
			if (result === undefined) continue;
			rows.push(
				`| ${side === 'ours' ? summary.title : ''} | ${names[side]} | ${seconds(result.nodeMs)} | ${count(result.requests)} | ${count(result.tokenRequests)} | ${count(result.maxInFlight)} | ${megabytes(result.memoryGrowthBytes)} | ${side === 'ours' && Number.isFinite(summary.timeRatio) ? summary.timeRatio.toFixed(2) : ''} |`,
			);
		}
	}
	return rows.join('\n');
}

export function targetLines(checks: TargetCheck[]): string {
	return checks.map((check) => `${check.pass ? 'PASS' : 'FAIL'}  ${check.target}: ${check.measured}`).join('\n');
}
