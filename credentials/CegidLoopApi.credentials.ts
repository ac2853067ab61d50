import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { LOOPHUB_FOLDERS_PATH } from './common/cegidLoop';

/**
 * Cegid Loop's public APIs sit behind Azure API Management: a subscription key for the gateway and
 * an application key with its secret for Loop itself, sent as headers on every call. No token.
 */
export class CegidLoopApi implements ICredentialType {
	name = 'cegidLoopApi';

	displayName = 'Cegid Loop API';

	icon: Icon = { light: 'file:../nodes/CegidLoop/cegidLoop.svg', dark: 'file:../nodes/CegidLoop/cegidLoop.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-b2b-provisioning/n8n-nodes-b2b-provisioning#cegid-loop';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.cegid.com/loop-api-publiques',
			description: 'The address of the Loop public APIs; change it only for a test gateway',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password -- the gateway's subscription key is a secret
		{
			displayName: 'Subscription Key',
			name: 'subscriptionKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your subscription key of the API portal (profile page), sent as Ocp-Apim-Subscription-Key. Needs the "Advanced pack Loop service" subscription in Cegid Life.',
		},
		{
			displayName: 'Application Key',
			name: 'applicationKey',
			type: 'string',
			default: '',
			required: true,
			description: 'The application key that Loop issued for your firm (the part before the colon of x-apikey)',
		},
		{
			displayName: 'Application Secret',
			name: 'applicationSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret of that application key (the part after the colon of x-apikey)',
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			placeholder: 'TESTRDDCABINET',
			description: "Your firm's (cabinet's) domain in Loop, used to list the folders in LoopHub",
			hint: 'Needed for Folder → Get Many (and the Test button)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'Ocp-Apim-Subscription-Key': '={{$credentials.subscriptionKey}}',
				'x-apikey': '={{$credentials.applicationKey + ":" + $credentials.applicationSecret}}',
				'Cache-Control': 'no-cache',
			},
		},
	};

	// Listing the folders of the application key changes nothing and checks all three keys. Its
	// path is a guess (LOOPHUB_FOLDERS_PATH), so only a refusal of the keys fails the test: a wrong
	// guess must not make valid keys look wrong.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: LOOPHUB_FOLDERS_PATH,
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			ignoreHttpStatusErrors: { ignore: true, except: [401, 403] },
			body: {
				apiKey: '={{$credentials.applicationKey}}',
				domain: '={{$credentials.domain}}',
			},
		},
		// n8n's Test button would otherwise say only "Unauthorized".
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Cegid refused the keys: check the Subscription Key, the Application Key and the Application Secret',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'Cegid accepted the keys but denied access: check that the subscription includes the Advanced pack Loop service',
				},
			},
		],
	};
}
