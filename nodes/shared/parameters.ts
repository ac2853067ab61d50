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
