/** The sandbox's Cegid Loop firm: the folders of the guide and the keys that open it. */

export interface Folder {
	objectId: string;
	codeIbs: string;
	raisonSociale: string;
	maitreDossier: string;
	maitreDossierId: string;
	status: 'A préparer' | 'Opérationnel';
	offers: Set<string>;
}

/** Test values, not secrets: they only open the local sandbox. */
export const CEGID_CREDENTIALS = {
	subscriptionApiKey: 'sandbox0cegid0subscription0key',
	applicationKey: '1EKCKNJSAI825JQG0EXX8JPI4',
	applicationSecret: 'sandbox-cegid-application-secret',
	domain: 'TESTRDDCABINET',
};

/**
 * Contacts must be members of the firm's Teams tenant before Loop offers them a service (the guide's
 * error). INVENTED: who counts as a member; the sandbox takes these addresses and domains.
 */
export const TENANT_MEMBERS = ['mentressangle@cegid.com'];

export const TENANT_EMAIL_DOMAINS = ['cegid.com', 'client.example'];

export function initialFolders(): Folder[] {
	return [
		{
			objectId: 'a05eaac0-7939-497b-81bb-911958caa6ea',
			codeIbs: '044212',
			raisonSociale: '044212',
			maitreDossier: 'rakik-qa@devloop.onmicrosoft.com',
			maitreDossierId: '28c12c49-d4a7-4ef6-bb68-c278451c25ae',
			status: 'Opérationnel',
			offers: new Set(),
		},
		{
			objectId: 'b42ba973-07ce-4c6a-873a-5509ab7a20e2',
			codeIbs: 'MANON001',
			raisonSociale: 'MANON001',
			maitreDossier: 'manon@devloop.onmicrosoft.com',
			maitreDossierId: '5b1f0c7e-3f7a-4a53-9b1e-3c1d2b0a9f11',
			status: 'Opérationnel',
			offers: new Set(['co-production']),
		},
		{
			objectId: 'c7d1e2f3-0a4b-4c5d-8e6f-7a8b9c0d1e2f',
			codeIbs: 'MANON004',
			raisonSociale: 'MANON004',
			maitreDossier: 'manon@devloop.onmicrosoft.com',
			maitreDossierId: '5b1f0c7e-3f7a-4a53-9b1e-3c1d2b0a9f11',
			status: 'A préparer',
			offers: new Set(),
		},
		{
			objectId: 'd2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60',
			codeIbs: 'CEGID003',
			raisonSociale: 'CEGID003',
			maitreDossier: 'mentressangle@cegid.com',
			maitreDossierId: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
			status: 'Opérationnel',
			offers: new Set(),
		},
	];
}
