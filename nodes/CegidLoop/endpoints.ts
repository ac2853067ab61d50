/**
 * The Cegid Loop paths that Cegid documents, relative to the credential's Base URL: the guide
 * (Manage a "Cegid loop API Cabinet") and the "Offre Collaborative Cabinet" page of Cegid
 * Developers. Every call is a POST with a JSON body.
 */

/** Sets up a client folder's SQL database and document store (GED). */
export const PROVISION_COMPANY_PATH = '/companyProvisioning/provisionCompany';

/**
 * Adds a collaborative offer to a folder for an existing contact. Cegid Developers ("Offre
 * Collaborative Cabinet") documents this address as the successor of addOffer; its body is a guess
 * (see guesses.ts).
 */
export const ADD_COLLABORATIVE_OFFER_PATH = '/collaborativeOffer/addCollaborativeOffer';

/** Adds a collaborative offer to a client folder (deprecated by Cegid on 2024-07-01; it still works). */
export const ADD_OFFER_PATH = '/collaborativeOffer/addOffer';

/** Removes a collaborative offer from a folder, for all its contacts. */
export const REMOVE_OFFER_PATH = '/collaborativeOffer/removeOffer';

/** Adds a contact (interlocuteur) to a folder, with its client user. "provisionning" is the service's spelling. */
export const ADD_CLIENT_PATH = '/provisionningCollab/addClient';

export const UPDATE_CLIENT_PATH = '/provisionningCollab/updateClient';

export const REMOVE_APPLICATION_PATH = '/provisionningCollab/removeApplication';

/*
 * The data reads of Cegid Developers' "Loop API management docs", each a GET relative to the same
 * Base URL, with codeDossier (required), filter, sort, skip, take and select in the query. The page
 * of each is cited beside its path; the pages live under
 * https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/.
 */

/** The codeDossier of the firm's own data: "Valeur à renseigner : cabinet" (Collaborateur du Cabinet). */
export const FIRM_FOLDER_CODE = 'cabinet';

/** The firm's staff. "Collaborateur du Cabinet" (CollaborateurduCabinet.html; English: CollaborateurCabinet.html). */
export const STAFF_PATH = '/collaborateurCabinet';

/** The firm's agencies. "agency firm list (liste d'agence cabinet)" (agence.html). */
export const AGENCY_PATH = '/AgenceCabinet';

/** The firm's workgroups. "Workgroup list (liste de groupe de travail)" (Groupe.html). */
export const WORKGROUP_PATH = '/groupe';

/** The firm's engagements (lettres de mission). "List of engagement" (Engagement.html). */
export const ENGAGEMENT_PATH = '/engagement';

/** A folder's analytic sections. "Paramétrage des sections" (Section.html). */
export const SECTION_PATH = '/section';

/** A folder's establishments. "Paramétrage des établissements" (etablissement.html). */
export const ESTABLISHMENT_PATH = '/etablissementComplet';

/** A folder's chart of general accounts. "Plan des comptes" (Compte.html). */
export const ACCOUNT_PATH = '/compte';

/** A folder's journals. "Paramétrage des journaux" (Journal.html). */
export const JOURNAL_PATH = '/journal';

/** A folder's customers (tiers clients). "Paramétrage des tiers Clients" (tiersClient.html). */
export const CUSTOMER_PATH = '/tiersClient';

/**
 * A folder's accounting entries. "Ecriture Comptable" (EcritureComptable.html): "La requête ne renvoie
 * que 100 réponses", and "Un filtre sur le codeLettrage ou ecritureOrigine sera obligatoire".
 */
export const ACCOUNTING_ENTRY_PATH = '/EcritureComptable';

/** "Contrainte de volumétrie => La requête ne renvoie que 100 réponses" (Ecriture Comptable). */
export const ACCOUNTING_ENTRY_MAX_TAKE = 100;
