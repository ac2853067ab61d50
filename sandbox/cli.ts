/**
 * `npm run sandbox`: starts every simulated service and prints where they listen and which
 * credentials work against them. Ctrl-C stops it.
 */
import { startSandbox } from './index';

async function main(): Promise<void> {
	const port = Number(process.env.SANDBOX_PORT ?? process.argv[2] ?? 8787);
	const sandbox = await startSandbox({ port });
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
	}
	const stop = async (): Promise<void> => {
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main();
