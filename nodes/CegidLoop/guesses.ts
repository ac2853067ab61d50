/**
 * What we do not know for sure about the Cegid Loop API, in one place so that it is cheap to
 * correct. Each guess is the default of a field the user can change (the credential's LoopHub
 * Address and Method; the node's Options), and each says where the fact would come from.
 */

// The credential's Test button and folder picker share these, so they are defined beside the credential.
export { LOOPHUB_FOLDERS_METHOD, LOOPHUB_FOLDERS_PATH } from '../../credentials/common/cegidLoop';

/**
 * GUESS, correctable in Options → Contact Removal Address. Cegid Developers ("Offre
 * Collaborative Cabinet") lists "removing an offer for one contact" but the public part of the page
 * does not show its address or body. This name follows addCollaborativeOffer's.
 */
export const REMOVE_OFFER_FOR_CONTACT_PATH = '/collaborativeOffer/removeCollaborativeOffer';

/**
 * GUESS, correctable in Options → Contact E-mail Key: the name under which the two "one contact"
 * calls (addCollaborativeOffer and removing an offer for one contact) take the contact's e-mail.
 * Cegid's page says addCollaborativeOffer works "for an existing contact" without showing its body;
 * we send the guide's addClient shape `{ email, codeDossier, offre }`.
 */
export const CONTACT_EMAIL_KEY = 'email';

/**
 * Answers that prove a write was already done, so that a re-run can count it as success. Only the
 * first is in Cegid's guide; the others are INVENTED (the guide shows no such answer): a 4xx with
 * these words is what the sandbox answers, and a real account may word it differently, in which
 * case the item still fails as before.
 */
export const ALREADY_DONE = {
	/** The guide, Add provisionning Client: "This contact's email is already associated with another contact". */
	clientExists: /L'e-mail de cet interlocuteur est déjà associé à un autre interlocuteur/i,
	/** The guide, update provisionning Client (a 200 in plain text). */
	applicationAssigned: /L'application est déjà affectée à l'interlocuteur/i,
	/** INVENTED: an offer that is already on the folder (or on the contact). */
	offerPresent: /L'offre \S+ est déjà (présente|affectée)/i,
	/** INVENTED: a folder that is already provisioned. */
	companyProvisioned: /Le dossier \S+ est déjà approvisionné/i,
} as const;

/**
 * GUESS: the largest `take` the data reads (staff, accounts, customers…) serve in one answer. Cegid's
 * pages document skip and take but no maximum, except 100 for accounting entries; the node asks for
 * pages of this size and keeps asking until a page comes back empty, so a lower cap loses nothing.
 */
export const READ_PAGE_SIZE = 100;

/**
 * GUESS: how `select` lists several fields. The pages say "Retourne seulement les champs mentionnés"
 * without an example of several; a comma is the common reading. The fact would come from a select
 * with two fields against a real account.
 */
export const SELECT_SEPARATOR = ',';
