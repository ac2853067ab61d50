/**
 * n8n as a team runs it once one process is not enough: queue mode, with a main process (editor,
 * webhooks, triggers), workers that run the executions, PostgreSQL shared by all of them and Redis
 * as the queue. Or, for comparison, one regular process on the same PostgreSQL.
 *
 * Every process has its own user folder with the package installed the way n8n installs a
 * community package: a worker without it fails with "Unrecognized node type". Everything listens
 * on 127.0.0.1 on free ports, and everything (processes and data) is gone after `stop()`, also
 * when the caller is interrupted.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';

import { N8nInstance, N8nServer } from '../n8n';
import type { N8nCredential, WorkflowFile } from '../n8n';
import { installPackage } from '../package';
import { start } from '../processes';
import type { LongRunning } from '../processes';
import { freePort, requireRuntime } from '../runtime';
import { ClusterClient } from './client';
import type { ClusterProcess, ClusterState } from './client';
import { startQueueServices } from './services';
import type { QueueServices } from './services';

export const OWNER = { email: 'queue@example.com', password: 'Queue-suite-1', firstName: 'Queue', lastName: 'Suite' };

export interface ClusterOptions {
	/** A folder of the caller's for everything of this cluster; it is removed by `stop()`. */
	workDir: string;
	/** The packed package (`npm pack`), installed into every process's user folder. */
	tarball: string;
	/** `queue`: main + workers + Redis; `regular`: one n8n process that runs everything itself. */
	mode: 'queue' | 'regular';
	workers?: number;
	/** How many executions each worker runs at once (`n8n worker --concurrency`). */
	concurrency?: number;
	credentials: N8nCredential[];
	workflows: WorkflowFile[];
	/** Workflows to activate before the start (webhooks, schedules). */
	publish?: string[];
	/** More settings for every process. */
	env?: Record<string, string>;
	log?: (line: string) => void;
}

export interface RunningCluster {
	state: ClusterState;
	client: ClusterClient;
	/** The process ids of everything started (each leads its own process group). */
	pids(): number[];
	stop(): Promise<void>;
}

/**
 * Everything started and not stopped yet. A Ctrl-C, a `kill` or a crash does not run the callers'
 * `finally`: these handlers stop every process of the cluster and remove its folder on the way out.
 * Besides the servers, a cluster's processes are the `n8n` commands run on it (imports): every one
 * works in, or names, the cluster's folder, which is what finds them.
 */
const live = new Set<{ pids: () => number[]; workDir: string }>();
let handlersInstalled = false;

function installExitHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	const cleanUp = (): void => {
		for (const cluster of live) {
			const pids = new Set([...cluster.pids(), ...processesUsing(cluster.workDir)]);
			for (const pid of pids) {
				for (const target of [-pid, pid]) {
					try {
						process.kill(target, 'SIGKILL');
					} catch {
						// Already gone.
					}
				}
			}
			waitUntilGone([...pids], 10_000);
			try {
				rmSync(cluster.workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
			} catch (error) {
				console.error(`Could not remove ${cluster.workDir}: ${error instanceof Error ? error.message : String(error)}`);
			}
		}
		live.clear();
	};
	process.once('exit', cleanUp);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			cleanUp();
			process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	}
}

/** The processes (other than this one) whose working folder or command line is inside `dir`. */
function processesUsing(dir: string): number[] {
	const found: number[] = [];
	for (const entry of readdirSync('/proc')) {
		const pid = Number(entry);
		if (!Number.isInteger(pid) || pid === process.pid) continue;
		try {
			const cwd = readlinkSync(`/proc/${pid}/cwd`);
			const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (cwd === dir || cwd.startsWith(`${dir}/`) || commandLine.includes(dir)) found.push(pid);
		} catch {
			// Ended meanwhile, or not ours to read.
		}
	}
	return found;
}

/** Waits, blocking (exit handlers cannot wait otherwise), until none of `pids` runs any more. */
function waitUntilGone(pids: number[], timeoutMs: number): void {
	const deadline = Date.now() + timeoutMs;
	const running = (pid: number): boolean => {
		try {
			// A process that ended but was not collected yet ("zombie") holds nothing any more.
			return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
		} catch {
			return false;
		}
	};
	while (pids.some(running) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
}

/** Starts the whole cluster; on any failure, stops what it started before throwing. */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
	const log = options.log ?? (() => undefined);
	const runtime = requireRuntime();
	installExitHandlers();
	mkdirSync(options.workDir, { recursive: true });

	const processes: Array<{ info: ClusterProcess; child: LongRunning; logFile: WriteStream }> = [];
	let services: QueueServices | undefined;
	const entry = {
		workDir: options.workDir,
		pids: () => [...processes.map((process) => process.child.pid), ...(services?.pids() ?? [])],
	};
	live.add(entry);

	const stop = async (): Promise<void> => {
		// Workers first (they finish what they run), then main, then the database and the queue.
		for (const process of [...processes].reverse()) {
			await process.child.stop(30_000);
			await new Promise<void>((resolve) => process.logFile.end(resolve));
		}
		await services?.stop();
		rmSync(options.workDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
		live.delete(entry);
	};

	try {
		const started = Date.now();
		services = await startQueueServices(options.workDir);
		log(`PostgreSQL on port ${services.postgres.port}, Redis on port ${services.redis.port} (${Date.now() - started} ms)`);

		const template = join(options.workDir, 'template');
		mkdirSync(template, { recursive: true });
		await installPackage(template, options.tarball);

		const shared = { ...sharedEnv(options.mode, services), ...options.env };
		const main = await N8nInstance.create(join(options.workDir, 'main'), template);
		const cli = async (args: string[]): Promise<void> => {
			const result = await main.cli(args, { env: shared, timeoutMs: 300_000 });
			if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		};
		// The first command against the empty database creates n8n's tables (about 6 s).
		await cli(['import:credentials', `--input=${writeJson(options.workDir, 'credentials.json', options.credentials)}`]);
		await cli(['import:workflow', `--input=${writeJson(options.workDir, 'workflows.json', options.workflows)}`]);
		for (const id of options.publish ?? []) await cli(['publish:workflow', `--id=${id}`]);
		log(`database ready, ${options.workflows.length} workflows imported (${Date.now() - started} ms)`);

		const logsDir = join(options.workDir, 'logs');
		mkdirSync(logsDir, { recursive: true });
		const launch = (info: ClusterProcess, command: string, args: string[], env: NodeJS.ProcessEnv): LongRunning => {
			const logFile = createWriteStream(info.logFile);
			const child = start(command, args, { cwd: info.userFolder, env, onLine: (line) => logFile.write(`${line}\n`) });
			processes.push({ info: { ...info, pid: child.pid }, child, logFile });
			return child;
		};

		const mainPort = await freePort();
		const mainInfo: ClusterProcess = {
			name: 'main',
			role: 'main',
			userFolder: main.userFolder,
			logFile: join(logsDir, 'main.log'),
			pid: 0,
		};
		const mainChild = launch(mainInfo, runtime.node, [runtime.n8n, 'start'], main.env(shared, mainPort));
		const url = `http://127.0.0.1:${mainPort}`;
		await waitFor('main', mainChild, 180_000, async () => {
			if (!mainChild.output().includes('Editor is now accessible via')) return false;
			const response = await fetch(`${url}/healthz/readiness`).catch(() => undefined);
			return response?.ok === true;
		});
		// n8n 2.41 registers the webhooks of published workflows shortly after it says it is ready
		// (through its publication queue); until then a call gets 404. Its record of them is the
		// webhook_entity table.
		const webhookWorkflows = options.workflows
			.filter((workflow) => options.publish?.includes(workflow.id))
			.filter((workflow) => workflow.nodes.some((node) => node.type === 'n8n-nodes-base.webhook'))
			.map((workflow) => workflow.id);
		await waitFor('main', mainChild, 120_000, async () => {
			const registered = await services!.sql('SELECT DISTINCT "workflowId" FROM webhook_entity');
			return webhookWorkflows.every((id) => registered.includes(id));
		});
		log(`main ready on ${url}, webhooks registered (${Date.now() - started} ms)`);

		const workers: ClusterProcess[] = [];
		if (options.mode === 'queue') {
			const separateHostnames = canUseOwnHostname();
			await Promise.all(
				Array.from({ length: options.workers ?? 2 }, async (_, index) => {
					const name = `worker-${index + 1}`;
					const instance = await N8nInstance.create(join(options.workDir, name), template);
					const healthPort = await freePort();
					const env = instance.env(
						{
							...shared,
							QUEUE_HEALTH_CHECK_ACTIVE: 'true',
							QUEUE_HEALTH_CHECK_PORT: String(healthPort),
							N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						},
						await freePort(),
					);
					const info: ClusterProcess = { name, role: 'worker', userFolder: instance.userFolder, logFile: join(logsDir, `${name}.log`), pid: 0 };
					const workerArgs = [runtime.n8n, 'worker', `--concurrency=${options.concurrency ?? 5}`];
					// Inside a container n8n names a worker after the machine's hostname, so two workers on
					// one machine would share one id; a hostname of its own (a UTS namespace) keeps them apart.
					const child = separateHostnames
						? launch(info, 'unshare', ['--uts', '--', 'sh', '-c', 'hostname "$0" && exec "$@"', name, runtime.node, ...workerArgs], env)
						: launch(info, runtime.node, workerArgs, env);
					await waitFor(name, child, 180_000, async () => {
						if (!child.output().includes('n8n worker is now ready')) return false;
						const response = await fetch(`http://127.0.0.1:${healthPort}/healthz/readiness`).catch(() => undefined);
						return response?.ok === true;
					});
					workers.push(info);
				}),
			);
			workers.sort((a, b) => a.name.localeCompare(b.name));
			log(`${workers.length} workers ready (${Date.now() - started} ms)`);
		}

		const cookie = await new N8nServer(url, mainChild).setupOwner(OWNER);
		const state: ClusterState = {
			mode: options.mode,
			url,
			cookie,
			workDir: options.workDir,
			postgres: services.postgres,
			cliEnv: shared,
			processes: processes.map((process) => ({ ...process.info })),
			workers: workers.map((worker) => worker.name),
		};
		return { state, client: new ClusterClient(state), pids: entry.pids, stop };
	} catch (error) {
		const logs = processes.map((process) => `--- ${process.info.name} ---\n${process.child.output().slice(-4000)}`).join('\n');
		await stop();
		throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}`);
	}
}

/** The settings every process of the cluster shares: one database, one queue, one encryption key. */
function sharedEnv(mode: 'queue' | 'regular', services: QueueServices): Record<string, string> {
	const env: Record<string, string> = {
		EXECUTIONS_MODE: mode,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: services.postgres.host,
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_DATABASE: services.postgres.database,
		DB_POSTGRESDB_USER: services.postgres.user,
		DB_POSTGRESDB_PASSWORD: services.postgres.password,
	};
	if (mode === 'queue') {
		Object.assign(env, {
			QUEUE_BULL_REDIS_HOST: services.redis.host,
			QUEUE_BULL_REDIS_PORT: String(services.redis.port),
			// Without it the main runs the editor's "Execute workflow" itself instead of queueing it.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// Files an execution produces are stored in PostgreSQL, which every process reaches; this is
			// n8n's default in queue mode, set here so that the suite says what it relies on.
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		});
	}
	return env;
}

/** Whether this process may give a child its own hostname (`unshare --uts` needs root). */
function canUseOwnHostname(): boolean {
	try {
		execFileSync('unshare', ['--uts', '--', 'true'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

async function waitFor(name: string, child: LongRunning, timeoutMs: number, isReady: () => Promise<boolean>): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (!child.isRunning()) throw new Error(`n8n ${name} exited before it was ready`);
		if (await isReady()) return;
		if (Date.now() > deadline) throw new Error(`n8n ${name} was not ready after ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

function writeJson(dir: string, name: string, content: unknown): string {
	const file = join(dir, name);
	writeFileSync(file, JSON.stringify(content, null, '\t'));
	return file;
}

/**
 * What is still there after `stop()`: a process of a group we started, a process whose command line
 * names the work folder (PostgreSQL's does), or the folder itself. Waits a little for the system to
 * collect processes that have just ended. Empty when all is gone.
 */
export async function leftovers(pids: number[], workDir: string, waitMs = 15_000): Promise<string[]> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const found: string[] = [];
		for (const pid of pids) found.push(...pgrep(['-a', '-g', String(pid)]));
		found.push(...pgrep(['-a', '-f', workDir]));
		if (existsSync(workDir)) found.push(`folder ${workDir}`);
		if (found.length === 0 || Date.now() > deadline) return [...new Set(found)];
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

function pgrep(args: string[]): string[] {
	try {
		return execFileSync('pgrep', args, { encoding: 'utf8' })
			.split('\n')
			.filter(Boolean)
			.map((line) => `process ${line}`);
	} catch {
		return []; // pgrep exits with 1 when nothing matches
	}
}
