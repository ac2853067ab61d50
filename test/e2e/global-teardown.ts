import { rmSync } from 'node:fs';

import { readE2eState } from '../support/e2e';

/** Removes this run's user folders; `E2E_KEEP=1` keeps them to look at a failure. */
export default async function globalTeardown(): Promise<void> {
	if (process.env.E2E_KEEP === '1') return;
	try {
		rmSync(readE2eState().workDir, { recursive: true, force: true });
	} catch {
		// The set-up failed before it wrote its state: nothing to remove.
	}
}
