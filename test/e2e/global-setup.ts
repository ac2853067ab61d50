/**
 * Once per run: pack the built package, install it into a template n8n user folder the way n8n
 * installs a community package, and import the sandbox credentials there. Each test copies the
 * template, so every n8n it starts is fresh without paying for the install and the database
 * migrations again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../../sandbox';
import { writeE2eState } from '../support/e2e';
import { sandboxCredentials } from '../support/examples';
import { ensureRuntime } from '../support/install';
import { N8nInstance } from '../support/n8n';
import { installedPackageRecord, installPackage, packPackage } from '../support/package';
import { freePort, PROJECT_ROOT } from '../support/runtime';

export default async function globalSetup(): Promise<void> {
	// A fresh clone has no n8n yet: install it (once) rather than fail.
	await ensureRuntime();
	// User folders live outside the project: below it, Node would resolve the package's n8n-workflow
	// to the project's dev copy instead of n8n's own, which is not what users run.
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-b2b-e2e-'));
	const tarball = await packPackage(join(PROJECT_ROOT, '.e2e-work', 'pack'));
	const template = join(workDir, 'template');
	const instance = await N8nInstance.create(template);
	await installPackage(template, tarball);

	// The credentials carry the sandbox's address, so every test file starts its sandbox on this port.
	const sandboxPort = await freePort();
	const sandbox = await startSandbox({ port: sandboxPort });
	try {
		await instance.importCredentials(await sandboxCredentials(sandbox.credentials));
		await instance.recordInstalledPackage(installedPackageRecord());
	} finally {
		await sandbox.close();
	}
	writeE2eState({ workDir, template, tarball, sandboxPort });
}
