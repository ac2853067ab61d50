/**
 * `npm run sandbox`: starts every simulated service and prints where they listen and which
 * credentials work against them. Ctrl-C stops it.
 *
 * `npm run sandbox -- [port] [--faults <plan>]` (or SANDBOX_FAULTS=<plan>): starts with fault plans,
 * JSON by service, e.g. `{"cegidLoop": {"every": 10, "faults": [{"kind": "lost"}, {"kind": "status", "status": 503}]}}`;
 * `--faults @file.json` reads the plan from a file.
 *
 * `--inventions disagree` (or SANDBOX_INVENTIONS=disagree): every service reads the guesses of the
 * guides differently from the nodes' defaults (see core/inventions.ts), so that the fields that
 * correct them can be tried by hand. `--inventions '{"loop": {"maxPageSize": 50}}'` sets single
 * readings, by service; `--inventions @file.json` reads them from a file.
 */
import { readFileSync } from 'node:fs';

import { parseFaultPlans, parseInventions, startSandbox } from './index';

type Arguments = { port?: string; faults?: string; inventions?: string };

function readArguments(argv: string[]): Arguments {
	const result: Arguments = {};
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		const option = /^--(faults|inventions)(?:=(.*))?$/.exec(argument);
		if (option) result[option[1] as 'faults' | 'inventions'] = option[2] ?? argv[++index];
		else result.port = argument;
	}
	return result;
}

/** A value given inline, or `@file` to read it from a file. */
function inlineOrFile(text: string): string {
	return text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text;
}

async function main(): Promise<void> {
	const args = readArguments(process.argv.slice(2));
	const port = Number(process.env.SANDBOX_PORT ?? args.port ?? 8787);
	const faultText = args.faults ?? process.env.SANDBOX_FAULTS;
	const inventionText = args.inventions ?? process.env.SANDBOX_INVENTIONS;
	let faults;
	let inventions;
	try {
		faults = faultText ? parseFaultPlans(inlineOrFile(faultText)) : undefined;
		inventions = inventionText ? parseInventions(inlineOrFile(inventionText)) : undefined;
	} catch (error) {
		console.error(`Sandbox: ${(error as Error).message}`);
		process.exit(2);
	}
	const sandbox = await startSandbox({ port, faults, inventions });
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
		if (inventions) {
			console.log(
				inventions === 'disagree'
					? 'Inventions: every service disagrees with the nodes\' defaults; correct the fields the errors name.'
					: `Inventions: ${JSON.stringify(inventions)}`,
			);
		}
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
