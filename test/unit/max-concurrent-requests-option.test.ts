/**
 * Max Concurrent Requests is one option, under one name, in the Options of every operation of every
 * node, except where items must not overlap; what the editor shows is checked, not the source.
 */
import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { CegidLoop } from '../../nodes/CegidLoop/CegidLoop.node';
import { resources as cegidResources } from '../../nodes/CegidLoop/actions/router';
import { Collabor8EqHub } from '../../nodes/Collabor8EqHub/Collabor8EqHub.node';
import { resources as eqHubResources } from '../../nodes/Collabor8EqHub/actions/router';
import { Collabor8Loop } from '../../nodes/Collabor8Loop/Collabor8Loop.node';
import { resources as loopResources } from '../../nodes/Collabor8Loop/actions/router';
import { Collabor8VirtualInventory } from '../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventory.node';
import { resources as virtualInventoryResources } from '../../nodes/Collabor8VirtualInventory/actions/router';
import { Infinigate } from '../../nodes/Infinigate/Infinigate.node';
import { resources as infinigateResources } from '../../nodes/Infinigate/actions/router';
import type { Operation } from '../../nodes/shared/operations';

/**
 * The operations that offer no Max Concurrent Requests, named here rather than read from the code's
 * own flag: "Virtual Inventory API: How To Keep Your Inventory In Sync" refuses an upload while an
 * import of the company is active, so a run's uploads go one after another; Check Setup runs once
 * for all items and limits its own requests.
 */
const ONE_AT_A_TIME = new Set([
	'Collabor8 Virtual Inventory/inventoryImport/upload',
	...['Cegid Loop', 'Infinigate', 'Collabor8 EqHub', 'Collabor8 Virtual Inventory', 'Collabor8 Loop'].map((node) => `${node}/account/checkSetup`),
]);

const NODES: Array<[INodeType, Record<string, { operations: Record<string, Operation> }>]> = [
	[new CegidLoop(), cegidResources],
	[new Infinigate(), infinigateResources],
	[new Collabor8EqHub(), eqHubResources],
	[new Collabor8VirtualInventory(), virtualInventoryResources],
	[new Collabor8Loop(), loopResources],
];

// Every version of every node: a field that changed in version 1.1 keeps its version-1 Options beside the new ones.
const cases = NODES.flatMap(([node, resources]) =>
	[node.description.version].flat().flatMap((typeVersion) =>
		Object.entries(resources).flatMap(([resource, { operations }]) =>
			Object.keys(operations).map((operation) => ({
				name: `${node.description.displayName} ${typeVersion} → ${resource} → ${operation}`,
				node,
				typeVersion,
				parameters: { resource, operation } as INodeParameters,
				oneItemAtATime: ONE_AT_A_TIME.has(`${node.description.displayName}/${resource}/${operation}`),
			})),
		),
	),
);

/** The Options collection the editor shows for this resource and operation, if any. */
function shownOptions(node: INodeType, parameters: INodeParameters, typeVersion = 1): INodeProperties | undefined {
	const shown = node.description.properties.filter(
		(property) =>
			property.name === 'options' && NodeHelpers.displayParameter(parameters, property, { typeVersion }, node.description),
	);
	expect(shown.length).toBeLessThanOrEqual(1);
	return shown[0];
}

test('every node has operations to check, and the guides\' one-at-a-time operations are among them', () => {
	expect(cases.length).toBeGreaterThan(20);
	for (const key of ONE_AT_A_TIME) {
		expect(cases.some((entry) => entry.oneItemAtATime && entry.name.startsWith(key.split('/')[0]))).toBe(true);
	}
});

test.each(cases.filter((entry) => !entry.oneItemAtATime))('$name offers Max Concurrent Requests in its Options', ({ node, parameters, typeVersion }) => {
	const options = shownOptions(node, parameters, typeVersion);
	const option = (options?.options as INodeProperties[] | undefined)?.find((entry) => entry.name === 'maxConcurrentRequests');
	expect(option).toMatchObject({ displayName: 'Max Concurrent Requests', type: 'number', default: 200 });
});

test.each(cases.filter((entry) => entry.oneItemAtATime))('$name runs one item at a time and offers no Max Concurrent Requests', ({ node, parameters, typeVersion }) => {
	const options = shownOptions(node, parameters, typeVersion);
	const names = ((options?.options ?? []) as INodeProperties[]).map((entry) => entry.name);
	expect(names).not.toContain('maxConcurrentRequests');
});

test('an option shown only under a condition of another field keeps that condition beside Max Concurrent Requests', () => {
	const node = new CegidLoop();
	const shownFor = (removeFrom: string): string[] => {
		const parameters = { resource: 'collaborativeOffer', operation: 'remove', removeFrom };
		const options = (shownOptions(node, parameters)?.options ?? []) as INodeProperties[];
		return options
			.filter((option) => NodeHelpers.displayParameter({}, option, { typeVersion: 1 }, node.description, parameters))
			.map((option) => option.name);
	};

	expect(shownFor('folder')).toEqual(['maxConcurrentRequests']);
	expect(shownFor('contact')).toEqual(expect.arrayContaining(['maxConcurrentRequests', 'removeForContactPath']));
});
