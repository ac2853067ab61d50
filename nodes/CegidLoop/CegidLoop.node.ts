import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { subtitleFromActions, withApiOverrides } from '../shared/descriptions';
import { resources, router } from './actions/router';
import { API_OVERRIDE_FIELDS } from './apiOverrides';
import { searchFolders } from './methods/listSearch';

const operationFields: INodeProperties[] = [
	...resources.company.description,
	...resources.collaborativeOffer.description,
	...resources.client.description,
	...resources.folder.description,
	...resources.staff.description,
	...resources.agency.description,
	...resources.workgroup.description,
	...resources.engagement.description,
	...resources.analyticSection.description,
	...resources.establishment.description,
	...resources.ledgerAccount.description,
	...resources.journal.description,
	...resources.customer.description,
	...resources.accountingEntry.description,
	...resources.account.description,
];

export class CegidLoop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cegid Loop',
		name: 'cegidLoop',
		icon: { light: 'file:cegidLoop.svg', dark: 'file:cegidLoop.dark.svg' },
		group: ['transform'],
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		// The chosen operation's action name: one source for the action list and the subtitle.
		subtitle: subtitleFromActions(operationFields),
		description: "Provision accounting firms' client folders, offers and contacts in Cegid Loop, and read the firm's and its folders' data",
		defaults: { name: 'Cegid Loop' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cegidLoopApi', required: true }],
		properties: withApiOverrides([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account', description: 'Check Setup: which guessed addresses and fields hold on your account, read-only' },
					{ name: 'Accounting Entry', value: 'accountingEntry', description: "A folder's accounting entries (EcritureComptable)" },
					{ name: 'Agency', value: 'agency', description: "The firm's agencies (AgenceCabinet)" },
					{ name: 'Analytic Section', value: 'analyticSection', description: "A folder's analytic sections (section)" },
					{ name: 'Client', value: 'client', description: 'A contact of a folder and its client user' },
					{ name: 'Collaborative Offer', value: 'collaborativeOffer', description: "A client folder's collaborative offer: Start, Co-Production or Consultation" },
					{ name: 'Company', value: 'company', description: 'The database and document store of a folder' },
					{ name: 'Customer', value: 'customer', description: "A folder's customers (tiersClient)" },
					{ name: 'Engagement', value: 'engagement', description: "The firm's engagements (engagement)" },
					{ name: 'Establishment', value: 'establishment', description: "A folder's establishments (etablissementComplet)" },
					{ name: 'Folder', value: 'folder', description: 'Client folders in LoopHub' },
					{ name: 'Journal', value: 'journal', description: "A folder's journals (journal)" },
					{ name: 'Ledger Account', value: 'ledgerAccount', description: "A folder's chart of accounts (compte)" },
					{ name: 'Staff Member', value: 'staff', description: "The firm's staff (collaborateurCabinet)" },
					{ name: 'Workgroup', value: 'workgroup', description: "The firm's workgroups (groupe)" },
				],
				default: 'company',
			},
			...operationFields,
		], Object.keys(API_OVERRIDE_FIELDS)),
	};

	methods = { listSearch: { searchFolders } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
