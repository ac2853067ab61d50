import type { Sandbox } from '../../../sandbox';
import type { ExecutionRun, N8nInstance } from '../../support/n8n';

/** What one example must do when `n8n execute` runs it, checked on its output and on what the sandbox received. */
export interface RunExpectation {
	/** Completes the test name: "<workflow name> <does>". */
	does: string;
	/** Prepares the sandbox before the run (faults, latency), when the example needs it. */
	before?: (sandbox: Sandbox) => void | Promise<void>;
	check: (run: ExecutionRun, sandbox: Sandbox, n8n: N8nInstance) => void | Promise<void>;
}

/**
 * An example that starts by itself (a polling trigger, an MCP server) does nothing under
 * `n8n execute`: it is checked active under `n8n start`, by the named test file of test/e2e/.
 */
export interface ActivatedExpectation {
	does: string;
	checkedActiveIn: string;
}

export type ExampleExpectation = RunExpectation | ActivatedExpectation;
