/**
 * The resident memory of another process over time, read from Linux's /proc/<pid>/status. The
 * sampling runs in a worker thread: the benchmark's own thread also serves the sandbox, and while
 * it takes in a 50 MB upload it could not keep a steady beat.
 */
import { Worker } from 'node:worker_threads';

export interface MemorySample {
	/** Epoch milliseconds. */
	at: number;
	/** Resident set size (VmRSS), bytes. */
	rss: number;
}

const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const samples = [];
const read = () => {
	try {
		const status = readFileSync('/proc/' + workerData.pid + '/status', 'utf8');
		const rss = /^VmRSS:\\s+(\\d+) kB/m.exec(status);
		if (rss) samples.push({ at: Date.now(), rss: Number(rss[1]) * 1024 });
	} catch {
		// The process has ended.
	}
};
read();
const timer = setInterval(read, workerData.intervalMs);
parentPort.once('message', () => {
	clearInterval(timer);
	parentPort.postMessage(samples);
});
`;

export class MemorySampler {
	private readonly worker: Worker;

	constructor(pid: number, intervalMs = 10) {
		this.worker = new Worker(SAMPLER, { eval: true, workerData: { pid, intervalMs } });
	}

	/** Stops sampling and returns every sample, oldest first. */
	async stop(): Promise<MemorySample[]> {
		const samples = new Promise<MemorySample[]>((resolve, reject) => {
			this.worker.once('message', (message: MemorySample[]) => resolve(message));
			this.worker.once('error', reject);
		});
		this.worker.postMessage('stop');
		const result = await samples;
		await this.worker.terminate();
		return result;
	}
}

/**
 * How much the memory grew while a node ran: the highest sample between its start and its end,
 * less the last sample before it started. Undefined when no sample fell inside.
 */
export function growthDuring(samples: MemorySample[], start: number, end: number): { baseline: number; peak: number } | undefined {
	const before = samples.filter((sample) => sample.at <= start);
	const during = samples.filter((sample) => sample.at > start && sample.at <= end);
	if (before.length === 0 || during.length === 0) return undefined;
	const baseline = before[before.length - 1].rss;
	return { baseline, peak: Math.max(baseline, ...during.map((sample) => sample.rss)) };
}
