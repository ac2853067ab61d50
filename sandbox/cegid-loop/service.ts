/**
 * Cegid Loop's "cabinet" APIs as Cegid's guide 'Manage a "Cegid loop API Cabinet"' (API
 * Collaborative offer and provisioning) shows them: Azure API Management in front (subscription
 * key), an application key and secret (x-apikey), JSON bodies, answers and errors in French.
 * Stateful: folders move from "A préparer" to "Opérationnel", offers and contacts are remembered.
 * Base address (public): https://api.cegid.com/loop-api-publiques.
 */
import { randomUUID } from 'node:crypto';

import { BodyError, readJson } from '../core/body';
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../core/server';
import type { SandboxService } from '../core/service';
import { CEGID_CREDENTIALS, initialFolders, TENANT_EMAIL_DOMAINS, TENANT_MEMBERS } from './data';
import type { Folder } from './data';
import { installReads } from './reads';

const SERVICE = 'cegidLoop';
const PREFIX = 'cegid/loop-api-publiques';
const OFFERS = new Set(['start', 'co-production', 'consultation']);

interface Contact {
	objectId: string;
	userObjectId: string;
	revision: number;
	email: string;
	codeDossier: string;
	nom: string;
	prenom: string;
	telephone: string;
	profile: string;
	social: boolean;
	actif: boolean;
	defaultIssuer: boolean;
	applications: Set<string>;
}

/** A folder as Loop's UI shows it. */
export type FolderView = Omit<Folder, 'offers'> & { offers: string[] };

/** A contact and the applications (offers) the client user has. */
export type ContactView = Omit<Contact, 'applications'> & { applications: string[] };

/** What the firm holds: its client folders and the contacts added to them. */
export class CegidLoopState {
	folders = new Map<string, Folder>();

	contacts = new Map<string, Contact>();

	private revision = 0x6b3b7;

	constructor() {
		this.reset();
	}

	reset(): void {
		this.folders = new Map(initialFolders().map((folder) => [folder.codeIbs, folder]));
		this.contacts = new Map();
	}

	folder(code: string): FolderView | undefined {
		const folder = this.folders.get(code);
		return folder && { ...folder, offers: [...folder.offers] };
	}

	contact(email: string): ContactView | undefined {
		const contact = this.contacts.get(email.toLowerCase());
		return contact && { ...contact, applications: [...contact.applications] };
	}

	/** A new client folder is linked to the application key: LoopHub lists it from now on. */
	linkFolder(codeIbs: string, raisonSociale = codeIbs): FolderView {
		if (this.folders.has(codeIbs)) throw new Error(`Folder ${codeIbs} is already linked`);
		this.folders.set(codeIbs, {
			objectId: randomUUID(),
			codeIbs,
			raisonSociale,
			maitreDossier: 'mentressangle@cegid.com',
			maitreDossierId: '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d',
			status: 'A préparer',
			offers: new Set(),
		});
		return this.folder(codeIbs)!;
	}

	nextRevision(): string {
		this.revision += 0x25;
		return `0x${this.revision.toString(16).toUpperCase().padStart(16, '0')}`;
	}
}

const json = (status: number, body: unknown): SandboxResponse => ({ status, body });
const french = (message: string): SandboxResponse => json(400, { message });

/** Azure API Management and Loop refuse a call before looking at it when a key is wrong. */
function checkKeys(request: SandboxRequest): SandboxResponse | undefined {
	const subscriptionKey = request.headers['ocp-apim-subscription-key'];
	if (subscriptionKey === undefined) {
		return json(401, {
			statusCode: 401,
			message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
		});
	}
	if (subscriptionKey !== CEGID_CREDENTIALS.subscriptionApiKey) {
		return json(401, {
			statusCode: 401,
			message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
		});
	}
	const expected = `${CEGID_CREDENTIALS.applicationKey}:${CEGID_CREDENTIALS.applicationSecret}`;
	// INVENTED: the guide does not show Loop's answer to a wrong x-apikey; a 401 with a French
	// message is our assumption.
	if (request.headers['x-apikey'] !== expected) {
		return json(401, { statusCode: 401, message: 'Accès refusé : x-apikey invalide ou absente' });
	}
	return undefined;
}

type BodyHandler = (body: Record<string, unknown>, request: SandboxRequest) => SandboxResponse;

/** Keys first, then a JSON body, then the operation. */
function guarded(handler: BodyHandler) {
	return (request: SandboxRequest): SandboxResponse => {
		const refused = checkKeys(request);
		if (refused) return refused;
		let body: unknown;
		try {
			body = readJson(request.headers, request.body);
		} catch (error) {
			if (error instanceof BodyError) return json(400, { message: error.message });
			throw error;
		}
		if (body === null || typeof body !== 'object' || Array.isArray(body)) {
			return json(400, { message: 'The request body must be a JSON object' });
		}
		return handler(body as Record<string, unknown>, request);
	};
}

function text(body: Record<string, unknown>, field: string): string {
	const value = body[field];
	return typeof value === 'string' ? value : '';
}

function isTenantMember(email: string): boolean {
	const lower = email.toLowerCase();
	return TENANT_MEMBERS.includes(lower) || TENANT_EMAIL_DOMAINS.some((domain) => lower.endsWith(`@${domain}`));
}

function contactRecord(state: CegidLoopState, contact: Contact, className: 'interlocuteur' | 'utilisateurClient') {
	return {
		module: 'cabinet',
		className,
		data: {
			objectId: className === 'interlocuteur' ? contact.objectId : contact.userObjectId,
			$status: 'none',
			revisionId: state.nextRevision(),
		},
	};
}

function install(server: SandboxServer): CegidLoopState {
	const state = new CegidLoopState();
	server.mount(SERVICE, PREFIX, () => state.reset());

	// INVENTED: the guide documents no error for an unknown folder or offer; these French messages
	// (and their 400 status, which the guide's errors also get here) are our assumption.
	const folderOf = (body: Record<string, unknown>): Folder | SandboxResponse => {
		const code = text(body, 'codeDossier');
		if (code === '') return french('Le champ codeDossier est obligatoire');
		return state.folders.get(code) ?? french(`Le dossier ${code} n'existe pas`);
	};
	const offerOf = (body: Record<string, unknown>): string | SandboxResponse => {
		const offer = text(body, 'offre');
		return OFFERS.has(offer) ? offer : french(`L'offre ${offer} n'existe pas`);
	};
	const isResponse = (value: unknown): value is SandboxResponse =>
		typeof value === 'object' && value !== null && typeof (value as SandboxResponse).status === 'number';

	// "Add Collaborative Offer (POST)", body `{ "codeDossier": "MANON001", "offre": "consultation" }`,
	// "offer can take as value (small caps): "start", "co-production" and "consultation"". The guide
	// shows only removeOffer's path; Cegid's API catalogue names this one addOffer (public).
	server.route(SERVICE, 'POST', '/collaborativeOffer/addOffer', guarded((body) => {
		const folder = folderOf(body);
		if (isResponse(folder)) return folder;
		const offer = offerOf(body);
		if (isResponse(offer)) return offer;
		// INVENTED: the guide shows no answer for an offer the folder already has; this 400 and its
		// words are the sandbox's, so that safe re-runs have an answer to recognise.
		if (folder.offers.has(offer)) return french(`L'offre ${offer} est déjà présente dans le dossier client ${folder.codeIbs}`);
		folder.offers.add(offer);
		return json(200, { message: `L'offre ${offer} a été ajoutée au dossier client ${folder.codeIbs}` });
	}));

	// Cegid Developers, "Offre Collaborative Cabinet": "POST /collaborativeOffer/addCollaborativeOffer",
	// adds an offer to a folder for an existing contact, creating the folder-contact link when missing.
	// INVENTED: the body (the guide's addClient shape { email, codeDossier, offre }) and every answer.
	server.route(SERVICE, 'POST', '/collaborativeOffer/addCollaborativeOffer', guarded((body) => {
		const folder = folderOf(body);
		if (isResponse(folder)) return folder;
		const offer = offerOf(body);
		if (isResponse(offer)) return offer;
		const contact = state.contacts.get(text(body, 'email').toLowerCase());
		if (!contact) return french("interlocuteur n'existe pas");
		if (contact.applications.has(offer) && folder.offers.has(offer)) {
			return french(`L'offre ${offer} est déjà affectée à l'interlocuteur ${contact.email}`);
		}
		contact.applications.add(offer);
		folder.offers.add(offer);
		return json(200, { message: `L'offre ${offer} a été ajoutée au dossier client ${folder.codeIbs}` });
	}));

	// Cegid Developers lists "removing an offer for one contact" without its address or body.
	// INVENTED: the address, the body { email, codeDossier, offre } and the answers.
	server.route(SERVICE, 'POST', '/collaborativeOffer/removeCollaborativeOffer', guarded((body) => {
		const folder = folderOf(body);
		if (isResponse(folder)) return folder;
		const offer = offerOf(body);
		if (isResponse(offer)) return offer;
		const contact = state.contacts.get(text(body, 'email').toLowerCase());
		if (!contact) return french("interlocuteur n'existe pas");
		contact.applications.delete(offer);
		return json(200, { message: `L'offre ${offer} a été retirée de l'interlocuteur ${contact.email}` });
	}));

	// The data reads of Cegid Developers' Loop API management docs (staff, accounts, entries…): reads.ts.
	installReads(server, SERVICE, { checkKeys, hasFolder: (code) => state.folders.has(code) });

	// "Remove Collaborative Offer (POST) … /collaborativeOffer/removeOffer"
	server.route(SERVICE, 'POST', '/collaborativeOffer/removeOffer', guarded((body) => {
		const folder = folderOf(body);
		if (isResponse(folder)) return folder;
		const offer = offerOf(body);
		if (isResponse(offer)) return offer;
		folder.offers.delete(offer);
		return json(200, { message: `L'offre ${offer} a été retirée du dossier client ${folder.codeIbs}` });
	}));

	// "Add provision company (POST) … /companyProvisioning/provisionCompany": "Status becomes
	// "Opérationnel"".
	server.route(SERVICE, 'POST', '/companyProvisioning/provisionCompany', guarded((body) => {
		const folder = folderOf(body);
		if (isResponse(folder)) return folder;
		// INVENTED: the guide shows no answer for a folder that is already "Opérationnel".
		if (folder.status === 'Opérationnel') return french(`Le dossier ${folder.codeIbs} est déjà approvisionné`);
		folder.status = 'Opérationnel';
		return { status: 200 };
	}));

	// "LOOPHUB (Get)": "Retrieves the list of folders associated with the application key", body
	// `{ "apiKey": …, "domain": "TESTRDDCABINET" }`. INVENTED: the path, which the guide does not
	// show, and the method: a JSON body goes with POST.
	server.route(SERVICE, 'POST', '/loophub/getFolders', guarded((body) => {
		if (text(body, 'apiKey') !== CEGID_CREDENTIALS.applicationKey) {
			return json(401, { statusCode: 401, message: "Clé d'application inconnue" });
		}
		if (text(body, 'domain').toUpperCase() !== CEGID_CREDENTIALS.domain) {
			return french(`Le domaine ${text(body, 'domain')} n'est pas associé à cette clé`);
		}
		return json(
			200,
			[...state.folders.values()].map((folder) => ({
				objectId: folder.objectId,
				codeIbs: folder.codeIbs,
				nom: '',
				prenom: '',
				nomUsuel: folder.codeIbs,
				raisonSociale: folder.raisonSociale,
				maitreDossier: folder.maitreDossier,
				maitreDossierId: folder.maitreDossierId,
				engagementManager: folder.maitreDossier,
				engagementManagerId: folder.maitreDossierId,
			})),
		);
	}));

	// "Add provisionning Client (POST) … /provisionningCollab/addClient": "Adds the contact person and
	// the corresponding client user", with the guide's two errors.
	server.route(SERVICE, 'POST', '/provisionningCollab/addClient', guarded((body) => {
		const folder = folderOf(body);
		if (isResponse(folder)) return folder;
		const offer = offerOf(body);
		if (isResponse(offer)) return offer;
		const email = text(body, 'email').toLowerCase();
		if (state.contacts.has(email)) {
			return french("L'e-mail de cet interlocuteur est déjà associé à un autre interlocuteur");
		}
		if (!isTenantMember(email)) {
			return french("Pour proposer un service à un interlocuteur vous devez d'abord l'inviter sur votre tenant");
		}
		const contact: Contact = {
			objectId: randomUUID(),
			userObjectId: randomUUID(),
			revision: 0,
			email,
			codeDossier: folder.codeIbs,
			nom: text(body, 'nom'),
			prenom: text(body, 'prenom'),
			telephone: text(body, 'telephone'),
			profile: text(body, 'profile') || '2.0',
			social: body.social !== false,
			actif: true,
			defaultIssuer: false,
			applications: new Set([offer]),
		};
		state.contacts.set(email, contact);
		return json(200, { interloc: contactRecord(state, contact, 'interlocuteur') });
	}));

	// "update provisionning Client (POST) … /provisionningCollab/updateClient": "Modifies the contact
	// person and the corresponding client user"; "interlocuteur n'existe pas", and the plain-text
	// answer "L'application est déjà affectée à l'interlocuteur."
	server.route(SERVICE, 'POST', '/provisionningCollab/updateClient', guarded((body) => {
		const contact = state.contacts.get(text(body, 'email').toLowerCase());
		if (!contact) return french("interlocuteur n'existe pas");
		const offer = offerOf(body);
		if (isResponse(offer)) return offer;
		if (!isTenantMember(contact.email)) {
			return french("Pour proposer un service à un interlocuteur vous devez d'abord l'inviter sur votre tenant");
		}
		for (const field of ['nom', 'prenom', 'telephone', 'profile'] as const) {
			if (typeof body[field] === 'string') contact[field] = body[field] as string;
		}
		for (const field of ['social', 'actif', 'defaultIssuer'] as const) {
			if (typeof body[field] === 'boolean') contact[field] = body[field] as boolean;
		}
		if (contact.applications.has(offer)) {
			// The guide shows this answer as plain text, not JSON.
			return { status: 200, body: "L'application est déjà affectée à l'interlocuteur." };
		}
		contact.applications.add(offer);
		return json(200, { interloc: contactRecord(state, contact, 'interlocuteur') });
	}));

	// "Remove application (POST) … /provisionningCollab/removeApplication", answered with the
	// contact (`interloc`) and the client user (`user`).
	server.route(SERVICE, 'POST', '/provisionningCollab/removeApplication', guarded((body) => {
		const contact = state.contacts.get(text(body, 'email').toLowerCase());
		if (!contact) return french("interlocuteur n'existe pas");
		const offer = offerOf(body);
		if (isResponse(offer)) return offer;
		contact.applications.delete(offer);
		return json(200, {
			interloc: contactRecord(state, contact, 'interlocuteur'),
			user: contactRecord(state, contact, 'utilisateurClient'),
		});
	}));

	return state;
}

export const cegidLoopService: SandboxService<CegidLoopState> = {
	name: SERVICE,
	install,
	credentials: (server) => ({
		cegidLoopApi: { ...CEGID_CREDENTIALS, environment: 'custom', baseUrl: server.baseUrl(SERVICE) },
	}),
};
