/**
 * The data reads of Cegid Developers' "Loop API management docs"
 * (https://developers.cegid.com/docreference/BusinessUnits/Loop-Api-Management-Docs/), as the pages
 * describe them:
 *
 *   GET /<resource>?codeDossier={codeDossier}[&filter][&sort][&skip][&take][&select]
 *
 * - codeDossier: mandatory ("YES" / "Oui"); "cabinet" for the firm's staff, agencies, workgroups and
 *   engagements, the folder's code for its sections, establishments, accounts, journals, customers
 *   and entries.
 * - filter: "the filter parameter should use javascript notation for equality: either == or === or
 *   !=", values quoted (`identifiant=="Collaborateur_100"`); the entries' page adds `>=` for dates,
 *   `== null` / `!= null`, and joins criteria with `&&`.
 * - sort: `field1&&field2:desc`.
 * - skip: "Allows to pass X elements"; take: "Allows to recover X elements".
 * - select: "Retourne seulement les champs mentionnés".
 * - The answer: `{ "data": [ … ] }` (the pages' "Example response"), each record with objectId and
 *   revisionId.
 * - EcritureComptable: "La requête ne renvoie que 100 réponses", and "Un filtre sur le codeLettrage ou
 *   ecritureOrigine sera obligatoire".
 *
 * What the pages leave open is marked INVENTED where it is decided here.
 */
import type { SandboxRequest, SandboxResponse, SandboxServer } from '../core/server';
import type { LoopRecord } from './readsData';
import { agencyRecords, engagementRecords, folderData, staffRecords, workgroupRecords } from './readsData';

interface ReadRoute {
	path: string;
	/** Whose data: the firm's (codeDossier=cabinet) or a folder's. */
	level: 'firm' | 'folder';
	/** The fields the page lists; anything else in filter, sort or select is refused. */
	fields: string[];
	/** At most this many records per answer. */
	maxTake?: number;
	/** A filter must name one of these fields. */
	requiredFilterOn?: string[];
}

const IDS = ['objectId', 'revisionId'];

const ROUTES: ReadRoute[] = [
	// "Collaborateur du Cabinet" / "List of firm collaborators".
	{ path: '/collaborateurCabinet', level: 'firm', fields: [...IDS, 'identifiant', 'prenom'] },
	// "agency firm list (liste d'agence cabinet)".
	{ path: '/AgenceCabinet', level: 'firm', fields: [...IDS, 'code', 'libelle', 'siret', 'numvoie', 'extension', 'email'] },
	// "Workgroup list (liste de groupe de travail)".
	{ path: '/groupe', level: 'firm', fields: [...IDS, 'code', 'description', 'agence'] },
	// "List of engagement".
	{
		path: '/engagement',
		level: 'firm',
		fields: [...IDS, 'codeIBS', 'description', 'profitCenter', 'maitreDossier', 'entite', 'entiteIbsId', 'dateDebut', 'dateFin'],
	},
	// "Paramétrage des sections".
	{ path: '/section', level: 'folder', fields: [...IDS, 'code', 'description', 'ferme', 'axe'] },
	// "Paramétrage des établissements".
	{ path: '/etablissementComplet', level: 'folder', fields: [...IDS, 'type', 'nature', 'prenom', 'name', 'raisonsociale'] },
	// "Plan des comptes".
	{
		path: '/compte',
		level: 'folder',
		fields: [
			...IDS,
			'numero',
			'libelle',
			'type',
			'collectif',
			'lettrable',
			'pointable',
			'centralisable',
			'analytique',
			'ferme',
			'comptecontrepartie',
			'compteBanque',
		],
	},
	// "Paramétrage des journaux".
	{ path: '/journal', level: 'folder', fields: [...IDS, 'code', 'libelle', 'type', 'compteContrepartie', 'typeContrepartie', 'repriseDateOp'] },
	// "Paramétrage des tiers Clients".
	{
		path: '/tiersClient',
		level: 'folder',
		fields: [
			...IDS,
			'code',
			'type',
			'prenom',
			'nom',
			'raisonSociale',
			'nomUsuel',
			'lettrable',
			'compteContrepartie',
			'SIRET',
			'telephone',
			'fax',
			'email',
			'siteWeb',
			'adr',
			'rib',
			'actif',
		],
	},
	// "Ecriture Comptable".
	{
		path: '/EcritureComptable',
		level: 'folder',
		fields: [...IDS, 'codeLettrage', 'ecritureOrigine', 'journalCode', 'refPiece', 'datePiece', 'compteNumero'],
		maxTake: 100,
		requiredFilterOn: ['codeLettrage', 'ecritureOrigine'],
	},
];

const json = (status: number, body: unknown): SandboxResponse => ({ status, body });

/** INVENTED: the pages link to a list of error codes that is not public; a 400 with a French message is our reading. */
const refuse = (message: string): SandboxResponse => json(400, { message });

// ---------------------------------------------------------------------------------------------
// The filter: a small reading of "javascript notation for equality".

type Token =
	| { kind: 'name'; text: string }
	| { kind: 'value'; value: unknown }
	| { kind: 'op'; text: string }
	| { kind: 'and' | 'or' | 'open' | 'close' };

class FilterError extends Error {}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

function readString(text: string, start: number): [string, number] {
	const quote = text[start];
	let result = '';
	let index = start + 1;
	while (index < text.length) {
		const char = text[index];
		if (char === quote) return [result, index + 1];
		if (char === '\\') {
			const next = text[index + 1];
			if (next === undefined) break;
			if (next === 'u') {
				const hex = text.slice(index + 2, index + 6);
				if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new FilterError(`séquence \\u invalide à la position ${index}`);
				result += String.fromCharCode(parseInt(hex, 16));
				index += 6;
				continue;
			}
			result += ESCAPES[next] ?? next;
			index += 2;
			continue;
		}
		result += char;
		index += 1;
	}
	throw new FilterError('chaîne non terminée');
}

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let index = 0;
	while (index < text.length) {
		const rest = text.slice(index);
		const space = /^\s+/.exec(rest);
		if (space) {
			index += space[0].length;
			continue;
		}
		if (rest.startsWith('&&')) {
			tokens.push({ kind: 'and' });
			index += 2;
			continue;
		}
		if (rest.startsWith('||')) {
			tokens.push({ kind: 'or' });
			index += 2;
			continue;
		}
		const operator = /^(===|!==|==|!=|>=|<=|>|<)/.exec(rest);
		if (operator) {
			tokens.push({ kind: 'op', text: operator[0] });
			index += operator[0].length;
			continue;
		}
		if (rest[0] === '(' || rest[0] === ')') {
			tokens.push({ kind: rest[0] === '(' ? 'open' : 'close' });
			index += 1;
			continue;
		}
		if (rest[0] === '"' || rest[0] === "'") {
			const [value, end] = readString(text, index);
			tokens.push({ kind: 'value', value });
			index = end;
			continue;
		}
		const number = /^-?\d+(\.\d+)?/.exec(rest);
		if (number) {
			tokens.push({ kind: 'value', value: Number(number[0]) });
			index += number[0].length;
			continue;
		}
		const word = /^[A-Za-z_$][\w$]*/.exec(rest);
		if (word) {
			const literals: Record<string, unknown> = { null: null, true: true, false: false, undefined: undefined };
			tokens.push(word[0] in literals ? { kind: 'value', value: literals[word[0]] } : { kind: 'name', text: word[0] });
			index += word[0].length;
			continue;
		}
		throw new FilterError(`caractère inattendu « ${rest[0]} » à la position ${index}`);
	}
	return tokens;
}

type Predicate = (record: LoopRecord) => boolean;

/** JavaScript's == between the primitives a record holds. */
function looseEquals(left: unknown, right: unknown): boolean {
	if (left === null || left === undefined || right === null || right === undefined) {
		return (left === null || left === undefined) && (right === null || right === undefined);
	}
	if (typeof left === typeof right) return left === right;
	if (typeof left === 'object' || typeof right === 'object') return false;
	return Number(left) === Number(right);
}

function compare(left: unknown, operator: string, right: unknown): boolean {
	switch (operator) {
		case '==':
			return looseEquals(left, right);
		case '!=':
			return !looseEquals(left, right);
		case '===':
			return left === right || (left === undefined && right === undefined);
		case '!==':
			return left !== right;
		default: {
			if (left === null || left === undefined || right === null || right === undefined) return false;
			const [a, b] = typeof left === 'string' && typeof right === 'string' ? [left, right] : [Number(left), Number(right)];
			if (operator === '>=') return a >= b;
			if (operator === '<=') return a <= b;
			if (operator === '>') return a > b;
			return a < b;
		}
	}
}

/** Parses `a == "x" && (b != null || c >= 3)` into a predicate, naming the fields it uses. */
function parseFilter(text: string, fields: string[]): { predicate: Predicate; names: string[] } {
	const tokens = tokenize(text);
	const names: string[] = [];
	let position = 0;
	const peek = () => tokens[position];

	const operand = (): ((record: LoopRecord) => unknown) => {
		const token = tokens[position++];
		if (!token) throw new FilterError('expression incomplète');
		if (token.kind === 'value') return () => token.value;
		if (token.kind === 'name') {
			if (!fields.includes(token.text)) throw new FilterError(`le champ ${token.text} n'existe pas`);
			names.push(token.text);
			return (record) => record[token.text];
		}
		throw new FilterError('un champ ou une valeur est attendu');
	};
	const comparison = (): Predicate => {
		if (peek()?.kind === 'open') {
			position++;
			const inner = disjunction();
			if (tokens[position++]?.kind !== 'close') throw new FilterError('parenthèse fermante attendue');
			return inner;
		}
		const left = operand();
		const operator = tokens[position++];
		if (operator?.kind !== 'op') throw new FilterError('un opérateur de comparaison est attendu');
		const right = operand();
		return (record) => compare(left(record), operator.text, right(record));
	};
	const conjunction = (): Predicate => {
		const parts = [comparison()];
		while (peek()?.kind === 'and') {
			position++;
			parts.push(comparison());
		}
		return (record) => parts.every((part) => part(record));
	};
	function disjunction(): Predicate {
		const parts = [conjunction()];
		while (peek()?.kind === 'or') {
			position++;
			parts.push(conjunction());
		}
		return (record) => parts.some((part) => part(record));
	}
	const predicate = disjunction();
	if (position < tokens.length) throw new FilterError('fin de filtre attendue');
	return { predicate, names };
}

// ---------------------------------------------------------------------------------------------

function orderOf(value: unknown): [number, unknown] {
	if (value === null || value === undefined) return [0, 0];
	if (typeof value === 'number' || typeof value === 'boolean') return [1, Number(value)];
	return [2, String(value)];
}

function compareValues(left: unknown, right: unknown): number {
	const [leftRank, leftValue] = orderOf(left);
	const [rightRank, rightValue] = orderOf(right);
	if (leftRank !== rightRank) return leftRank - rightRank;
	if (typeof leftValue === 'string' && typeof rightValue === 'string') return leftValue.localeCompare(rightValue, 'fr');
	return (leftValue as number) - (rightValue as number);
}

/** `?skip="{number}"` on the pages: a whole number, quoted or not. */
function wholeNumber(raw: string | null): number | undefined | 'invalid' {
	if (raw === null || raw === '') return undefined;
	const text = raw.replace(/^"(.*)"$/, '$1');
	return /^\d+$/.test(text) ? Number(text) : 'invalid';
}

function serve(route: ReadRoute, request: SandboxRequest, records: (codeDossier: string) => LoopRecord[] | undefined): SandboxResponse {
	const { query } = request;
	const codeDossier = query.get('codeDossier') ?? '';
	if (codeDossier === '') return refuse('Le paramètre codeDossier est obligatoire');
	// INVENTED: the pages say the firm's reads take "cabinet"; what Loop answers to another value is not shown.
	if (route.level === 'firm' && codeDossier !== 'cabinet') return refuse(`Le paramètre codeDossier doit valoir cabinet pour ${route.path.slice(1)}`);
	const found = records(codeDossier);
	if (!found) return refuse(`Le dossier ${codeDossier} n'existe pas`);

	let list = found;
	const filter = query.get('filter');
	if (route.requiredFilterOn && (filter === null || filter.trim() === '')) {
		return refuse(`Un filtre sur ${route.requiredFilterOn.join(' ou ')} est obligatoire`);
	}
	if (filter !== null && filter.trim() !== '') {
		try {
			const { predicate, names } = parseFilter(filter, route.fields);
			if (route.requiredFilterOn && !route.requiredFilterOn.some((name) => names.includes(name))) {
				return refuse(`Un filtre sur ${route.requiredFilterOn.join(' ou ')} est obligatoire`);
			}
			list = list.filter(predicate);
		} catch (error) {
			if (error instanceof FilterError) return refuse(`Filtre invalide : ${error.message}`);
			throw error;
		}
	}

	const sort = query.get('sort');
	if (sort !== null && sort.trim() !== '') {
		const keys: Array<{ field: string; descending: boolean }> = [];
		for (const part of sort.split('&&')) {
			const [field, direction = 'asc', extra] = part.trim().split(':');
			if (extra !== undefined || !['asc', 'desc'].includes(direction)) return refuse(`Tri invalide : ${part}`);
			if (!route.fields.includes(field)) return refuse(`Tri invalide : le champ ${field} n'existe pas`);
			keys.push({ field, descending: direction === 'desc' });
		}
		list = [...list].sort((a, b) => {
			for (const { field, descending } of keys) {
				const order = compareValues(a[field], b[field]);
				if (order !== 0) return descending ? -order : order;
			}
			return 0;
		});
	}

	const skip = wholeNumber(query.get('skip'));
	const take = wholeNumber(query.get('take'));
	if (skip === 'invalid') return refuse('Le paramètre skip doit être un nombre');
	if (take === 'invalid') return refuse('Le paramètre take doit être un nombre');
	const from = skip ?? 0;
	const count = Math.min(take ?? route.maxTake ?? list.length, route.maxTake ?? Number.POSITIVE_INFINITY);
	list = list.slice(from, from + count);

	const select = query.get('select');
	if (select !== null && select.trim() !== '') {
		// INVENTED: the pages do not show how several fields are listed; a comma is our reading.
		const wanted = select.split(',').map((name) => name.trim());
		const unknown = wanted.find((name) => !route.fields.includes(name));
		if (unknown !== undefined) return refuse(`Le champ ${unknown} n'existe pas`);
		list = list.map((record) => Object.fromEntries(wanted.filter((name) => name in record).map((name) => [name, record[name]])));
	}
	return json(200, { data: list });
}

export interface ReadHooks {
	/** The keys every Loop call checks first (Azure API Management, then x-apikey). */
	checkKeys: (request: SandboxRequest) => SandboxResponse | undefined;
	/** Whether the firm has this client folder. */
	hasFolder: (codeDossier: string) => boolean;
}

/** Mounts the data reads under the service; call it before any other route of the same paths. */
export function installReads(server: SandboxServer, service: string, hooks: ReadHooks): void {
	const firm: Record<string, LoopRecord[]> = {
		collaborateurcabinet: staffRecords(),
		agencecabinet: agencyRecords(),
		groupe: workgroupRecords(),
		engagement: engagementRecords(),
	};
	const folders = folderData();
	for (const route of ROUTES) {
		const key = route.path.slice(1).toLowerCase();
		const records = (codeDossier: string): LoopRecord[] | undefined => {
			if (route.level === 'firm') return firm[key];
			if (!hooks.hasFolder(codeDossier)) return undefined;
			return folders.get(codeDossier)?.[key] ?? [];
		};
		server.route(service, 'GET', route.path, (request) => hooks.checkKeys(request) ?? serve(route, request, records));
	}
}
