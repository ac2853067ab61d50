/**
 * `npm run measure:concurrency`: how the default of Max Concurrent Requests was chosen. Runs Cegid
 * Loop Client → Add for 500 items inside n8n-core's execution engine against the sandbox, with a
 * fixed latency per request (CONCURRENCY_LATENCY_MS, default 25 ms), at several settings of the
 * option, and beside it the way n8n's HTTP Request node works: every item's request sent at once
 * (its V3 node collects one promise per item and awaits them all). Each setting runs five times
 * (REPEATS), in rounds; the median is printed, with the requests the sandbox received and the most
 * it had in flight. SETTINGS=1,50 measures only those. The sandbox runs as a process of its own, as
 * a service would: the CPU column is n8n's side.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

import { CegidLoopApi } from '../credentials/CegidLoopApi.credentials';
import { CegidLoop } from '../nodes/CegidLoop/CegidLoop.node';
import type { LogEntry } from '../sandbox/core/server';
import { runNode } from '../test/support/run-node';

const ITEMS = 500;
const SETTINGS = (process.env.SETTINGS ?? '1,5,10,20,50,100,200').split(',').map(Number);
const REPEATS = Number(process.env.REPEATS ?? 5);

function clientItems(): IDataObject[] {
	return Array.from({ length: ITEMS }, (_, index) => ({
		email: `client${index}@client.example`,
		lastName: `Client ${index}`,
	}));
}

const clientFields: INodeParameters = {
	email: '={{ $json.email }}',
	codeDossier: 'CEGID003',
	offer: 'consultation',
	lastName: '={{ $json.lastName }}',
	firstName: 'Measured',
};

const addClient: INodeParameters = { resource: 'client', operation: 'add', ...clientFields };

/**
 * What n8n's HTTP Request node does with a predefined credential: it reads each item's parameters
 * (here the same fields as Client → Add, expressions included), then sends one request per item,
 * all at once.
 */
class EveryItemAtOnce implements INodeType {
	description = {
		displayName: 'Every item at once',
		name: 'everyItemAtOnce',
		group: ['transform'],
		version: 1,
		description: 'Sends every item at once, as the HTTP Request node does',
		defaults: { name: 'Every item at once' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'cegidLoopApi', required: true }],
		properties: ['email', 'codeDossier', 'offer', 'lastName', 'firstName'].map((name) => ({
			displayName: name,
			name,
			type: 'string',
			default: '',
		})),
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials('cegidLoopApi');
		const answers = await Promise.allSettled(
			items.map(
				async (_item, index) =>
					(await this.helpers.httpRequestWithAuthentication.call(this, 'cegidLoopApi', {
						method: 'POST',
						url: `${String(credentials.baseUrl)}/provisionningCollab/addClient`,
						body: {
							email: this.getNodeParameter('email', index) as string,
							codeDossier: this.getNodeParameter('codeDossier', index) as string,
							offre: this.getNodeParameter('offer', index) as string,
							nom: this.getNodeParameter('lastName', index) as string,
							prenom: this.getNodeParameter('firstName', index) as string,
							profile: '2.0',
							social: true,
						},
						json: true,
						// The HTTP Request node always sets one (five minutes by default).
						timeout: 300_000,
					})) as IDataObject,
			),
		);
		return [
			answers.map((answer, index) => ({
				json: answer.status === 'fulfilled' ? answer.value : { error: String(answer.reason) },
				pairedItem: { item: index },
			})),
		];
	}
}

/** The sandbox in a child process, steered through its control endpoints. */
interface SandboxProcess {
	url: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	child: ChildProcess;
}

async function startSandboxProcess(): Promise<SandboxProcess> {
	const child = fork(path.join(__dirname, '..', 'sandbox', 'cli.js'), [], {
		env: { ...process.env, SANDBOX_JSON: '1', SANDBOX_PORT: '0' },
		silent: true,
	});
	return await new Promise((resolve, reject) => {
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
			if (line) resolve({ ...(JSON.parse(line) as Omit<SandboxProcess, 'child'>), child });
		});
		child.once('exit', (code) => reject(new Error(`The sandbox stopped (${String(code)})`)));
	});
}

async function control(sandbox: SandboxProcess, action: string, body?: object): Promise<unknown> {
	const response = await fetch(`${sandbox.url}/__sandbox/${action}`, {
		method: body === undefined && action === 'log' ? 'GET' : 'POST',
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return response.status === 204 ? undefined : await response.json();
}

interface Measurement {
	seconds: number;
	/** CPU time of n8n's side: when it nears the wall time, the machine is the limit, not the network. */
	cpuSeconds: number;
	requests: number;
	peak: number;
	failed: number;
}

async function measureOnce(sandbox: SandboxProcess, latencyMs: number, node: INodeType, parameters: INodeParameters): Promise<Measurement> {
	await control(sandbox, 'reset', {});
	await control(sandbox, 'latency', { latencyMs });
	const started = process.hrtime.bigint();
	const cpuBefore = process.cpuUsage();
	const run = await runNode({
		node,
		credentialTypes: [new CegidLoopApi()],
		credentials: { cegidLoopApi: sandbox.credentials.cegidLoopApi },
		parameters,
		items: clientItems(),
		continueOnFail: true,
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const cpu = process.cpuUsage(cpuBefore);
	if (run.error) throw new Error(`The run failed: ${run.error.message}`);
	const log = ((await control(sandbox, 'log')) as LogEntry[]).filter((entry) => entry.service === 'cegidLoop');
	return {
		seconds,
		cpuSeconds: (cpu.user + cpu.system) / 1e6,
		requests: log.length,
		peak: Math.max(0, ...log.map((entry) => entry.inFlightAtArrival)),
		failed: run.json.filter((json) => json.error !== undefined).length,
	};
}

function median(runs: Measurement[]): Measurement {
	const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
	return sorted[Math.floor(sorted.length / 2)];
}

function row(label: string, measurement: Measurement): string {
	return [
		label.padEnd(38),
		`${measurement.seconds.toFixed(2)} s`.padStart(9),
		`${measurement.cpuSeconds.toFixed(2)} s`.padStart(9),
		String(measurement.requests).padStart(9),
		String(measurement.peak).padStart(10),
		String(measurement.failed).padStart(7),
	].join('  ');
}

async function main(): Promise<void> {
	const latencyMs = Number(process.env.CONCURRENCY_LATENCY_MS ?? 25);
	const sandbox = await startSandboxProcess();
	try {
		console.log(`Cegid Loop Client → Add, ${ITEMS} items, ${latencyMs} ms per request, median of ${REPEATS}, Node ${process.version}`);
		const settings: Array<{ label: string; node: () => INodeType; parameters: INodeParameters }> = [
			{ label: 'every item at once (HTTP Request node)', node: () => new EveryItemAtOnce(), parameters: clientFields },
			...SETTINGS.map((setting) => ({
				label: `Max Concurrent Requests ${setting}`,
				node: () => new CegidLoop(),
				parameters: { ...addClient, options: { maxConcurrentRequests: setting } },
			})),
		];
		// Round after round over every setting, so that a busy spell of the machine hits them alike.
		const runs = settings.map((): Measurement[] => []);
		for (let repeat = 0; repeat < REPEATS; repeat++) {
			for (const [index, setting] of settings.entries()) {
				runs[index].push(await measureOnce(sandbox, latencyMs, setting.node(), setting.parameters));
			}
		}
		console.log(['setting'.padEnd(38), 'time'.padStart(9), 'CPU'.padStart(9), 'requests'.padStart(9), 'in flight'.padStart(10), 'failed'.padStart(7)].join('  '));
		for (const [index, setting] of settings.entries()) console.log(row(setting.label, median(runs[index])));
	} finally {
		sandbox.child.kill();
	}
}

void main();
