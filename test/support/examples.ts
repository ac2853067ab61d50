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

/**
 * Whether an example starts by itself (a polling trigger, an MCP server) instead of from a Manual
 * Trigger: such an example does nothing under `n8n execute`; it runs once published under `n8n start`.
 */
export function startsByItself(workflow: WorkflowFile): boolean {
	return !workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger');
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

/**
 * The sandbox's credentials (by type) as one n8n credential each, with the type as id. Every field
 * the sandbox does not set gets its default, as in a credential saved from the editor: n8n fetches
 * a token up front only when the hidden token field is an empty string, not when it is missing.
 */
export async function sandboxCredentials(
	byType: Record<string, Record<string, string | number | boolean>>,
): Promise<N8nCredential[]> {
	const defaults = await credentialDefaults();
	return Object.entries(byType).map(([type, data]) => ({
		id: type,
		name: sandboxCredentialName(type),
		type,
		data: { ...defaults[type], ...data },
	}));
}

interface CredentialClass {
	name?: unknown;
	properties?: Array<{ name: string; type: string; default?: unknown }>;
}

/** The default of every field of each credential type of the package, from its compiled class. */
async function credentialDefaults(): Promise<Record<string, Record<string, unknown>>> {
	const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { n8n?: { credentials?: string[] } };
	const defaults: Record<string, Record<string, unknown>> = {};
	for (const file of pkg.n8n?.credentials ?? []) {
		const path = join(PROJECT_ROOT, file);
		if (!existsSync(path)) continue;
		const exported = (await import(path)) as Record<string, unknown>;
		for (const candidate of Object.values(exported)) {
			if (typeof candidate !== 'function') continue;
			const instance = new (candidate as new () => CredentialClass)();
			if (typeof instance.name !== 'string' || !Array.isArray(instance.properties)) continue;
			defaults[instance.name] = Object.fromEntries(
				instance.properties.filter((property) => property.type !== 'notice').map((property) => [property.name, property.default ?? '']),
			);
		}
	}
	return defaults;
}
