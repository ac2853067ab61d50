/**
 * The triggers' overrides of guesses, in an API Overrides collection of their own from trigger
 * version 1.1 on (the action nodes moved theirs in 1.2, see descriptions.ts `withApiOverrides`; the
 * triggers were all at version 1 then, so their first new version is 1.1). Version 1 keeps them in
 * Options, so that saved workflows keep their values: n8n drops an option a collection no longer
 * declares.
 */
import type { INodeProperties } from 'n8n-workflow';

import { apiOverridesCollection, fromVersion11, onlyInVersion1, overrideField, overridePath } from './descriptions';

/** The first trigger version whose overrides of guesses are in API Overrides, not in Options. */
export const TRIGGER_API_OVERRIDES_VERSION = 1.1;

type VersionedNode = { getNode(): { typeVersion: number } };

/** Where a trigger's override is, by its version: `apiOverrides.pageSize` or `options.pageSize`. */
export function triggerOverridePath(ctx: VersionedNode, name: string): string {
	return overridePath(ctx, name, TRIGGER_API_OVERRIDES_VERSION);
}

/** How a trigger's errors name an override, by its version: "API Overrides → Page Size". */
export function triggerOverrideField(ctx: VersionedNode, displayName: string): string {
	return overrideField(ctx, displayName, TRIGGER_API_OVERRIDES_VERSION);
}

/** Fields of one of the two collections, and when the collection shows (by the trigger's other fields). */
export interface TriggerCollection {
	fields: INodeProperties[];
	show?: NonNullable<INodeProperties['displayOptions']>['show'];
}

/**
 * A trigger's Options and API Overrides: version 1 shows Options with every field as it always had
 * them; from 1.1 on Options holds only the real options (and is left out when there are none) and API
 * Overrides, collapsed after it, the overrides. `hints` gives an override the hint it shows in API
 * Overrides, whose description already says, once for all, that the defaults are assumptions.
 */
export function triggerOptionsAndOverrides(
	options: TriggerCollection,
	overrides: TriggerCollection & { hints?: Readonly<Record<string, string>> },
): INodeProperties[] {
	const collection = (fields: INodeProperties[], show: TriggerCollection['show']): INodeProperties => ({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: fields,
		...(show ? { displayOptions: { show } } : {}),
	});
	const hinted = overrides.fields.map((field) => {
		const hint = overrides.hints?.[field.name];
		return hint === undefined ? field : { ...field, hint };
	});
	return [
		onlyInVersion1(collection([...options.fields, ...overrides.fields], undefined)),
		...(options.fields.length > 0 ? [fromVersion11(collection(options.fields, options.show))] : []),
		fromVersion11(apiOverridesCollection(hinted, overrides.show ? { show: overrides.show } : undefined)),
	];
}
