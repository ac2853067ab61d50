/**
 * The triggers, like the nodes, keep their guesses apart from their real options: a new trigger (its
 * default version) shows no guess in Options, every guess is in a collapsed API Overrides with the
 * nodes' one description, and a workflow saved with version 1 still finds its values in Options.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { CegidLoopTrigger } from '../../nodes/CegidLoop/CegidLoopTrigger.node';
import { Collabor8LoopTrigger } from '../../nodes/Collabor8Loop/Collabor8LoopTrigger.node';
import { Collabor8VirtualInventoryTrigger } from '../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventoryTrigger.node';
import { InfinigateTrigger } from '../../nodes/Infinigate/InfinigateTrigger.node';
import { shownTo } from '../support/shown-to-version';

const TRIGGERS: INodeType[] = [new CegidLoopTrigger(), new InfinigateTrigger(), new Collabor8LoopTrigger(), new Collabor8VirtualInventoryTrigger()];

/** The triggers' fields whose defaults are guesses or assumed addresses, by their names in the editor (literals). */
const GUESS_OVERRIDES = ['Quotes Address', 'Page Size'];

function optionsOf(trigger: INodeType, collection: string, version: number): INodeProperties[] {
	return trigger.description.properties
		.filter((field) => field.name === collection && field.type === 'collection' && shownTo(version, field))
		.flatMap((field) => (field.options ?? []) as INodeProperties[]);
}

const defaultVersion = (trigger: INodeType): number => trigger.description.defaultVersion ?? Math.max(...[trigger.description.version].flat());

describe.each(TRIGGERS.map((trigger) => [trigger.description.displayName, trigger] as const))('%s', (_name, trigger) => {
	test('a new trigger shows no guess among its Options', () => {
		for (const option of optionsOf(trigger, 'options', defaultVersion(trigger))) {
			expect(GUESS_OVERRIDES).not.toContain(option.displayName);
			expect(option.hint ?? '').not.toMatch(/guess|unconfirmed/i);
		}
	});

	test('its guesses, if any, are in API Overrides, described as in the nodes, and still in the Options of version 1', () => {
		const overrides = trigger.description.properties.filter((field) => field.name === 'apiOverrides' && shownTo(defaultVersion(trigger), field));
		const moved = overrides.flatMap((field) => ((field.options ?? []) as INodeProperties[]).map((option) => option.name));
		for (const field of overrides) {
			expect(field.description).toMatch(/^Addresses, methods and field names the node assumes .* Change one only if Check Setup or an error names it/);
		}
		const inVersion1 = optionsOf(trigger, 'options', 1).map((option) => option.name);
		expect(moved.filter((name) => !inVersion1.includes(name))).toEqual([]);
	});
});

test('the Infinigate and Collabor8 Loop Triggers, whose fields held guesses, are at version 1.1 by default and still offer 1', () => {
	for (const trigger of [new InfinigateTrigger(), new Collabor8LoopTrigger()]) {
		expect(trigger.description.defaultVersion).toBe(1.1);
		expect([trigger.description.version].flat()).toEqual([1, 1.1]);
	}
	expect(optionsOf(new InfinigateTrigger(), 'apiOverrides', 1.1).map((option) => option.displayName)).toEqual(['Quotes Address']);
	expect(optionsOf(new Collabor8LoopTrigger(), 'apiOverrides', 1.1).map((option) => option.displayName)).toEqual(['Page Size']);
	expect(optionsOf(new InfinigateTrigger(), 'options', 1).map((option) => option.displayName)).toEqual(['API Version', 'Quotes Address']);
	expect(optionsOf(new Collabor8LoopTrigger(), 'options', 1).map((option) => option.displayName)).toEqual(['Page Size']);
});
