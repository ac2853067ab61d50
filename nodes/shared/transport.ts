/**
 * The shape every node's transport.ts follows, so that an operation of any node calls its service
 * the same way:
 *
 *   apiRequest<T>(ctx, method, path, options, itemIndex): Promise<T>
 *
 * `path` is a constant of the node's endpoints.ts or guesses.ts, `options` carries the rest of the
 * request, and the answer comes back decoded (JSON, text or, for downloads, bytes). Nodes with lists
 * add `apiRequestAllItems` with the same first arguments plus the Return All / Limit choice.
 */
import type { ServiceRequest } from './request';

/** Everything of a request but its method and path: path parameters, query, body, headers, timeout. */
export type RequestOptions = Omit<ServiceRequest, 'method' | 'path'>;
