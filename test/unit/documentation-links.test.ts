/**
 * Every documentation link a user can click in n8n (a credential's "Open docs", a node's and a
 * trigger's documentation link, from the credential's `documentationUrl` and the codex files'
 * `primaryDocumentation` / `credentialDocumentation`) opens the page of its service in the
 * repository that package.json names, at a heading that exists there and that names the node or
 * credential. Also: every link between the README and the docs pages lands on a heading.
 *
 * Headings become anchors by GitHub's rules: lower case, punctuation dropped (letters, digits,
 * spaces, hyphens and underscores kept), each space a hyphen, a repeated heading `-1`, `-2`…
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

const root = resolve(__dirname, '..', '..');

interface PackageJson {
	repository?: string | { url?: string };
	n8n: { nodes: string[]; credentials: string[] };
}

interface Codex {
	node: string;
	resources?: Record<string, Array<{ url: string }>>;
}

interface DocumentationLink {
	/** What the user clicks it from, for the failure message. */
	from: string;
	url: string;
	/** The node's or credential's name as the editor shows it: the heading's section names it. */
	names: string;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

/** `git+https://github.com/owner/name.git` → `https://github.com/owner/name` */
function repositoryWebUrl(): string {
	const url = typeof manifest.repository === 'string' ? manifest.repository : (manifest.repository?.url ?? '');
	return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** `dist/nodes/X/Y.node.js` → the TypeScript source beside it, from the project root. */
function sourceOf(distPath: string, extension: '.ts' | '.json'): string {
	return join(root, distPath.replace(/^dist\//, '').replace(/\.js$/, extension));
}

function loadClass<T>(path: string): T {
	const module = jest.requireActual<Record<string, new () => T>>(path);
	const classes = Object.values(module).filter((value) => typeof value === 'function');
	expect(classes).toHaveLength(1);
	return new classes[0]();
}

export function githubSlug(heading: string): string {
	const text = heading
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // a link keeps its text
		.replace(/[`*~]/g, '') // inline code and emphasis marks go
		.trim()
		.toLowerCase();
	return text.replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

interface Section {
	anchor: string;
	/** The heading and the text under it, up to the next heading of the same or a higher level. */
	text: string;
}

function sectionsOf(markdownPath: string): Section[] {
	const lines = readFileSync(markdownPath, 'utf8').split('\n');
	const headings: Array<{ line: number; level: number; anchor: string }> = [];
	const seen = new Map<string, number>();
	let inFence = false;
	lines.forEach((line, index) => {
		if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
		const match = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
		if (!match) return;
		const slug = githubSlug(match[2]);
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		headings.push({ line: index, level: match[1].length, anchor: count === 0 ? slug : `${slug}-${count}` });
	});
	return headings.map((heading, index) => {
		const next = headings.slice(index + 1).find((later) => later.level <= heading.level);
		return { anchor: heading.anchor, text: lines.slice(heading.line, next?.line ?? lines.length).join('\n') };
	});
}

function documentationLinks(): DocumentationLink[] {
	const links: DocumentationLink[] = [];
	for (const distPath of manifest.n8n.credentials) {
		const credential = loadClass<ICredentialType>(sourceOf(distPath, '.ts'));
		links.push({ from: `credential ${credential.name} (documentationUrl)`, url: credential.documentationUrl ?? '', names: credential.displayName });
	}
	for (const distPath of manifest.n8n.nodes) {
		const node = loadClass<INodeType>(sourceOf(distPath, '.ts'));
		const codexPath = sourceOf(distPath, '.json');
		const codex = JSON.parse(readFileSync(codexPath, 'utf8')) as Codex;
		const primary = codex.resources?.primaryDocumentation ?? [];
		expect({ codex: relative(root, codexPath), primaryDocumentation: primary.length }).toEqual({
			codex: relative(root, codexPath),
			primaryDocumentation: 1,
		});
		for (const { url } of primary) {
			links.push({ from: `${relative(root, codexPath)} (primaryDocumentation)`, url, names: node.description.displayName });
		}
		for (const { url } of codex.resources?.credentialDocumentation ?? []) {
			const credentialName = node.description.credentials?.[0]?.name ?? '';
			const credentialPath = manifest.n8n.credentials.find((path) => path.toLowerCase().includes(`/${credentialName.toLowerCase()}.`));
			const credential = loadClass<ICredentialType>(sourceOf(credentialPath ?? '', '.ts'));
			links.push({ from: `${relative(root, codexPath)} (credentialDocumentation)`, url, names: credential.displayName });
		}
	}
	return links;
}

describe('documentation links', () => {
	const repository = repositoryWebUrl();
	const links = documentationLinks();

	test('package.json names a GitHub repository', () => {
		expect(repository).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
	});

	test('every node (five actions, four triggers) and every credential has one', () => {
		expect(links.filter((link) => link.from.startsWith('credential '))).toHaveLength(5);
		expect(links.filter((link) => link.from.endsWith('(primaryDocumentation)'))).toHaveLength(9);
	});

	test.each(links.map((link) => [link.from, link] as const))('%s opens a heading of its page that names it', (_from, link) => {
		const prefix = `${repository}/blob/main/docs/`;
		expect(link.url.startsWith(prefix) ? prefix : link.url).toBe(prefix);
		const [file, anchor] = link.url.slice(prefix.length).split('#');
		const page = join(root, 'docs', file);
		expect({ page: file, exists: existsSync(page) }).toEqual({ page: file, exists: true });
		const section = sectionsOf(page).find((candidate) => candidate.anchor === anchor);
		expect({ anchor, found: section !== undefined }).toEqual({ anchor, found: true });
		expect(section!.text).toContain(link.names);
	});
});

describe('links between the README and the docs pages', () => {
	const pages = [join(root, 'README.md'), join(root, 'CONTRIBUTING.md'), ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join(root, 'docs', name))];
	const localLinks = pages.flatMap((page) =>
		[...readFileSync(page, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
			.map((match) => match[1])
			.filter((target) => !/^[a-z]+:/.test(target))
			.map((target) => [`${relative(root, page)} → ${target}`, page, target] as const),
	);

	test.each(localLinks)('%s', (_label, page, target) => {
		const [path, anchor] = target.split('#');
		const file = path === '' ? page : resolve(dirname(page), path);
		expect({ target, exists: existsSync(file) }).toEqual({ target, exists: true });
		if (anchor !== undefined) {
			expect(sectionsOf(file).map((section) => section.anchor)).toContain(anchor);
		}
	});
});

describe('GitHub anchor slugs', () => {
	test.each([
		['The credential: Cegid Loop API', 'the-credential-cegid-loop-api'],
		['What is a guess, and how to correct it', 'what-is-a-guess-and-how-to-correct-it'],
		['The end-to-end tests (`npm run test:e2e`)', 'the-end-to-end-tests-npm-run-teste2e'],
		['Scaling out (queue mode)', 'scaling-out-queue-mode'],
		['CI (`.ci/run` and GitHub Actions)', 'ci-cirun-and-github-actions'],
	])('%s → #%s', (heading, slug) => {
		expect(githubSlug(heading)).toBe(slug);
	});
});
