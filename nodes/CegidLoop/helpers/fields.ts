/** Fields several Cegid Loop operations share, and how they are read and checked. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requiredChoice, requiredString } from '../../shared/validation';

export const OFFERS = ['start', 'co-production', 'consultation'] as const;

export type Offer = (typeof OFFERS)[number];

export const folderCodeField: INodeProperties = {
	displayName: 'Folder Code',
	name: 'codeDossier',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'MANON001',
	description: 'The code of the client folder (dossier client) in Loop',
};

export const offerField: INodeProperties = {
	displayName: 'Offer',
	name: 'offer',
	type: 'options',
	required: true,
	default: 'consultation',
	options: [
		{ name: 'Co-Production', value: 'co-production', description: 'Collaboratif TPE - Offre Co-production' },
		{ name: 'Consultation', value: 'consultation', description: 'Collaboratif TPE - Offre Consultation' },
		{ name: 'Start', value: 'start', description: 'Collaboratif TPE - Offre Start' },
	],
	description: 'The collaborative offer (Collaboratif TPE) of Loop Hub',
};

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	required: true,
	default: '',
	description: "The contact's e-mail address; it identifies the contact in Loop",
};

export function readFolderCode(ctx: IExecuteFunctions, itemIndex: number): string {
	return requiredString(ctx, 'codeDossier', 'Folder Code', itemIndex);
}

export function readOffer(ctx: IExecuteFunctions, itemIndex: number): Offer {
	return requiredChoice(ctx, 'offer', 'Offer', itemIndex, OFFERS);
}
