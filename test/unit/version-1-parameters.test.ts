/**
 * Workflows saved with version 1 of a node keep their values only while version 1 still shows each
 * field under the same name, type and place: n8n drops a saved value that no shown field describes
 * (an option a collection no longer declares), and the editor shows a plain value saved in a
 * resource locator with an empty mode. The fixture lists the fields of the first release
 * (commit 91a3b1a); each must still be there for version 1, as the editor resolves it.
 */
import type { INodeParameters, INodeProperties, INodeType, NodeParameterValue } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { CegidLoop } from '../../nodes/CegidLoop/CegidLoop.node';
import { Collabor8EqHub } from '../../nodes/Collabor8EqHub/Collabor8EqHub.node';
import { Collabor8Loop } from '../../nodes/Collabor8Loop/Collabor8Loop.node';
import { Collabor8VirtualInventory } from '../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventory.node';
import { Infinigate } from '../../nodes/Infinigate/Infinigate.node';
import firstRelease from './fixtures/version-1-parameters.json';

interface FieldShape {
	type: string;
	default?: unknown;
	values?: NodeParameterValue[];
	/** The other values under which the field shows: of the node, or of its collection for an option. */
	when?: INodeParameters;
}

interface NodeShape {
	resources: Record<string, string[]>;
	parameters: Record<string, Record<string, FieldShape>>;
}

const NODES: INodeType[] = [new CegidLoop(), new Infinigate(), new Collabor8EqHub(), new Collabor8VirtualInventory(), new Collabor8Loop()];
const shapes = firstRelease.nodes as Record<string, NodeShape>;
const VERSION_1 = { typeVersion: 1 };

function nodeNamed(name: string): INodeType {
	const node = NODES.find((candidate) => candidate.description.name === name);
	if (!node) throw new Error(`No node named ${name}`);
	return node;
}

/** The node's values as the editor resolves them for version 1: those given, then every shown field's default. */
function resolved(node: INodeType, values: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(node.description.properties, values, true, false, VERSION_1, node.description) ?? {};
}

/** The fields of this name that version 1 shows with these values of the node. */
function shownFields(fields: INodeProperties[], name: string, values: INodeParameters, node: INodeType, root = values): INodeProperties[] {
	return fields.filter((field) => field.name === name && NodeHelpers.displayParameter(values, field, VERSION_1, node.description, root));
}

/** How the field differs from its first-release shape, if it does. */
function differences(path: string, shown: INodeProperties[], expected: FieldShape): string[] {
	if (shown.length !== 1) return [`${path}: shown ${shown.length} times, not once`];
	const [field] = shown;
	const found: string[] = [];
	if (field.type !== expected.type) found.push(`${path}: type ${field.type}, was ${expected.type}`);
	if ('default' in expected && JSON.stringify(field.default) !== JSON.stringify(expected.default)) {
		found.push(`${path}: default ${JSON.stringify(field.default)}, was ${JSON.stringify(expected.default)}`);
	}
	// Choices may be added; none that a saved workflow may hold may go.
	const values = ((field.options ?? []) as Array<{ value?: NodeParameterValue }>).map((option) => option.value);
	const gone = (expected.values ?? []).filter((value) => !values.includes(value));
	if (gone.length > 0) found.push(`${path}: choices ${JSON.stringify(gone)} are gone`);
	return found;
}

const cases = Object.entries(shapes).flatMap(([nodeName, shape]) =>
	Object.entries(shape.parameters).map(([operationKey, fields]) => ({ nodeName, operationKey, fields })),
);

test('the fixture covers all five nodes and their version-1 operations', () => {
	expect(Object.keys(shapes).sort()).toEqual(NODES.map((node) => node.description.name).sort());
	expect(cases.length).toBeGreaterThan(30);
});

describe.each(Object.entries(shapes))('%s', (nodeName, shape) => {
	const node = nodeNamed(nodeName);

	test('still has version 1, with every resource and operation of the first release', () => {
		expect([node.description.version].flat()).toContain(1);
		const problems = differences('resource', shownFields(node.description.properties, 'resource', {}, node), {
			type: 'options',
			values: Object.keys(shape.resources),
		});
		for (const [resource, operations] of Object.entries(shape.resources)) {
			const shown = shownFields(node.description.properties, 'operation', { resource }, node);
			problems.push(...differences(`${resource} operation`, shown, { type: 'options', values: operations }));
		}
		expect(problems).toEqual([]);
	});
});

test.each(cases)('$nodeName → $operationKey: version 1 shows each field of the first release, same name, type and place', ({ nodeName, operationKey, fields }) => {
	const node = nodeNamed(nodeName);
	const [resource, operation] = operationKey.split(':');
	const problems: string[] = [];
	for (const [path, expected] of Object.entries(fields)) {
		const [name, option] = path.split('.');
		const values = resolved(node, { resource, operation, ...fields[name].when, ...(option ? {} : expected.when) });
		const shown = shownFields(node.description.properties, name, values, node);
		if (!option) {
			problems.push(...differences(path, shown, expected));
			continue;
		}
		if (shown.length !== 1 || shown[0].type !== 'collection') {
			problems.push(`${path}: no single ${name} collection shown`);
			continue;
		}
		const options = (shown[0].options ?? []) as INodeProperties[];
		problems.push(...differences(path, shownFields(options, option, expected.when ?? {}, node, values), expected));
	}
	expect(problems).toEqual([]);
});
