/**
 * Get Many accounting entries. Cegid's page ("Ecriture Comptable") requires a filter on codeLettrage
 * (== null, != null or a code) or on ecritureOrigine (== "UUID"), offers journalCode, refPiece,
 * datePiece (== or >=) and compteNumero as secondary criteria, and answers at most 100 records.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	filterCondition,
	getManyDescription,
	getManyExecute,
} from '../../helpers/dataReads';
import { inputError, readText } from '../../../shared/validation';
import { accountingEntry } from './resource';

const FIND_BY = ['letteringPackage', 'lettered', 'unlettered', 'originEntry'] as const;

type FindBy = (typeof FIND_BY)[number];

const criteria: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		required: true,
		noDataExpression: true,
		default: 'letteringPackage',
		description: 'Loop requires a filter on the lettering code or the origin entry',
		options: [
			{ name: 'Lettering Package', value: 'letteringPackage', description: 'All the lines of one lettering package (codeLettrage)' },
			{ name: 'Lettered Entries', value: 'lettered', description: 'Entries with a lettering code (codeLettrage != null)' },
			{ name: 'Origin Entry', value: 'originEntry', description: 'The entry of a document sent to the accounting robot (ecritureOrigine)' },
			{ name: 'Unlettered Entries', value: 'unlettered', description: 'Entries without a lettering code (codeLettrage == null)' },
		],
	},
	{
		displayName: 'Lettering Code',
		name: 'codeLettrage',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5f0c1e9a-2b7d-4c3e-9a1f-6d2e8b4c7a10',
		description: 'The codeLettrage (a UUID, per Cegid\'s page) the lines of the package share',
		displayOptions: { show: { findBy: ['letteringPackage'] } },
	},
	{
		displayName: 'Origin Entry',
		name: 'ecritureOrigine',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0d07ade2-c4fa-4892-90bd-2dbd50d1c6b7',
		description: 'The UUID of the origin entry (ecritureOrigine)',
		displayOptions: { show: { findBy: ['originEntry'] } },
	},
	{
		displayName: 'Narrow Down',
		name: 'criteria',
		type: 'collection',
		placeholder: 'Add Criterion',
		default: {},
		description: "The page's secondary criteria, all of which must hold",
		options: [
			{ displayName: 'Account Number', name: 'compteNumero', type: 'string', default: '', description: 'Number of the account in the chart of accounts (compteNumero)' },
			{ displayName: 'Date', name: 'datePiece', type: 'string', default: '', placeholder: 'e.g. 2026-03-31', description: 'Entries of this date, YYYY-MM-DD (datePiece ==)' },
			{ displayName: 'From Date', name: 'datePieceFrom', type: 'string', default: '', placeholder: 'e.g. 2026-01-01', description: 'Entries of this date or later, YYYY-MM-DD (datePiece >=)' },
			{ displayName: 'Journal Code', name: 'journalCode', type: 'string', default: '', placeholder: 'e.g. VT', description: 'Code of the journal (journalCode)' },
			{ displayName: 'Reference', name: 'refPiece', type: 'string', default: '', description: 'Reference on the entry (refPiece)' },
		],
	},
];

const LIMIT_HINT =
	'Up to 100 entries come per request, so a large Limit costs several requests. For whole ledgers, Cegid points to its data feed instead';

export const description = getManyDescription(accountingEntry, LIMIT_HINT, criteria);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readDate(ctx: IExecuteFunctions, name: string, field: string, itemIndex: number): string | undefined {
	const value = readText(ctx, `criteria.${name}`, field, itemIndex, { maxLength: 10 });
	if (value !== undefined && !DATE.test(value)) throw inputError(ctx, itemIndex, field, `must be a date YYYY-MM-DD; got "${value}"`);
	return value;
}

/** The required criterion first, then the secondary ones, as the page's example writes them. */
export function entryConditions(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const findBy = ctx.getNodeParameter('findBy', itemIndex, 'letteringPackage') as FindBy;
	if (!FIND_BY.includes(findBy)) throw inputError(ctx, itemIndex, 'Find By', `must be one of ${FIND_BY.join(', ')}; got "${String(findBy)}"`);
	const conditions: string[] = [];
	if (findBy === 'letteringPackage') {
		const code = readText(ctx, 'codeLettrage', 'Lettering Code', itemIndex, { required: true, maxLength: 100 });
		conditions.push(filterCondition('codeLettrage', 'equals', JSON.stringify(code)));
	} else if (findBy === 'originEntry') {
		const origin = readText(ctx, 'ecritureOrigine', 'Origin Entry', itemIndex, { required: true, maxLength: 100 });
		conditions.push(filterCondition('ecritureOrigine', 'equals', JSON.stringify(origin)));
	} else {
		conditions.push(filterCondition('codeLettrage', findBy === 'lettered' ? 'isNotNull' : 'isNull'));
	}
	for (const [name, field] of [
		['journalCode', 'Narrow Down → Journal Code'],
		['refPiece', 'Narrow Down → Reference'],
		['compteNumero', 'Narrow Down → Account Number'],
	] as const) {
		const value = readText(ctx, `criteria.${name}`, field, itemIndex, { maxLength: 100 });
		if (value !== undefined) conditions.push(filterCondition(name, 'equals', JSON.stringify(value)));
	}
	const date = readDate(ctx, 'datePiece', 'Narrow Down → Date', itemIndex);
	if (date) conditions.push(filterCondition('datePiece', 'equals', JSON.stringify(date)));
	const from = readDate(ctx, 'datePieceFrom', 'Narrow Down → From Date', itemIndex);
	if (from) conditions.push(filterCondition('datePiece', 'atLeast', JSON.stringify(from)));
	return conditions;
}

export const execute = getManyExecute(accountingEntry, entryConditions);
