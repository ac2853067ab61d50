/**
 * `npm run screenshots`: every panel of the package as a user sees it in the real n8n editor.
 *
 * Installs the packed package into a fresh n8n (as the demo does), imports the sandbox credentials,
 * one "gallery" workflow per node with one node per operation (per event for triggers), and the
 * example workflows; then opens each node's panel and each credential in headless Chromium and
 * saves a PNG per panel under `screenshots/`, cropped to the panel. Also: each credential's dialog
 * as a new user meets it (empty), each node's Resource and Operation lists (a trigger's events) and
 * each picker of each resource opened (once), each node's canvas of all its operations (the subtitles), and
 * the node search for the package's names on the light and the dark theme. Reviewing the editor means looking at these files: labels, hints,
 * field order, placeholders, icons and the pickers' values are only visible there.
 *
 * Needs Chromium (`apt-get install chromium`, or CHROMIUM_PATH). Options: `--only=<text>[,<text>…]`
 * keeps the panels whose file name contains one of the texts; N8N_SHOTS_PORT picks the editor's port (default 5690).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import puppeteer from 'puppeteer-core';
import type { ElementHandle, Page } from 'puppeteer-core';

import { startSandbox } from '../sandbox';
import { loadExamples, sandboxCredentialName, sandboxCredentials } from '../test/support/examples';
import { ensureRuntime } from '../test/support/install';
import { N8nInstance } from '../test/support/n8n';
import type { WorkflowFile } from '../test/support/n8n';
import { installedPackageRecord, installPackage, packPackage, projectPackageJson } from '../test/support/package';
import { isPortFree, PACKAGE_NAME, PROJECT_ROOT } from '../test/support/runtime';
import { shownTo } from '../test/support/shown-to-version';

const OUT_DIR = join(PROJECT_ROOT, 'screenshots');
const EDITOR_PORT = Number(process.env.N8N_SHOTS_PORT ?? 5690);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OWNER = { email: 'shots@example.com', password: 'Shots-n8n-2041', firstName: 'Panel', lastName: 'Review' };
/** Tall enough that most panels show every field without scrolling; each picture is cropped to its panel. */
const VIEWPORT = { width: 1600, height: 2200 };

interface Panel {
	file: string;
	url: string;
	/** What to picture: the node's panel (default), a credential's dialog, the node search, or a workflow's canvas. */
	kind?: 'node' | 'credential' | 'new-credential' | 'search' | 'canvas';
	/** A new credential's type as the "Add credential" list names it; a search's text. */
	text?: string;
	/** Also picture the panel with its Resource and Operation (or Event) lists opened (the first panel of each node). */
	openOperations?: boolean;
	/** The node type's gallery: its first panel with a picker is also pictured with the picker open. */
	gallery?: string;
	/** A node's panel: its workflow, its name (as the panel's title shows it) and its resource. */
	workflow?: string;
	node?: string;
	resource?: string;
}

/** The editor's own test ids (n8n 2.41): what to wait for and what to crop to. */
const SELECTOR = {
	ndv: '[data-test-id="ndv"]',
	parameters: '[data-test-id="node-parameters"]',
	nodeTitle: '[data-test-id="node-title-container"]',
	/** The panel's fields (and its credential); the panel itself runs to the bottom of the window. */
	parameterItems: '[data-test-id="parameter-item"], [data-test-id="node-credentials-slot"]',
	credentialDialog: '[data-test-id="credential-edit-dialog"]',
	/** The whole modal around it, with the credential's name and the Save button. */
	credentialModal: '[data-test-id="editCredential-modal"]',
	newCredentialSelect: '[data-test-id="new-credential-type-select"] input',
	newCredentialOption: '[data-test-id="new-credential-type-select-option"]',
	newCredentialButton: '[data-test-id="new-credential-type-button"]',
	resource: '[data-test-id="parameter-input-resource"]',
	/** The list a node's first panel shows open: its operations, or a trigger's events. */
	operation: '[data-test-id="parameter-input-operation"], [data-test-id="parameter-input-event"], [data-test-id="parameter-input-events"]',
	pickerInput: '[data-test-id="rlc-input"]',
	/** The picker's list, or its entries (which is shown depends on the editor's version). */
	pickerDropdown: '[data-test-id="resource-locator-dropdown"], [data-test-id="rlc-item"]',
	nodeCreator: '[data-test-id="node-creator"]',
	/** A node on the canvas, with its name and subtitle below it. */
	canvasNode: '[data-test-id="canvas-node"]',
	nodeCreatorSearch: '[data-test-id="node-creator-search-bar"]',
	/** An entry the search found, or the note that it found none. */
	nodeCreatorItem: '[data-test-id="item-iterator-item"], [data-test-id="node-creator-no-results"]',
	canvasAdd: '[data-test-id="canvas-add-button"], [data-test-id="canvas-plus-button"], [data-test-id="node-creator-plus-button"]',
	/** Element Plus option lists open in a popper attached to the page's body (hidden ones stay in the page). */
	openList: '.el-select-dropdown, [role="listbox"]',
	/** Anything still loading: the editor's spinners and the option loaders. */
	loading: '.el-loading-mask, .el-loading-spinner, [data-test-id="parameter-options-loader"], [data-test-id="credentials-loading"], .n8n-spinner',
} as const;

/** The package's names as a user would search the node panel for them. */
const SEARCHES = ['Cegid', 'Infinigate', 'Collabor8', 'Loop'];

interface GalleryNode {
	label: string;
	parameters: Record<string, unknown>;
}

async function main(): Promise<void> {
	const only = process.argv
		.find((argument) => argument.startsWith('--only='))
		?.slice('--only='.length)
		.split(',')
		.filter(Boolean);
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
		// The icons at the size the search shows them (20 px), on the light and on the dark theme.
		...(['light', 'dark'] as const).flatMap((theme) =>
			SEARCHES.map((text): Panel => ({ file: `search-${slug(text)}-${theme}`, url: `/workflow/new?theme=${theme}`, kind: 'search', text })),
		),
		...(await credentialDisplayNames()).map(
			({ type, displayName }): Panel => ({ file: `new-credential-${type}`, url: '/home/credentials/create', kind: 'new-credential', text: displayName }),
		),
		...credentials.map((credential): Panel => ({ file: `credential-${credential.type}`, url: `/home/credentials/${credential.id}`, kind: 'credential' })),
		// Each gallery's canvas: every node's subtitle, as the workflow shows it.
		...galleries.map((workflow): Panel => ({ file: `${workflow.id}-canvas`, url: `/workflow/${workflow.id}`, kind: 'canvas' })),
		...galleries.flatMap((workflow) => panelsOf(workflow).map((panel, index) => ({ ...panel, openOperations: index === 0, gallery: workflow.id }))),
		...examples.flatMap((workflow) => panelsOf(workflow)),
	].filter((panel) => only === undefined || only.some((text) => panel.file.includes(text)));

	rmSync(OUT_DIR, { recursive: true, force: true });
	mkdirSync(OUT_DIR, { recursive: true });
	let failures = 0;
	/** The pickers already pictured open, by gallery and field: each is pictured once. */
	const picturedPickers = new Set<string>();
	const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], defaultViewport: VIEWPORT });
	try {
		const page = await browser.newPage();
		await signIn(page, server.url);
		let previous: Panel | undefined;
		for (const [index, panel] of panels.entries()) {
			const name = `${String(index + 1).padStart(3, '0')}-${panel.file}.png`;
			const path = (suffix: string): string => join(OUT_DIR, name.replace(/\.png$/, `${suffix}.png`));
			// Another node of the workflow already open is reached within the editor: loading the
			// whole editor again for every panel took most of the run's time.
			const within = previous?.workflow !== undefined && previous.workflow === panel.workflow;
			let notes: string | undefined;
			let failure: unknown;
			for (const inEditor of within ? [true, false] : [false]) {
				try {
					await open(page, server.url, panel.url, inEditor);
					notes = (await shootPanel(page, panel, path, picturedPickers)) + (within && !inEditor ? ' (by a full load)' : '');
					break;
				} catch (error) {
					// Reached within the editor, the panel gets a second chance by a full load.
					failure = error;
				}
			}
			previous = panel;
			if (notes !== undefined) {
				console.log(`  ${name}${notes}`);
			} else {
				// One panel that does not open (a changed editor) is reported, and the others still come.
				failures += 1;
				previous = undefined;
				await page.screenshot({ path: path('-failed') });
				console.log(`  ${name} FAILED: ${failure instanceof Error ? failure.message : String(failure)} (the page as it was: ${name.replace(/\.png$/, '-failed.png')})`);
			}
		}
	} finally {
		await browser.close();
		await server.stop();
		await sandbox.close();
	}
	console.log(`\n${panels.length} panels in ${OUT_DIR.replace(`${PROJECT_ROOT}/`, '')}/${failures > 0 ? `; ${failures} did not open` : ''}`);
	if (failures > 0) process.exitCode = 1;
}

/**
 * Opens the page: loaded afresh, or, `inEditor`, by the editor's own router, as a click on another
 * node of the open workflow would (what is open on the page, a list or the panel, is closed first).
 */
async function open(page: Page, base: string, url: string, inEditor: boolean): Promise<void> {
	if (!inEditor) {
		await page.goto(`${base}${url}`, { waitUntil: 'networkidle2', timeout: 60_000 }).catch(() => undefined);
		return;
	}
	await page.keyboard.press('Escape');
	await page.evaluate(`(() => { history.pushState({}, '', ${JSON.stringify(url)}); dispatchEvent(new PopStateEvent('popstate', { state: {} })); })()`);
}

/** Pictures one panel, and what it opens in it; returns a note for the log line. */
async function shootPanel(page: Page, panel: Panel, path: (suffix: string) => string, picturedPickers = new Set<string>()): Promise<string> {
	switch (panel.kind) {
		case 'search': {
			await waitFor(page, SELECTOR.canvasAdd);
			await page.click(SELECTOR.canvasAdd);
			await waitFor(page, SELECTOR.nodeCreatorSearch);
			// The test id sits on the input itself in 2.41, on a wrapper around it in other versions.
			const search = (await page.$(`${SELECTOR.nodeCreatorSearch} input`)) ?? (await page.$(SELECTOR.nodeCreatorSearch));
			await search?.type(panel.text ?? '');
			await settle(page);
			await page.screenshot({ path: path(''), clip: await clipOf(page, [SELECTOR.nodeCreator], false, SELECTOR.nodeCreatorItem) });
			return '';
		}
		case 'canvas': {
			await waitFor(page, SELECTOR.canvasNode);
			await page.screenshot({ path: path(''), clip: await clipOf(page, [SELECTOR.canvasNode, `${SELECTOR.canvasNode} *`]) });
			return '';
		}
		case 'new-credential': {
			await waitFor(page, SELECTOR.newCredentialSelect);
			const option = await chooseCredentialType(page, panel.text ?? '');
			await settle(page);
			await option.click();
			const chosen = await page.$eval(SELECTOR.newCredentialSelect, (input) => (input as unknown as { value: string }).value);
			if (chosen !== panel.text) throw new Error(`the "Add credential" list chose "${chosen}" instead of "${panel.text ?? ''}"`);
			// The list fades out over the Continue button: a click before it is gone does not reach the button.
			await page.waitForFunction(`![...document.querySelectorAll(${JSON.stringify(SELECTOR.newCredentialOption)})].some((element) => element.getClientRects().length > 0)`, {
				timeout: 10_000,
			});
			await settle(page);
			await clickUntilShown(page, SELECTOR.newCredentialButton, SELECTOR.credentialDialog);
			await waitFor(page, SELECTOR.credentialDialog);
			return scrolledNote(await shootScrolled(page, path));
		}
		case 'credential': {
			await waitFor(page, SELECTOR.credentialDialog);
			return scrolledNote(await shootScrolled(page, path));
		}
		default: {
			// The panel of the node asked for, not the one shown before it.
			await page.waitForFunction(
				`[...document.querySelectorAll(${JSON.stringify(SELECTOR.nodeTitle)})].some((element) => element.getClientRects().length > 0 && element.textContent.includes(${JSON.stringify(panel.node ?? '')}))`,
				{ timeout: 30_000 },
			);
			await waitFor(page, SELECTOR.parameters);
			await page.screenshot({ path: path(''), clip: await clipOf(page, [SELECTOR.parameters], true, SELECTOR.parameterItems) });
			const opened: string[] = [];
			// Resources show their descriptions only in the opened list.
			if (panel.openOperations && (await openAndShoot(page, SELECTOR.resource, path('-resources')))) {
				opened.push('its resources');
				await page.keyboard.press('Escape');
			}
			if (panel.openOperations && (await openAndShoot(page, SELECTOR.operation, path('-operations')))) {
				opened.push('its operations');
				await page.keyboard.press('Escape');
			}
			// A gallery's panels share pickers (every quote operation has the quote picker): the first
			// panel with a picker not yet pictured shows it open, with the values the sandbox serves.
			const picker = panel.gallery === undefined ? undefined : await pickerField(page);
			// By resource too: invoices, credit memos and quotes each have their own list under one field name.
			const pickerKey = `${panel.gallery}:${panel.resource ?? ''}:${picker}`;
			if (picker !== undefined && !picturedPickers.has(pickerKey)) {
				if (await openAndShoot(page, SELECTOR.pickerInput, path('-picker'), SELECTOR.pickerDropdown)) opened.push(`its picker (${picker})`);
				picturedPickers.add(pickerKey);
			}
			return opened.length > 0 ? ` (and ${opened.join(' and ')} opened)` : '';
		}
	}
}

/**
 * The "Add credential" list's entry of this type. The list shows every type until the typed text has
 * filtered it, and an entry clicked while it filters can be another one: the entry is taken once
 * every entry shown is this type's. Keys typed while the list opens can be lost (the list then shows
 * another type's name): the text is typed again, up to three times.
 */
async function chooseCredentialType(page: Page, text: string): Promise<ElementHandle> {
	const filtered = `(() => {
		const shown = [...document.querySelectorAll(${JSON.stringify(SELECTOR.newCredentialOption)})].filter((element) => element.getClientRects().length > 0);
		const named = (element) => element.textContent.replace(/\\s+/g, ' ').trim() === ${JSON.stringify(text)};
		return shown.length > 0 && shown.every(named) ? shown[0] : null;
	})()`;
	for (let attempt = 1; ; attempt++) {
		await page.click(SELECTOR.newCredentialSelect);
		// The pointer off the list, where hovering an entry would change what the field shows.
		await page.mouse.move(0, 0);
		await page.$eval(SELECTOR.newCredentialSelect, (input) => (input as unknown as { select(): void }).select());
		await page.keyboard.press('Backspace');
		await page.type(SELECTOR.newCredentialSelect, text, { delay: 20 });
		try {
			const option = (await page.waitForFunction(filtered, { timeout: 10_000 })).asElement();
			if (option) return option as ElementHandle;
		} catch (error) {
			if (attempt === 3) throw error;
		}
		await page.keyboard.press('Escape');
	}
}

/** Clicks the button until what it opens is shown (a click the page was not ready for is lost), up to three times. */
async function clickUntilShown(page: Page, button: string, shown: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		await page.click(button);
		try {
			await page.waitForFunction(`[...document.querySelectorAll(${JSON.stringify(shown)})].some((element) => element.getClientRects().length > 0)`, { timeout: 10_000 });
			return;
		} catch (error) {
			if (attempt === 3) throw error;
		}
	}
}

/** The parameter of the panel's first picker, by its field's test id ("quoteId-parameter-input-options-container"). */
async function pickerField(page: Page): Promise<string | undefined> {
	const name = await page.evaluate(`(() => {
		const input = [...document.querySelectorAll(${JSON.stringify(SELECTOR.pickerInput)})].find((element) => element.getClientRects().length > 0);
		const field = input?.closest('[data-test-id$="-parameter-input-options-container"]') ?? input?.closest('[data-test-id^="parameter-input-"]');
		return field ? field.getAttribute('data-test-id').replace(/-parameter-input-options-container$|^parameter-input-/g, '') : input ? 'picker' : null;
	})()`);
	return typeof name === 'string' ? name : undefined;
}

/** Clicks a field of the panel and pictures the panel with the list it opened; false without that field. */
async function openAndShoot(page: Page, field: string, path: string, list: string = SELECTOR.openList): Promise<boolean> {
	// The panel's own field: panels opened before it within the editor can leave theirs, hidden, in the page.
	const element = (await page.evaluateHandle(`[...document.querySelectorAll(${JSON.stringify(field)})].find((element) => element.getClientRects().length > 0) ?? null`)).asElement();
	if (!element) return false;
	await (element as ElementHandle).click();
	await waitFor(page, list);
	await page.screenshot({ path, clip: await clipOf(page, [SELECTOR.parameters, list], true, SELECTOR.parameterItems) });
	return true;
}

function scrolledNote(parts: number): string {
	return parts > 1 ? ` (and ${parts - 1} scrolled further)` : '';
}

/**
 * Waits until the element is there and nothing on the page is still loading (pickers and option
 * lists load after the panel opens), instead of a fixed time that is too short on a busy machine.
 */
async function waitFor(page: Page, selector: string): Promise<void> {
	// Any match that is shown: closed lists stay in the page, hidden, before the one just opened.
	await page.waitForFunction(`[...document.querySelectorAll(${JSON.stringify(selector)})].some((element) => element.getClientRects().length > 0)`, {
		timeout: 30_000,
	});
	await settle(page);
}

async function settle(page: Page): Promise<void> {
	const loading = `(() => [...document.querySelectorAll(${JSON.stringify(SELECTOR.loading)})].some((element) => element.getClientRects().length > 0))()`;
	const deadline = Date.now() + 20_000;
	let quietChecks = 0;
	// Two quiet looks in a row: a list that starts loading a moment after the panel is caught too.
	while (quietChecks < 2 && Date.now() < deadline) {
		quietChecks = (await page.evaluate(loading)) === true ? 0 : quietChecks + 1;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	// The panel slides in and lists fade in: let the animation end.
	await new Promise((resolve) => setTimeout(resolve, 300));
}

interface Clip {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * The rectangle around the visible elements matched (8 px of margin), within the window. With
 * `wholePanel`, the first selector's element grows to the panel that holds it (the tabs above the
 * parameters), up to the width of one panel of the editor. The first selector's element ends below
 * the last element in it that `endAfter` (if given) matches (its last field; the node search's last entry)
 * rather than at the bottom of the window, where the panel ends.
 */
async function clipOf(page: Page, selectors: string[], wholePanel = false, endAfter?: string): Promise<Clip> {
	const script = `
		(() => {
			const rects = [];
			const shown = (element) => { const rect = element.getBoundingClientRect(); return rect.width > 0 && rect.height > 0 ? rect : null; };
			${JSON.stringify(selectors)}.forEach((selector, index) => {
				for (const element of document.querySelectorAll(selector)) {
					let target = element;
					if (${String(wholePanel)} && index === 0) {
						while (target.parentElement && target.parentElement.getBoundingClientRect().width <= 720 && target.parentElement !== document.body) target = target.parentElement;
					}
					const last = index === 0 && ${JSON.stringify(endAfter ?? '')} !== '' ? [...element.querySelectorAll(${JSON.stringify(endAfter ?? '')})].map(shown).filter(Boolean) : [];
					const whole = shown(target);
					if (whole && last.length > 0) {
						rects.push({ left: whole.left, right: whole.right, top: whole.top, bottom: Math.max(...last.map((r) => r.bottom)) + 8 });
						continue;
					}
					const rect = shown(target);
					if (rect) rects.push(rect);
				}
			});
			if (rects.length === 0) return null;
			const left = Math.max(0, Math.min(...rects.map((r) => r.left)) - 8);
			const top = Math.max(0, Math.min(...rects.map((r) => r.top)) - 8);
			const right = Math.min(window.innerWidth, Math.max(...rects.map((r) => r.right)) + 8);
			const bottom = Math.min(window.innerHeight, Math.max(...rects.map((r) => r.bottom)) + 8);
			return { x: left, y: top, width: right - left, height: bottom - top };
		})()`;
	const clip = (await page.evaluate(script)) as Clip | null;
	if (!clip) throw new Error(`nothing to picture: ${selectors.join(', ')} not on the page`);
	return clip;
}

/** The package's credential types with the names the "Add credential" list shows. */
async function credentialDisplayNames(): Promise<Array<{ type: string; displayName: string }>> {
	const names: Array<{ type: string; displayName: string }> = [];
	for (const file of projectPackageJson().n8n?.credentials ?? []) {
		const exported = (await import(join(PROJECT_ROOT, file))) as Record<string, new () => { name: string; displayName: string }>;
		for (const CredentialClass of Object.values(exported)) {
			const credential = new CredentialClass();
			if (typeof credential.name === 'string') names.push({ type: credential.name, displayName: credential.displayName });
		}
	}
	return names;
}

/**
 * A credential dialog scrolls within a fixed height: scrolled a screen at a time, with a picture of
 * each position (cropped to the dialog), every field is seen. Returns how many positions there were
 * (1 without a scroller).
 */
async function shootScrolled(page: Page, path: (suffix: string) => string): Promise<number> {
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
		await page.screenshot({ path: path(part === 0 ? '' : `-${part + 1}`), clip: await clipOf(page, [SELECTOR.credentialModal, SELECTOR.credentialDialog]) });
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
			workflow: workflow.id,
			node: node.name,
			...(typeof node.parameters?.resource === 'string' ? { resource: node.parameters.resource } : {}),
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
			nodes: galleryNodes(description, version).map((node, index) => ({
				id: `${id}-${index + 1}`,
				name: `${description.displayName} ${node.label}`.trim(),
				type: `${PACKAGE_NAME}.${description.name}`,
				typeVersion: version,
				position: [(index % 6) * 260, Math.floor(index / 6) * 200],
				parameters: { ...node.parameters, ...everyOptionShown(description, node.parameters, version) },
				...(credential ? { credentials: { [credential]: { id: credential, name: sandboxCredentialName(credential) } } } : {}),
			})),
		} as WorkflowFile);
	}
	return workflows;
}

/** One node per choice the gallery's version shows: a field kept in another shape for older versions is left out. */
function galleryNodes(description: INodeTypeDescription, version: number): GalleryNode[] {
	const properties = description.properties;
	const choices = (name: string, shownFor?: Record<string, string>): string[] => [
		...new Set(
			properties
				.filter((property) => property.name === name && property.type === 'options' && isShownFor(property, shownFor) && shownTo(version, property))
				.flatMap((property) => (property.options as INodePropertyOptions[]).map((option) => String(option.value))),
		),
	];
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
function everyOptionShown(description: INodeTypeDescription, chosen: Record<string, unknown>, version: number): Record<string, unknown> {
	const shownFor = Object.fromEntries(Object.entries(chosen).map(([name, value]) => [name, String(value)]));
	const filled: Record<string, unknown> = {};
	for (const property of description.properties) {
		if (property.type !== 'collection' || !isShownFor(property, shownFor) || !shownTo(version, property) || filled[property.name] !== undefined) continue;
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
