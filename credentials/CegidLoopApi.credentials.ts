import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import {
	BASE_URL_EXPRESSION,
	CEGID_LOOP_PRODUCTION_URL,
	CREDENTIAL_TEST_PATH,
	CREDENTIAL_TEST_QUERY,
	LOOPHUB_FOLDERS_METHOD,
	LOOPHUB_FOLDERS_PATH,
} from './common/cegidLoop';
import { overrideSwitch, SHOWN_WHEN_OVERRIDING } from './common/apiAddressOverrides';

/**
 * Cegid Loop's public APIs sit behind Azure API Management: a subscription key for the gateway and
 * an application key with its secret for Loop itself, sent as headers on every call. No token.
 */
export class CegidLoopApi implements ICredentialType {
	name = 'cegidLoopApi';

	displayName = 'Cegid Loop API';

	icon: Icon = { light: 'file:../nodes/CegidLoop/cegidLoop.svg', dark: 'file:../nodes/CegidLoop/cegidLoop.dark.svg' };

	documentationUrl = 'https://github.com/OWNER/n8n-nodes-b2b-provisioning/blob/main/docs/cegid-loop.md#the-credential-cegid-loop-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'production',
			options: [
				{ name: 'Production', value: 'production', description: CEGID_LOOP_PRODUCTION_URL },
				{ name: 'Custom', value: 'custom', description: 'Another base URL, e.g. a test gateway or the local sandbox' },
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: `e.g. ${CEGID_LOOP_PRODUCTION_URL}`,
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Subscription Key',
			name: 'subscriptionApiKey',
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
			placeholder: 'e.g. TESTRDDCABINET',
			description: "Your firm's (cabinet's) domain in Loop, used to list the folders in LoopHub",
			hint: 'Sent with the Application Key to LoopHub. Needed to list folders (Folder → Get Many and the folder picker)',
		},
		overrideSwitch("Cegid's guide"),
		{
			displayName: 'LoopHub Address',
			name: 'loopHubPath',
			type: 'string',
			default: LOOPHUB_FOLDERS_PATH,
			description:
				"Where LoopHub lists your application key's folders, after the Base URL: the address your Cegid API catalogue shows for LoopHub",
			displayOptions: { show: SHOWN_WHEN_OVERRIDING },
		},
		{
			displayName: 'LoopHub Method',
			name: 'loopHubMethod',
			type: 'options',
			default: LOOPHUB_FOLDERS_METHOD,
			options: [
				{ name: 'POST (Key and Domain in the Body)', value: 'POST' },
				{ name: 'GET (Key and Domain in the Query)', value: 'GET' },
			],
			description: 'The method your Cegid API catalogue shows for LoopHub (the guide says "Get" but shows a JSON body)',
			displayOptions: { show: SHOWN_WHEN_OVERRIDING },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'Ocp-Apim-Subscription-Key': '={{$credentials.subscriptionApiKey}}',
				'x-apikey': '={{$credentials.applicationKey + ":" + $credentials.applicationSecret}}',
				'Cache-Control': 'no-cache',
			},
		},
	};

	// A documented read that changes nothing and needs all three keys: a wrong key fails the test.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: CREDENTIAL_TEST_PATH,
			method: 'GET',
			qs: { ...CREDENTIAL_TEST_QUERY },
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
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'Cegid does not know this address: check the Environment and the Base URL',
				},
			},
		],
	};
}
