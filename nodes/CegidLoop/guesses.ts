/**
 * What we do not know for sure about the Cegid Loop API, in one place so that it is cheap to
 * correct. Each guess says where the fact would come from. The UI flags them with a notice.
 */

/**
 * GUESS: the path of the LoopHub operation that lists the folders linked to an application key.
 * The guide shows it only as "LOOPHUB (Get)" in the API catalogue, with a JSON body
 * `{ apiKey, domain }`, so it is sent as a POST. The fact is in the catalogue (API portal of the
 * "Advanced pack Loop service"). Change it here and in the sandbox together.
 */
export const LOOPHUB_FOLDERS_PATH = '/loophub/getFolders';

/**
 * NOT YET USED: Cegid deprecated `POST /collaborativeOffer/addOffer` on 2024-07-01 in favour of
 * `POST /collaborativeOffer/addCollaborativeOffer` (adds an offer to a folder for an existing
 * contact). Its body is not documented anywhere we can read; switch the "add" operation to it
 * once the catalogue shows the body.
 */
export const ADD_COLLABORATIVE_OFFER_SUCCESSOR_PATH = '/collaborativeOffer/addCollaborativeOffer';
