/**
 * The records the sandbox's data reads serve: the firm's staff, agencies, workgroups and engagements,
 * and the data of folder MANON001 (the other folders exist and hold nothing). Field names are those
 * of Cegid Developers' pages (Loop API management docs); the values are INVENTED, and some carry
 * quotes, backslashes and accents on purpose, since real names do.
 */

export type LoopRecord = Record<string, unknown>;

/** A record with its objectId and revisionId, which the pages show on every record. */
function record(objectId: string, revision: number, fields: LoopRecord): LoopRecord {
	return { objectId, revisionId: `0x${revision.toString(16).toUpperCase().padStart(16, '0')}`, ...fields };
}

/** A UUID-shaped id that is the same on every start, so that tests can name a record. */
function stableId(prefix: number, index: number): string {
	const hex = (prefix * 100_000 + index).toString(16).padStart(12, '0');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4000-8000-${hex.padStart(12, '0')}`;
}

/** "Collaborateur du Cabinet": identifiant, prenom (the staff of data.ts's folders among them). */
export function staffRecords(): LoopRecord[] {
	return [
		record('28c12c49-d4a7-4ef6-bb68-c278451c25ae', 0x33a12, { identifiant: 'rakik-qa', prenom: 'Rakik' }),
		record('5b1f0c7e-3f7a-4a53-9b1e-3c1d2b0a9f11', 0x33a37, { identifiant: 'manon', prenom: 'Manon' }),
		record('9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d', 0x33b02, { identifiant: 'mentressangle', prenom: 'Mélanie' }),
		record('7e1d2c3b-4a59-4687-a5b4-c3d2e1f0a9b8', 0x33b10, { identifiant: 'Collaborateur_100', prenom: 'Zoé' }),
		record('1f2e3d4c-5b6a-4789-8a9b-0c1d2e3f4a5b', 0x33b44, { identifiant: 'o"brien', prenom: 'Seán' }),
	];
}

/** "agency firm list": code, libelle, siret, numvoie, extension, email. */
export function agencyRecords(): LoopRecord[] {
	return [
		record('3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', 0x34001, {
			code: 'PARIS',
			libelle: 'Agence de Paris',
			siret: '12345678900011',
			numvoie: '12',
			extension: 'bis',
			email: 'paris@cabinet.example',
		}),
		record('4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a', 0x34002, {
			code: 'LYON',
			libelle: 'Agence de Lyon – Part-Dieu',
			siret: '12345678900029',
			numvoie: '3',
			extension: '',
			email: 'lyon@cabinet.example',
		}),
	];
}

/** "Workgroup list": code, description, agence (an agency's code). */
export function workgroupRecords(): LoopRecord[] {
	return [
		record('5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', 0x35001, { code: 'TPE', description: 'Très petites entreprises', agence: 'PARIS' }),
		record('6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c', 0x35002, { code: 'SOCIAL', description: 'Pôle social', agence: 'PARIS' }),
		record('7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', 0x35003, { code: 'AGRI', description: 'Agriculture', agence: 'LYON' }),
	];
}

/** "List of engagement": codeIBS, description, profitCenter, maitreDossier, entite, entiteIbsId, dateDebut, dateFin. */
export function engagementRecords(): LoopRecord[] {
	return [
		record('8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e', 0x36001, {
			codeIBS: 'CEGID003',
			description: 'Tenue comptable 2026',
			profitCenter: 'PARIS',
			maitreDossier: 'mentressangle',
			entite: 'CEGID003',
			entiteIbsId: 'd2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60',
			dateDebut: '2026-01-01',
			dateFin: '2026-12-31',
		}),
		record('9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f', 0x36002, {
			codeIBS: 'MANON001',
			description: 'Révision et liasse',
			profitCenter: 'LYON',
			maitreDossier: 'manon',
			entite: 'MANON001',
			entiteIbsId: 'b42ba973-07ce-4c6a-873a-5509ab7a20e2',
			dateDebut: '2026-01-01',
			dateFin: '2026-12-31',
		}),
	];
}

/** "Paramétrage des sections": code, description, ferme, axe (the page's example record among them). */
function sectionRecords(): LoopRecord[] {
	const axe = { objectId: '352ebf42-ba97-4300-8000-000000000001', code: 'AXE', description: 'AXEANAAXE' };
	return [
		record('37f8728f-af7a-46e7-b690-668e810208ae', 0x33a12, { description: "SECTION D'ATTENTE AXEANAAXE", code: 'SECA@AXE', ferme: false, axe }),
		record(stableId(7, 1), 0x37001, { description: 'Atelier', code: 'ATELIER', ferme: false, axe }),
		record(stableId(7, 2), 0x37002, { description: 'Boutique (fermée)', code: 'BOUTIQUE', ferme: true, axe }),
	];
}

/** "Paramétrage des établissements": type (1 to 4), nature (1, 2), prenom, name, raisonsociale. */
function establishmentRecords(): LoopRecord[] {
	return [
		record(stableId(8, 1), 0x38001, { type: 1, nature: '2', prenom: '', name: '', raisonsociale: 'Manon & Fils SARL' }),
		record(stableId(8, 2), 0x38002, { type: 2, nature: '2', prenom: '', name: '', raisonsociale: 'Manon & Fils – Dépôt' }),
	];
}

/**
 * "Plan des comptes": numero, libelle, type (1 to 7), collectif, lettrable, pointable, centralisable,
 * analytique, ferme, comptecontrepartie, compteBanque. 130 accounts, more than one page of 100.
 */
function accountRecords(): LoopRecord[] {
	const named: Array<[string, string, string, Partial<Record<string, boolean | string>>]> = [
		['101000', 'Capital', '1', {}],
		['401000', 'Fournisseurs', '4', { collectif: true, lettrable: true }],
		['411000', 'Clients', '4', { collectif: true, lettrable: true }],
		['445710', 'TVA collectée', '4', {}],
		['512000', 'Banque "Crédit Agricole"', '5', { pointable: true, compteBanque: 'FR7612345000010000000000011' }],
		['530000', 'Caisse', '5', {}],
		['607000', 'Achats de marchandises', '6', { analytique: true }],
		['625100', 'Voyages et déplacements', '6', { analytique: true }],
		['627000', 'Services bancaires \\ frais', '6', {}],
		['707000', 'Ventes de marchandises', '7', { analytique: true, centralisable: true }],
	];
	const accounts = named.map(([numero, libelle, type, flags], index) =>
		record(stableId(9, index + 1), 0x39000 + index, {
			numero,
			libelle,
			type,
			collectif: false,
			lettrable: false,
			pointable: false,
			centralisable: false,
			analytique: false,
			ferme: false,
			comptecontrepartie: '',
			compteBanque: '',
			...flags,
		}),
	);
	for (let index = 1; accounts.length < 130; index++) {
		accounts.push(
			record(stableId(9, 100 + index), 0x39100 + index, {
				numero: `6068${String(index).padStart(2, '0')}`,
				libelle: `Fournitures diverses n°${index}`,
				type: '6',
				collectif: false,
				lettrable: false,
				pointable: false,
				centralisable: false,
				analytique: true,
				ferme: index % 10 === 0,
				comptecontrepartie: '',
				compteBanque: '',
			}),
		);
	}
	return accounts;
}

/** "Paramétrage des journaux": type per the page (Achat:1, OD:2, A-Nouveau:3, Banque:4, Caisse:5, …, Vente:8). */
function journalRecords(): LoopRecord[] {
	const journal = (index: number, code: string, libelle: string, type: string, typeContrepartie: number) =>
		record(stableId(10, index), 0x3a000 + index, { code, libelle, type, compteContrepartie: null, typeContrepartie, repriseDateOp: false });
	return [
		journal(1, 'HA', 'Achats', '1', 1),
		journal(2, 'OD', 'Opérations diverses', '2', 1),
		journal(3, 'AN', 'A-Nouveaux', '3', 1),
		journal(4, 'BQ', 'Banque', '4', 3),
		journal(5, 'VT', 'Ventes', '8', 1),
	];
}

/** "Paramétrage des tiers Clients": code, type 0, names, SIRET, contact fields, adr, rib, actif. */
function customerRecords(): LoopRecord[] {
	const customer = (index: number, fields: LoopRecord) =>
		record(stableId(11, index), 0x3b000 + index, {
			type: 0,
			prenom: '',
			nom: '',
			nomUsuel: '',
			lettrable: true,
			compteContrepartie: null,
			telephone: '',
			fax: '',
			siteWeb: '',
			rib: null,
			actif: true,
			...fields,
		});
	return [
		customer(1, {
			code: '411DUPONT',
			raisonSociale: 'Dupont SA',
			SIRET: '55210055400013',
			email: 'compta@dupont.example',
			adr: { adr1: '1 rue de la Paix', cp: '75002', ville: 'Paris' },
		}),
		customer(2, {
			code: '411ZOE',
			raisonSociale: 'Boulangerie "Chez Zoé"',
			SIRET: '40123456700018',
			email: 'zoe@boulangerie.example',
			adr: { adr1: '4 place du Marché', cp: '69002', ville: 'Lyon' },
		}),
		customer(3, {
			code: '411DECO',
			raisonSociale: 'Atelier C:\\Déco',
			nomUsuel: 'Déco',
			SIRET: '81234567800027',
			email: 'atelier@deco.example',
			adr: { adr1: '9 quai des Arts', cp: '33000', ville: 'Bordeaux' },
		}),
		customer(4, {
			code: '411ANCIEN',
			raisonSociale: 'Ancien client SARL',
			SIRET: '30123456700011',
			email: '',
			adr: null,
			actif: false,
		}),
	];
}

/** The lettering package whose lines are more than one answer of 100 can hold. */
export const LARGE_LETTERING_CODE = '5f0c1e9a-2b7d-4c3e-9a1f-6d2e8b4c7a10';

export const SMALL_LETTERING_CODE = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

export const ORIGIN_ENTRY = '0d07ade2-c4fa-4892-90bd-2dbd50d1c6b7';

/**
 * "Ecriture Comptable": the criteria of its filter table (codeLettrage, ecritureOrigine, journalCode,
 * refPiece, datePiece, compteNumero). A small lettering package (an invoice and its payment), a large
 * one (a customer's 130 lines), the entry of a document sent to the robot, and unlettered entries.
 */
function accountingEntryRecords(): LoopRecord[] {
	const entry = (index: number, fields: LoopRecord) =>
		record(stableId(12, index), 0x3c000 + index, {
			codeLettrage: null,
			ecritureOrigine: null,
			journalCode: 'VT',
			refPiece: '',
			datePiece: '2026-03-01',
			compteNumero: '411000',
			...fields,
		});
	const entries = [
		entry(1, { codeLettrage: SMALL_LETTERING_CODE, journalCode: 'VT', refPiece: 'FA-2026-001 "Zoé"', datePiece: '2026-02-03' }),
		entry(2, { codeLettrage: SMALL_LETTERING_CODE, journalCode: 'BQ', refPiece: 'REG\\2026\\001', datePiece: '2026-03-05' }),
		entry(3, { ecritureOrigine: ORIGIN_ENTRY, journalCode: 'HA', refPiece: 'Facture Électricité', datePiece: '2026-03-10', compteNumero: '401000' }),
		entry(4, { journalCode: 'VT', refPiece: 'FA-2026-002', datePiece: '2026-03-12' }),
		entry(5, { journalCode: 'OD', refPiece: 'OD-2026-001', datePiece: '2026-03-31', compteNumero: '607000' }),
	];
	for (let index = 1; index <= 130; index++) {
		const day = String(1 + (index % 28)).padStart(2, '0');
		entries.push(
			entry(100 + index, {
				codeLettrage: LARGE_LETTERING_CODE,
				journalCode: index % 2 === 0 ? 'BQ' : 'VT',
				refPiece: `LOT-${String(index).padStart(3, '0')}`,
				datePiece: `2026-${index <= 65 ? '01' : '02'}-${day}`,
			}),
		);
	}
	return entries;
}

/** What folder MANON001 holds, per resource path (lower case); the other folders hold nothing. */
export function folderData(): Map<string, Record<string, LoopRecord[]>> {
	return new Map([
		[
			'MANON001',
			{
				section: sectionRecords(),
				etablissementcomplet: establishmentRecords(),
				compte: accountRecords(),
				journal: journalRecords(),
				tiersclient: customerRecords(),
				ecriturecomptable: accountingEntryRecords(),
			},
		],
	]);
}
