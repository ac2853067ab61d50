/**
 * `npm run screenshots`: every panel of the package as a user sees it in the real n8n editor.
 *
 * Installs the packed package into a fresh n8n (as the demo does), imports the sandbox credentials,
 * one "gallery" workflow per node with one node per operation (per event for triggers), and the
 * example workflows; then opens each node's panel and each credential in headless Chromium and
 * saves a PNG per panel under `screenshots/`. Reviewing the editor means looking at these files:
 * labels, hints, field order, placeholders, icons and the pickers' values are only visible there.
 *
 * Needs Chromium (`apt-get install chromium`, or CHROMIUM_PATH). Options: `--only=<text>` keeps the
 * panels whose file name contains the text; N8N_SHOTS_PORT picks the editor's port (default 5690).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import puppeteer from 'puppeteer-core';
import type { Page } from 'puppeteer-core';

import { startSandbox } from '../sandbox';
import { loadExamples, sandboxCredentialName, sandboxCredentials } from '../test/support/examples';
import { ensureRuntime } from '../test/support/install';
import { N8nInstance } from '../test/support/n8n';
import type { WorkflowFile } from '../test/support/n8n';
import { installedPackageRecord, installPackage, packPackage, projectPackageJson } from '../test/support/package';
import { isPortFree, PACKAGE_NAME, PROJECT_ROOT } from '../test/support/runtime';

const OUT_DIR = join(PROJECT_ROOT, 'screenshots');
const EDITOR_PORT = Number(process.env.N8N_SHOTS_PORT ?? 5690);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OWNER = { email: 'shots@example.com', password: 'Shots-n8n-2041', firstName: 'Panel', lastName: 'Review' };
/** Tall enough that most panels show every field without scrolling. */
const VIEWPORT = { width: 1600, height: 2200 };

interface Panel {
	file: string;
	url: string;
}

interface GalleryNode {
	label: string;
	parameters: Record<string, unknown>;
}

async function main(): Promise<void> {
	const only = process.argv.find((argument) => argument.startsWith('--only='))?.slice('--only='.length);
	await ensureRuntime();
	if (!(await isPortFree(EDITOR_PORT))) throw new Error(`Port ${EDITOR_PORT} is in use: set N8N_SHOTS_PORT to a free port.`);

	const userFolder = join(tmpdir(), 'n8n-nodes-b2b-provisioning-screenshots');
	rmSync(userFolder, { recursive: true, force: true });
	const tarball = await packPackage(join(PROJECT_ROOT, '.e2e-work', 'screenshots-pack'));
	const instance = await N8nInstance.create(userFolder);
	await installPackage(userFolder, tarball);
	const sandbox = await startSandbox({ port: 0 });
	const credentials = await sandboxCredentials(sandbox.credentials);
	await instance.importCredentials(credentials);

	const galleries = await galleryWorkflows();
	const examples = loadExamples().map((example) => example.workflow);
	await instance.importWorkflows([...galleries, ...examples]);
	await instance.recordInstalledPackage(installedPackageRecord());
	const server = await instance.startServer(EDITOR_PORT);
	await server.setupOwner(OWNER);

	const panels: Panel[] = [
		...credentials.map((credential) => ({ file: `credential-${credential.type}`, url: `/home/credentials/${credential.id}` })),
		...[...galleries, ...examples].flatMap((workflow) => panelsOf(workflow)),
	].filter((panel) => only === undefined || panel.file.includes(only));

	rmSync(OUT_DIR, { recursive: true, force: true });
	mkdirSync(OUT_DIR, { recursive: true });
	const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], defaultViewport: VIEWPORT });
	try {
		const page = await browser.newPage();
		await signIn(page, server.url);
		for (const [index, panel] of panels.entries()) {
			const name = `${String(index + 1).padStart(3, '0')}-${panel.file}.png`;
			await page.goto(`${server.url}${panel.url}`, { waitUntil: 'networkidle2', timeout: 60_000 }).catch(() => undefined);
			// Pickers and option lists load after the panel opens.
			await new Promise((resolve) => setTimeout(resolve, 1500));
			if (panel.file.startsWith('credential-')) {
				const parts = await shootScrolled(page, (part) => join(OUT_DIR, part === 0 ? name : name.replace(/\.png$/, `-${part + 1}.png`)));
				console.log(`  ${name}${parts > 1 ? ` (and ${parts - 1} scrolled further)` : ''}`);
				continue;
			}
			await page.screenshot({ path: join(OUT_DIR, name) });
			console.log(`  ${name}`);
		}
	} finally {
		await browser.close();
		await server.stop();
		await sandbox.close();
	}
	console.log(`\n${panels.length} panels in ${OUT_DIR.replace(`${PROJECT_ROOT}/`, '')}/`);
}

/**
 * A credential dialog scrolls within a fixed height: scrolled a screen at a time, with a picture of
 * each position, every field is seen. Returns how many positions there were (1 without a scroller).
 */
async function shootScrolled(page: Page, path: (part: number) => string): Promise<number> {
	// Runs in the browser; strings, as the project compiles without the DOM's types.
	const mark = `
		(() => {
			let best, room = 0;
			for (const element of document.querySelectorAll('[role="dialog"] *')) {
				const extra = element.scrollHeight - element.clientHeight;
				const overflow = getComputedStyle(element).overflowY;
				if (extra > room && (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay')) { best = element; room = extra; }
			}
			if (!best) return 1;
			best.setAttribute('data-shots-scroller', '');
			return Math.ceil(best.scrollHeight / best.clientHeight);
		})()`;
	const parts = Number(await page.evaluate(mark)) || 1;
	for (let part = 0; part < parts; part++) {
		if (part > 0) {
			await page.evaluate(`(() => { const s = document.querySelector('[data-shots-scroller]'); s.scrollTop = ${part} * s.clientHeight * 0.9; })()`);
			await new Promise((resolve) => setTimeout(resolve, 300));
		}
		await page.screenshot({ path: path(part) });
	}
	return parts;
}

/** Signs in through the editor's own login call, so the browser holds the session cookie. */
async function signIn(page: Page, base: string): Promise<void> {
	await page.goto(`${base}/signin`, { waitUntil: 'networkidle2' });
	const status = await page.evaluate(async (owner) => {
		const response = await fetch('/rest/login', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		return response.status;
	}, OWNER);
	if (status !== 200) throw new Error(`The editor refused the login (${status}).`);
}

function panelsOf(workflow: WorkflowFile): Panel[] {
	return workflow.nodes
		.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`))
		.map((node) => ({
			file: `${workflow.id}-${slug(node.name)}`,
			url: `/workflow/${workflow.id}/${String(node.id)}`,
		}));
}

/** One workflow per node type of the package, with one node per resource and operation (or event). */
async function galleryWorkflows(): Promise<WorkflowFile[]> {
	const workflows: WorkflowFile[] = [];
	for (const file of projectPackageJson().n8n?.nodes ?? []) {
		const exported = (await import(join(PROJECT_ROOT, file))) as Record<string, new () => { description: INodeTypeDescription }>;
		const description = Object.values(exported)
			.map((NodeClass) => new NodeClass().description)
			.find((candidate) => typeof candidate?.name === 'string');
		if (!description) continue;
		const version = description.defaultVersion ?? (Array.isArray(description.version) ? Math.max(...description.version) : description.version);
		const credential = description.credentials?.[0]?.name;
		const id = `gallery${description.name[0].toUpperCase()}${description.name.slice(1)}`;
		workflows.push({
			id,
			name: `Panels: ${description.displayName}`,
			active: false,
			connections: {},
			settings: {},
			nodes: galleryNodes(description).map((node, index) => ({
				id: `${id}-${index + 1}`,
				name: `${description.displayName} ${node.label}`.trim(),
				type: `${PACKAGE_NAME}.${description.name}`,
				typeVersion: version,
				position: [(index % 6) * 260, Math.floor(index / 6) * 200],
				parameters: { ...node.parameters, ...everyOptionShown(description, node.parameters) },
				...(credential ? { credentials: { [credential]: { id: credential, name: sandboxCredentialName(credential) } } } : {}),
			})),
		} as WorkflowFile);
	}
	return workflows;
}

function galleryNodes(description: INodeTypeDescription): GalleryNode[] {
	const properties = description.properties;
	const choices = (name: string, shownFor?: Record<string, string>): string[] =>
		properties
			.filter((property) => property.name === name && property.type === 'options' && isShownFor(property, shownFor))
			.flatMap((property) => (property.options as INodePropertyOptions[]).map((option) => String(option.value)));
	const resources = choices('resource');
	if (resources.length > 0) {
		return resources.flatMap((resource) =>
			choices('operation', { resource }).map((operation) => ({ label: `${resource} ${operation}`, parameters: { resource, operation } })),
		);
	}
	const operations = choices('operation');
	if (operations.length > 0) return operations.map((operation) => ({ label: operation, parameters: { operation } }));
	const events = choices('event');
	if (events.length > 0) return events.map((event) => ({ label: event, parameters: { event } }));
	return [{ label: '', parameters: {} }];
}

/**
 * Every collection (Options, Additional Fields, Filters) of the operation filled with each of its
 * fields at their defaults: the fields a user adds one by one, and their hints, are in the picture.
 */
function everyOptionShown(description: INodeTypeDescription, chosen: Record<string, unknown>): Record<string, unknown> {
	const shownFor = Object.fromEntries(Object.entries(chosen).map(([name, value]) => [name, String(value)]));
	const filled: Record<string, unknown> = {};
	for (const property of description.properties) {
		if (property.type !== 'collection' || !isShownFor(property, shownFor) || filled[property.name] !== undefined) continue;
		const fields = (property.options ?? []) as INodeProperties[];
		filled[property.name] = Object.fromEntries(fields.map((field) => [field.name, field.default]));
	}
	return filled;
}

function isShownFor(property: INodeProperties, shownFor?: Record<string, string>): boolean {
	if (!shownFor) return true;
	const show = property.displayOptions?.show ?? {};
	return Object.entries(shownFor).every(([name, value]) => show[name] === undefined || (show[name] as unknown[]).includes(value));
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

main().catch((error: unknown) => {
	console.error(`Screenshots stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
	process.exit(1);
});
