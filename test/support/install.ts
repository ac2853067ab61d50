/**
 * Runs scripts/install-n8n.sh (a no-op once the runtime is there) and keeps a person informed: the
 * first install takes minutes and prints nothing for long stretches, so a live line says which step
 * is running and for how long.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { N8N_VERSION, PROJECT_ROOT, isRuntimeInstalled, runtimeDir } from './runtime';

export async function ensureRuntime(log: (line: string) => void = (line) => console.log(line)): Promise<void> {
	if (isRuntimeInstalled()) return;
	log(`n8n ${N8N_VERSION} is not installed yet: installing it into ${runtimeDir()} (first run only, 2 to 6 minutes).`);
	const started = Date.now();
	const live = process.stdout.isTTY === true;
	let step = 'starting';
	let lastPrinted = 0;
	const show = (): void => {
		const seconds = Math.round((Date.now() - started) / 1000);
		const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
		if (live) {
			process.stdout.write(`\r\x1b[2K  ⏳ ${clock}  ${step}`);
		} else if (Date.now() - lastPrinted >= 30_000) {
			// Logs without a terminal (CI) get a line every 30 s instead of a redrawn one.
			lastPrinted = Date.now();
			log(`  … ${clock} ${step}`);
		}
	};
	const ticker = setInterval(show, 1000);
	const child = spawn('bash', [join(PROJECT_ROOT, 'scripts', 'install-n8n.sh')], {
		cwd: PROJECT_ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const onData = (chunk: Buffer): void => {
		const text = chunk.toString('utf8');
		output += text;
		for (const line of text.split('\n')) {
			const match = /^\[install-n8n\] (.+)$/.exec(line.trim());
			if (match) {
				step = match[1];
				lastPrinted = 0;
				show();
			}
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
	clearInterval(ticker);
	if (live) process.stdout.write('\r\x1b[2K');
	if (code !== 0 || !isRuntimeInstalled()) {
		throw new Error(`Installing n8n failed (exit ${String(code)}):\n${output.slice(-4000)}`);
	}
	log(`  n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s.`);
}
