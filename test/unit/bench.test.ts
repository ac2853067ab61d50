/**
 * The benchmark's arithmetic: a wrong median, in-flight count or memory window would print a
 * plausible table that says the wrong thing.
 */
import { growthDuring } from '../support/bench/memory';
import { median, mostInFlight, summarize } from '../support/bench/report';
import type { RunMeasurement } from '../support/bench/report';
import { checkPressureTargets, checkTargets } from '../support/bench/targets';
import type { TargetInputs } from '../support/bench/targets';
import { cegidUnderPressure, priceListSearch } from '../support/bench/workloads';

const at = (ms: number): string => new Date(Date.UTC(2025, 0, 1) + ms).toISOString();

describe('median', () => {
	test('the middle value of an odd count and the mean of the two middle values of an even count, whatever the order', () => {
		expect(median([9, 1, 5])).toBe(5);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
});

describe('mostInFlight', () => {
	test('counts requests that overlap in time', () => {
		expect(mostInFlight([
			{ time: at(0), durationMs: 30 },
			{ time: at(10), durationMs: 30 },
			{ time: at(20), durationMs: 30 },
		])).toBe(3);
	});

	test('a request that starts the millisecond the previous one ended did not overlap it', () => {
		expect(mostInFlight([
			{ time: at(0), durationMs: 25 },
			{ time: at(25), durationMs: 25 },
			{ time: at(50), durationMs: 25 },
		])).toBe(1);
	});
});

describe('growthDuring', () => {
	const samples = [
		{ at: 100, rss: 500 },
		{ at: 200, rss: 400 },
		{ at: 300, rss: 900 },
		{ at: 400, rss: 700 },
		{ at: 500, rss: 2000 },
	];

	test('the peak inside the window against the last sample before it', () => {
		expect(growthDuring(samples, 250, 450)).toEqual({ baseline: 400, peak: 900 });
	});

	test('no sample before or inside the window: nothing to say', () => {
		expect(growthDuring(samples, 50, 90)).toBeUndefined();
		expect(growthDuring(samples, 410, 450)).toBeUndefined();
	});
});

function runs(key: string, side: 'ours' | 'http' | 'headers', values: Array<Partial<RunMeasurement>>): RunMeasurement[] {
	return values.map((value, index) => ({
		workload: key,
		side,
		run: index + 1,
		inputItems: 1,
		nodeMs: 1000,
		outputItems: 1,
		requests: 1,
		tokenRequests: 1,
		maxInFlight: 1,
		wallMs: 3000,
		...value,
	}));
}

describe('summarize', () => {
	test('medians of the runs that worked, the ratio ours / HTTP Request, and the failed runs counted', () => {
		const measured = [
			...runs('w', 'ours', [{ nodeMs: 100 }, { nodeMs: 300 }, { nodeMs: 200 }, { nodeMs: 5, error: 'wrong output' }]),
			...runs('w', 'http', [{ nodeMs: 1000, maxInFlight: 7 }, { nodeMs: 800, maxInFlight: 9 }, { nodeMs: 900 }]),
		];
		const summary = summarize('w', 'W', 10, measured);
		expect(summary.ours.nodeMs).toBe(200);
		expect(summary.ours.failures).toBe(1);
		expect(summary.http.nodeMs).toBe(900);
		expect(summary.http.maxInFlight).toBe(9);
		expect(summary.timeRatio).toBeCloseTo(200 / 900);
	});
});

describe('checkTargets', () => {
	function inputs(changes: { skuMs?: number; searchRequests?: number; growth?: number; tokens?: number }): TargetInputs {
		const measured = [
			...runs('sku', 'ours', [{ nodeMs: changes.skuMs ?? 100, requests: 20, tokenRequests: changes.tokens ?? 1 }]),
			...runs('sku', 'http', [{ nodeMs: 1000, requests: 2000 }]),
			...runs('add', 'ours', [{ nodeMs: 500, maxInFlight: 5 }]),
			...runs('add', 'http', [{ nodeMs: 600, maxInFlight: 40 }]),
			...runs('search', 'ours', [{ requests: (changes.searchRequests ?? 20) + 1, pageRequests: changes.searchRequests ?? 20 }]),
			...runs('search', 'http', [{ requests: 21 }]),
			...runs('upload', 'ours', [{ memory: { baselineBytes: 0, peakBytes: 0, growthBytes: changes.growth ?? 30e6 } }]),
			...runs('upload', 'http', [{}]),
		];
		return {
			skuPrices: summarize('sku', 'SKU', 2000, measured),
			cegidAddClients: summarize('add', 'Add', 500, measured),
			priceListSearch: summarize('search', 'Search', 1, measured),
			inventoryUpload: summarize('upload', 'Upload', 1, measured),
			scale: [],
			runs: measured,
			products: 10_000,
			priceListPageSize: 500,
			uploadBytes: 50e6,
			configuredConcurrency: 5,
			tokenWorkloads: ['sku', 'search', 'upload'],
		};
	}

	const failed = (checks: ReturnType<typeof checkTargets>): string[] => checks.filter((check) => !check.pass).map((check) => check.target);

	test('numbers that meet every target pass every target', () => {
		expect(failed(checkTargets(inputs({})))).toEqual([]);
	});

	test('each missed target fails alone', () => {
		expect(failed(checkTargets(inputs({ skuMs: 250 })))).toEqual(['Workload 1: at least 5× faster than the HTTP Request node']);
		expect(failed(checkTargets(inputs({ searchRequests: 21 })))).toEqual(['Workload 3: page requests = ⌈10,000 / 500⌉ = 20']);
		expect(failed(checkTargets(inputs({ growth: 100e6 })))).toEqual([
			'Workload 4: peak memory growth under twice the file size (95 MB)',
		]);
		expect(failed(checkTargets(inputs({ tokens: 2 })))).toEqual([
			'Token requests: one per token lifetime per credential, however many items run at once',
		]);
	});
});

describe('the price-list workload', () => {
	test('counts the search pages apart from the count of matches', () => {
		const { pagePath } = priceListSearch(10_000);
		expect(pagePath?.test('/product-management/v1/pricelist/search/*')).toBe(true);
		expect(pagePath?.test('/product-management/v1/pricelist/search/count/*')).toBe(false);
	});
});

describe('checkPressureTargets', () => {
	function pressure(changes: {
		burstMs?: number;
		duplicated?: number;
		refused429?: number;
		failedOtherwise?: number;
		answered502?: number;
		othersAfterMs?: number;
		oursPlainMs?: number;
	}) {
		const measured = [
			...runs('plain', 'ours', [{ nodeMs: changes.oursPlainMs ?? 1_000 }]),
			...runs('plain', 'http', [{ nodeMs: 3_000 }]),
			...runs('plain', 'headers', [{ nodeMs: 1_200, maxInFlight: 2_000 }]),
			...runs('burst', 'ours', [{ nodeMs: changes.burstMs ?? 2_500, judgement: { failedItems: 0, duplicated: changes.duplicated ?? 0, refused429: changes.refused429 ?? 50 } }]),
			...runs('burst', 'http', [{ judgement: { failedItems: 300 } }]),
			...runs('blip', 'ours', [{ judgement: { failedItems: changes.answered502 ?? 12, answered502: changes.answered502 ?? 12, failedOtherwise: changes.failedOtherwise ?? 0, duplicated: 0 } }]),
			...runs('blip', 'http', [{}]),
			...runs('slow', 'ours', [{ judgement: { othersDoneAfterTokenMs: changes.othersAfterMs ?? 300 } }]),
			...runs('slow', 'http', [{}]),
		];
		return checkPressureTargets({
			baseline: summarize('plain', 'Plain', 2_000, measured),
			burst: summarize('burst', 'Burst', 2_000, measured),
			blip: summarize('blip', 'Blip', 1_000, measured),
			slowRenewal: summarize('slow', 'Slow', 200, measured),
			latencyMs: 25,
			configuredConcurrency: 50,
		});
	}
	const failed = (checks: ReturnType<typeof checkPressureTargets>): string[] => checks.filter((check) => !check.pass).map((check) => check.target);

	test('numbers that meet every target pass every target', () => {
		expect(failed(pressure({}))).toEqual([]);
	});

	test('a burst or a blip that the run never met proves nothing and fails', () => {
		expect(failed(pressure({ refused429: 0 }))).toEqual(['Burst: nothing lost or duplicated']);
		expect(failed(pressure({ answered502: 0 }))).toEqual([
			'Blip: only the items sent during the window fail (unknown outcomes, never retried); every other item succeeds',
		]);
	});

	test('each missed target fails alone', () => {
		expect(failed(pressure({ burstMs: 3_100 }))).toEqual(['Burst: total time at most 1.5 × (the time without the burst + 1 s)']);
		expect(failed(pressure({ duplicated: 1 }))).toEqual(['Burst: nothing lost or duplicated']);
		expect(failed(pressure({ failedOtherwise: 3 }))).toEqual([
			'Blip: only the items sent during the window fail (unknown outcomes, never retried); every other item succeeds',
		]);
		expect(failed(pressure({ othersAfterMs: 20_000 }))).toEqual([
			"Slow renewal: the other calls finish within 2 s of the token request, not after the renewing item's 20 s call",
		]);
		expect(failed(pressure({ oursPlainMs: 1_300 }))).toEqual([
			'Plain case, 2,000 writes: at least as fast as the HTTP Request node with the keys typed in as headers',
		]);
	});
});

describe('the workloads under pressure', () => {
	test('the burst answers 429 with Retry-After: 1 to every Add for one second, from the given time after the first', () => {
		const burst = cegidUnderPressure('burst', 2_000, 1_000);
		const plans: Record<string, unknown> = {};
		burst.prepare?.({ server: { faultPlans: { set: (service: string, rule: unknown) => (plans[service] = rule) } } } as never);
		expect(plans.cegidLoop).toEqual({
			method: 'POST',
			path: 'addClient',
			window: { afterMs: 1_000, forMs: 1_000 },
			faults: { kind: 'status', status: 429, retryAfter: '1' },
		});
	});

	test('a write judged: failed items, clients added twice, and items that failed other than by their own 502', () => {
		const blip = cegidUnderPressure('blip', 4, 0);
		const entry = (email: string, status: number, serviceActed = status < 300) =>
			({ path: '/provisionningCollab/addClient', bodyText: `{"email":"${email}"}`, status, serviceActed }) as never;
		const judgement = blip.judge!(
			[entry('a@x', 200), entry('b@x', 502, false), entry('c@x', 200), entry('c@x', 200), entry('d@x', 400)],
			[{ json: { interloc: {} } }, { json: { error: 'bad gateway' } }, { json: { interloc: {} } }, { json: { error: 'refused' } }],
		);
		expect(judgement).toEqual({ failedItems: 2, failedOtherwise: 1, duplicated: 1, refused429: 0, answered502: 1 });
	});
});
