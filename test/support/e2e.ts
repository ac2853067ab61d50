/**
 * What one run of the end-to-end suite shares: the global set-up writes its state to a file (the
 * test files run in other processes) and every test file starts a fresh n8n from its template,
 * with the sandbox on the port the imported credentials point at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { N8nInstance } from './n8n';
import type { ExecuteResult, ExecutionRun } from './n8n';
import { PROJECT_ROOT } from './runtime';

export interface E2eState {
	/** A temporary folder outside the project for every user folder of this run. */
	workDir: string;
	/** A user folder with the package installed and the sandbox credentials imported. */
	template: string;
	tarball: string;
	/** The port the sandbox credentials point at. */
	sandboxPort: number;
}

const STATE_FILE = join(PROJECT_ROOT, '.e2e-work', 'state.json');

export function writeE2eState(state: E2eState): void {
	mkdirSync(dirname(STATE_FILE), { recursive: true });
	writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

export function readE2eState(): E2eState {
	return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eState;
}

let instances = 0;

/** A new n8n user folder with the package installed and the sandbox credentials imported. */
export async function freshN8n(label: string): Promise<N8nInstance> {
	const state = readE2eState();
	instances++;
	return await N8nInstance.create(join(state.workDir, `${label.replace(/[^a-z0-9-]+/gi, '-')}-${instances}`), state.template);
}

/** The sandbox on the port the imported credentials point at. */
export async function startE2eSandbox(): Promise<Sandbox> {
	return await startSandbox({ port: readE2eState().sandboxPort });
}

/** The run of a successful execution; otherwise fails with what n8n printed. */
export function succeeded(result: ExecuteResult): ExecutionRun {
	if (result.ok && result.run) return result.run;
	throw new Error(
		`n8n execute failed: ${result.error ?? 'no run in its output'}\n--- stdout (end) ---\n${result.stdout.slice(-5000)}\n--- stderr (end) ---\n${result.stderr.slice(-3000)}`,
	);
}

/** The values of credential fields that must never show up in output or logs. */
export function secretValues(credentials: Record<string, Record<string, string | number | boolean>>): string[] {
	const secrets: string[] = [];
	for (const data of Object.values(credentials)) {
		for (const [field, value] of Object.entries(data)) {
			if (/secret|password|key|token/i.test(field) && typeof value === 'string' && value.length >= 8) secrets.push(value);
		}
	}
	return secrets;
}
