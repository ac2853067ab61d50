/**
 * Driving a real n8n from outside, the way a person would from a terminal: one user folder per
 * instance, the `n8n` CLI for imports and headless runs, and `n8n start` for the server.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { run, start } from './processes';
import type { LongRunning, RunResult } from './processes';
import { freePort, n8nEnv, requireRuntime } from './runtime';

/** A credential as `n8n import:credentials` reads it; plain `data` is encrypted on import. */
export interface N8nCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** What n8n records of an installed community package and its nodes. */
export interface InstalledPackageRecord {
	packageName: string;
	version: string;
	authorName?: string;
	authorEmail?: string;
	/** Each node's display name, type (`<package>.<name>`) and version. */
	nodes: Array<{ name: string; type: string; version: number }>;
}

/** The same rows as n8n's InstalledPackagesRepository.persistPackageWithNodes, in one transaction. */
const RECORD_PACKAGE_SCRIPT = `
const { DatabaseSync } = require('node:sqlite');
const [database, json] = process.argv.slice(1);
const record = JSON.parse(json);
const db = new DatabaseSync(database);
const now = "STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')";
db.exec('BEGIN');
db.prepare('DELETE FROM installed_nodes WHERE package = ?').run(record.packageName);
db.prepare('DELETE FROM installed_packages WHERE packageName = ?').run(record.packageName);
db.prepare('INSERT INTO installed_packages (packageName, installedVersion, authorName, authorEmail, createdAt, updatedAt) VALUES (?, ?, ?, ?, ' + now + ', ' + now + ')')
	.run(record.packageName, record.version, record.authorName ?? null, record.authorEmail ?? null);
const insertNode = db.prepare('INSERT INTO installed_nodes (name, type, latestVersion, package) VALUES (?, ?, ?, ?)');
for (const node of record.nodes) insertNode.run(node.name, node.type, node.version, record.packageName);
db.exec('COMMIT');
db.close();
`;

/** The part of a workflow JSON file the tools here look at. */
export interface WorkflowFile {
	id: string;
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		parameters?: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface RunItem {
	json: Record<string, unknown>;
	binary?: Record<string, { mimeType?: string; fileName?: string; fileSize?: string; [key: string]: unknown }>;
	pairedItem?: unknown;
}

export interface NodeRun {
	executionStatus?: string;
	/** When the node started (epoch ms) and how long it ran (ms), as n8n measured it. */
	startTime?: number;
	executionTime?: number;
	error?: { message?: string; description?: string; httpCode?: string; [key: string]: unknown };
	data?: { main?: Array<RunItem[] | null> };
}

/** What `n8n execute --rawOutput` prints: the run as n8n stores it. */
export interface ExecutionRun {
	status?: string;
	finished?: boolean;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string; node?: { name?: string } };
		};
	};
}

export interface ExecuteResult {
	ok: boolean;
	run?: ExecutionRun;
	/** The first error message n8n reported, when the run failed. */
	error?: string;
	ms: number;
	stdout: string;
	stderr: string;
}

export class N8nCommandError extends Error {
	constructor(
		message: string,
		readonly result: RunResult,
	) {
		super(`${message}\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`);
	}
}

/**
 * One n8n instance: a user folder (database, installed packages, settings) and the task-broker
 * port its processes use. Copying a prepared folder is how a test gets a fresh instance quickly.
 */
export class N8nInstance {
	private constructor(
		readonly userFolder: string,
		readonly brokerPort: number,
	) {}

	/** A new instance in `userFolder`, copied from `template` when given (the folder is emptied first). */
	static async create(userFolder: string, template?: string): Promise<N8nInstance> {
		rmSync(userFolder, { recursive: true, force: true });
		if (template) cpSync(template, userFolder, { recursive: true, verbatimSymlinks: true });
		else mkdirSync(userFolder, { recursive: true });
		return new N8nInstance(userFolder, await freePort());
	}

	/** Where n8n keeps its own files: `<user folder>/.n8n`. */
	get n8nFolder(): string {
		return join(this.userFolder, '.n8n');
	}

	env(extra: Record<string, string> = {}, port?: number): NodeJS.ProcessEnv {
		return n8nEnv({ userFolder: this.userFolder, brokerPort: this.brokerPort, port, extra });
	}

	/** Runs `n8n <args>` to its end. */
	async cli(
		args: string[],
		options: { timeoutMs?: number; env?: Record<string, string>; onSpawn?: (pid: number) => void } = {},
	): Promise<RunResult> {
		const { node, n8n } = requireRuntime();
		return await run(node, [n8n, ...args], {
			cwd: this.userFolder,
			env: this.env(options.env),
			timeoutMs: options.timeoutMs ?? 180_000,
			onSpawn: options.onSpawn,
		});
	}

	async importCredentials(credentials: N8nCredential[]): Promise<void> {
		const file = this.scratchFile('credentials.json', credentials);
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		if (result.code !== 0 || !/Successfully imported \d+ credential/.test(result.stdout + result.stderr)) {
			throw new N8nCommandError('n8n import:credentials failed', result);
		}
	}

	async importWorkflows(workflows: WorkflowFile[]): Promise<void> {
		// A file exported from n8n carries a versionId; n8n 2.0's import needs one (2.41 makes one up).
		const file = this.scratchFile(
			'workflows.json',
			workflows.map((workflow) => ({ versionId: randomUUID(), ...workflow })),
		);
		const result = await this.cli(['import:workflow', `--input=${file}`]);
		const imported = /Successfully imported (\d+) workflow/.exec(result.stdout + result.stderr);
		if (result.code !== 0 || !imported || Number(imported[1]) !== workflows.length) {
			throw new N8nCommandError(`n8n import:workflow did not import all ${workflows.length} workflows`, result);
		}
	}

	/**
	 * Writes n8n's own record of the installed package (the `installed_packages` and `installed_nodes`
	 * rows that n8n writes when a person installs it from Settings → Community Nodes), so that the
	 * settings page lists it. n8n can only install from the registry, where this build is not; the
	 * package itself is already on disk. Runs n8n's Node with its built-in SQLite, once the database
	 * exists (after the first import).
	 */
	async recordInstalledPackage(record: InstalledPackageRecord): Promise<void> {
		const { node } = requireRuntime();
		const database = join(this.n8nFolder, 'database.sqlite');
		if (!existsSync(database)) throw new Error(`No n8n database yet in ${this.n8nFolder}: import something first`);
		const result = await run(node, ['--no-warnings', '-e', RECORD_PACKAGE_SCRIPT, database, JSON.stringify(record)], {
			timeoutMs: 30_000,
		});
		if (result.code !== 0) throw new N8nCommandError('Recording the installed package in n8n\'s database failed', result);
	}

	/** Activates a workflow with a trigger (a webhook) for the next `n8n start`. */
	async publish(workflowId: string): Promise<void> {
		const result = await this.cli(['publish:workflow', `--id=${workflowId}`]);
		if (result.code !== 0) throw new N8nCommandError(`n8n publish:workflow --id=${workflowId} failed`, result);
	}

	/**
	 * `n8n execute --id=… --rawOutput`: runs the workflow from its Manual Trigger, headless.
	 * `onSpawn` gets the id of the n8n process that runs the nodes.
	 */
	async execute(
		workflowId: string,
		options: { timeoutMs?: number; env?: Record<string, string>; onSpawn?: (pid: number) => void } = {},
	): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			timeoutMs: options.timeoutMs ?? 180_000,
			env: options.env,
			onSpawn: options.onSpawn,
		});
		const run = parseRunOutput(result.stdout);
		const runError = run?.data.resultData.error;
		const ok = result.code === 0 && run !== undefined && !runError;
		return {
			ok,
			run,
			error: ok
				? undefined
				: (runError?.message ?? firstErrorLine(result) ?? `n8n execute exited with ${String(result.code)}`),
			ms: result.ms,
			stdout: result.stdout,
			stderr: result.stderr,
		};
	}

	/**
	 * `n8n start` on `port`; resolves once the server is ready for everything: its readiness check
	 * answers before the published workflows' webhooks are registered, so it also waits for the
	 * line n8n prints after that ("Editor is now accessible via").
	 */
	async startServer(port: number, options: { timeoutMs?: number; onLine?: (line: string) => void } = {}): Promise<N8nServer> {
		const { node, n8n } = requireRuntime();
		const child = start(node, [n8n, 'start'], {
			cwd: this.userFolder,
			env: this.env({}, port),
			onLine: options.onLine,
		});
		const url = `http://127.0.0.1:${port}`;
		const deadline = Date.now() + (options.timeoutMs ?? 120_000);
		while (Date.now() < deadline) {
			if (!child.isRunning()) {
				throw new Error(`n8n start exited before it was ready:\n${tail(child.output())}`);
			}
			try {
				const response = await fetch(`${url}/healthz/readiness`);
				if (response.ok && child.output().includes('Editor is now accessible via')) return new N8nServer(url, child);
			} catch {
				// Not listening yet.
			}
			await sleep(250);
		}
		await child.stop();
		throw new Error(`n8n start was not ready after ${options.timeoutMs ?? 120_000} ms:\n${tail(child.output())}`);
	}

	/** The bytes of a binary item that n8n keeps on disk (its `id` is `filesystem-v2:<path>`). */
	readBinary(binary: Record<string, unknown>): Buffer {
		const id = String(binary.id ?? '');
		const match = /^filesystem(?:-v2)?:(.+)$/.exec(id);
		if (!match) throw new Error(`Not a binary that n8n keeps on disk: "${id}"`);
		// n8n 2.41 keeps binary data under storage/; older ones (2.0) under binaryData/.
		const folder = ['storage', 'binaryData'].map((name) => join(this.n8nFolder, name)).find((path) => existsSync(join(path, match[1])));
		return readFileSync(join(folder ?? join(this.n8nFolder, 'storage'), match[1]));
	}

	remove(): void {
		rmSync(this.userFolder, { recursive: true, force: true });
	}

	private scratchFile(name: string, content: unknown): string {
		const dir = join(this.userFolder, 'import');
		if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
		const file = join(dir, name);
		writeFileSync(file, JSON.stringify(content, null, '\t'));
		return file;
	}
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export class N8nServer {
	constructor(
		readonly url: string,
		readonly process: LongRunning,
	) {}

	/**
	 * Creates the instance owner the way n8n's setup page does (`POST /rest/owner/setup`, open to
	 * anyone until an owner exists); afterwards the editor asks for this login.
	 */
	async setupOwner(owner: Owner): Promise<string> {
		const response = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(owner),
		});
		if (!response.ok) {
			throw new Error(`n8n refused the owner set-up (${response.status}): ${await response.text()}`);
		}
		// n8n signs the new owner in: the cookie lets a caller use the editor's REST API as them.
		return response.headers
			.getSetCookie()
			.map((cookie) => cookie.split(';')[0])
			.join('; ');
	}

	async stop(): Promise<void> {
		await this.process.stop();
	}
}

/**
 * `--rawOutput` still mixes log lines into stdout; the run's JSON is the block from the first line
 * that is exactly `{` to the last line that is exactly `}`.
 */
export function parseRunOutput(stdout: string): ExecutionRun | undefined {
	const lines = stdout.split('\n');
	const first = lines.findIndex((line) => line === '{');
	const last = lines.lastIndexOf('}');
	if (first < 0 || last <= first) return undefined;
	try {
		return JSON.parse(lines.slice(first, last + 1).join('\n')) as ExecutionRun;
	} catch {
		return undefined;
	}
}

/** The items a node sent to one of its outputs (0 = the main output, 1 = the error output when enabled). */
export function outputItems(run: ExecutionRun, nodeName: string, output = 0, runIndex = 0): RunItem[] {
	const nodeRuns = run.data.resultData.runData[nodeName];
	if (!nodeRuns) {
		throw new Error(
			`Node "${nodeName}" did not run; nodes that ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	}
	return nodeRuns[runIndex]?.data?.main?.[output] ?? [];
}

/** The items of every run of a node (a node inside a loop runs several times), in order. */
export function allOutputItems(run: ExecutionRun, nodeName: string, output = 0): RunItem[] {
	return (run.data.resultData.runData[nodeName] ?? []).flatMap((nodeRun) => nodeRun.data?.main?.[output] ?? []);
}

/**
 * How many items a run ended with: every item of every node that ran and sends nothing further
 * (the ends of the workflow's branches; a branch end fed by several nodes runs once for each).
 */
export function itemsOut(run: ExecutionRun, workflow: WorkflowFile): number {
	const connections = workflow.connections as Record<string, { main?: Array<unknown[] | null> }>;
	let total = 0;
	for (const [name, nodeRuns] of Object.entries(run.data.resultData.runData)) {
		const sendsOn = (connections[name]?.main ?? []).some((targets) => (targets?.length ?? 0) > 0);
		if (sendsOn || nodeRuns.length === 0) continue;
		for (const nodeRun of nodeRuns) for (const items of nodeRun.data?.main ?? []) total += items?.length ?? 0;
	}
	return total;
}

export function nodeRan(run: ExecutionRun, nodeName: string): boolean {
	return (run.data.resultData.runData[nodeName]?.length ?? 0) > 0;
}

function firstErrorLine(result: RunResult): string | undefined {
	const text = `${result.stdout}\n${result.stderr}`;
	const marker = text.indexOf('Execution error:');
	const lines = (marker >= 0 ? text.slice(marker) : text).split('\n').map((line) => line.trim());
	return lines.find((line) => line && !/^(=+|Execution error:|Error executing workflow)/.test(line));
}

function tail(text: string, max = 6000): string {
	return text.length > max ? `…${text.slice(-max)}` : text;
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
