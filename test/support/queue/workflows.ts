/**
 * The workflows the queue-mode suite and its measurement run besides the examples: each starts from
 * a webhook of the main process, the way most executions reach workers in production.
 */
import { sandboxCredentialName } from '../examples';
import type { WorkflowFile } from '../n8n';

/** A node's reference to the sandbox credential of a type, imported with the type as its id. */
const credential = (type: string): Record<string, { id: string; name: string }> => ({
	[type]: { id: type, name: sandboxCredentialName(type) },
});
const INFINIGATE = credential('infinigateApi');
const EQHUB = credential('collabor8EqHubApi');
const VIRTUAL_INVENTORY = credential('collabor8VirtualInventoryApi');

export const BURST_PATH = 'queue-price-and-product';

/**
 * A webhook that answers at once ("Workflow got started") and leaves the work to a worker: an
 * Infinigate price look-up and a Collabor8 EqHub product look-up, two credentials with tokens.
 */
export const burstWorkflow: WorkflowFile = {
	id: 'b2bQueueBurst00001',
	name: 'Queue: price and product data for a SKU',
	nodes: [
		{
			id: 'a0c1e2f3-0001-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '5b0f6f3e-2b7a-4c55-9a51-0b1f7c9e0001',
			parameters: { httpMethod: 'POST', path: BURST_PATH, responseMode: 'onReceived', options: {} },
		},
		{
			id: 'a0c1e2f3-0001-4000-8000-000000000002',
			name: 'Price and stock',
			type: 'n8n-nodes-b2b-provisioning.infinigate',
			typeVersion: 1,
			position: [220, 0],
			parameters: { resource: 'priceList', operation: 'getBySku', skus: '={{ $json.body.sku }}', options: {} },
			credentials: INFINIGATE,
		},
		{
			id: 'a0c1e2f3-0001-4000-8000-000000000003',
			name: 'Product by TEK number',
			type: 'n8n-nodes-b2b-provisioning.collabor8EqHub',
			typeVersion: 1,
			position: [440, 0],
			parameters: { resource: 'product', operation: 'getLegacy', legacyId: '100234' },
			credentials: EQHUB,
		},
	],
	connections: {
		Webhook: { main: [[{ node: 'Price and stock', type: 'main', index: 0 }]] },
		'Price and stock': { main: [[{ node: 'Product by TEK number', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
};

export const UPLOAD_PATH = 'queue-inventory-upload';

/**
 * A file posted to a webhook of the main process, uploaded to Virtual Inventory by a worker: the
 * file crosses processes as n8n binary data. Answers with the upload's result.
 */
export const uploadWorkflow: WorkflowFile = {
	id: 'b2bQueueUpload0001',
	name: 'Queue: upload a posted inventory file',
	nodes: [
		{
			id: 'a0c1e2f3-0002-4000-8000-000000000001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '5b0f6f3e-2b7a-4c55-9a51-0b1f7c9e0002',
			parameters: { httpMethod: 'POST', path: UPLOAD_PATH, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
		},
		{
			id: 'a0c1e2f3-0002-4000-8000-000000000002',
			name: 'Upload',
			type: 'n8n-nodes-b2b-provisioning.collabor8VirtualInventory',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				resource: 'inventoryImport',
				operation: 'upload',
				binaryPropertyName: 'file',
				importMode: 'stepByStep',
				options: { waitUntilAllowed: true, pollIntervalSeconds: 1, maxWaitSeconds: 60 },
			},
			credentials: VIRTUAL_INVENTORY,
		},
	],
	connections: { Webhook: { main: [[{ node: 'Upload', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

/** The suite's own workflows; the webhooks among them are active from the start. */
export const QUEUE_WORKFLOWS = [burstWorkflow, uploadWorkflow];
export const ACTIVE_FROM_START = [burstWorkflow.id, uploadWorkflow.id];
