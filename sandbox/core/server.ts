/**
 * The sandbox's HTTP core: one server on loopback that hosts every simulated service under its own
 * path prefix, keeps a log of what it received, and can add latency or inject faults. Only
 * node:http, so that the sandbox adds nothing to the package's dependencies.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { FaultKind, FaultSpec } from './faults';
import { FaultPlans, MAINTENANCE_PAGE, parseFaultPlans, RedirectTarget } from './faults';

export interface SandboxRequest {
	method: string;
	/** The path below the service prefix, still URL-encoded. */
	path: string;
	params: Record<string, string>;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects and arrays are sent as JSON, strings as text, Buffers as they are. */
	body?: unknown;
}

export type Handler = (request: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface LogEntry {
	seq: number;
	time: string;
	service: string;
	method: string;
	path: string;
	query: Record<string, string[]>;
	headers: Record<string, string>;
	contentType: string;
	bodyBytes: number;
	/** The first 4 KB of a text body (binary bodies are not kept). */
	bodyText: string;
	/** Whether the service's handler ran (its state may have changed), whatever the client then got. */
	serviceActed: boolean;
	/** The fault a fault plan injected into this request, if any. */
	fault?: FaultKind;
	status: number;
	durationMs: number;
	/** How many requests the sandbox was handling when this one arrived, itself included. */
	inFlightAtArrival: number;
}

export interface Fault {
	/** Which requests it applies to: the service, the method, a regular expression on the path. */
	service?: string;
	method?: string;
	path?: string;
	/** What happens: an HTTP status (with Retry-After and a body), a reset connection, or a delay. */
	kind: 'status' | 'reset' | 'delay';
	status?: number;
	retryAfter?: string;
	body?: unknown;
	delayMs?: number;
	/** How many requests it hits before it is used up. */
	times: number;
}

interface Route {
	service: string;
	method: string;
	pattern: RegExp;
	names: string[];
	handler: Handler;
}

export class SandboxServer {
	readonly log: LogEntry[] = [];

	latencyMs = 0;

	private readonly routes: Route[] = [];

	private readonly prefixes = new Map<string, string>();

	private faults: Fault[] = [];

	/** What goes wrong, per service (see ./faults.ts); tests reach it as `sandbox.faults`. */
	readonly faultPlans = new FaultPlans();

	/** The other origin that redirect faults point to; it records what reaches it. */
	readonly redirectTarget = new RedirectTarget();

	private readonly resetHooks: Array<() => void> = [];

	private server?: Server;

	private readonly sockets = new Set<Socket>();

	private seq = 0;

	private inFlight = 0;

	url = '';

	/** Serves a service under `/<prefix>`; its routes are relative to that prefix. */
	mount(service: string, prefix: string, onReset?: () => void): void {
		this.prefixes.set(service, `/${prefix.replace(/^\/+|\/+$/g, '')}`);
		if (onReset) this.resetHooks.push(onReset);
	}

	baseUrl(service: string): string {
		return `${this.url}${this.prefixes.get(service) ?? ''}`;
	}

	/** `pattern` is a path such as `/purchaseinvoice/:documentGuid`. */
	route(service: string, method: string, pattern: string, handler: Handler): void {
		const names: string[] = [];
		const source = pattern
			.split('/')
			.map((segment) => {
				if (segment.startsWith(':')) {
					names.push(segment.slice(1));
					return '([^/]*)';
				}
				return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('/');
		this.routes.push({ service, method: method.toUpperCase(), pattern: new RegExp(`^${source}/?$`, 'i'), names, handler });
	}

	addFault(fault: Fault): void {
		this.faults.push({ ...fault });
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** The most requests of a service the sandbox was handling at once since the log was cleared. */
	peakInFlight(service?: string): number {
		return Math.max(0, ...this.requests({ service }).map((entry) => entry.inFlightAtArrival));
	}

	/** Back to the state of a fresh start: data, log, faults and latency. */
	reset(): void {
		this.log.length = 0;
		this.faults = [];
		this.faultPlans.clear();
		this.redirectTarget.received.length = 0;
		this.latencyMs = 0;
		for (const hook of this.resetHooks) hook();
	}

	requests(filter: { service?: string; method?: string; path?: RegExp | string } = {}): LogEntry[] {
		return this.log.filter(
			(entry) =>
				(filter.service === undefined || entry.service === filter.service) &&
				(filter.method === undefined || entry.method === filter.method.toUpperCase()) &&
				(filter.path === undefined ||
					(typeof filter.path === 'string' ? entry.path === filter.path : filter.path.test(entry.path))),
		);
	}

	async listen(port = 0, host = '127.0.0.1'): Promise<string> {
		this.server = createServer((request, response) => {
			void this.handle(request, response);
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		// Large uploads (50 MB files) must not be cut off by Node's default request timeout.
		this.server.requestTimeout = 10 * 60_000;
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(port, host, () => resolve());
		});
		const address = this.server.address() as AddressInfo;
		this.url = `http://${host}:${address.port}`;
		await this.redirectTarget.listen(host);
		return this.url;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
		await this.redirectTarget.close();
	}

	private async handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
		const started = Date.now();
		const url = new URL(incoming.url ?? '/', 'http://sandbox');
		const method = (incoming.method ?? 'GET').toUpperCase();

		if (url.pathname.startsWith('/__sandbox/')) {
			return this.control(method, url, await readBody(incoming), outgoing);
		}

		// Counted from arrival to answer, so that tests can check how many requests a node had in flight.
		this.inFlight++;
		try {
			await this.serve(incoming, outgoing, url, method, await readBody(incoming), started);
		} finally {
			this.inFlight--;
		}
	}

	private async serve(
		incoming: IncomingMessage,
		outgoing: ServerResponse,
		url: URL,
		method: string,
		body: Buffer,
		started: number,
	): Promise<void> {
		const [service, localPath] = this.serviceOf(url.pathname);
		const entry: LogEntry = {
			seq: ++this.seq,
			time: new Date(started).toISOString(),
			service,
			method,
			path: localPath,
			query: groupQuery(url.searchParams),
			headers: flattenHeaders(incoming.headers),
			contentType: String(incoming.headers['content-type'] ?? ''),
			bodyBytes: body.length,
			bodyText: isText(incoming.headers['content-type']) ? body.subarray(0, 4096).toString('utf8') : '',
			serviceActed: false,
			status: 0,
			durationMs: 0,
			inFlightAtArrival: this.inFlight,
		};
		this.log.push(entry);

		if (this.latencyMs > 0) await delay(this.latencyMs);

		const fault = this.takeFault(service, method, localPath);
		if (fault?.kind === 'reset') {
			entry.status = -1;
			incoming.socket.destroy();
			return;
		}
		if (fault?.kind === 'delay') await delay(fault.delayMs ?? 0);

		const { fault: planned, pageCap } = fault === undefined ? this.faultPlans.pick(service, method, localPath) : {};
		if (planned) {
			entry.fault = planned.kind;
			const before = this.faultBeforeService(planned, entry, url);
			if (before !== undefined) {
				this.faultPlans.injected.push({ seq: entry.seq, service, method, path: localPath, kind: planned.kind, serviceActed: false });
				entry.durationMs = Date.now() - started;
				if (before === 'reset') {
					entry.status = -1;
					incoming.socket.destroy();
					return;
				}
				entry.status = before.status;
				send(outgoing, before);
				return;
			}
		}

		let response: SandboxResponse;
		if (fault?.kind === 'status') {
			response = {
				status: fault.status ?? 503,
				headers: fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {},
				body: fault.body ?? { statusCode: fault.status ?? 503, message: 'Injected fault' },
			};
		} else {
			const query = pageCap ? capPageSize(url.searchParams, pageCap.param, pageCap.max) : url.searchParams;
			response = await this.dispatch(service, method, localPath, query, incoming.headers, body);
			entry.serviceActed = true;
		}
		entry.status = response.status;
		entry.durationMs = Date.now() - started;
		if (planned) {
			this.faultPlans.injected.push({ seq: entry.seq, service, method, path: localPath, kind: planned.kind, serviceActed: true });
			await faultAfterService(planned, response, outgoing);
			return;
		}
		send(outgoing, response);
	}

	/**
	 * The faults that come before the service acts: an answer in its place, or 'reset'. Undefined for
	 * the faults that need the service's own answer (processed-then-lost, trickled, cut, page caps).
	 */
	private faultBeforeService(fault: FaultSpec, entry: LogEntry, url: URL): SandboxResponse | 'reset' | undefined {
		switch (fault.kind) {
			case 'redirect':
				return { status: fault.status ?? 302, headers: { Location: `${this.redirectTarget.url}${url.pathname}${url.search}` } };
			case 'html':
				return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: MAINTENANCE_PAGE };
			case 'invalidJson':
				return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: '{"data": [{"id": "unfinished"' };
			case 'null':
				return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: 'null' };
			case 'nonObject':
				return {
					status: 200,
					headers: { 'Content-Type': 'application/json; charset=utf-8' },
					body: JSON.stringify(fault.value ?? [1, 'two', null]),
				};
			case 'status':
				return {
					status: fault.status,
					headers: fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {},
					body: { statusCode: fault.status, message: 'Injected fault' },
				};
			case 'reset':
				return 'reset';
			case 'echoHeaders':
				return {
					status: fault.status ?? 500,
					body: {
						statusCode: fault.status ?? 500,
						message: 'Internal error while handling the request',
						request: { method: entry.method, path: entry.path, headers: entry.headers },
					},
				};
			default:
				return undefined;
		}
	}

	private serviceOf(pathname: string): [string, string] {
		for (const [service, prefix] of this.prefixes) {
			if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
				return [service, pathname.slice(prefix.length) || '/'];
			}
		}
		return ['', pathname];
	}

	private async dispatch(
		service: string,
		method: string,
		path: string,
		query: URLSearchParams,
		headers: IncomingHttpHeaders,
		body: Buffer,
	): Promise<SandboxResponse> {
		let pathMatched = false;
		for (const route of this.routes) {
			if (route.service !== service) continue;
			const match = route.pattern.exec(path);
			if (!match) continue;
			pathMatched = true;
			if (route.method !== method) continue;
			const params: Record<string, string> = {};
			route.names.forEach((name, index) => {
				params[name] = safeDecode(match[index + 1]);
			});
			try {
				return await route.handler({ method, path, params, query, headers, body });
			} catch (error) {
				return { status: 500, body: { message: `Sandbox error: ${(error as Error).message}` } };
			}
		}
		if (pathMatched) return { status: 405, body: { statusCode: 405, message: 'Method not allowed' } };
		// Azure API Management's answer to a path no API is published on.
		return { status: 404, body: { statusCode: 404, message: 'Resource not found' } };
	}

	private takeFault(service: string, method: string, path: string): Fault | undefined {
		const index = this.faults.findIndex(
			(fault) =>
				fault.times > 0 &&
				(fault.service === undefined || fault.service === service) &&
				(fault.method === undefined || fault.method.toUpperCase() === method) &&
				(fault.path === undefined || new RegExp(fault.path).test(path)),
		);
		if (index < 0) return undefined;
		const fault = this.faults[index];
		fault.times--;
		return fault;
	}

	/** Lets another process (the end-to-end tests, the demo) read the log and steer the sandbox. */
	private control(method: string, url: URL, body: Buffer, outgoing: ServerResponse): void {
		const action = url.pathname.slice('/__sandbox/'.length);
		if (method === 'GET' && action === 'log') return send(outgoing, { status: 200, body: this.log });
		if (method === 'POST' && action === 'reset') {
			this.reset();
			return send(outgoing, { status: 204 });
		}
		if (method === 'POST' && action === 'faults') {
			this.addFault(JSON.parse(body.toString('utf8')) as Fault);
			return send(outgoing, { status: 204 });
		}
		if (method === 'POST' && action === 'fault-plans') {
			try {
				for (const [service, rules] of Object.entries(parseFaultPlans(body.toString('utf8')))) this.faultPlans.set(service, rules);
			} catch (error) {
				return send(outgoing, { status: 400, body: { message: (error as Error).message } });
			}
			return send(outgoing, { status: 204 });
		}
		if (method === 'DELETE' && action === 'fault-plans') {
			this.faultPlans.clear();
			return send(outgoing, { status: 204 });
		}
		if (method === 'GET' && action === 'fault-plans') {
			return send(outgoing, { status: 200, body: { plans: this.faultPlans.describe(), injected: this.faultPlans.injected } });
		}
		if (method === 'GET' && action === 'redirect-target') {
			return send(outgoing, { status: 200, body: { url: this.redirectTarget.url, received: this.redirectTarget.received } });
		}
		if (method === 'POST' && action === 'latency') {
			this.latencyMs = Number(JSON.parse(body.toString('utf8')).latencyMs) || 0;
			return send(outgoing, { status: 204 });
		}
		send(outgoing, { status: 404, body: { message: `Unknown sandbox control ${method} ${action}` } });
	}
}

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/** The status line's headers and the bytes of an answer, as `send` would write them. */
function serialize(response: SandboxResponse): { headers: Record<string, string>; payload?: Buffer } {
	const headers: Record<string, string> = { ...response.headers };
	let payload: Buffer | undefined;
	if (Buffer.isBuffer(response.body)) {
		payload = response.body;
		headers['Content-Type'] ??= 'application/octet-stream';
	} else if (typeof response.body === 'string') {
		payload = Buffer.from(response.body, 'utf8');
		headers['Content-Type'] ??= 'text/plain; charset=utf-8';
	} else if (response.body !== undefined) {
		payload = Buffer.from(JSON.stringify(response.body), 'utf8');
		headers['Content-Type'] ??= 'application/json; charset=utf-8';
	}
	if (payload) headers['Content-Length'] = String(payload.length);
	return { headers, payload };
}

function send(outgoing: ServerResponse, response: SandboxResponse): void {
	const { headers, payload } = serialize(response);
	outgoing.writeHead(response.status, headers);
	outgoing.end(payload);
}

/** The faults that come after the service acted: its answer lost, trickled or cut. */
async function faultAfterService(fault: FaultSpec, response: SandboxResponse, outgoing: ServerResponse): Promise<void> {
	if (fault.kind === 'lost') {
		if (fault.as === 'reset') {
			outgoing.socket?.destroy();
			return;
		}
		send(outgoing, { status: 502, body: { statusCode: 502, message: 'Bad Gateway' } });
		return;
	}
	if (fault.kind === 'rewrite') {
		send(outgoing, { ...response, body: fault.rewrite(response.body) });
		return;
	}
	const { headers, payload = Buffer.alloc(0) } = serialize(response);
	if (fault.kind === 'cut') {
		// The announced length is the whole answer (at least a few bytes, so that an empty answer can be cut too).
		headers['Content-Length'] = String(Math.max(payload.length, 16));
		outgoing.writeHead(response.status, headers);
		const half = payload.subarray(0, Math.floor(payload.length / 2));
		await new Promise<void>((resolve) => outgoing.write(half, () => resolve()));
		outgoing.socket?.destroy();
		return;
	}
	if (fault.kind === 'trickle') {
		const chunkBytes = Math.max(1, fault.chunkBytes ?? 16);
		outgoing.writeHead(response.status, headers);
		for (let offset = 0; offset < payload.length; offset += chunkBytes) {
			if (outgoing.destroyed) return;
			outgoing.write(payload.subarray(offset, offset + chunkBytes));
			await delay(fault.intervalMs ?? 20);
		}
		outgoing.end();
		return;
	}
	send(outgoing, response);
}

/** A copy of the query with a page-size parameter (matched without regard to case) lowered to `max`. */
function capPageSize(query: URLSearchParams, param: string, max: number): URLSearchParams {
	const capped = new URLSearchParams();
	for (const [key, value] of query) {
		const isPageSize = key.toLowerCase() === param.toLowerCase() && /^\d+$/.test(value) && Number(value) > max;
		capped.append(key, isPageSize ? String(max) : value);
	}
	return capped;
}

function groupQuery(params: URLSearchParams): Record<string, string[]> {
	const grouped: Record<string, string[]> = {};
	for (const [key, value] of params) (grouped[key] ??= []).push(value);
	return grouped;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [key, value] of Object.entries(headers)) {
		if (value !== undefined) flat[key] = Array.isArray(value) ? value.join(', ') : value;
	}
	return flat;
}

function isText(contentType: string | undefined): boolean {
	// Multipart too: its first bytes name the parts and the file, which tests look for.
	return /json|text|x-www-form-urlencoded|multipart/i.test(contentType ?? '');
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
