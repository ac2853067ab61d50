import type { Sandbox } from '../../../sandbox';
import type { ExecutionRun, N8nInstance } from '../../support/n8n';

/** What one example must do, checked on its run's output and on what the sandbox received. */
export interface ExampleExpectation {
	/** Completes the test name: "<workflow name> <does>". */
	does: string;
	/** Prepares the sandbox before the run (faults, latency), when the example needs it. */
	before?: (sandbox: Sandbox) => void | Promise<void>;
	check: (run: ExecutionRun, sandbox: Sandbox, n8n: N8nInstance) => void | Promise<void>;
}
