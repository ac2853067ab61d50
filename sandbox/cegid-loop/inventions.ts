/**
 * What Cegid's guide and public pages leave open, and a user corrects (the credential's LoopHub
 * Address and Method; the Options of the "one contact" offer calls). By default the sandbox serves
 * its own reading of the guide (`READING`); started with inventions it serves another, equally
 * plausible one, so that a test shows the node failing with the field to correct, then passing.
 */
export type CegidLoopInventions = {
	/** Where LoopHub lists the folders of an application key: the guide shows only "LOOPHUB (Get)". */
	loopHubPath: string;
	/** Its method: the guide's heading says "Get", its example a JSON body. GET reads key and domain from the query. */
	loopHubMethod: 'GET' | 'POST';
	/** Where an offer is removed for one contact: Cegid Developers names the call, not its address. */
	removeForContactPath: string;
	/** The name under which the two "one contact" calls take the contact's e-mail: the body is not public. */
	contactEmailKey: string;
};

/** The sandbox's reading when started without inventions. */
export const READING: CegidLoopInventions = {
	loopHubPath: '/loophub/getFolders',
	loopHubMethod: 'POST',
	removeForContactPath: '/collaborativeOffer/removeCollaborativeOffer',
	contactEmailKey: 'email',
};

/** Another reading, different in every key. */
export const DISAGREEING: CegidLoopInventions = {
	loopHubPath: '/loopHub/dossiersCleApplication',
	loopHubMethod: 'GET',
	removeForContactPath: '/collaborativeOffer/removeOfferForContact',
	contactEmailKey: 'emailInterlocuteur',
};
