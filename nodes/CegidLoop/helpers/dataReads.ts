/**
 * The data reads of Cegid's "Loop API management docs" (Cegid Developers): the firm's staff,
 * agencies, workgroups and engagements, and a folder's establishments, accounts, journals,
 * sections, customers and accounting entries. Every page documents the same call:
 *
 *   GET /<resource>?codeDossier=…[&filter][&sort][&skip][&take][&select]
 *
 * codeDossier is required ("cabinet" for the firm's own data, the folder's code otherwise); `filter`
 * uses "javascript notation for equality: either == or === or !=" with quoted values
 * (`identifiant=="Collaborateur_100"`), `sort` is `field1&&field2:desc`, `skip`/`take` page, and
 * `select` "returns only the fields mentioned". Records carry objectId and revisionId.
 *
 * One description and one reader serve every resource: each resource says only its path, its page
 * and its documented fields.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllAndLimit, showOnlyFor, withMaxConcurrentRequests } from '../../shared/descriptions';
import type { ItemResult } from '../../shared/items';
import { collectPages } from '../../shared/paging';
import { checkText, inputError, readReturnAllAndLimit, readText, valueOrThrow } from '../../shared/validation';
import { FIRM_FOLDER_CODE } from '../endpoints';
import { SELECT_SEPARATOR } from '../guesses';
import { apiRequest } from '../transport';
import { folderCodeFields, readFolderCode } from './fields';

/** How a field's values are written in a filter: strings quoted, booleans and numbers bare. */

/** "an agency", "a staff member": the action names read as English. */
function withArticle(noun: string): string {
	return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

export type FieldKind = 'string' | 'number' | 'boolean' | 'object';

export interface DocumentedField {
	name: string;
	kind: FieldKind;
	/** The page's description of the field. */
	description: string;
}

export interface ReadResource {
	/** The node's Resource value. */
	resource: string;
	/** Singular and plural, for actions and messages: "staff member", "staff members". */
	noun: string;
	nouns: string;
	/** The path on Cegid's page (endpoints.ts). */
	path: string;
	/** Where the firm's own data lives (codeDossier=cabinet) or a client folder's. */
	level: 'firm' | 'folder';
	/** The fields the page lists for a record, objectId and revisionId included. */
	fields: DocumentedField[];
	/** The largest `take` asked for in one request. */
	pageSize: number;
	/** Whether the node offers Get by objectId (the page says a single record is retrieved by its UID). */
	get: boolean;
}

/** The operators Cegid's pages document: ==, != and, for dates of entries, >=. */
export const OPERATORS = {
	equals: '==',
	notEquals: '!=',
	atLeast: '>=',
	isNull: '==null',
	isNotNull: '!=null',
} as const;

export type Operator = keyof typeof OPERATORS;

/** A field name as Loop's records spell them; anything else could change the meaning of the filter. */
const FIELD_NAME = /^[A-Za-z_$][\w$]*$/;

export function isFieldName(name: string): boolean {
	return FIELD_NAME.test(name);
}

/**
 * A value as Loop's filter reads it: text as a double-quoted JavaScript string whose quotes,
 * backslashes and control characters are escaped (JSON's string syntax is JavaScript's; accents
 * stay as they are and travel percent-encoded in the query), booleans and numbers bare.
 */
export function filterLiteral(kind: FieldKind, value: string): { ok: true; literal: string } | { ok: false; problem: string } {
	if (kind === 'boolean') {
		const lower = value.trim().toLowerCase();
		if (lower === 'true' || lower === 'false') return { ok: true, literal: lower };
		return { ok: false, problem: `must be true or false; got "${value}"` };
	}
	if (kind === 'number') {
		const trimmed = value.trim();
		if (/^-?\d+(\.\d+)?$/.test(trimmed)) return { ok: true, literal: String(Number(trimmed)) };
		return { ok: false, problem: `must be a number; got "${value}"` };
	}
	return { ok: true, literal: JSON.stringify(value) };
}

/** One condition in Loop's syntax: `field=="value"`, `field!=null`. */
export function filterCondition(field: string, operator: Operator, literal?: string): string {
	if (operator === 'isNull' || operator === 'isNotNull') return `${field}${OPERATORS[operator]}`;
	return `${field}${OPERATORS[operator]}${literal ?? ''}`;
}

/** Conditions that must all hold, the way the pages combine them (`codeLettrage != null && …`). */
export function joinConditions(conditions: string[]): string | undefined {
	const kept = conditions.filter((condition) => condition.trim() !== '');
	return kept.length > 0 ? kept.join(' && ') : undefined;
}

/** Loop's sort: `field1&&field2:desc`. */
export function sortExpression(entries: Array<{ field: string; descending: boolean }>): string | undefined {
	if (entries.length === 0) return undefined;
	return entries.map(({ field, descending }) => (descending ? `${field}:desc` : field)).join('&&');
}

function fieldOptions(fields: DocumentedField[], keep: (field: DocumentedField) => boolean) {
	return fields
		.filter(keep)
		.map((field) => ({ name: field.name, value: field.name, description: field.description }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

const canCompare = (field: DocumentedField): boolean => field.kind !== 'object';

/** Filters built from fields: the node writes Loop's syntax, so nobody types `=="…"` by hand. */
function filtersField(resource: ReadResource): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		description: 'Conditions every returned record meets; the node quotes and escapes the values',
		options: [
			{
				displayName: 'Condition',
				name: 'conditions',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'options',
						options: fieldOptions(resource.fields, () => true),
						default: 'objectId',
						description: `A field of the ${resource.noun} as Cegid's page names it`,
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Equals', value: 'equals' },
							{ name: 'Greater Than or Equal', value: 'atLeast', description: 'For dates (YYYY-MM-DD) and numbers' },
							{ name: 'Is Empty', value: 'isNull', description: 'The field is null' },
							{ name: 'Is Not Empty', value: 'isNotNull', description: 'The field is not null' },
							{ name: 'Not Equals', value: 'notEquals' },
						],
						default: 'equals',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Compared as text; true/false for yes-no fields, a number for numeric ones',
						displayOptions: { hide: { operator: ['isNull', 'isNotNull'] } },
					},
				],
			},
		],
	};
}

function sortField(resource: ReadResource): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Sort Field',
		default: {},
		description: 'Order of the records, by the first field, then the next',
		options: [
			{
				displayName: 'Field',
				name: 'fields',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'options',
						options: fieldOptions(resource.fields, canCompare),
						default: 'objectId',
					},
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: [
							{ name: 'Ascending', value: 'asc' },
							{ name: 'Descending', value: 'desc' },
						],
						default: 'asc',
					},
				],
			},
		],
	};
}

function fieldsToReturnOption(resource: ReadResource): INodeProperties {
	return {
		displayName: 'Fields to Return',
		name: 'select',
		type: 'multiOptions',
		options: fieldOptions(resource.fields, () => true),
		default: [],
		description: 'Only these fields of each record (Loop\'s "select"); all fields when empty',
	};
}

const rawFilterOption: INodeProperties = {
	displayName: 'Raw Filter',
	name: 'rawFilter',
	type: 'string',
	default: '',
	placeholder: 'e.g. code=="411DUPONT" && actif==true',
	description:
		'A filter in Loop\'s own syntax (JavaScript equality, values in double quotes), joined to the Filters above with &&',
};

/** The fields of Get Many: Folder Code where the data is a folder's, then the list fields. */
export function getManyDescription(resource: ReadResource, limitHint?: string, extraFields: INodeProperties[] = []): INodeProperties[] {
	return showOnlyFor(
		resource.resource,
		'getMany',
		withMaxConcurrentRequests([
			...(resource.level === 'folder' ? folderCodeFields(`The client folder (dossier client) whose ${resource.nouns} to read`) : []),
			...extraFields,
			...returnAllAndLimit(limitHint),
			filtersField(resource),
			sortField(resource),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [fieldsToReturnOption(resource), rawFilterOption],
			},
		]),
	);
}

export function getDescription(resource: ReadResource): INodeProperties[] {
	return showOnlyFor(
		resource.resource,
		'get',
		withMaxConcurrentRequests([
			...(resource.level === 'folder' ? folderCodeFields(`The client folder (dossier client) of the ${resource.noun}`) : []),
			{
				displayName: 'Object ID',
				name: 'objectId',
				type: 'string',
				required: true,
				default: '',
				placeholder: 'e.g. 28c12c49-d4a7-4ef6-bb68-c278451c25ae',
				description: `The objectId (UUID) of the ${resource.noun}, as Get Many returns it`,
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [fieldsToReturnOption(resource)],
			},
		]),
	);
}

/** The Operation selector of a read resource: Get Many, and Get where offered. */
export function operationField(resource: ReadResource): INodeProperties {
	const options = [
		...(resource.get
			? [
					{
						name: 'Get',
						value: 'get',
						action: `Get ${withArticle(resource.noun)}`,
						description: `Get one ${resource.noun} by its objectId`,
					},
				]
			: []),
		{
			name: 'Get Many',
			value: 'getMany',
			action: `Get many ${resource.nouns}`,
			description: `List ${resource.nouns}, filtered, sorted and paged`,
		},
	];
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.resource] } },
		options,
		default: 'getMany',
	};
}

function fieldOf(resource: ReadResource, name: string): DocumentedField {
	return resource.fields.find((field) => field.name === name) ?? { name, kind: 'string', description: '' };
}

function asRecord(value: unknown): Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The Filters of the item in Loop's syntax; a field or value that would not be read as meant fails. */
export function readFilterConditions(ctx: IExecuteFunctions, resource: ReadResource, itemIndex: number): string[] {
	const raw = asRecord(ctx.getNodeParameter('filters', itemIndex, {}));
	const conditions = Array.isArray(raw.conditions) ? raw.conditions : [];
	return conditions.map((entry, position) => {
		const condition = asRecord(entry);
		const label = `Filters → Condition ${position + 1}`;
		const name = valueOrThrow(ctx, itemIndex, `${label} → Field`, checkText(condition.field));
		if (!isFieldName(name)) {
			throw inputError(ctx, itemIndex, `${label} → Field`, `must be a field name (letters, digits, _); got "${name}"`);
		}
		const operator = String(condition.operator ?? 'equals') as Operator;
		if (!(operator in OPERATORS)) throw inputError(ctx, itemIndex, `${label} → Operator`, `is unknown: "${operator}"`);
		if (operator === 'isNull' || operator === 'isNotNull') return filterCondition(name, operator);
		const field = fieldOf(resource, name);
		if (field.kind === 'object') {
			throw inputError(ctx, itemIndex, `${label} → Field`, `"${name}" holds an object; only Is Empty and Is Not Empty apply to it`);
		}
		// A value is compared as typed: leading or trailing spaces may be part of a code.
		const value = condition.value === undefined || condition.value === null ? '' : condition.value;
		if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
			throw inputError(ctx, itemIndex, `${label} → Value`, 'must be text, a number or true/false');
		}
		const literal = filterLiteral(field.kind, String(value));
		if (!literal.ok) throw inputError(ctx, itemIndex, `${label} → Value`, literal.problem);
		return filterCondition(name, operator, literal.literal);
	});
}

export function readSort(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const raw = asRecord(ctx.getNodeParameter('sort', itemIndex, {}));
	const entries = (Array.isArray(raw.fields) ? raw.fields : []).map((entry, position) => {
		const sort = asRecord(entry);
		const name = valueOrThrow(ctx, itemIndex, `Sort → Field ${position + 1}`, checkText(sort.field));
		if (!isFieldName(name)) throw inputError(ctx, itemIndex, `Sort → Field ${position + 1}`, `must be a field name; got "${name}"`);
		return { field: name, descending: sort.direction === 'desc' };
	});
	return sortExpression(entries);
}

export function readSelect(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const raw = ctx.getNodeParameter('options.select', itemIndex, []) as unknown;
	const names = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [])
		.map((name) => String(name).trim())
		.filter((name) => name !== '');
	for (const name of names) {
		if (!isFieldName(name)) throw inputError(ctx, itemIndex, 'Options → Fields to Return', `must list field names; got "${name}"`);
	}
	return names.length > 0 ? names.join(SELECT_SEPARATOR) : undefined;
}

export function readRawFilter(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	return readText(ctx, 'options.rawFilter', 'Options → Raw Filter', itemIndex, { maxLength: 2000 });
}

/** The records of an answer: `{ "data": [...] }` as the pages show it, or a bare list (the Section page's example). */
export function recordsOf(ctx: IExecuteFunctions, resource: ReadResource, body: unknown, itemIndex: number): IDataObject[] {
	const list = Array.isArray(body) ? body : Array.isArray(asRecord(body).data) ? (asRecord(body).data as unknown[]) : undefined;
	if (!list) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Cegid Loop answered the list of ${resource.nouns} with something other than a list of records [item ${itemIndex}]`,
			{ itemIndex, description: 'Expected { "data": [ … ] } as on Cegid\'s page. Check the Base URL of the credential.' },
		);
	}
	return list as IDataObject[];
}

export interface ReadQuery {
	codeDossier: string;
	filter?: string;
	sort?: string;
	select?: string;
}

/** Every record the query matches, up to the Limit, page by page with skip and take. */
export async function readRecords(
	ctx: IExecuteFunctions,
	resource: ReadResource,
	query: ReadQuery,
	paging: { returnAll: boolean; limit: number },
	itemIndex: number,
): Promise<IDataObject[]> {
	return await collectPages<IDataObject>(
		async ({ offset, size }) => {
			const qs = { ...query, skip: offset, take: size };
			const body = await apiRequest(ctx, 'GET', resource.path, { qs }, itemIndex);
			return { items: recordsOf(ctx, resource, body, itemIndex) };
		},
		{ ...paging, maxPageSize: resource.pageSize },
	);
}

export function readCodeDossier(ctx: IExecuteFunctions, resource: ReadResource, itemIndex: number): string {
	return resource.level === 'firm' ? FIRM_FOLDER_CODE : readFolderCode(ctx, itemIndex);
}

/** Get Many of a resource; `extraConditions` adds what an operation requires (the entries' criteria). */
export function getManyExecute(
	resource: ReadResource,
	extraConditions: (ctx: IExecuteFunctions, itemIndex: number) => string[] = () => [],
) {
	return async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
		const codeDossier = readCodeDossier(this, resource, itemIndex);
		const built = [...extraConditions(this, itemIndex), ...readFilterConditions(this, resource, itemIndex)];
		const rawFilter = readRawFilter(this, itemIndex);
		// "a && b || c" is "(a && b) || c": joined as is, an "or" in the raw filter would escape the
		// conditions above. Cegid's pages show no parentheses, so the node does not rely on them.
		if (rawFilter && built.length > 0 && rawFilter.includes('||')) {
			throw inputError(
				this,
				itemIndex,
				'Options → Raw Filter',
				'cannot hold "||" while Filters (or the required criterion) are set',
				'Write the whole filter in Raw Filter, or only conditions joined with &&.',
			);
		}
		const filter = joinConditions([...built, ...(rawFilter ? [rawFilter] : [])]);
		const sort = readSort(this, itemIndex);
		const select = readSelect(this, itemIndex);
		const paging = readReturnAllAndLimit(this, itemIndex);
		const query: ReadQuery = { codeDossier, ...(filter ? { filter } : {}), ...(sort ? { sort } : {}), ...(select ? { select } : {}) };
		return await readRecords(this, resource, query, paging, itemIndex);
	};
}

/** Get by objectId: the pages retrieve one record by its UID; the node asks for it with a filter on objectId. */
export function getExecute(resource: ReadResource) {
	return async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
		const codeDossier = readCodeDossier(this, resource, itemIndex);
		const objectId = readText(this, 'objectId', 'Object ID', itemIndex, { required: true, maxLength: 100 });
		const select = readSelect(this, itemIndex);
		const query: ReadQuery = {
			codeDossier,
			filter: filterCondition('objectId', 'equals', JSON.stringify(objectId)),
			...(select ? { select } : {}),
		};
		const [record] = await readRecords(this, resource, query, { returnAll: false, limit: 1 }, itemIndex);
		if (!record) {
			throw new NodeOperationError(this.getNode(), `No ${resource.noun} has the objectId "${objectId}" [item ${itemIndex}]`, {
				itemIndex,
				description: resource.level === 'folder' ? `Check the Object ID and the Folder Code (${codeDossier}).` : 'Check the Object ID.',
			});
		}
		return record;
	};
}
