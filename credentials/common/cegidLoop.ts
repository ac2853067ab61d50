/**
 * What the Cegid Loop credential and node share: the path of the call the Test button makes. The
 * node's guesses.ts lists it with the rest.
 */

/**
 * GUESS: the path of the LoopHub operation that lists the folders linked to an application key.
 * The guide (Manage a "Cegid loop API Cabinet") shows it only as "LOOPHUB (Get)" in the API
 * catalogue, with a JSON body `{ apiKey, domain }`, so it is sent as a POST. The fact is in the
 * catalogue (API portal of the "Advanced pack Loop service"). The sandbox serves the same guess:
 * change both together.
 */
export const LOOPHUB_FOLDERS_PATH = '/loophub/getFolders';
