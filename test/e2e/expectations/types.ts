import type { Sandbox } from '../../../sandbox';
import type { ExecutionRun } from '../../support/n8n';

/**
 * Reads the bytes of a file in a run's output: from the user folder of a single n8n, or through the
 * main process's API in queue mode, where n8n keeps files in its database.
 */
export interface BinaryReader {
	readBinary(binary: Record<string, unknown>): Buffer;
}

/** What one example must do when `n8n execute` runs it, checked on its output and on what the sandbox received. */
export interface RunExpectation {
	/** Completes the test name: "<workflow name> <does>". */
	does: string;
	/** Prepares the sandbox before the run (faults, latency), when the example needs it. */
	before?: (sandbox: Sandbox) => void | Promise<void>;
	check: (run: ExecutionRun, sandbox: Sandbox, files: BinaryReader) => void | Promise<void>;
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
