/**
 * The two servers n8n's queue mode needs besides n8n: PostgreSQL (the database every process
 * shares) and Redis (the queue). Both come from Debian's packages (scripts/install-queue-services.sh
 * installs them when missing) and run as throwaway servers: loopback only, a free port each, their
 * data in a folder of the caller's that is removed when they stop.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { run, start } from '../processes';
import type { LongRunning } from '../processes';
import { PROJECT_ROOT, freePort } from '../runtime';

export interface PostgresConnection {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
}

export interface QueueServices {
	postgres: PostgresConnection;
	redis: { host: string; port: number };
	/** Runs one SQL statement on n8n's database and returns its rows, one line each, columns split by `|`. */
	sql(statement: string): Promise<string[]>;
	/** The process ids of the servers (each leads its own process group). */
	pids(): number[];
	stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const DATABASE = 'n8n';
const USER = 'n8n';
// A throwaway server on loopback that lives for one run: the password only has to exist.
const PASSWORD = 'queue-suite-password';

/** Installs PostgreSQL and Redis from Debian's packages when they are missing (a no-op otherwise). */
export async function ensureQueueServices(): Promise<void> {
	const result = await run('bash', [join(PROJECT_ROOT, 'scripts', 'install-queue-services.sh')], { timeoutMs: 600_000 });
	if (result.code !== 0) {
		throw new Error(`Installing PostgreSQL and Redis failed (exit ${String(result.code)}):\n${result.stderr}\n${result.stdout}`);
	}
}

/** The newest PostgreSQL that Debian installed: `/usr/lib/postgresql/<version>/bin`. */
function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length === 0) throw new Error('PostgreSQL is not installed: run scripts/install-queue-services.sh');
	return join(root, versions[0], 'bin');
}

function redisServer(): string {
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(candidate)) return candidate;
	throw new Error('redis-server is not installed: run scripts/install-queue-services.sh');
}

/**
 * PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user that Debian's
 * package creates, on a data folder that user owns.
 */
function asPostgresUser(): { prefix: string[]; owner?: { uid: number; gid: number } } {
	if (process.getuid?.() !== 0) return { prefix: [] };
	const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { prefix: ['runuser', '-u', 'postgres', '--'], owner: { uid: id('-u'), gid: id('-g') } };
}

/** `[command, args]` to run one of PostgreSQL's programs, as the postgres user when we are root. */
function postgresCommand(prefix: string[], program: string, args: string[]): [string, string[]] {
	const all = [...prefix, program, ...args];
	return [all[0], all.slice(1)];
}

/** Starts PostgreSQL and Redis with their data below `workDir`, and waits until both answer. */
export async function startQueueServices(workDir: string): Promise<QueueServices> {
	const started: LongRunning[] = [];
	const dataDirs: string[] = [];
	let stopPostgres = async (): Promise<void> => undefined;
	const stop = async (): Promise<void> => {
		// The n8n processes, already stopped by the caller, used both. PostgreSQL gets a fast shutdown
		// (it ends the sessions left instead of waiting for them) and is waited for, so that the
		// process that started it can collect it and nothing is left for the system to clean up.
		await stopPostgres();
		for (const child of started.reverse()) await child.stop(20_000);
		for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
	};
	try {
		const postgres = await startPostgres(workDir, started, dataDirs);
		stopPostgres = async () => {
			const { prefix } = asPostgresUser();
			await run(...postgresCommand(prefix, join(postgresBinDir(), 'pg_ctl'), ['stop', '-D', join(workDir, 'postgres'), '-m', 'fast', '-w', '-t', '60']), {
				timeoutMs: 90_000,
			});
		};
		const redis = await startRedis(workDir, started, dataDirs);
		return {
			postgres,
			redis,
			sql: async (statement) => await psql(postgres, statement),
			pids: () => started.map((child) => child.pid),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

async function startPostgres(workDir: string, started: LongRunning[], dataDirs: string[]): Promise<PostgresConnection> {
	const bin = postgresBinDir();
	const { prefix, owner } = asPostgresUser();
	const dataDir = join(workDir, 'postgres');
	const passwordFile = join(workDir, 'postgres-password');
	mkdirSync(dataDir, { recursive: true });
	dataDirs.push(dataDir, passwordFile);
	writeFileSync(passwordFile, `${PASSWORD}\n`);
	if (owner) {
		// The postgres user must reach its folder through the caller's.
		chmodSync(workDir, 0o755);
		chownSync(dataDir, owner.uid, owner.gid);
		chownSync(passwordFile, owner.uid, owner.gid);
	}
	chmodSync(dataDir, 0o700);

	const initdb = await run(
		...postgresCommand(prefix, join(bin, 'initdb'), [
			`--pgdata=${dataDir}`,
			`--username=${USER}`,
			`--pwfile=${passwordFile}`,
			'--auth-local=trust',
			'--auth-host=scram-sha-256',
			'--encoding=UTF8',
			'--no-locale',
			'--no-instructions',
		]),
		{ timeoutMs: 120_000 },
	);
	if (initdb.code !== 0) throw new Error(`initdb failed:\n${initdb.stderr}\n${initdb.stdout}`);

	const port = await freePort();
	const server = start(
		...postgresCommand(prefix, join(bin, 'postgres'), [
			'-D',
			dataDir,
			'-h',
			HOST,
			'-p',
			String(port),
			// The Unix socket goes into the data folder: Debian's default folder belongs to its own service.
			'-k',
			dataDir,
		]),
	);
	started.push(server);
	const connection: PostgresConnection = { host: HOST, port, database: 'postgres', user: USER, password: PASSWORD };
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (!server.isRunning()) throw new Error(`PostgreSQL exited at start:\n${server.output()}`);
		const probe = await run(join(bin, 'psql'), psqlArgs(connection, 'SELECT 1'), { env: psqlEnv(), timeoutMs: 10_000 });
		if (probe.code === 0) break;
		if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 60 s:\n${server.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await psql(connection, `CREATE DATABASE ${DATABASE}`);
	return { ...connection, database: DATABASE };
}

async function startRedis(workDir: string, started: LongRunning[], dataDirs: string[]): Promise<{ host: string; port: number }> {
	const dataDir = join(workDir, 'redis');
	mkdirSync(dataDir, { recursive: true });
	dataDirs.push(dataDir);
	const port = await freePort();
	// No snapshots and no append-only file: the queue lives as long as the run.
	const server = start(
		redisServer(),
		['--bind', HOST, '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dataDir, '--daemonize', 'no'],
		{},
	);
	started.push(server);
	const deadline = Date.now() + 30_000;
	while (!server.output().includes('Ready to accept connections')) {
		if (!server.isRunning()) throw new Error(`Redis exited at start:\n${server.output()}`);
		if (Date.now() > deadline) throw new Error(`Redis was not ready within 30 s:\n${server.output()}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { host: HOST, port };
}

function psqlArgs(connection: PostgresConnection, statement: string): string[] {
	return [
		`--host=${connection.host}`,
		`--port=${connection.port}`,
		`--username=${connection.user}`,
		`--dbname=${connection.database}`,
		'--no-align',
		'--tuples-only',
		'--quiet',
		'--set=ON_ERROR_STOP=1',
		`--command=${statement}`,
	];
}

function psqlEnv(): NodeJS.ProcessEnv {
	return { PATH: process.env.PATH, HOME: process.env.HOME, PGPASSWORD: PASSWORD, PGCONNECT_TIMEOUT: '5' };
}

export async function psql(connection: PostgresConnection, statement: string): Promise<string[]> {
	const result = await run(join(postgresBinDir(), 'psql'), psqlArgs(connection, statement), { env: psqlEnv(), timeoutMs: 60_000 });
	if (result.code !== 0) throw new Error(`psql failed on "${statement}":\n${result.stderr}`);
	return result.stdout.split('\n').filter((line) => line !== '');
}
