/**
 * The performance targets of the package, checked against the benchmark's medians: how much faster
 * than the HTTP Request node, how many requests, how many in flight, how much memory, how many tokens.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { RunMeasurement, TargetCheck, WorkloadSummary } from './report';
import { megabytes, seconds } from './report';

export interface TargetInputs {
	skuPrices: WorkloadSummary;
	cegidAddClients: WorkloadSummary;
	priceListSearch: WorkloadSummary;
	inventoryUpload: WorkloadSummary;
	/** The scale curve, smallest first. */
	scale: WorkloadSummary[];
	runs: RunMeasurement[];
	products: number;
	priceListPageSize: number;
	uploadBytes: number;
	/** How many requests our node keeps in flight at its default settings. */
	configuredConcurrency: number;
	/** Workloads whose credential fetches a token. */
	tokenWorkloads: string[];
}

export function checkTargets(inputs: TargetInputs): TargetCheck[] {
	const { skuPrices, cegidAddClients, priceListSearch, inventoryUpload } = inputs;
	const checks: TargetCheck[] = [];
	const speedup = skuPrices.http.nodeMs / skuPrices.ours.nodeMs;
	checks.push({
		target: 'Workload 1: at least 5× faster than the HTTP Request node',
		measured: `${speedup.toFixed(1)}× (${seconds(skuPrices.ours.nodeMs)} against ${seconds(skuPrices.http.nodeMs)})`,
		pass: speedup >= 5,
	});
	checks.push({
		target: 'Workload 1: at most 20 requests',
		measured: `${skuPrices.ours.requests} requests for ${skuPrices.items} items`,
		pass: skuPrices.ours.requests <= 20,
	});
	checks.push({
		target: 'Workload 2: at least as fast as the HTTP Request node at the default settings',
		measured: `${seconds(cegidAddClients.ours.nodeMs)} against ${seconds(cegidAddClients.http.nodeMs)}`,
		pass: cegidAddClients.ours.nodeMs <= cegidAddClients.http.nodeMs,
	});
	checks.push({
		target: `Workload 2: at most the configured number in flight (${inputs.configuredConcurrency})`,
		measured: `at most ${cegidAddClients.ours.maxInFlight} at once`,
		pass: cegidAddClients.ours.maxInFlight <= inputs.configuredConcurrency,
	});
	const pages = Math.ceil(inputs.products / inputs.priceListPageSize);
	const pageRequests = priceListSearch.ours.pageRequests;
	const others = priceListSearch.ours.requests - (pageRequests ?? 0);
	checks.push({
		target: `Workload 3: page requests = ⌈${inputs.products.toLocaleString('en')} / ${inputs.priceListPageSize}⌉ = ${pages}`,
		measured: `${pageRequests ?? 'no'} page requests${others > 0 ? `, and ${others} other (the count of matches)` : ''}`,
		pass: pageRequests === pages,
	});
	const growth = inventoryUpload.ours.memoryGrowthBytes;
	checks.push({
		target: `Workload 4: peak memory growth under twice the file size (${megabytes(2 * inputs.uploadBytes)})`,
		measured: growth === undefined ? 'not measured' : megabytes(growth),
		pass: growth !== undefined && growth < 2 * inputs.uploadBytes,
	});
	const tokenRuns = inputs.runs.filter((run) => run.side === 'ours' && inputs.tokenWorkloads.includes(run.workload) && run.error === undefined);
	const mostTokens = Math.max(0, ...tokenRuns.map((run) => run.tokenRequests));
	checks.push({
		target: 'Token requests: one per token lifetime per credential, however many items run at once',
		measured: `at most ${mostTokens} per run (each run is shorter than a token's lifetime and starts without a token)`,
		pass: tokenRuns.length > 0 && mostTokens === 1,
	});
	const [, middle, largest] = inputs.scale;
	if (middle && largest) {
		const perItem = (summary: WorkloadSummary): number => summary.ours.nodeMs / summary.items;
		const growthFactor = perItem(largest) / perItem(middle);
		checks.push({
			target: `Scale curve: time grows linearly (time per item at ${largest.items.toLocaleString('en')} items within 25% of that at ${middle.items.toLocaleString('en')})`,
			measured: `${(perItem(middle)).toFixed(2)} ms → ${(perItem(largest)).toFixed(2)} ms per item`,
			pass: growthFactor <= 1.25,
		});
	}
	return checks;
}

interface PropertyLike {
	name?: string;
	default?: unknown;
	options?: unknown[];
	values?: unknown[];
}

function findDefault(properties: unknown[], name: string): unknown {
	for (const property of properties as PropertyLike[]) {
		if (property?.name === name && property.default !== undefined) return property.default;
		const nested = [...(property?.options ?? []), ...(property?.values ?? [])];
		const found = nested.length > 0 ? findDefault(nested, name) : undefined;
		if (found !== undefined) return found;
	}
	return undefined;
}

/**
 * How many requests a node of the built package sends at once by default: its Max Concurrent
 * Requests option as the editor shows it, or 1 for a node without that option (one at a time).
 */
export async function defaultConcurrency(projectRoot: string, nodeFile: string): Promise<number> {
	const path = join(projectRoot, nodeFile);
	if (!existsSync(path)) throw new Error(`${nodeFile} is missing; run \`npm run build\``);
	const exported = (await import(path)) as Record<string, unknown>;
	for (const candidate of Object.values(exported)) {
		if (typeof candidate !== 'function') continue;
		const node = new (candidate as new () => { description?: { properties?: unknown[] } })();
		const value = findDefault(node.description?.properties ?? [], 'maxConcurrentRequests');
		if (value !== undefined) return Number(value);
		if (node.description) return 1;
	}
	throw new Error(`${nodeFile} exports no node class`);
}

export interface PressureInputs {
	/** Cegid Client → Add without faults, as many items as the burst: the plain case and the burst's reference. */
	baseline?: WorkloadSummary;
	burst?: WorkloadSummary;
	blip?: WorkloadSummary;
	slowRenewal?: WorkloadSummary;
	/** The sandbox's latency per request, ms, and how many requests the node sends at once by default. */
	latencyMs: number;
	configuredConcurrency: number;
}

/**
 * The targets of the plain case at scale and of the workloads under pressure (a burst of 429s, a
 * blip of 502s, a slow token renewal). Each is checked only when its workload ran.
 */
export function checkPressureTargets(inputs: PressureInputs): TargetCheck[] {
	const checks: TargetCheck[] = [];
	const { baseline, burst, blip, slowRenewal } = inputs;
	if (baseline?.headers) {
		const items = baseline.items;
		const headers = baseline.headers;
		checks.push({
			target: `Plain case, ${items.toLocaleString('en')} writes: at least as fast as the HTTP Request node with the keys typed in as headers`,
			measured: `${seconds(baseline.ours.nodeMs)} against ${seconds(headers.nodeMs)}`,
			pass: baseline.ours.nodeMs <= headers.nodeMs,
		});
		const speedup = baseline.http.nodeMs / baseline.ours.nodeMs;
		checks.push({
			target: `Plain case, ${items.toLocaleString('en')} writes: at least 1.5× the HTTP Request node with the package's credential`,
			measured: `${speedup.toFixed(2)}× (${seconds(baseline.ours.nodeMs)} against ${seconds(baseline.http.nodeMs)})`,
			pass: speedup >= 1.5,
		});
		// What the network alone costs at our concurrency, plus what the HTTP Request node spends per
		// item beyond its own network time (its requests all leave at once).
		const network = (items * inputs.latencyMs) / inputs.configuredConcurrency;
		const httpPerItem = Math.max(0, headers.nodeMs - (items * inputs.latencyMs) / Math.max(1, headers.maxInFlight)) / items;
		const physical = network + httpPerItem * items;
		checks.push({
			target: `Plain case, ${items.toLocaleString('en')} writes: within 2× of the physical limit (items × latency ÷ ${inputs.configuredConcurrency} in flight + the HTTP Request node's time per item)`,
			measured: `${seconds(baseline.ours.nodeMs)} against a limit of ${seconds(physical)} (${(baseline.ours.nodeMs / physical).toFixed(2)}×)`,
			pass: baseline.ours.nodeMs <= 2 * physical,
		});
	}
	if (burst) {
		const failed = burst.ours.worst.failedItems;
		const duplicated = burst.ours.worst.duplicated;
		const reference = baseline ? baseline.ours.nodeMs + 1_000 : Number.NaN;
		checks.push({
			target: `Burst: total time at most 1.5 × (the time without the burst + 1 s)`,
			measured: `${seconds(burst.ours.nodeMs)} against ${seconds(1.5 * reference)} (HTTP Request node: ${seconds(burst.http.nodeMs)}, ${burst.http.judgement.failedItems ?? '–'} items failed)`,
			pass: burst.ours.nodeMs <= 1.5 * reference,
		});
		checks.push({
			target: 'Burst: nothing lost or duplicated',
			measured: `${failed ?? '–'} items failed, ${duplicated ?? '–'} clients added twice, ${burst.ours.judgement.refused429 ?? '–'} answers 429`,
			// A run the burst never reached (no 429 answered) proves nothing.
			pass: failed === 0 && duplicated === 0 && burst.ours.failures === 0 && (burst.ours.judgement.refused429 ?? 0) > 0,
		});
	}
	if (blip) {
		const otherwise = blip.ours.worst.failedOtherwise;
		checks.push({
			target: 'Blip: only the items sent during the window fail (unknown outcomes, never retried); every other item succeeds',
			measured: `${blip.ours.judgement.failedItems ?? '–'} items failed, ${blip.ours.judgement.answered502 ?? '–'} answered 502, ${otherwise ?? '–'} otherwise (HTTP Request node: ${blip.http.judgement.failedItems ?? '–'} failed)`,
			// A run that was over before the window opened (nothing answered 502) proves nothing.
			pass: otherwise === 0 && (blip.ours.worst.duplicated ?? 1) === 0 && blip.ours.failures === 0 && (blip.ours.judgement.answered502 ?? 0) > 0,
		});
	}
	if (slowRenewal) {
		const after = slowRenewal.ours.worst.othersDoneAfterTokenMs;
		checks.push({
			target: 'Slow renewal: the other calls finish within 2 s of the token request, not after the renewing item\'s 20 s call',
			measured: `${Number.isFinite(after) ? seconds(after) : '–'} after the token (HTTP Request node: ${seconds(slowRenewal.http.worst.othersDoneAfterTokenMs ?? Number.NaN)})`,
			pass: Number.isFinite(after) && after <= 2_000 && slowRenewal.ours.failures === 0,
		});
	}
	return checks;
}
