/** Small builders for node field descriptions, so that operation files list only their own fields. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_CONCURRENT_REQUESTS, MAX_CONCURRENT_REQUESTS_LIMIT } from './concurrency';

/**
 * Fields that changed shape in version 1.1 of a node exist twice under one name: as version 1 had
 * them, so that workflows saved with it keep their values and look as they did (n8n drops saved
 * values that no shown field describes), and as they are from version 1.1 on. n8n tells the two
 * apart by the node's version.
 */
export const ONLY_VERSION_1 = { '@version': [1] };

export const FROM_VERSION_1_1 = { '@version': [{ _cnd: { gte: 1.1 } }] };

/** The field, shown only to the node versions a condition such as FROM_VERSION_1_1 names, beside its own conditions. */
export function shownToVersions(versions: NonNullable<IDisplayOptions['show']>, field: INodeProperties): INodeProperties {
	return { ...field, displayOptions: { ...field.displayOptions, show: { ...field.displayOptions?.show, ...versions } } };
}

/** The field, shown only to nodes of version 1. */
export function onlyInVersion1(field: INodeProperties): INodeProperties {
	return shownToVersions(ONLY_VERSION_1, field);
}

/** The field, shown to nodes of version 1.1 and later. */
export function fromVersion11(field: INodeProperties): INodeProperties {
	return shownToVersions(FROM_VERSION_1_1, field);
}

/**
 * A field that is a resource locator ("From list" / "By ID") from version 1.1 on and was plain text
 * in version 1: the editor shows a plain value saved in a locator with an empty mode, so version 1
 * keeps the text field. Read it with `extractValue`, which gives the text of either.
 */
export function textInVersion1(locator: INodeProperties): INodeProperties[] {
	const { displayName, name, required, description, hint, displayOptions } = locator;
	const typed = locator.modes?.find((mode) => mode.type === 'string');
	return [
		onlyInVersion1({
			displayName,
			name,
			type: 'string',
			default: '',
			...(required !== undefined ? { required } : {}),
			...(typed?.placeholder ? { placeholder: typed.placeholder } : {}),
			...(description !== undefined ? { description } : {}),
			...(hint !== undefined ? { hint } : {}),
			...(displayOptions ? { displayOptions } : {}),
		}),
		fromVersion11(locator),
	];
}

/** Shows the fields only for the given resource and operation(s). */
export function showOnlyFor(
	resource: string,
	operation: string | string[],
	fields: INodeProperties[],
): INodeProperties[] {
	const operations = Array.isArray(operation) ? operation : [operation];
	return fields.map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, resource: [resource], operation: operations },
		},
	}));
}

/** The usual Return All / Limit pair of a list operation; read them with `readReturnAllAndLimit`. */
export function returnAllAndLimit(limitHint?: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			...(limitHint ? { hint: limitHint } : {}),
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** How many requests a node sends at once; the same option, under the same name, in every node. */
export const maxConcurrentRequestsOption: INodeProperties = {
	displayName: 'Max Concurrent Requests',
	name: 'maxConcurrentRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_CONCURRENT_REQUESTS_LIMIT, numberPrecision: 0 },
	default: DEFAULT_MAX_CONCURRENT_REQUESTS,
	description:
		'How many requests the node sends at once. The output keeps the order of the input items.',
	hint: 'The node sends fewer by itself while the service asks it to slow down (HTTP 429)',
};

/**
 * Adds Max Concurrent Requests to the operation's Options collection (to each of them, where a field
 * of version 1 kept its own), or gives the operation one, shown where `show` says (leave it out when
 * `showOnlyFor` wraps the fields afterwards). Options shown only under a condition of another field
 * (Remove From = One Contact) keep that condition, on each of them, so that Max Concurrent Requests
 * is always there.
 */
export function withMaxConcurrentRequests(
	fields: INodeProperties[],
	show?: { resource: string[]; operation: string[] },
): INodeProperties[] {
	const isOptions = (field: INodeProperties): boolean => field.name === 'options' && field.type === 'collection';
	if (!fields.some(isOptions)) {
		return [
			...fields,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [maxConcurrentRequestsOption],
				...(show ? { displayOptions: { show } } : {}),
			},
		];
	}
	return fields.map((field) => (isOptions(field) ? withOption(field) : field));
}

function withOption(field: INodeProperties): INodeProperties {
	const { displayOptions, ...collection } = field;
	const [kept, pushedDown] = splitOperationConditions(displayOptions);
	const options = [
		...((collection.options ?? []) as INodeProperties[]).map((option) => withConditions(option, pushedDown)),
		maxConcurrentRequestsOption,
	].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { ...collection, options, ...(kept ? { displayOptions: kept } : {}) };
}

type DisplayOptions = NonNullable<INodeProperties['displayOptions']>;

/** Splits display conditions into those on resource, operation and version, and all others (as root paths). */
function splitOperationConditions(
	displayOptions: DisplayOptions | undefined,
): [DisplayOptions | undefined, DisplayOptions | undefined] {
	if (!displayOptions) return [undefined, undefined];
	const kept: DisplayOptions = {};
	const pushedDown: DisplayOptions = {};
	for (const kind of ['show', 'hide'] as const) {
		for (const [name, values] of Object.entries(displayOptions[kind] ?? {})) {
			const target = name === 'resource' || name === 'operation' || name === '@version' ? kept : pushedDown;
			// Inside a collection, a name without "/" would mean a sibling option, not the node's field.
			const key = target === pushedDown && !name.startsWith('/') ? `/${name}` : name;
			target[kind] = { ...target[kind], [key]: values };
		}
	}
	return [Object.keys(kept).length > 0 ? kept : undefined, Object.keys(pushedDown).length > 0 ? pushedDown : undefined];
}

function withConditions(option: INodeProperties, conditions: DisplayOptions | undefined): INodeProperties {
	if (!conditions) return option;
	const displayOptions: DisplayOptions = { ...option.displayOptions };
	for (const kind of ['show', 'hide'] as const) {
		if (conditions[kind]) displayOptions[kind] = { ...conditions[kind], ...option.displayOptions?.[kind] };
	}
	return { ...option, displayOptions };
}

/** Version 1.2 moved every override of a guess out of Options into API Overrides. */
export const UNTIL_VERSION_1_1 = { '@version': [{ _cnd: { lte: 1.1 } }] };

export const FROM_VERSION_1_2 = { '@version': [{ _cnd: { gte: 1.2 } }] };

/** The collapsed API Overrides collection, after Options, the same in every node and trigger. */
export function apiOverridesCollection(overrides: INodeProperties[], displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'API Overrides',
		name: 'apiOverrides',
		type: 'collection',
		placeholder: 'Add Override',
		default: {},
		description: API_OVERRIDES_DESCRIPTION,
		options: overrides,
		...(displayOptions ? { displayOptions } : {}),
	};
}

/** The first version whose overrides of guesses are in API Overrides, not in Options. */
export const API_OVERRIDES_VERSION = 1.2;

/** The one description of API Overrides, the same in every node. */
export const API_OVERRIDES_DESCRIPTION =
	'Addresses, methods and field names the node assumes where the public documentation is silent. Change one only if Check Setup or an error names it for your account.';

/** The field, shown to nodes of versions 1 and 1.1. */
export function untilVersion11(field: INodeProperties): INodeProperties {
	return shownToVersions(UNTIL_VERSION_1_1, field);
}

/** The field, shown to nodes of version 1.2 and later. */
export function fromVersion12(field: INodeProperties): INodeProperties {
	return shownToVersions(FROM_VERSION_1_2, field);
}

/**
 * Where an override of a guess is, by the node's version: `apiOverrides.quotesLocation` or
 * `options.quotesLocation`. `firstVersion` is the node's first version with API Overrides (the
 * triggers have their own, triggerOverrides.ts).
 */
export function overridePath(ctx: { getNode(): { typeVersion: number } }, name: string, firstVersion = API_OVERRIDES_VERSION): string {
	return `${ctx.getNode().typeVersion >= firstVersion ? 'apiOverrides' : 'options'}.${name}`;
}

/** How errors and hints name an override, by the node's version: "API Overrides → Quotes Address". */
export function overrideField(ctx: { getNode(): { typeVersion: number } }, displayNames: string, firstVersion = API_OVERRIDES_VERSION): string {
	return `${ctx.getNode().typeVersion >= firstVersion ? 'API Overrides' : 'Options'} → ${displayNames}`;
}

/** "Options → X" of versions 1 and 1.1, "API Overrides → X" from 1.2 on, wherever the text names one of these overrides. */
export function namingOverrides(text: string, version: number, displayNames: readonly string[]): string {
	if (version < API_OVERRIDES_VERSION) return text;
	return displayNames.reduce((named, displayName) => named.split(`Options → ${displayName}`).join(`API Overrides → ${displayName}`), text);
}

/** The hints that only repeat that a default is a guess: API Overrides says it once for all its fields. */
const GUESS_WORDING = /^(Guess, not in the guide\. Change it only if the API documentation of your account says otherwise\.|Guess, not published by Cegid\.|The default is unconfirmed\.)\s*/;

/**
 * The node's fields with every override of a guess (`overrides`, by option name) moved, from version
 * 1.2 on, out of its Options collections into an API Overrides collection right after them. Versions
 * 1 and 1.1 keep their Options as they were, so that saved workflows keep their values (n8n drops an
 * option a collection no longer declares); a collection shown only to version 1 is left alone.
 */
export function withApiOverrides(fields: INodeProperties[], overrides: readonly string[]): INodeProperties[] {
	const isOverride = (option: INodeProperties): boolean => overrides.includes(option.name);
	return fields.flatMap((field) => {
		if (field.name !== 'options' || field.type !== 'collection') return [field];
		const options = (field.options ?? []) as INodeProperties[];
		if (!options.some(isOverride)) return [field];
		const version = field.displayOptions?.show?.['@version'];
		if (JSON.stringify(version) === JSON.stringify(ONLY_VERSION_1['@version'])) return [field];
		const older: INodeProperties =
			version === undefined
				? untilVersion11(field)
				: shownToVersions({ '@version': [1.1] }, field);
		const realOptions = options.filter((option) => !isOverride(option));
		const newer: INodeProperties[] = [];
		if (realOptions.length > 0) newer.push(fromVersion12({ ...field, options: realOptions }));
		newer.push(fromVersion12(apiOverridesCollection(options.filter(isOverride).map(withoutGuessWording), field.displayOptions)));
		return [older, ...newer];
	});
}

function withoutGuessWording(option: INodeProperties): INodeProperties {
	if (typeof option.hint !== 'string') return option;
	const hint = option.hint.replace(GUESS_WORDING, '');
	if (hint !== '') return { ...option, hint };
	const withoutHint = { ...option };
	delete withoutHint.hint;
	return withoutHint;
}

/**
 * The node's subtitle: the chosen operation's action name ("Add a client contact"), read from the
 * Operation fields, so that the subtitle and the action list cannot say two different things. The
 * result is an expression of the form `={{ {"resource:operation": "Action", …}[…] }}`.
 */
export function subtitleFromActions(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const field of properties) {
		if (field.name !== 'operation' || field.type !== 'options') continue;
		for (const resource of field.displayOptions?.show?.resource ?? []) {
			for (const option of field.options ?? []) {
				if ('action' in option && typeof option.action === 'string') actions[`${String(resource)}:${String(option.value)}`] = option.action;
			}
		}
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + ":" + $parameter["operation"]] }}`;
}

/** "New Purchase Invoice" → "New purchase invoice"; words in capitals (SKU, ID) stay as they are. */
function sentenceCase(name: string): string {
	return name
		.split(' ')
		.map((word, index) => (index === 0 || word === word.toUpperCase() ? word : word.toLowerCase()))
		.join(' ');
}

/**
 * A trigger's subtitle: the chosen event(s) in words ("New purchase invoice"; "New sale, Sale status
 * changed" when several are chosen), read from the event field's option names. A value the field
 * does not list (an expression) shows as it is rather than as nothing.
 */
export function subtitleFromEvents(eventField: INodeProperties): string {
	const words: Record<string, string> = {};
	for (const option of eventField.options ?? []) {
		if ('value' in option && 'name' in option) words[String(option.value)] = sentenceCase(option.name);
	}
	const table = JSON.stringify(words);
	const chosen = `$parameter["${eventField.name}"]`;
	return eventField.type === 'multiOptions'
		? `={{ [].concat(${chosen}).map((event) => (${table})[event] || event).join(", ") }}`
		: `={{ ${table}[${chosen}] || ${chosen} }}`;
}
