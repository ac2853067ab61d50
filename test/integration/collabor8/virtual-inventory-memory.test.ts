/**
 * How much memory a 50 MB upload takes. The sandbox runs in a child process here, so that what it
 * holds while receiving the file is not counted: the numbers are the node's (and n8n's HTTP client's).
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import type { IBinaryData } from 'n8n-workflow';
import ts from 'typescript';

import type { Sandbox } from '../../../sandbox';
import type { LogEntry } from '../../../sandbox/core/server';
import { runCollabor8 } from './helpers';
// After the helpers, which set up n8n-core's environment (user folder) before it is loaded.
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';

const SIZE = 50 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Compiles the sandbox to JavaScript (no type check) in a temporary folder, for a child process. */
function compileSandbox(): string {
	const root = path.resolve(__dirname, '../../..');
	const out = mkdtempSync(path.join(tmpdir(), 'sandbox-js-'));
	const walk = (dir: string): void => {
		for (const name of readdirSync(dir)) {
			const source = path.join(dir, name);
			if (statSync(source).isDirectory()) walk(source);
			else if (name.endsWith('.ts')) {
				const target = path.join(out, path.relative(root, source)).replace(/\.ts$/, '.js');
				mkdirSync(path.dirname(target), { recursive: true });
				const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
					compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
				});
				writeFileSync(target, outputText);
			}
		}
	};
	walk(path.join(root, 'sandbox'));
	return path.join(out, 'sandbox', 'cli.js');
}

let child: ChildProcess;
let sandbox: Sandbox;
let stored: IBinaryData;

beforeAll(async () => {
	child = fork(compileSandbox(), [], { env: { ...process.env, SANDBOX_JSON: '1', SANDBOX_PORT: '0' }, silent: true });
	const started = await new Promise<{ url: string; credentials: Sandbox['credentials'] }>((resolve, reject) => {
		let output = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
			if (line) resolve(JSON.parse(line) as { url: string; credentials: Sandbox['credentials'] });
		});
		child.once('exit', (code) => reject(new Error(`The sandbox stopped (${String(code)})`)));
	});
	sandbox = { url: started.url, credentials: started.credentials } as Sandbox;

	const binaryData = Container.get(BinaryDataService);
	await binaryData.init();
	stored = await binaryData.store({ type: 'execution', workflowId: 'test', executionId: 'memory' }, randomBytes(SIZE), {
		data: '',
		mimeType: XLSX,
		fileName: 'full-inventory.xlsx',
		fileExtension: 'xlsx',
	});
}, 60_000);

afterAll(() => {
	child?.kill();
});

/**
 * The process's resident memory: it counts every copy of the file, including those that Node keeps
 * outside the JavaScript heap (a Blob's bytes are in neither heapUsed nor external).
 */
function inUse(): number {
	return process.memoryUsage().rss;
}

test('uploading a 50 MB file kept on disk takes less than twice its size in memory', async () => {
	collectGarbage();
	const before = inUse();
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, inUse())), 2);

	const run = await runCollabor8(
		sandbox,
		'virtualInventory',
		{ resource: 'inventoryImport', operation: 'upload', binaryPropertyName: 'data' },
		{ items: [{ json: {}, binary: { data: stored } }] },
	);
	clearInterval(sampler);
	peak = Math.max(peak, inUse());

	expect(run.error).toBeUndefined();
	expect(run.json[0]).toMatchObject({ fileName: 'full-inventory.xlsx', fileSize: SIZE });
	const log = (await (await fetch(`${sandbox.url}/__sandbox/log`)).json()) as LogEntry[];
	const upload = log.find((entry) => entry.method === 'POST' && entry.bodyBytes > SIZE);
	expect(upload?.status).toBe(200);
	const growth = peak - before;
	expect(growth).toBeLessThan(2 * SIZE);
}, 120_000);
