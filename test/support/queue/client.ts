/**
 * Talking to a running cluster from any process (a test file, the measurement): its REST API as the
 * owner, its PostgreSQL, and the records each n8n process keeps in its own folder. Everything it
 * needs is in `ClusterState`, which is plain JSON.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { ExecutionRun, N8nCredential } from '../n8n';
import { run } from '../processes';
import { freePort, n8nEnv, requireRuntime } from '../runtime';
import { psql } from './services';
import type { PostgresConnection } from './services';

export interface ClusterProcess {
	/** `main`, `worker-1`, `worker-2`, … */
	name: string;
	role: 'main' | 'worker';
	userFolder: string;
	/** Everything the process printed. */
	logFile: string;
	pid: number;
}

export interface ClusterState {
	mode: 'queue' | 'regular';
	/** The main process (the only one in regular mode). */
	url: string;
	/** The owner's session cookie for the REST API the editor uses. */
	cookie: string;
	workDir: string;
	postgres: PostgresConnection;
	/** The settings an `n8n` command needs to work on this cluster's database. */
	cliEnv: Record<string, string>;
	processes: ClusterProcess[];
	/** The workers' names, in order. */
	workers: string[];
}

/** One row of n8n's `execution_entity` table. */
export interface ExecutionRecord {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	createdAt: Date;
	startedAt?: Date;
	stoppedAt?: Date;
}

const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

export class ClusterClient {
	constructor(readonly state: ClusterState) {}

	/** A call to n8n's REST API as the owner; the answer's `data`. */
	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.state.url}/rest${path}`, {
			method,
			headers: { Cookie: this.state.cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`n8n answered ${method} /rest${path} with ${response.status}: ${text.slice(0, 2000)}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	/** "Execute workflow" from the editor, starting at `trigger`; returns the execution's id. */
	async runManually(workflowId: string, trigger: string): Promise<string> {
		const result = await this.rest<{ executionId?: string }>('POST', `/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: trigger },
		});
		if (!result.executionId) throw new Error(`n8n did not start workflow ${workflowId}: ${JSON.stringify(result)}`);
		return String(result.executionId);
	}

	/** Activates (publishes) a workflow with a trigger while n8n runs. */
	async activate(workflowId: string): Promise<void> {
		const workflow = await this.rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
	}

	async sql(statement: string): Promise<string[]> {
		return await psql(this.state.postgres, statement);
	}

	/** n8n's own record of the executions, oldest first; only of `workflowId` when given. */
	async executions(workflowId?: string): Promise<ExecutionRecord[]> {
		const where = workflowId === undefined ? '' : `WHERE "workflowId" = '${workflowId.replace(/'/g, "''")}'`;
		const epochMs = (column: string): string => `(extract(epoch from "${column}") * 1000)::bigint`;
		const rows = await this.sql(
			`SELECT id, "workflowId", status, mode, ${epochMs('createdAt')}, ${epochMs('startedAt')}, ${epochMs('stoppedAt')} FROM execution_entity ${where} ORDER BY id`,
		);
		return rows.map((row) => {
			const [id, workflow, status, mode, createdAt, startedAt, stoppedAt] = row.split('|');
			const date = (value: string): Date | undefined => (value === '' ? undefined : new Date(Number(value)));
			return { id, workflowId: workflow, status, mode, createdAt: date(createdAt)!, startedAt: date(startedAt), stoppedAt: date(stoppedAt) };
		});
	}

	/**
	 * Waits until `count` executions of `workflowId` exist and all have finished (or until `ids`
	 * have finished); returns their records. Fails with the statuses seen when time is up.
	 */
	async waitForExecutions(filter: { workflowId?: string; count?: number; ids?: string[] }, timeoutMs: number): Promise<ExecutionRecord[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const all = await this.executions(filter.workflowId);
			const wanted = filter.ids ? all.filter((record) => filter.ids!.includes(record.id)) : all;
			const expected = filter.ids?.length ?? filter.count ?? wanted.length;
			if (wanted.length >= expected && wanted.every((record) => FINISHED.has(record.status))) return wanted;
			if (Date.now() > deadline) {
				const statuses: Record<string, number> = {};
				for (const record of wanted) statuses[record.status] = (statuses[record.status] ?? 0) + 1;
				throw new Error(`After ${timeoutMs / 1000} s, ${wanted.length} of ${expected} executions exist: ${JSON.stringify(statuses)}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}

	/** The run data of an execution as the editor shows it. */
	async executionRun(id: string): Promise<ExecutionRun> {
		const execution = await this.rest<{ data: string; status: string; finished: boolean }>('GET', `/executions/${id}`);
		// n8n stores and sends run data in the `flatted` format (JSON with references); its own copy reads it.
		const flatted = createRequire(join(requireRuntime().dir, 'n8n', 'node_modules', 'n8n', 'package.json'))('flatted') as {
			parse(text: string): unknown;
		};
		const data = flatted.parse(execution.data) as ExecutionRun['data'];
		return { status: execution.status, finished: execution.finished, data };
	}

	/**
	 * Every file in a run's output, fetched once, so that checks can read them synchronously (as
	 * they read the files of a single n8n from its user folder).
	 */
	async binaryReader(run: ExecutionRun): Promise<{ readBinary(binary: Record<string, unknown>): Buffer }> {
		const files = new Map<string, Buffer>();
		for (const nodeRuns of Object.values(run.data.resultData.runData)) {
			for (const nodeRun of nodeRuns) {
				for (const items of nodeRun.data?.main ?? []) {
					for (const item of items ?? []) {
						for (const binary of Object.values(item.binary ?? {})) {
							const id = String(binary.id ?? '');
							if (id !== '' && !files.has(id)) files.set(id, await this.binary(binary));
						}
					}
				}
			}
		}
		return {
			readBinary: (binary) => {
				const file = files.get(String(binary.id ?? ''));
				if (!file) throw new Error(`No file ${String(binary.id)} in the run's output`);
				return file;
			},
		};
	}

	/** The bytes of a file in an execution's output, through n8n's binary-data endpoint. */
	async binary(item: Record<string, unknown>): Promise<Buffer> {
		const id = String(item.id ?? '');
		const response = await fetch(`${this.state.url}/rest/binary-data?${new URLSearchParams({ id, action: 'download' })}`, {
			headers: { Cookie: this.state.cookie },
		});
		if (!response.ok) throw new Error(`n8n answered ${response.status} for the file ${id}`);
		return Buffer.from(await response.arrayBuffer());
	}

	/**
	 * Which process took each execution from the queue, from the `n8n.queue.job.dequeued` events in
	 * each process's event log: execution id → the names of the processes (one when all is well).
	 */
	dequeuedBy(): Map<string, string[]> {
		const byExecution = new Map<string, string[]>();
		for (const process of this.state.processes) {
			for (const event of eventLog(process.userFolder)) {
				if (event.eventName !== 'n8n.queue.job.dequeued') continue;
				const id = String(event.payload?.executionId ?? '');
				byExecution.set(id, [...(byExecution.get(id) ?? []), process.name]);
			}
		}
		return byExecution;
	}

	/** Waits until every execution of `ids` shows up in a process's event log (n8n writes it in batches). */
	async waitForDequeued(ids: string[], timeoutMs = 60_000): Promise<Map<string, string[]>> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const byExecution = this.dequeuedBy();
			if (ids.every((id) => byExecution.has(id)) || Date.now() > deadline) return byExecution;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}

	/** Everything a process of the cluster printed so far. */
	output(name: string): string {
		const process = this.state.processes.find((candidate) => candidate.name === name);
		return process && existsSync(process.logFile) ? readFileSync(process.logFile, 'utf8') : '';
	}

	/** Replaces the stored credentials (and so the tokens they hold) with these, as `n8n import:credentials`. */
	async importCredentials(credentials: N8nCredential[]): Promise<void> {
		const { node, n8n } = requireRuntime();
		const main = this.state.processes.find((process) => process.role === 'main')!;
		const file = join(this.state.workDir, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		const result = await run(node, [n8n, 'import:credentials', `--input=${file}`], {
			cwd: main.userFolder,
			env: n8nEnv({ userFolder: main.userFolder, brokerPort: await freePort(), extra: this.state.cliEnv }),
			timeoutMs: 180_000,
		});
		rmSync(file, { force: true });
		if (result.code !== 0 || !/Successfully imported \d+ credential/.test(result.stdout + result.stderr)) {
			throw new Error(`n8n import:credentials failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
		}
	}
}

interface EventLogEntry {
	eventName?: string;
	payload?: Record<string, unknown>;
}

/** The events of n8n's event log files in a user folder (`n8nEventLog*.log`, one JSON per line). */
function eventLog(userFolder: string): EventLogEntry[] {
	const folder = join(userFolder, '.n8n');
	if (!existsSync(folder)) return [];
	const events: EventLogEntry[] = [];
	for (const name of readdirSync(folder).filter((file) => /^n8nEventLog.*\.log$/.test(file))) {
		for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
			if (!line.startsWith('{')) continue;
			try {
				events.push(JSON.parse(line) as EventLogEntry);
			} catch {
				// A line being written right now.
			}
		}
	}
	return events;
}
