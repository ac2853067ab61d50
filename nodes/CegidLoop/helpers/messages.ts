/**
 * Cegid Loop answers in French. These are the messages we know, with their English meaning, so that
 * users who do not read French know what happened. All but the last are in Cegid's guide (Manage a
 * "Cegid loop API Cabinet"); the last is a GUESS at Cegid's wording for an unknown folder, which the
 * guide does not show (a different wording simply comes through untranslated).
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonOutput } from '../../shared/items';

const KNOWN_MESSAGES: Array<{ pattern: RegExp; english: string }> = [
	{
		pattern: /L'e-mail de cet interlocuteur est déjà associé à un autre interlocuteur/i,
		english: "This contact's email is already associated with another contact",
	},
	{
		pattern: /Pour proposer un service à un interlocuteur vous devez d'abord l'inviter sur votre tenant/i,
		english: 'To offer a service to a contact, first invite them to your tenant (Teams)',
	},
	{ pattern: /interlocuteur n'existe pas/i, english: 'The contact does not exist' },
	{
		pattern: /L'application est déjà affectée à l'interlocuteur/i,
		english: 'The application is already assigned to the contact',
	},
	{
		pattern: /L'offre (\S+) a été ajoutée au dossier client (\S+)/i,
		english: 'The offer $1 was added to the client folder $2',
	},
	{
		pattern: /L'offre (\S+) a été retirée du dossier client (\S+)/i,
		english: 'The offer $1 was removed from the client folder $2',
	},
	// GUESS: not in the guide; see above.
	{ pattern: /Le dossier (\S+) n'existe pas/i, english: 'The folder $1 does not exist' },
];

/** The English meaning of a known French message, or undefined. */
export function englishMeaning(french: string): string | undefined {
	for (const { pattern, english } of KNOWN_MESSAGES) {
		const match = pattern.exec(french);
		if (match) return english.replace(/\$(\d)/g, (_all, group: string) => (match[Number(group)] ?? '').replace(/\.$/, ''));
	}
	return undefined;
}

/** "French (English)" when the meaning is known, else the French as it came. */
export function withEnglish(french: string): string {
	const english = englishMeaning(french);
	return english ? `${french} (${english})` : french;
}

/**
 * Cegid answers with JSON, or with a plain French sentence; either way the user gets JSON, with the
 * English meaning beside a known French message.
 */
export function toOutput(body: unknown): IDataObject | IDataObject[] {
	const output = jsonOutput(body);
	if (Array.isArray(output)) return output;
	if (typeof output.message === 'string') {
		const english = englishMeaning(output.message);
		if (english) output.messageEnglish = english;
	}
	return output;
}
