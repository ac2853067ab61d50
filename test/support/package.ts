/**
 * The package as users get it: `npm pack` of the built project, installed into an n8n user folder
 * the way n8n 2.41.1 installs a community package from Settings → Community nodes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import type { InstalledPackageRecord } from './n8n';
import { run } from './processes';
import { PACKAGE_NAME, PROJECT_ROOT } from './runtime';

interface PackageJson {
	name: string;
	version: string;
	n8n?: { nodes?: string[]; credentials?: string[] };
	[key: string]: unknown;
}

export function projectPackageJson(): PackageJson {
	return JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageJson;
}

/**
 * The node types of the package as n8n names them once installed (`<package>.<node name>`), read
 * from the codex file (`<Name>.node.json`) that every node of the package has next to it.
 */
export function packageNodeTypes(): string[] {
	return (projectPackageJson().n8n?.nodes ?? []).map((file) => {
		const codex = join(PROJECT_ROOT, file.replace(/\.js$/, '.json'));
		if (!existsSync(codex)) throw new Error(`${file} has no codex file ${codex}; run \`npm run build\``);
		return (JSON.parse(readFileSync(codex, 'utf8')) as { node: string }).node;
	});
}

/** The credential types of the package (their `name`), read from the compiled classes it declares. */
export function packageCredentialTypes(): string[] {
	return (projectPackageJson().n8n?.credentials ?? []).map((file) => {
		const source = readFileSync(join(PROJECT_ROOT, file), 'utf8');
		const name = /\bname = '([^']+)'/.exec(source)?.[1];
		if (!name) throw new Error(`Cannot read the credential type name of ${file}`);
		return name;
	});
}

/** Loads a built node of the project (CommonJS, like n8n loads it). */
const loadBuilt = createRequire(__filename);

/**
 * What n8n records when this package is installed from Settings → Community Nodes: its name,
 * version and author, and each node's display name, type and version, read from the built nodes.
 */
export function installedPackageRecord(): InstalledPackageRecord {
	const packageJson = projectPackageJson();
	const author = packageJson.author as { name?: string; email?: string } | undefined;
	return {
		packageName: packageJson.name,
		version: packageJson.version,
		authorName: author?.name,
		authorEmail: author?.email,
		nodes: (packageJson.n8n?.nodes ?? []).map((file) => {
			const exported = loadBuilt(join(PROJECT_ROOT, file)) as Record<string, new () => INodeType>;
			const { description } = new (Object.values(exported)[0])();
			const version = Array.isArray(description.version) ? Math.max(...description.version) : description.version;
			return { name: description.displayName, type: `${packageJson.name}.${description.name}`, version };
		}),
	};
}

/**
 * `npm pack` of the project into `outDir`; returns the tarball's path. The project must be built:
 * every file that package.json's `n8n` section names has to exist, or n8n would skip the package.
 */
export async function packPackage(outDir: string): Promise<string> {
	const pkg = projectPackageJson();
	const declared = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	const missing = declared.filter((file) => !existsSync(join(PROJECT_ROOT, file)));
	if (declared.length === 0) throw new Error('package.json declares no nodes in its "n8n" section');
	if (missing.length > 0) {
		throw new Error(`Run \`npm run build\` first; these files named in package.json are missing: ${missing.join(', ')}`);
	}
	mkdirSync(outDir, { recursive: true });
	const result = await run('npm', ['pack', '--json', '--ignore-scripts', `--pack-destination=${outDir}`], {
		cwd: PROJECT_ROOT,
		timeoutMs: 120_000,
	});
	if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
	const [packed] = JSON.parse(result.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
	const inTarball = new Set(packed.files.map((file) => file.path));
	const notPacked = declared.filter((file) => !inTarball.has(file));
	if (notPacked.length > 0) {
		throw new Error(`npm pack left out files that package.json's "n8n" section names: ${notPacked.join(', ')}`);
	}
	return join(outDir, packed.filename);
}

/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes` with the steps n8n 2.41.1 itself takes
 * for a community package (CommunityPackagesService.downloadPackage in n8n's source): unpack into
 * `node_modules/<name>`, drop the dev, peer and optional dependencies from its package.json, run
 * `npm install` there without scripts, and record it in `nodes/package.json`. Dropping the peer
 * dependency is what makes the package use n8n's own n8n-workflow.
 */
export async function installPackage(userFolder: string, tarball: string): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const packageJsonPath = join(packageDir, 'package.json');
	const installed = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as PackageJson;
	for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies']) delete installed[key];
	writeFileSync(packageJsonPath, JSON.stringify(installed, null, 2));

	const npm = await run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDir, timeoutMs: 180_000 },
	);
	if (npm.code !== 0) throw new Error(`npm install of the packed package failed:\n${npm.stderr}`);

	const ledgerPath = join(nodesDir, 'package.json');
	const ledger = existsSync(ledgerPath)
		? (JSON.parse(readFileSync(ledgerPath, 'utf8')) as { dependencies?: Record<string, string> })
		: { name: 'installed-nodes', private: true, dependencies: {} };
	ledger.dependencies = { ...ledger.dependencies, [installed.name]: installed.version };
	writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
	return packageDir;
}
