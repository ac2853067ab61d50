/** What the global set-up started, handed to the test files (they run in their own module registry). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ClusterState } from './client';

export interface QueueSuiteState {
	cluster: ClusterState;
	/** The port the imported credentials point at: every test file starts its sandbox there. */
	sandboxPort: number;
}

const VARIABLE = 'B2B_QUEUE_SUITE_STATE';

export function writeQueueState(state: QueueSuiteState): void {
	const file = join(state.cluster.workDir, 'suite-state.json');
	writeFileSync(file, JSON.stringify(state, null, 2));
	// Set before jest starts the test files, which see the environment of this process.
	process.env[VARIABLE] = file;
}

export function readQueueState(): QueueSuiteState {
	const file = process.env[VARIABLE];
	if (!file) throw new Error(`${VARIABLE} is not set: run the queue suite with \`npm run test:queue\``);
	return JSON.parse(readFileSync(file, 'utf8')) as QueueSuiteState;
}
