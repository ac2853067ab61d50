/** What the global set-up prepared, handed to the test files through a file (they run elsewhere). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { PROJECT_ROOT } from '../../../scripts/lib/runtime';

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
