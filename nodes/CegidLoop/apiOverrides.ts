/**
 * The options that override a guess of guesses.ts, by name and as the editor shows them: from version 1.2 on the node shows them in API
 * Overrides, apart from its real options. A test checks that no option left in Options says it is a guess.
 */
export const API_OVERRIDE_FIELDS: Readonly<Record<string, string>> = { contactEmailKey: 'Contact Email Key', removeForContactPath: 'Contact Removal Address' };
