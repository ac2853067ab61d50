/**
 * The sandbox's HTTP core: one server on loopback that hosts every simulated service under its own
 * path prefix, keeps a log of what it received, and can add latency or inject faults. Only
 * node:http, so that the sandbox adds nothing to the package's dependencies.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

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
		return this.url;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
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

		let response: SandboxResponse;
		if (fault?.kind === 'status') {
			response = {
				status: fault.status ?? 503,
				headers: fault.retryAfter !== undefined ? { 'Retry-After': fault.retryAfter } : {},
				body: fault.body ?? { statusCode: fault.status ?? 503, message: 'Injected fault' },
			};
		} else {
			response = await this.dispatch(service, method, localPath, url.searchParams, incoming.headers, body);
		}
		entry.status = response.status;
		entry.durationMs = Date.now() - started;
		send(outgoing, response);
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

function send(outgoing: ServerResponse, response: SandboxResponse): void {
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
	outgoing.writeHead(response.status, headers);
	outgoing.end(payload);
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
	return /json|text|x-www-form-urlencoded/i.test(contentType ?? '');
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
