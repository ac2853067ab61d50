import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources, router } from './actions/router';
import { searchFolders } from './methods/listSearch';

export class CegidLoop implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cegid Loop',
		name: 'cegidLoop',
		icon: { light: 'file:cegidLoop.svg', dark: 'file:cegidLoop.dark.svg' },
		group: ['transform'],
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["resource"] === "setup" ? "Check setup" : $parameter["resource"] === "folder" ? "Get many folders" : ({ add: "Add ", update: "Update ", remove: "Remove ", removeApplication: "Remove application from ", provision: "Provision " })[$parameter["operation"]] + ({ client: "client", collaborativeOffer: "collaborative offer", company: "company" })[$parameter["resource"]] }}',
		description: "Provision accounting firms' client folders, offers and contacts in Cegid Loop",
		defaults: { name: 'Cegid Loop' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cegidLoopApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Client', value: 'client', description: 'A contact of a folder and its client user' },
					{ name: 'Collaborative Offer', value: 'collaborativeOffer' },
					{ name: 'Company', value: 'company', description: 'The database and document store of a folder' },
					{ name: 'Folder', value: 'folder', description: 'Client folders in LoopHub' },
					{ name: 'Setup', value: 'setup', description: 'Check Setup: which guessed addresses and fields hold on your account, read-only' },
				],
				default: 'company',
			},
			...resources.company.description,
			...resources.collaborativeOffer.description,
			...resources.client.description,
			...resources.folder.description,
			...resources.setup.description,
		],
	};

	methods = { listSearch: { searchFolders } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
