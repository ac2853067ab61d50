/** Whether a field's `@version` conditions show it to a node of the given version, as the editor decides. */
import type { INodeProperties } from 'n8n-workflow';

export function shownTo(version: number, field: INodeProperties): boolean {
	const conditions = field.displayOptions?.show?.['@version'] as Array<number | { _cnd?: { gte?: number; lte?: number } }> | undefined;
	if (!conditions) return true;
	return conditions.some((condition) =>
		typeof condition === 'number'
			? condition === version
			: (condition._cnd?.gte === undefined || version >= condition._cnd.gte) && (condition._cnd?.lte === undefined || version <= condition._cnd.lte),
	);
}
