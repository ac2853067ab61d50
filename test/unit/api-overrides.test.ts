/**
 * From version 1.2 on, Options hold only real options: every field whose default is a guess is in
 * API Overrides, with one description in every node; versions 1 and 1.1 show what they showed. Writes
 * default to the narrowest documented thing in 1.2.
 */
import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { CegidLoop } from '../../nodes/CegidLoop/CegidLoop.node';
import { Collabor8EqHub } from '../../nodes/Collabor8EqHub/Collabor8EqHub.node';
import { Collabor8Loop } from '../../nodes/Collabor8Loop/Collabor8Loop.node';
import { Collabor8VirtualInventory } from '../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventory.node';
import { Infinigate } from '../../nodes/Infinigate/Infinigate.node';
import { shownTo } from '../support/shown-to-version';

const NODES: INodeType[] = [new CegidLoop(), new Infinigate(), new Collabor8EqHub(), new Collabor8VirtualInventory(), new Collabor8Loop()];

/** The overrides of guesses, by their names in the editor (literals, from the issue and the guesses' comments). */
const GUESS_OVERRIDES = [
	'Contact Email Key', 'Contact Removal Address', 'Product Details Address', 'Page Size', 'Total Fields', 'Sale Address',
	'Status Address', 'Status Body Field', 'Status Method', 'Item Address', 'Item Method', 'File Type If Unknown',
	'Step by Step Mode Value', 'No Feedback Mode Value', 'Upload Field Name', 'SKUs per Request', 'Quotes Address', 'Quote Request Address',
];

function collections(node: INodeType, name: string, version: number): INodeProperties[] {
	return node.description.properties.filter((field) => field.name === name && field.type === 'collection' && shownTo(version, field));
}

describe.each(NODES.map((node) => [node.description.name, node] as const))('%s', (_name, node) => {
	// Infinigate's 1.3 (one Get per document) keeps 1.2's API Overrides.
	test('is at version 1.2 (Infinigate 1.3) by default, and still offers 1, 1.1 and 1.2', () => {
		expect(node.description.defaultVersion).toBe(node.description.name === 'infinigate' ? 1.3 : 1.2);
		expect([node.description.version].flat()).toEqual(expect.arrayContaining([1, 1.1, 1.2]));
	});

	test('version 1.2 and later: no option in Options is a guess; every guess is in API Overrides, described alike', () => {
		for (const version of [node.description.version].flat().filter((entry) => entry >= 1.2)) {
			const options = collections(node, 'options', version).flatMap((field) => (field.options ?? []) as INodeProperties[]);
			for (const option of options) {
				expect([option.displayName, option.hint ?? '']).not.toEqual([expect.anything(), expect.stringMatching(/guess|unconfirmed/i)]);
				expect(GUESS_OVERRIDES).not.toContain(option.displayName);
			}
			const overrides = collections(node, 'apiOverrides', version);
			expect(overrides.length).toBeGreaterThan(0);
			expect(new Set(overrides.map((field) => field.description)).size).toBe(1);
			expect(overrides[0].description).toMatch(/Check Setup or an error/);
		}
	});

	test('version 1.1 still offers in Options every override that 1.2 keeps in API Overrides, so its workflows keep their values', () => {
		const inOptions = new Set(collections(node, 'options', 1.1).flatMap((field) => ((field.options ?? []) as INodeProperties[]).map((option) => option.name)));
		const moved = collections(node, 'apiOverrides', 1.2).flatMap((field) => ((field.options ?? []) as INodeProperties[]).map((option) => option.name));
		expect(moved.filter((name) => !inOptions.has(name))).toEqual([]);
	});

	test('versions 1 and 1.1 show no API Overrides', () => {
		expect(collections(node, 'apiOverrides', 1)).toEqual([]);
		expect(collections(node, 'apiOverrides', 1.1)).toEqual([]);
	});
});

function resolved(node: INodeType, values: INodeParameters, typeVersion: number): INodeParameters {
	return NodeHelpers.getNodeParameters(node.description.properties, values, true, false, { typeVersion }, node.description) ?? {};
}

test('Collabor8 Loop 1.2: Update Status defaults to Draft, the one status the guide names; 1.1 keeps Published', () => {
	const loop = new Collabor8Loop();
	expect(resolved(loop, { resource: 'sale', operation: 'updateStatus' }, 1.2).status).toBe('draft');
	expect(resolved(loop, { resource: 'sale', operation: 'updateStatus' }, 1.1).status).toBe('published');
});

test('Cegid Loop 1.2: Collaborative Offer → Remove defaults to one contact, as Add does; 1.1 keeps the folder', () => {
	const cegid = new CegidLoop();
	expect(resolved(cegid, { resource: 'collaborativeOffer', operation: 'remove' }, 1.2).removeFrom).toBe('contact');
	expect(resolved(cegid, { resource: 'collaborativeOffer', operation: 'remove' }, 1.1).removeFrom).toBe('folder');
});

test('Virtual Inventory: Import Mode defaults to Step by Step, and its hint says what an unattended sync picks', () => {
	const vi = new Collabor8VirtualInventory();
	const mode = vi.description.properties.find((field) => field.name === 'importMode');
	expect(mode?.default).toBe('stepByStep');
	expect(mode?.hint).toMatch(/unattended sync, pick Apply File Without Feedback/);
});
