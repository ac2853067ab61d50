/**
 * Reading one parameter for many items without paying n8n's expression engine for each item where
 * the answer is known beforehand. n8n evaluates a parameter anew for every item, and its expression
 * engine costs a good part of a millisecond per call: for a look-up of 2,000 items that outweighs
 * the few requests it needs. Two common cases are read directly, with the same result:
 * - a value that is no expression is the same for every item: it is read once;
 * - an expression that is only `{{ $json.field }}` is the item's own field: it is read from the item.
 * Anything else is evaluated by n8n for each item, as usual.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

/** `={{ $json.field }}`, spaces allowed, a plain field name. */
const ITEM_FIELD_EXPRESSION = /^=\s*\{\{\s*\$json\.([A-Za-z_$][\w$]*)\s*\}\}\s*$/;

/** The parameter's value for each item; treat what it returns as read-only. */
export function perItemParameter(
	ctx: IExecuteFunctions,
	name: string,
	fallback: unknown,
): (itemIndex: number) => unknown {
	const raw = ctx.getNodeParameter(name, 0, fallback, { rawExpressions: true }) as unknown;
	const isExpression = typeof raw === 'string' && raw.startsWith('=');
	if (!isExpression && (raw === null || typeof raw !== 'object')) {
		const value = ctx.getNodeParameter(name, 0, fallback) as unknown;
		return () => value;
	}
	const field = typeof raw === 'string' ? ITEM_FIELD_EXPRESSION.exec(raw)?.[1] : undefined;
	if (field !== undefined) {
		const items = ctx.getInputData();
		return (itemIndex) => items[itemIndex].json[field];
	}
	return (itemIndex) => ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
}

/** Options of n8n's `getNodeParameter` that the fast path below knows to give the same answer for. */
interface ReadOptions {
	extractValue?: boolean;
}

/** What n8n stores for the node, read once per run: n8n's `getNode()` copies the whole node each call. */
const storedParameters = new WeakMap<object, unknown>();
/** Values of parameters that hold no expression, read once per run: the same for every item. */
const constantValues = new WeakMap<object, Map<string, unknown>>();

/**
 * `ctx.getNodeParameter(name, itemIndex, fallback, options)`, without asking n8n's expression engine
 * again where the answer is known: a parameter holding no expression anywhere has one value for the
 * whole run (read for the first item that asks, then reused), and a plain `{{ $json.field }}` whose
 * field is a text is that text. Everything else, and every context that does not show its stored
 * parameters, goes to n8n as before. Treat what it returns as read-only.
 */
export function readParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: unknown,
	options: ReadOptions = {},
): unknown {
	const raw = storedValue(ctx, name);
	if (raw === undefined) return ctx.getNodeParameter(name, itemIndex, fallback, options) as unknown;
	if (!holdsExpression(raw)) {
		let constants = constantValues.get(ctx);
		if (!constants) {
			constants = new Map();
			constantValues.set(ctx, constants);
		}
		const key = `${options.extractValue === true ? 'value' : 'raw'}:${name}`;
		if (!constants.has(key)) {
			// A read that throws is not kept: each item then gets n8n's own error.
			constants.set(key, ctx.getNodeParameter(name, itemIndex, fallback, options) as unknown);
		}
		const value = constants.get(key);
		// n8n hands each item its own copy of an object; a caller may change it.
		return value !== null && typeof value === 'object' ? structuredClone(value) : value;
	}
	const field = typeof raw === 'string' ? ITEM_FIELD_EXPRESSION.exec(raw)?.[1] : undefined;
	// extractValue may apply a property's pattern to the text: that case is left to n8n.
	if (field !== undefined && options.extractValue !== true && typeof ctx.getInputData === 'function') {
		const value = ctx.getInputData()[itemIndex]?.json[field];
		if (typeof value === 'string') return value;
	}
	return ctx.getNodeParameter(name, itemIndex, fallback, options) as unknown;
}

/** The parameter as n8n stores it (expressions unevaluated), or undefined when not stored or not shown. */
function storedValue(ctx: IExecuteFunctions, name: string): unknown {
	let stored = storedParameters.get(ctx);
	if (stored === undefined) {
		stored = typeof ctx.getNode === 'function' ? ctx.getNode()?.parameters : undefined;
		storedParameters.set(ctx, stored ?? null);
	}
	let value: unknown = stored;
	for (const key of name.split('.')) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/** Whether n8n would evaluate anything in the value: a text starting with "=", at any depth. */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value === null || typeof value !== 'object') return false;
	return Object.values(value).some(holdsExpression);
}
