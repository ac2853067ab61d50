/**
 * What we do not know for sure about the Cegid Loop API, in one place so that it is cheap to
 * correct. Each guess says where the fact would come from. The UI flags them with a notice.
 */

// The credential's Test button calls this path too, so it is defined beside the credential.
export { LOOPHUB_FOLDERS_PATH } from '../../credentials/common/cegidLoop';

/**
 * NOT YET USED: Cegid deprecated `POST /collaborativeOffer/addOffer` on 2024-07-01 in favour of
 * `POST /collaborativeOffer/addCollaborativeOffer` (adds an offer to a folder for an existing
 * contact). Its body is not documented anywhere we can read; switch the "add" operation to it
 * once the catalogue shows the body.
 */
export const ADD_COLLABORATIVE_OFFER_SUCCESSOR_PATH = '/collaborativeOffer/addCollaborativeOffer';
