/** The folder picker of Folder Code: LoopHub's folders, filtered by what the user types. */
import type { IExecuteFunctions, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { loopHubFolders } from '../helpers/loopHub';

export async function searchFolders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const credentials = await this.getCredentials('cegidLoopApi');
	const domain = String(credentials.domain ?? '').trim();
	// An empty list would read as "no folders"; the picker shows this message instead.
	if (domain === '') {
		throw new NodeOperationError(this.getNode(), 'Set Domain in the Cegid Loop API credential to list the folders', {
			description: 'LoopHub lists the folders of a domain; without one, type the Folder Code By Code instead.',
		});
	}
	// The request door uses only what both contexts offer: credentials, the node, and authenticated requests.
	const folders = await loopHubFolders(this as unknown as IExecuteFunctions, credentials, domain, 0);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = folders
		.map((folder) => {
			const code = typeof folder.codeIbs === 'string' ? folder.codeIbs : '';
			const name = typeof folder.raisonSociale === 'string' && folder.raisonSociale !== code ? folder.raisonSociale : '';
			return { code, label: name ? `${code} (${name})` : code };
		})
		.filter(({ code, label }) => code !== '' && (wanted === '' || label.toLowerCase().includes(wanted)))
		.sort((a, b) => a.code.localeCompare(b.code))
		.map(({ code, label }) => ({ name: label, value: code }));
	return { results };
}
