/**
 * `npm run sandbox`: starts every simulated service and prints where they listen and which
 * credentials work against them. Ctrl-C stops it.
 *
 * `npm run sandbox -- [port] [--faults <plan>]` (or SANDBOX_FAULTS=<plan>): starts with fault plans,
 * JSON by service, e.g. `{"cegidLoop": {"every": 10, "faults": [{"kind": "lost"}, {"kind": "status", "status": 503}]}}`;
 * `--faults @file.json` reads the plan from a file.
 */
import { readFileSync } from 'node:fs';

import { parseFaultPlans, startSandbox } from './index';

function readArguments(argv: string[]): { port?: string; faults?: string } {
	const result: { port?: string; faults?: string } = {};
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--faults') result.faults = argv[++index];
		else if (argument.startsWith('--faults=')) result.faults = argument.slice('--faults='.length);
		else result.port = argument;
	}
	return result;
}

async function main(): Promise<void> {
	const args = readArguments(process.argv.slice(2));
	const port = Number(process.env.SANDBOX_PORT ?? args.port ?? 8787);
	const faultText = args.faults ?? process.env.SANDBOX_FAULTS;
	let faults;
	try {
		faults = faultText
			? parseFaultPlans(faultText.startsWith('@') ? readFileSync(faultText.slice(1), 'utf8') : faultText)
			: undefined;
	} catch (error) {
		console.error(`Sandbox: ${(error as Error).message}`);
		process.exit(2);
	}
	const sandbox = await startSandbox({ port, faults });
	if (process.env.SANDBOX_JSON === '1') {
		// One line a program can read (the demo and the end-to-end tests start the sandbox this way).
		console.log(JSON.stringify({ url: sandbox.url, credentials: sandbox.credentials }));
	} else {
		console.log(`Sandbox listening on ${sandbox.url}`);
		console.log('Credentials that work against it (test values, not real secrets):');
		for (const [type, data] of Object.entries(sandbox.credentials)) {
			console.log(`\n  ${type}`);
			for (const [field, value] of Object.entries(data)) console.log(`    ${field}: ${String(value)}`);
		}
		console.log(`\nRequest log: GET ${sandbox.url}/__sandbox/log   Reset: POST ${sandbox.url}/__sandbox/reset`);
		const plans = sandbox.faults.describe();
		if (Object.keys(plans).length > 0) {
			console.log(`Fault plans: ${JSON.stringify(plans)}`);
			console.log(`Faults injected: GET ${sandbox.url}/__sandbox/fault-plans   Redirect target: ${sandbox.redirectTarget.url}`);
		}
	}
	const stop = async (): Promise<void> => {
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main();
