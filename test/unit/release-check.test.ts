/**
 * The release workflow's gate (scripts/check-release.mjs): a tag is published only when it, the
 * version in package.json and the newest version in CHANGELOG.md agree, nothing waits under
 * Unreleased, and package.json names a real repository. Each refusal says what to fix.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const script = resolve(__dirname, '..', '..', 'scripts', 'check-release.mjs');
const REAL_REPOSITORY = 'https://github.com/acme/n8n-nodes-b2b-provisioning';

interface Checkout {
	version?: string;
	repository?: string;
	changelog?: string;
}

const READY_CHANGELOG = `# Changelog

## [Unreleased]

## [0.2.0] - 2026-12-07

### Added

- Triggers.

## [0.1.0] - 2026-11-25

First release.
`;

function check(tag: string, checkout: Checkout = {}): { code: number | null; output: string } {
	const folder = mkdtempSync(join(tmpdir(), 'release-check-'));
	try {
		const repository = checkout.repository ?? REAL_REPOSITORY;
		writeFileSync(
			join(folder, 'package.json'),
			JSON.stringify({
				name: 'n8n-nodes-b2b-provisioning',
				version: checkout.version ?? '0.2.0',
				homepage: `${repository}#readme`,
				repository: { type: 'git', url: `git+${repository}.git` },
				bugs: { url: `${repository}/issues` },
			}),
		);
		writeFileSync(join(folder, 'CHANGELOG.md'), checkout.changelog ?? READY_CHANGELOG);
		const result = spawnSync(process.execPath, [script, '--root', folder, tag], { encoding: 'utf8' });
		return { code: result.status, output: `${result.stdout}${result.stderr}` };
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

describe('the release check', () => {
	test('lets a tag through when the tag, package.json and CHANGELOG.md agree', () => {
		const result = check('v0.2.0');
		expect(result.output).toContain('ready to publish');
		expect(result.code).toBe(0);
	});

	test('refuses a tag that is not package.json version, and says how to align them', () => {
		const result = check('v0.2.1');
		expect(result.code).toBe(1);
		expect(result.output).toContain('The tag v0.2.1 does not match package.json\'s version 0.2.0');
	});

	test('refuses a tag that is not a version', () => {
		expect(check('release-2').output).toContain("The tag 'release-2' is not a version tag");
	});

	test('refuses when CHANGELOG.md has no entry for this version', () => {
		const result = check('v0.3.0', { version: '0.3.0' });
		expect(result.code).toBe(1);
		expect(result.output).toContain("CHANGELOG.md's newest version is 0.2.0, package.json's is 0.3.0");
	});

	test('refuses while entries wait under Unreleased', () => {
		const changelog = READY_CHANGELOG.replace('## [Unreleased]\n', '## [Unreleased]\n\n- Something new.\n');
		const result = check('v0.2.0', { changelog });
		expect(result.code).toBe(1);
		expect(result.output).toContain('still has entries under Unreleased');
	});

	test('refuses while package.json names the placeholder repository, naming each field', () => {
		const result = check('v0.2.0', { repository: 'https://github.com/OWNER/n8n-nodes-b2b-provisioning' });
		expect(result.code).toBe(1);
		for (const field of ['repository.url', 'bugs.url', 'homepage']) {
			expect(result.output).toContain(`package.json's ${field} is still the placeholder`);
		}
	});
});
