/**
 * `npm run benchmark`: how fast the nodes get through many items, measured inside n8n-core's
 * execution engine against the sandbox with a fixed simulated network latency. Prints one line per
 * scenario: input items, output items, HTTP requests the sandbox received (token requests included),
 * wall time, and items per second (input or output, whichever is larger).
 *
 * Numbers depend on the machine; compare runs on the same machine. Latency: BENCH_LATENCY_MS
 * (default 20 ms per request, roughly a nearby cloud API).
 */
import type { INodeParameters, INodeType, ICredentialType, IDataObject } from 'n8n-workflow';

import { CegidLoopApi } from '../credentials/CegidLoopApi.credentials';
import { InfinigateApi } from '../credentials/InfinigateApi.credentials';
import { CegidLoop } from '../nodes/CegidLoop/CegidLoop.node';
import { Infinigate } from '../nodes/Infinigate/Infinigate.node';
import { generatePriceList } from '../sandbox/infinigate/priceList';
import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { runNode } from '../test/support/run-node';

interface Scenario {
	name: string;
	node: () => INodeType;
	credentialTypes: () => ICredentialType[];
	credentialType: string;
	parameters: INodeParameters;
	items: (count: number) => IDataObject[];
	count: number;
}

const SCENARIOS: Scenario[] = [
	{
		name: 'Cegid Loop: add an offer, one item per folder',
		node: () => new CegidLoop(),
		credentialTypes: () => [new CegidLoopApi()],
		credentialType: 'cegidLoopApi',
		parameters: { resource: 'collaborativeOffer', operation: 'add', codeDossier: '={{ $json.code }}', offer: 'start' },
		items: (count) => Array.from({ length: count }, (_, index) => ({ code: index % 2 ? 'MANON001' : 'CEGID003' })),
		count: 200,
	},
	{
		name: 'Infinigate: price and stock, one SKU per order line',
		node: () => new Infinigate(),
		credentialTypes: () => [new InfinigateApi()],
		credentialType: 'infinigateApi',
		parameters: { resource: 'priceList', operation: 'getBySku', skus: '={{ $json.sku }}' },
		items: (count) => {
			const skus = generatePriceList().map((stored) => stored.product.sku);
			return Array.from({ length: count }, (_, index) => ({ sku: skus[(index * 7) % skus.length] }));
		},
		count: 1000,
	},
	{
		name: "Infinigate: a vendor's whole price list (Return All)",
		node: () => new Infinigate(),
		credentialTypes: () => [new InfinigateApi()],
		credentialType: 'infinigateApi',
		parameters: { resource: 'priceList', operation: 'search', searchTerm: '', returnAll: true, filters: { vendorCodes: 'NWN' } },
		items: () => [{}],
		count: 1,
	},
];

async function measure(sandbox: Sandbox, scenario: Scenario): Promise<string> {
	sandbox.server.log.length = 0;
	const started = process.hrtime.bigint();
	const run = await runNode({
		node: scenario.node(),
		credentialTypes: scenario.credentialTypes(),
		credentials: { [scenario.credentialType]: sandbox.credentials[scenario.credentialType] as IDataObject as Record<string, string> },
		parameters: scenario.parameters,
		items: scenario.items(scenario.count),
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	if (run.error) throw new Error(`${scenario.name} failed: ${run.error.message}`);
	const outputItems = run.outputs[0]?.length ?? 0;
	const rate = Math.max(scenario.count, outputItems) / seconds;
	return [
		scenario.name.padEnd(58),
		String(scenario.count).padStart(6),
		String(outputItems).padStart(7),
		String(sandbox.server.log.length).padStart(9),
		`${seconds.toFixed(2)} s`.padStart(9),
		`${rate.toFixed(0)}/s`.padStart(8),
	].join('  ');
}

async function main(): Promise<void> {
	const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 20);
	const sandbox = await startSandbox();
	try {
		console.log(`latency per request: ${latencyMs} ms, Node ${process.version}`);
		console.log(['scenario'.padEnd(58), 'items'.padStart(6), 'output'.padStart(7), 'requests'.padStart(9), 'time'.padStart(9), 'rate'.padStart(8)].join('  '));
		for (const scenario of SCENARIOS) {
			sandbox.server.reset();
			sandbox.server.latencyMs = latencyMs;
			console.log(await measure(sandbox, scenario));
		}
	} finally {
		await sandbox.close();
	}
}

void main();
