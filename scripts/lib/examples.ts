/**
 * The example workflows of examples/ and the sandbox credentials they use. An example refers to
 * its credential by the credential type's name used as id (`"cegidLoopApi": {"id": "cegidLoopApi"}`),
 * so one import of the sandbox credentials serves every example.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nCredential, WorkflowFile } from './n8n';
import { PROJECT_ROOT } from './runtime';

export const EXAMPLES_DIR = join(PROJECT_ROOT, 'examples');

export interface Example {
	/** The file name without `.json`, e.g. `cegid-loop-onboard-client-folder`. */
	slug: string;
	file: string;
	workflow: WorkflowFile;
}

export function loadExamples(): Example[] {
	if (!existsSync(EXAMPLES_DIR)) return [];
	return readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => {
			const file = join(EXAMPLES_DIR, name);
			return { slug: name.replace(/\.json$/, ''), file, workflow: JSON.parse(readFileSync(file, 'utf8')) as WorkflowFile };
		});
}

/** The credential types an example's nodes refer to. */
export function credentialTypesOf(workflow: WorkflowFile): string[] {
	const types = new Set<string>();
	for (const node of workflow.nodes) for (const type of Object.keys(node.credentials ?? {})) types.add(type);
	return [...types];
}

/** What the editor shows for the sandbox credential of a type, e.g. `Cegid Loop API (sandbox)`. */
export function sandboxCredentialName(type: string): string {
	return `${credentialDisplayNames()[type] ?? type} (sandbox)`;
}

let displayNames: Record<string, string> | undefined;

/** The display name of each credential type of the package, read from its compiled class. */
function credentialDisplayNames(): Record<string, string> {
	if (displayNames) return displayNames;
	displayNames = {};
	const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { n8n?: { credentials?: string[] } };
	for (const file of pkg.n8n?.credentials ?? []) {
		const path = join(PROJECT_ROOT, file);
		if (!existsSync(path)) continue;
		const source = readFileSync(path, 'utf8');
		const name = /\bname = '([^']+)'/.exec(source)?.[1];
		const displayName = /\bdisplayName = '([^']+)'/.exec(source)?.[1];
		if (name && displayName) displayNames[name] = displayName;
	}
	return displayNames;
}

/** The sandbox's credentials (by type) as one n8n credential each, with the type as id. */
export function sandboxCredentials(byType: Record<string, Record<string, string | number | boolean>>): N8nCredential[] {
	return Object.entries(byType).map(([type, data]) => ({
		id: type,
		name: sandboxCredentialName(type),
		type,
		data,
	}));
}
