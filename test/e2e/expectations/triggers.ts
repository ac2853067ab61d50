import type { ExampleExpectation } from './types';

/** The examples that start by themselves; each is checked active in a real `n8n start`. */
export const activatedExamples: Record<string, ExampleExpectation> = {
	'cegid-loop-trigger-provision-new-folders': {
		does: 'provisions each client folder newly linked in LoopHub, once, across a restart of n8n',
		checkedActiveIn: 'triggers.test.ts',
	},
	'infinigate-trigger-new-invoice-lines': {
		does: 'outputs the lines of each newly posted purchase invoice, once',
		checkedActiveIn: 'triggers.test.ts',
	},
	'collabor8-loop-trigger-sale-updates': {
		does: 'gets the details of each new sale and of each sale whose status changed, once, across a restart',
		checkedActiveIn: 'triggers.test.ts',
	},
	'collabor8-virtual-inventory-trigger-import-finished': {
		does: 'runs once when an inventory import has finished',
		checkedActiveIn: 'triggers.test.ts',
	},
	'mcp-provisioning-tools': {
		does: 'serves Cegid Loop folder listing and client adding and Infinigate SKU prices as MCP tools',
		checkedActiveIn: 'mcp.test.ts',
	},
};
