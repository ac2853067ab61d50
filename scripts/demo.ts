/**
 * `npm run demo`: the package inside a real n8n, against the sandbox, from nothing.
 *
 * Packs the built package, installs it into a fresh n8n user folder the way n8n installs a
 * community package, starts the sandbox, imports credentials that point at it and the example
 * workflows, runs every example once headless and prints a table, activates those that start by
 * themselves (polling triggers, the MCP server), then serves the editor on
 * http://127.0.0.1:5678 with an owner account until Ctrl-C, which stops n8n and the sandbox.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { loadExamples, sandboxCredentials, startsByItself } from '../test/support/examples';
import { ensureRuntime } from '../test/support/install';
import { itemsOut, N8nInstance } from '../test/support/n8n';
import type { N8nServer, Owner } from '../test/support/n8n';
import { installedPackageRecord, installPackage, packPackage } from '../test/support/package';
import { resetSandbox } from '../test/support/sandbox-data';
import { isPortFree, N8N_VERSION, PROJECT_ROOT } from '../test/support/runtime';

const EDITOR_PORT = Number(process.env.N8N_DEMO_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8787);
const USER_FOLDER = process.env.N8N_DEMO_USER_FOLDER ?? join(tmpdir(), 'n8n-nodes-b2b-provisioning-demo');

/** A local demo login, printed for the person at the terminal; the instance listens on loopback only. */
const OWNER: Owner = {
	email: process.env.N8N_DEMO_EMAIL ?? 'demo@example.com',
	password: process.env.N8N_DEMO_PASSWORD ?? 'Demo-n8n-2041',
	firstName: 'Demo',
	lastName: 'User',
};

let sandbox: Sandbox | undefined;
let server: N8nServer | undefined;
let stopping = false;

async function main(): Promise<void> {
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	heading(`n8n-nodes-b2b-provisioning demo (n8n ${N8N_VERSION})`);
	await ensureRuntime();

	if (!(await isPortFree(EDITOR_PORT))) {
		throw new Error(`Port ${EDITOR_PORT} is in use (another n8n?). Stop it, or set N8N_DEMO_PORT to another port.`);
	}

	step('Packing the package (npm pack)');
	const tarball = await packPackage(join(PROJECT_ROOT, '.e2e-work', 'demo-pack'));
	done(tarball.replace(`${PROJECT_ROOT}/`, ''));

	step(`Installing it as a community package into a fresh user folder`);
	rmSync(USER_FOLDER, { recursive: true, force: true });
	const instance = await N8nInstance.create(USER_FOLDER);
	await installPackage(USER_FOLDER, tarball);
	done(`${USER_FOLDER}/.n8n/nodes`);

	step('Starting the sandbox (simulated Cegid Loop, Infinigate and Collabor8 services)');
	sandbox = await startSandbox({ port: (await isPortFree(SANDBOX_PORT)) ? SANDBOX_PORT : 0 });
	done(sandbox.url);

	const examples = loadExamples();
	step(`Importing ${Object.keys(sandbox.credentials).length} sandbox credentials and ${examples.length} example workflows`);
	await instance.importCredentials(await sandboxCredentials(sandbox.credentials));
	await instance.importWorkflows(examples.map((example) => example.workflow));
	// Settings → Community Nodes lists what n8n has recorded as installed, not what is on disk.
	await instance.recordInstalledPackage(installedPackageRecord());
	done('');

	const active = examples.filter((example) => startsByItself(example.workflow));
	step(`Activating the ${active.length} examples that start by themselves (polling triggers, MCP server)`);
	for (const example of active) await instance.publish(example.workflow.id);
	done('');

	step('Running every other example once, headless (n8n execute)');
	done('');
	const rows: string[][] = [];
	const live = process.stdout.isTTY === true;
	let failures = 0;
	for (const example of examples.filter((candidate) => !startsByItself(candidate.workflow))) {
		resetSandbox(sandbox);
		if (live) process.stdout.write(`    ${example.workflow.name} …`);
		const result = await instance.execute(example.workflow.id);
		const items = result.run ? String(itemsOut(result.run, example.workflow)) : '-';
		if (!result.ok) failures++;
		rows.push([example.workflow.name, items, `${(result.ms / 1000).toFixed(1)} s`, result.ok ? 'ok' : `FAILED: ${result.error ?? ''}`]);
		if (live) process.stdout.write('\r\x1b[2K');
	}
	// What the person tries next in the editor starts from the sandbox's initial data.
	resetSandbox(sandbox);
	console.log('');
	printTable(['Workflow', 'Items out', 'Time', 'OK'], rows);
	console.log('');
	if (failures > 0) console.log(`  ${failures} example(s) failed; the editor still starts so that you can look at them.\n`);

	step(`Starting the n8n editor on http://127.0.0.1:${EDITOR_PORT}`);
	server = await instance.startServer(EDITOR_PORT);
	await server.setupOwner(OWNER);
	done('');

	heading('Ready');
	console.log(`  Editor     ${server.url}`);
	console.log(`  Login      ${OWNER.email}  /  ${OWNER.password}`);
	console.log(`  Sandbox    ${sandbox.url}   (request log: ${sandbox.url}/__sandbox/log)`);
	console.log(`  User dir   ${USER_FOLDER}   (recreated on every run of the demo)`);
	console.log('\n  The examples, each ready to open and run with "Execute workflow":');
	for (const example of examples.filter((candidate) => !startsByItself(candidate.workflow))) {
		console.log(`    ${server.url}/workflow/${example.workflow.id}   ${example.workflow.name}`);
	}
	console.log('\n  Active now (each trigger polls the sandbox once a minute; their runs are in Executions):');
	for (const example of active) console.log(`    ${server.url}/workflow/${example.workflow.id}   ${example.workflow.name}`);
	for (const path of mcpPaths(active)) console.log(`\n  MCP server for AI agents: ${server.url}/mcp/${path}`);
	console.log('\n  Press Ctrl-C to stop n8n and the sandbox.\n');
	if (active.length > 0) setTimeout(() => simulateActivity(sandbox!), 30_000).unref();

	const code = await server.process.exited;
	if (!stopping) {
		console.error(`n8n stopped by itself (exit ${String(code)}):\n${server.process.output().slice(-3000)}`);
		await shutdown(1);
	}
}

/** Something for the active triggers to notice: each of their workflows then runs once. */
function simulateActivity(target: Sandbox): void {
	const folder = target.state.cegidLoop.linkFolder('DEMO0001', 'Demo Client SARL');
	const invoice = target.state.infinigate.addInvoice();
	const sale = target.state.loop.addSale('Demo surplus pump');
	target.state.loop.setSaleStatus('sale-0002', 'reserved');
	console.log(
		`  Sandbox: linked folder ${folder.codeIbs}, posted invoice ${String(invoice.header.documentNumber)}, added sale ${sale.id}, ` +
			'reserved sale-0002. Within a minute each trigger workflow runs once (Executions in the editor).\n',
	);
}

/** The paths of the active MCP Server Triggers, where an MCP client connects. */
function mcpPaths(active: ReturnType<typeof loadExamples>): string[] {
	return active.flatMap((example) =>
		example.workflow.nodes
			.filter((node) => node.type === '@n8n/n8n-nodes-langchain.mcpTrigger')
			.map((node) => String(node.parameters?.path ?? '')),
	);
}

async function shutdown(code: number): Promise<void> {
	if (stopping) return;
	stopping = true;
	console.log('\nStopping n8n and the sandbox…');
	await server?.stop();
	await sandbox?.close();
	process.exit(code);
}

function heading(text: string): void {
	console.log(`\n== ${text} ==\n`);
}

function step(text: string): void {
	process.stdout.write(`  • ${text}`);
}

function done(detail: string): void {
	console.log(detail ? `: ${detail}` : '');
}

function printTable(header: string[], rows: string[][]): void {
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const line = (cells: string[]): string => `  ${cells.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`;
	console.log(line(header));
	console.log(line(widths.map((width) => '-'.repeat(width))));
	for (const row of rows) console.log(line(row));
}

main().catch(async (error: unknown) => {
	console.error(`\n\nThe demo stopped: ${error instanceof Error ? error.message : String(error)}`);
	await shutdown(1);
});
