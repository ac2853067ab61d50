/**
 * Child processes that never outlive their caller. n8n starts a task runner of its own, so every
 * child gets its own process group and is stopped as a group: stopping only n8n would leave the
 * runner behind.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	timeoutMs?: number;
	/** Called with the child's process id once it runs (the benchmark samples its memory). */
	onSpawn?: (pid: number) => void;
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
	timedOut: boolean;
}

const running = new Set<ChildProcess>();

// Last resort when the caller exits without stopping what it started (a crash, a test timeout):
// 'exit' handlers may only do synchronous work, and a kill is synchronous.
process.once('exit', () => {
	for (const child of running) killGroup(child, 'SIGKILL');
});

/** Runs a command to its end and collects its output; a timeout kills its whole process group. */
export async function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
	const started = Date.now();
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	if (child.pid !== undefined) options.onSpawn?.(child.pid);
	const stdout: Buffer[] = [];
	const stderr: Buffer[] = [];
	child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
	child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
	let timedOut = false;
	const timer =
		options.timeoutMs === undefined
			? undefined
			: setTimeout(() => {
					timedOut = true;
					killGroup(child, 'SIGKILL');
				}, options.timeoutMs);
	const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
	}).finally(() => {
		if (timer) clearTimeout(timer);
		running.delete(child);
	});
	return {
		code,
		signal,
		stdout: Buffer.concat(stdout).toString('utf8'),
		stderr: Buffer.concat(stderr).toString('utf8'),
		ms: Date.now() - started,
		timedOut,
	};
}

export interface LongRunning {
	pid: number;
	/** Everything it printed so far, stdout and stderr interleaved. */
	output(): string;
	exited: Promise<number | null>;
	isRunning(): boolean;
	/** SIGTERM to the group, SIGKILL after the grace period; resolves once it is gone. */
	stop(graceMs?: number): Promise<void>;
}

/** Starts a server-like process; `onLine` sees each line it prints. */
export function start(
	command: string,
	args: string[],
	options: RunOptions & { onLine?: (line: string) => void } = {},
): LongRunning {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	let output = '';
	let pending = '';
	const onData = (chunk: Buffer): void => {
		const text = chunk.toString('utf8');
		output += text;
		// Keep the tail only: a server running for hours must not grow without bound.
		if (output.length > 2_000_000) output = output.slice(-1_000_000);
		if (!options.onLine) return;
		pending += text;
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const line of lines) options.onLine(line);
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let alive = true;
	const exited = new Promise<number | null>((resolve) => {
		child.once('error', () => resolve(null));
		child.once('close', (code) => {
			alive = false;
			running.delete(child);
			resolve(code);
		});
	});
	return {
		pid: child.pid ?? -1,
		output: () => output,
		exited,
		isRunning: () => alive,
		async stop(graceMs = 15_000): Promise<void> {
			if (!alive) return;
			killGroup(child, 'SIGTERM');
			const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
			await exited;
			clearTimeout(timer);
			// n8n waits for its task runner, but a runner that hangs must not survive it.
			killGroup(child, 'SIGKILL');
		},
	};
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The group is already gone.
	}
}
