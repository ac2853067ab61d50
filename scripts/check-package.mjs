// What `npm publish` would upload: `npm pack --dry-run` must list only what n8n loads (dist/) and
// what npm shows (README, LICENCE, CHANGELOG, package.json), and the tarball must stay within the
// size budget. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/** About twice the tarball of 0.2.0 (105 kB): room to grow, but a stray folder or the source maps trip it. */
const BUDGET_BYTES = 200 * 1024;
const ALLOWED_OUTSIDE_DIST = ['CHANGELOG.md', 'LICENSE.md', 'README.md', 'package.json'];

const root = resolve(import.meta.dirname, '..');
const [report] = JSON.parse(
	execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
);
const paths = report.files.map((file) => file.path);
const outside = paths.filter((path) => !path.startsWith('dist/')).sort();
const unexpected = outside.filter((path) => !ALLOWED_OUTSIDE_DIST.includes(path));
const missing = ALLOWED_OUTSIDE_DIST.filter((path) => !outside.includes(path));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

console.log(`${report.filename}: ${paths.length} files, ${kb(report.size)} packed (budget ${kb(BUDGET_BYTES)}), ${kb(report.unpackedSize)} unpacked`);
console.log(`outside dist/: ${outside.join(', ')}`);
const problems = [];
if (!paths.some((path) => path.startsWith('dist/nodes/'))) problems.push('dist/ is missing: run npm run build first');
if (unexpected.length > 0) problems.push(`files that n8n does not load: ${unexpected.join(', ')} (see "files" in package.json)`);
if (missing.length > 0) problems.push(`missing from the tarball: ${missing.join(', ')}`);
const stray = paths.filter((path) => /\.(ts|map)$/.test(path) && !path.endsWith('.d.ts'));
if (stray.length > 0) problems.push(`sources or source maps in the tarball: ${stray.slice(0, 5).join(', ')}`);
if (report.size > BUDGET_BYTES) problems.push(`the tarball is ${kb(report.size)}, over the budget of ${kb(BUDGET_BYTES)}`);
for (const problem of problems) console.error(`check-package: ${problem}`);
process.exit(problems.length === 0 ? 0 : 1);
