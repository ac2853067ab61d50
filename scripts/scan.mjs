/**
 * `npm run scan`: n8n's community-package scanner, as n8n runs it before it lists a package, on the
 * sources and on the tarball users download. The scanner itself only fetches published packages,
 * so this runs its rule set (the same ESLint configuration, inline disables ignored) on the local
 * files. Unlike the scanner, warnings fail too: the project promises zero of each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createRequire } from 'node:module';

import {
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

// The scanner's own file finder and ESLint, so that what is linted is what the scanner would lint.
const requireFromScanner = createRequire(
	createRequire(import.meta.url).resolve('@n8n/scan-community-package/package.json'),
);
const glob = requireFromScanner('fast-glob');
const { ESLint } = requireFromScanner('eslint');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** What the scanner lints in the downloaded tarball. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

async function scan(label, dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: dir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	if (files.length === 0) throw new Error(`${label}: no files to scan in ${dir}`);
	const results = await eslint.lintFiles(files);
	const errors = results.reduce((sum, result) => sum + result.errorCount, 0);
	const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
	process.stdout.write(`${label}: ${files.length} files, ${errors} errors, ${warnings} warnings\n`);
	if (errors + warnings > 0) {
		const formatter = await eslint.loadFormatter('stylish');
		process.stdout.write(await formatter.format(results));
	}
	return errors + warnings;
}

const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
try {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack made no tarball');
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);

	const problems =
		(await scan('sources', root, SOURCE_FILE_PATTERNS)) +
		(await scan('tarball', unpacked, TARBALL_FILE_PATTERNS));
	if (problems > 0) {
		process.stdout.write(`The community-package scanner reports ${problems} problems.\n`);
		process.exitCode = 1;
	} else {
		process.stdout.write('The community-package scanner reports nothing on the sources and the tarball.\n');
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
