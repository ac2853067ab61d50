/**
 * The switch behind which a credential keeps its overrides of guessed addresses (Cegid's LoopHub
 * Address and Method, Virtual Inventory's API Path). Built-in credentials never show guesses about
 * the remote API, so a new credential shows none either: the overrides appear only once the switch
 * is on, and apply only then.
 *
 * n8n itself enforces the second half: before a node or the Test button gets a credential, n8n's
 * CredentialsHelper.applyDefaultsAndOverwrites (packages/cli/src/credentials-helper.ts; in n8n
 * 2.41.1, dist/credentials-helper.js) passes the stored data through
 * `NodeHelpers.getNodeParameters(properties, data, true, false, null, null)`, which drops the value
 * of every field whose displayOptions hide it. With the switch off, a value saved earlier is gone
 * and the default applies. The readers below check the switch as well, so that code given a
 * credential some other way (a test, a harness) behaves the same.
 */
import type { ICredentialDataDecryptedObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

export const OVERRIDE_SWITCH = 'overrideApiAddresses';

export const OVERRIDE_SWITCH_NAME = 'Override API Addresses';

/** The show condition of every override field: only with the switch on. */
export const SHOWN_WHEN_OVERRIDING: NonNullable<IDisplayOptions['show']> = { [OVERRIDE_SWITCH]: [true] };

/**
 * The switch, placed last in the credential, with the one hint for all its fields. `guide` names
 * what the defaults were read from, e.g. "Cegid's guide".
 */
export function overrideSwitch(guide: string, show?: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: OVERRIDE_SWITCH_NAME,
		name: OVERRIDE_SWITCH,
		type: 'boolean',
		default: false,
		description: 'Whether to set yourself the addresses that the node otherwise assumes',
		hint: `Only when Check Setup or a "not found" error names one of these fields. The defaults are our reading of ${guide}.`,
		...(show ? { displayOptions: { show } } : {}),
	};
}

/** Whether the credential's overrides apply. */
export function overriding(credentials: ICredentialDataDecryptedObject): boolean {
	return credentials[OVERRIDE_SWITCH] === true;
}

/**
 * How errors name an override field of a credential, so that a user finds it:
 * "LoopHub Address of the Cegid Loop API credential (switch on Override API Addresses there to show it)".
 */
export function overrideFieldOf(fields: string, credential: string, plural = false): string {
	return `${fields} of the ${credential} credential (switch on ${OVERRIDE_SWITCH_NAME} there to show ${plural ? 'them' : 'it'})`;
}
