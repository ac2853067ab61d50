/**
 * What users download: the tarball that `npm pack` made for this run, as n8n's community-package
 * installer receives it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readE2eState } from '../support/e2e';

describe('the packed package', () => {
	let files: string[];
	let unpacked: string;

	beforeAll(() => {
		unpacked = mkdtempSync(join(tmpdir(), 'b2b-pack-'));
		execFileSync('tar', ['-xzf', readE2eState().tarball, '-C', unpacked]);
		files = execFileSync('tar', ['-tzf', readE2eState().tarball], { encoding: 'utf8' })
			.split('\n')
			.filter(Boolean)
			.map((path) => path.replace(/^package\//, ''));
	});

	afterAll(() => rmSync(unpacked, { recursive: true, force: true }));

	test('holds only dist/, package.json, README.md, CHANGELOG.md and the licence', () => {
		const outside = files.filter((path) => !path.startsWith('dist/'));
		expect(outside.sort()).toEqual(['CHANGELOG.md', 'LICENSE.md', 'README.md', 'package.json']);
	});

	test('has no runtime dependencies, and n8n-workflow only as a peer', () => {
		const manifest = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8')) as {
			dependencies?: Record<string, string>;
			peerDependencies?: Record<string, string>;
		};
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	});

	test('carries, for every node it declares, the compiled node, its codex file and its icons', () => {
		const manifest = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8')) as {
			n8n: { nodes: string[]; credentials: string[] };
		};
		expect(manifest.n8n.nodes).toHaveLength(9); // five action nodes and four polling triggers
		expect(manifest.n8n.credentials).toHaveLength(5);
		for (const node of manifest.n8n.nodes) {
			expect(files).toContain(node);
			expect(files).toContain(node.replace(/\.js$/, '.json'));
			const folder = node.slice(0, node.lastIndexOf('/') + 1);
			expect(files.filter((path) => path.startsWith(folder) && path.endsWith('.svg'))).toHaveLength(2);
		}
		for (const credential of manifest.n8n.credentials) expect(files).toContain(credential);
	});

	test('ships neither the sandbox, the tests nor the TypeScript sources', () => {
		expect(files.filter((path) => /sandbox|test\/|\.ts$/.test(path) && !path.endsWith('.d.ts'))).toEqual([]);
	});
});
