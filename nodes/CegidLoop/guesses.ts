/**
 * What we do not know for sure about the Cegid Loop API, in one place so that it is cheap to
 * correct. Each guess is the default of a field the user can change (the credential's LoopHub
 * Address and Method; the node's API Overrides, its Options before version 1.2), and each says where the fact would come from. Started
 * with inventions (sandbox/cegid-loop/inventions.ts) the sandbox reads each differently, and
 * test/integration/cegid-loop/disagreeing-sandbox.test.ts shows each failing there with the field
 * that corrects it, and passing once that field is set.
 */

// The credential's Test button and folder picker share these, so they are defined beside the credential.
export { LOOPHUB_FOLDERS_METHOD, LOOPHUB_FOLDERS_PATH } from '../../credentials/common/cegidLoop';

/**
 * GUESS, correctable in API Overrides → Contact Removal Address. Cegid Developers ("Offre
 * Collaborative Cabinet") lists "removing an offer for one contact" but the public part of the page
 * does not show its address or body. This name follows addCollaborativeOffer's.
 */
export const REMOVE_OFFER_FOR_CONTACT_PATH = '/collaborativeOffer/removeCollaborativeOffer';

/**
 * GUESS, correctable in API Overrides → Contact Email Key: the name under which the two "one contact"
 * calls (addCollaborativeOffer and removing an offer for one contact) take the contact's e-mail.
 * Cegid's page says addCollaborativeOffer works "for an existing contact" without showing its body;
 * we send the guide's addClient shape `{ email, codeDossier, offre }`.
 */
export const CONTACT_EMAIL_KEY = 'email';

/**
 * Answers that prove a write was already done, so that a re-run can count it as success. Only the
 * first two are in Cegid's guide; the others are INVENTED (the guide shows no such answer): a 4xx
 * with these words is what the sandbox answers, and a real account may word it differently, in
 * which case the item still fails as before.
 *
 * Each pattern is the whole message, not a phrase inside it, so that the known words quoted inside a
 * different error prove nothing. Where a message names the offer, the folder or the contact, it
 * names them in the groups `offre`, `codeDossier` and `email`, and counts only when they are the
 * request's own (see helpers/alreadyDone.ts): "the offer start is already on MANON002" says nothing
 * about MANON001.
 */
export const ALREADY_DONE = {
	/**
	 * The guide, Add provisionning Client: "This contact's email is already associated with another
	 * contact". It names nobody: it answers this request's e-mail, the only one sent.
	 */
	clientExists: /^L'e-mail de cet interlocuteur est déjà associé à un autre interlocuteur\.?$/i,
	/** The guide, update provisionning Client (a 200 in plain text), answering this request's contact and offer. */
	applicationAssigned: /^L'application est déjà affectée à l'interlocuteur\.?$/i,
	/** INVENTED: an offer that is already on the folder (Add to the folder, the older way). */
	offerOnFolder: /^L'offre (?<offre>\S+) est déjà présente dans le dossier client (?<codeDossier>\S+?)\.?$/i,
	/** INVENTED: an offer that the contact already has (Add for one contact). */
	offerOnContact: /^L'offre (?<offre>\S+) est déjà affectée à l'interlocuteur (?<email>\S+?)\.?$/i,
	/** INVENTED: a folder that is already provisioned. */
	companyProvisioned: /^Le dossier (?<codeDossier>\S+?) est déjà approvisionné\.?$/i,
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
