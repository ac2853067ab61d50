// Refuses a release whose version tag, package.json and CHANGELOG.md disagree, or whose package.json
// still names the placeholder repository. Run by .github/workflows/release.yml before publishing:
//   node scripts/check-release.mjs v0.2.0        (the tag; GITHUB_REF_NAME when omitted)
//   node scripts/check-release.mjs v0.2.0 --root <folder>   (another checkout, for the tests)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const rootIndex = args.indexOf('--root');
const root = rootIndex >= 0 ? resolve(args[rootIndex + 1]) : resolve(import.meta.dirname, '..');
const tag = (rootIndex === 0 ? args[2] : args[0]) ?? process.env.GITHUB_REF_NAME ?? '';

const problems = [];
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');

// The tag: v + the version in package.json.
if (!/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(tag)) {
	problems.push(`The tag '${tag}' is not a version tag such as v${manifest.version}.`);
} else if (tag.slice(1) !== manifest.version) {
	problems.push(`The tag ${tag} does not match package.json's version ${manifest.version}: set "version" to ${tag.slice(1)} (npm version ${tag.slice(1)} --no-git-tag-version) or tag v${manifest.version}.`);
}

// CHANGELOG.md: its newest version heading is this version, and nothing waits under Unreleased.
const headings = [...changelog.matchAll(/^## \[?([^\]\s]+)\]?(.*)$/gm)].map((match) => match[1]);
const newest = headings.find((heading) => heading.toLowerCase() !== 'unreleased');
if (newest !== manifest.version) {
	problems.push(`CHANGELOG.md's newest version is ${newest ?? 'missing'}, package.json's is ${manifest.version}: add "## [${manifest.version}] - <date>" with what changed for users.`);
}
const unreleased = /^## \[?Unreleased\]?[^\n]*\n([\s\S]*?)(?=^## )/im.exec(changelog);
if (unreleased && /^\s*[-*] /m.test(unreleased[1])) {
	problems.push(`CHANGELOG.md still has entries under Unreleased: move them under ## [${manifest.version}] before tagging.`);
}

// The repository: n8n matches the npm package with a public repository, and npm's provenance
// statement names it, so the placeholder must be gone.
const placeholder = /\bOWNER\b|example\.com|<[^>]+>/;
const links = {
	'repository.url': typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url,
	'bugs.url': typeof manifest.bugs === 'string' ? manifest.bugs : manifest.bugs?.url,
	homepage: manifest.homepage,
};
for (const [field, value] of Object.entries(links)) {
	if (typeof value !== 'string' || value === '') {
		problems.push(`package.json has no ${field}: set it to the public GitHub repository of the package.`);
	} else if (placeholder.test(value)) {
		problems.push(`package.json's ${field} is still the placeholder ${value}: replace OWNER with the repository's owner (and every documentation link with it; see CONTRIBUTING.md, "Cut a release").`);
	}
}

if (problems.length > 0) {
	for (const problem of problems) console.error(`release check: ${problem}`);
	process.exit(1);
}
console.log(`release check: ${tag}, package.json ${manifest.version}, CHANGELOG.md ${newest}, repository ${links['repository.url']}: ready to publish.`);
