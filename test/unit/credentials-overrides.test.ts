/**
 * A credential's corrections of guessed addresses (Cegid's LoopHub Address and Method, Virtual
 * Inventory's API Path) sit behind one switch, Override API Addresses: a new credential shows none
 * of them, and a value saved while the switch is off does not apply. n8n drops such a value before a
 * node or the Test button sees the credential (TestCredentialsHelper makes the same call n8n does);
 * the readers the nodes use ignore it as well.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, INode, INodeParameters, INodeTypes } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { CegidLoopApi } from '../../credentials/CegidLoopApi.credentials';
import { Collabor8VirtualInventoryApi } from '../../credentials/Collabor8VirtualInventoryApi.credentials';
import { loopHubCall } from '../../credentials/common/cegidLoop';
import { apiBaseUrl } from '../../credentials/common/collabor8VirtualInventory';
import { TestCredentialsHelper } from '../support/credentials-helper';

const cegid = new CegidLoopApi();
const virtualInventory = new Collabor8VirtualInventoryApi();

/** The fields the credential dialog shows for these values, in order (n8n's own display rule). */
function shownFields(type: ICredentialType, values: INodeParameters): string[] {
	const shown = NodeHelpers.getNodeParameters(type.properties, values, true, false, null, null) ?? {};
	return type.properties.filter((field) => field.type !== 'hidden' && field.name in shown).map((field) => field.displayName);
}

/** What a node or the Test button gets from n8n for stored data. */
function asN8nHandsItOver(type: ICredentialType, stored: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	return new TestCredentialsHelper(new Map([[type.name, type]])).applyDefaults(type.name, stored);
}

describe('Cegid Loop API credential: Override API Addresses', () => {
	test('a new credential shows no LoopHub field; Override API Addresses, off, comes last', () => {
		const shown = shownFields(cegid, {});

		expect(shown).not.toContain('LoopHub Address');
		expect(shown).not.toContain('LoopHub Method');
		expect(shown.at(-1)).toBe('Override API Addresses');
		const toggle = cegid.properties.find((field) => field.displayName === 'Override API Addresses');
		expect(toggle).toMatchObject({ type: 'boolean', default: false });
		expect(toggle?.hint).toMatch(/^Only when Check Setup or a "not found" error names one of these fields/);
	});

	test('switched on, it shows LoopHub Address and LoopHub Method after it, with the guessed defaults', () => {
		expect(shownFields(cegid, { overrideApiAddresses: true }).slice(-3)).toEqual(['Override API Addresses', 'LoopHub Address', 'LoopHub Method']);
		expect(asN8nHandsItOver(cegid, { overrideApiAddresses: true })).toMatchObject({ loopHubPath: '/loophub/getFolders', loopHubMethod: 'POST' });
	});

	test('a LoopHub Address and Method saved while the switch is off do not reach the node; switched on, they do', () => {
		const saved = { loopHubPath: '/loopHub/dossiersCleApplication', loopHubMethod: 'GET' };

		const off = asN8nHandsItOver(cegid, { ...saved, overrideApiAddresses: false });
		expect(off).not.toHaveProperty('loopHubPath');
		expect(off).not.toHaveProperty('loopHubMethod');
		expect(loopHubCall(off)).toEqual({ path: '/loophub/getFolders', method: 'POST' });

		const on = asN8nHandsItOver(cegid, { ...saved, overrideApiAddresses: true });
		expect(loopHubCall(on)).toEqual({ path: '/loopHub/dossiersCleApplication', method: 'GET' });
	});

	test('the node reads the switch itself: given the values without it, it asks where the guide says', () => {
		expect(loopHubCall({ loopHubPath: '/loopHub/dossiersCleApplication', loopHubMethod: 'GET' })).toEqual({ path: '/loophub/getFolders', method: 'POST' });
		expect(loopHubCall({ loopHubPath: '/../elsewhere', overrideApiAddresses: false })).toEqual({ path: '/loophub/getFolders', method: 'POST' });
	});
});

describe('Collabor8 Virtual Inventory API credential: Override API Addresses', () => {
	test('a new credential shows no API Path; Override API Addresses, off, comes last', () => {
		const shown = shownFields(virtualInventory, {});

		expect(shown).not.toContain('API Path');
		expect(shown.at(-1)).toBe('Override API Addresses');
		expect(virtualInventory.properties.find((field) => field.displayName === 'Override API Addresses')).toMatchObject({ type: 'boolean', default: false });
	});

	test('switched on, Test and Production show API Path after it', () => {
		for (const environment of ['test', 'production']) {
			expect(shownFields(virtualInventory, { environment, overrideApiAddresses: true }).slice(-2)).toEqual(['Override API Addresses', 'API Path']);
		}
	});

	test('Custom shows neither: its Base URL holds the whole address', () => {
		const shown = shownFields(virtualInventory, { environment: 'custom', overrideApiAddresses: true });

		expect(shown).not.toContain('Override API Addresses');
		expect(shown).not.toContain('API Path');
		expect(shown).toContain('Base URL');
	});

	test('an API Path saved while the switch is off does not apply; switched on, it does', () => {
		const off = asN8nHandsItOver(virtualInventory, { environment: 'production', apiPath: '/vi/api', overrideApiAddresses: false });
		expect(off).not.toHaveProperty('apiPath');
		expect(apiBaseUrl(off)).toBe('https://apis-vi.collabor8.no/virtual-inventory-api');

		const on = asN8nHandsItOver(virtualInventory, { environment: 'production', apiPath: '/vi/api', overrideApiAddresses: true });
		expect(apiBaseUrl(on)).toBe('https://apis-vi.collabor8.no/vi/api');
	});

	test('the node reads the switch itself: given an API Path without it, it uses the default', () => {
		expect(apiBaseUrl({ environment: 'test', apiPath: '/vi/api' })).toBe('https://apis-test-vi.collabor8.no/virtual-inventory-api');
		expect(apiBaseUrl({ environment: 'test', apiPath: '/../eqhub-m2m' })).toBe('https://apis-test-vi.collabor8.no/virtual-inventory-api');
	});
});

describe('Collabor8 Virtual Inventory API credential: the Test button', () => {
	const node: INode = { id: 't', name: 'Temp-Node', type: 'test.noOp', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodeTypes = {
		getByName: () => ({ description: { properties: [] } }),
		getByNameAndVersion: () => ({ description: { properties: [] } }),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ id: 'w', nodes: [node], connections: {}, active: false, nodeTypes });

	/** The address the Test button calls for stored data, resolved as n8n resolves the Test request. */
	function testAddress(stored: ICredentialDataDecryptedObject): string {
		const credentials = asN8nHandsItOver(virtualInventory, stored);
		const { baseURL, url } = virtualInventory.test.request;
		const base = workflow.expression.getSimpleParameterValue(node, baseURL ?? '', 'internal', { $credentials: credentials }, undefined, '');
		return `${String(base)}${String(url)}`;
	}

	const DEFAULT_ADDRESS = 'https://apis-vi.collabor8.no/virtual-inventory-api/v1/m2m/inventory-import/status';

	test.each([
		[{}, DEFAULT_ADDRESS],
		[{ apiPath: '/vi/api/' }, DEFAULT_ADDRESS],
		[{ apiPath: '/vi/api/', overrideApiAddresses: true }, 'https://apis-vi.collabor8.no/vi/api/v1/m2m/inventory-import/status'],
		[{ apiPath: ' vi-m2m/virtual-inventory-api ', overrideApiAddresses: true }, 'https://apis-vi.collabor8.no/vi-m2m/virtual-inventory-api/v1/m2m/inventory-import/status'],
		[{ apiPath: '', overrideApiAddresses: true }, DEFAULT_ADDRESS],
	])('with %j it calls the address the node calls, %s', (stored, address) => {
		const credentials = { environment: 'production', ...stored };
		expect(testAddress(credentials)).toBe(address);
		expect(`${apiBaseUrl(asN8nHandsItOver(virtualInventory, credentials))}/v1/m2m/inventory-import/status`).toBe(address);
	});

	test.each(['/..', '/virtual-inventory-api/../eqhub-m2m', '..\\eqhub-m2m', '/./x', '/%2e%2e/eqhub-m2m', '/a%2fb', '/a%5cb', '/a b', '/a?b=c', '/a#b', '/a\tb', '/a\u0085b'])(
		'an API Path the node refuses (%j) never takes the token elsewhere: the Test button calls the default address',
		(apiPath) => {
			const credentials = { environment: 'production', apiPath, overrideApiAddresses: true };
			expect(() => apiBaseUrl(asN8nHandsItOver(virtualInventory, credentials))).toThrow(/^API Path of the Collabor8 Virtual Inventory API credential must/);
			expect(testAddress(credentials)).toBe(DEFAULT_ADDRESS);
		},
	);
});
