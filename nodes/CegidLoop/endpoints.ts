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
