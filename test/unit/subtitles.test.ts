/**
 * The subtitle under a node on the canvas names what the node does in the words of its action list
 * ("Add a client contact"), and a trigger's names its event in words ("New purchase invoice"), never
 * a raw value. The subtitle expressions are evaluated with n8n's own expression evaluation, as the
 * editor does for the canvas.
 */
import type { INode, INodeParameters, INodeProperties, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CegidLoop } from '../../nodes/CegidLoop/CegidLoop.node';
import { CegidLoopTrigger } from '../../nodes/CegidLoop/CegidLoopTrigger.node';
import { Collabor8EqHub } from '../../nodes/Collabor8EqHub/Collabor8EqHub.node';
import { Collabor8Loop } from '../../nodes/Collabor8Loop/Collabor8Loop.node';
import { Collabor8LoopTrigger } from '../../nodes/Collabor8Loop/Collabor8LoopTrigger.node';
import { Collabor8VirtualInventory } from '../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventory.node';
import { Collabor8VirtualInventoryTrigger } from '../../nodes/Collabor8VirtualInventory/Collabor8VirtualInventoryTrigger.node';
import { Infinigate } from '../../nodes/Infinigate/Infinigate.node';
import { InfinigateTrigger } from '../../nodes/Infinigate/InfinigateTrigger.node';

/** The subtitle as the editor shows it for these parameter values: evaluated as n8n evaluates it. */
function subtitleOf(node: INodeType, parameters: INodeParameters): unknown {
	const subtitle = String(node.description.subtitle);
	const instance: INode = { id: 'n', name: 'n', type: node.description.name, typeVersion: 1, position: [0, 0], parameters };
	const nodeTypes = { getByName: () => undefined, getByNameAndVersion: () => undefined, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [instance], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(instance, subtitle, 'internal', {}, undefined, '');
}

const NODES: INodeType[] = [new CegidLoop(), new Infinigate(), new Collabor8EqHub(), new Collabor8VirtualInventory(), new Collabor8Loop()];

/** Every resource/operation pair of the node, with the action name its Operation field gives. */
function actionsOf(node: INodeType): Array<{ resource: string; operation: string; action: string }> {
	return node.description.properties
		.filter((field): field is INodeProperties => field.name === 'operation')
		.flatMap((field) =>
			(field.displayOptions?.show?.resource ?? []).flatMap((resource) =>
				(field.options ?? []).map((option) => ({
					resource: String(resource),
					operation: String('value' in option ? option.value : ''),
					action: String('action' in option ? option.action : ''),
				})),
			),
		);
}

describe.each(NODES.map((node) => [node.description.displayName, node] as const))('%s', (_name, node) => {
	test('the subtitle of each operation is its action name', () => {
		const actions = actionsOf(node);
		expect(actions.length).toBeGreaterThan(0);
		for (const { resource, operation, action } of actions) {
			expect(action).not.toBe('');
			expect({ resource, operation, subtitle: subtitleOf(node, { resource, operation }) }).toEqual({ resource, operation, subtitle: action });
		}
	});
});

test('the subtitles read as the action list does', () => {
	expect(subtitleOf(new CegidLoop(), { resource: 'client', operation: 'add' })).toBe('Add a client contact');
	expect(subtitleOf(new Infinigate(), { resource: 'priceList', operation: 'getBySku' })).toBe('Get products by SKU');
	expect(subtitleOf(new Collabor8Loop(), { resource: 'account', operation: 'checkSetup' })).toBe('Check setup');
});

describe('trigger subtitles name the event in words', () => {
	test.each([
		['Infinigate, a new invoice', new InfinigateTrigger(), { event: 'newPurchaseInvoice' }, 'New purchase invoice'],
		['Infinigate, a new credit memo', new InfinigateTrigger(), { event: 'newPurchaseCreditMemo' }, 'New purchase credit memo'],
		['Infinigate, a quote', new InfinigateTrigger(), { event: 'newOrChangedPurchaseQuote' }, 'New or changed purchase quote'],
		['Loop, both events', new Collabor8LoopTrigger(), { events: ['newSale', 'saleStatusChanged'] }, 'New sale, Sale status changed'],
		['Loop, one event', new Collabor8LoopTrigger(), { events: ['saleStatusChanged'] }, 'Sale status changed'],
		['Virtual Inventory', new Collabor8VirtualInventoryTrigger(), { event: 'importFinished' }, 'Import finished'],
		['Cegid Loop', new CegidLoopTrigger(), {}, 'New client folder'],
	])('%s', (_label, node, parameters, expected) => {
		expect(subtitleOf(node, parameters)).toBe(expected);
	});
});

test('events given as one text instead of a list (as an expression may give them) still read in words', () => {
	expect(subtitleOf(new Collabor8LoopTrigger(), { events: 'newSale' })).toBe('New sale');
});
