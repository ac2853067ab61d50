/**
 * Fault plans: what goes wrong, per service, and for which requests. A plan is a list of rules; a
 * rule names the requests it may hit (method, a regular expression on the path below the service's
 * prefix) and how often (every Nth matching request, or a seeded 10 %), and the faults it injects,
 * taken in turn. Nothing here uses Math.random: the same plan and the same requests give the same
 * faults, so a failing run can be replayed.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

// ---- Faults that change the service's own answer (for the triggers' torture test) ----

/**
 * The service acts and answers; a test changes the answer's JSON body before it is sent, e.g. to
 * reorder a page or to add a field that production rows carry and the sandbox's do not. Set from
 * code only (a function is not JSON); the status and headers stay the service's.
 */
export interface AnswerRewriteFault {
	kind: 'rewrite';
	rewrite: (body: unknown) => unknown;
}

const ANSWER_REWRITE_KINDS = ['rewrite'] as const;

// ---- end of the answer-rewriting faults ----

/** A fault, as a test or the command line names it. */
export type FaultSpec =
	/** Sends the client to another origin (the redirect target, which records what reaches it). */
	| { kind: 'redirect'; status?: 301 | 302 | 303 | 307 | 308 }
	/** A 200 answer with an HTML maintenance page, as a proxy in front of the service gives one. */
	| { kind: 'html' }
	/** A 200 answer that says it is JSON and is not. */
	| { kind: 'invalidJson' }
	/** A 200 JSON answer `null`. */
	| { kind: 'null' }
	/** A 200 JSON answer that is not an object: a number, a string, or a list of non-objects. */
	| { kind: 'nonObject'; value?: unknown }
	/** An HTTP error before the service acts: 429 (with Retry-After, seconds), 500, 502, 503, 504. */
	| { kind: 'status'; status: number; retryAfter?: string }
	/** The connection is reset before the service acts. */
	| { kind: 'reset' }
	/** The service acts (its state changes), then the client gets a 502 or a reset connection. */
	| { kind: 'lost'; as?: '502' | 'reset' }
	/** The service's own answer, sent a few bytes at a time. */
	| { kind: 'trickle'; chunkBytes?: number; intervalMs?: number }
	/** The service's own answer, announced with its full Content-Length, cut halfway; then the socket closes. */
	| { kind: 'cut' }
	/** Larger page sizes are served as this many: the query parameter is lowered before the service reads it. */
	| { kind: 'pageCap'; param: string; max: number }
	/** An error answer whose body repeats every header of the request, secrets included. */
	| { kind: 'echoHeaders'; status?: number }
	| AnswerRewriteFault;

export type FaultKind = FaultSpec['kind'];

export interface FaultRule {
	/** Only requests with this method (any when left out). */
	method?: string;
	/** Only requests whose path below the service's prefix matches this regular expression. */
	path?: string;
	/** Every Nth matching request (the Nth, the 2Nth, …). */
	every?: number;
	/** This share of matching requests (0 to 1), drawn from a generator seeded with `seed`. */
	rate?: number;
	seed?: number;
	/** At most this many faults from this rule. */
	times?: number;
	/** Only within this window of time (see FaultWindow). */
	window?: FaultWindow;
	/** The faults, taken in turn each time the rule hits. */
	faults: FaultSpec | FaultSpec[];
}

/** One fault the sandbox injected, for tests and the request log. */
export interface InjectedFault {
	seq: number;
	service: string;
	method: string;
	path: string;
	kind: FaultKind;
	/** Whether the service's handler ran (its state may have changed) before the fault. */
	serviceActed: boolean;
}

interface ActiveRule {
	rule: FaultRule;
	pathPattern?: RegExp;
	matched: number;
	hits: number;
	random: () => number;
	faults: FaultSpec[];
	/** When the rule first matched a request: its window counts from there. */
	firstMatchAt?: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const KINDS: readonly FaultKind[] = [
	'redirect',
	'html',
	'invalidJson',
	'null',
	'nonObject',
	'status',
	'reset',
	'lost',
	'trickle',
	'cut',
	'pageCap',
	'echoHeaders',
	...ANSWER_REWRITE_KINDS,
];

/** Checks a rule from outside (a test, the command line, the control endpoint); throws on a mistake. */
export function checkRule(rule: FaultRule): FaultRule {
	const faults = Array.isArray(rule.faults) ? rule.faults : [rule.faults];
	if (faults.length === 0) throw new Error('A fault rule needs at least one fault');
	for (const fault of faults) {
		if (!KINDS.includes(fault?.kind)) throw new Error(`Unknown fault kind "${String(fault?.kind)}"; known: ${KINDS.join(', ')}`);
		if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)) {
			throw new Error('A status fault needs a status from 400 to 599');
		}
		if (fault.kind === 'pageCap' && (typeof fault.param !== 'string' || !(fault.max >= 1))) {
			throw new Error('A pageCap fault needs a query parameter name and a max of at least 1');
		}
	}
	if (rule.every !== undefined && !(Number.isInteger(rule.every) && rule.every >= 1)) {
		throw new Error('"every" must be a whole number of at least 1');
	}
	if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1)) throw new Error('"rate" must be between 0 and 1');
	if (rule.rate !== undefined && rule.rate < 1 && rule.seed === undefined) {
		throw new Error('A rule with a rate needs a seed, so that its faults can be replayed');
	}
	if (rule.path !== undefined) new RegExp(rule.path);
	checkWindow(rule.window);
	return rule;
}

/** The fault plans of every service, and the faults injected so far. */
export class FaultPlans {
	readonly injected: InjectedFault[] = [];

	private plans = new Map<string, ActiveRule[]>();

	private readonly aliases = new Map<string, string>();

	/** Lets a service be named by another name too (its name in `sandbox.state`, e.g. `eqhub`). */
	alias(name: string, service: string): void {
		if (name !== service) this.aliases.set(name, service);
	}

	/** The name the sandbox's log gives a service known by another name (`eqhub` → `collabor8EqHub`). */
	serviceName(name: string): string {
		return this.aliases.get(name) ?? name;
	}

	/**
	 * Replaces the plan of `service`: its name in `sandbox.state` (`cegidLoop`, `infinigate`, `eqhub`,
	 * `loop`, `virtualInventory`), or `entra` for Virtual Inventory's token endpoint.
	 */
	set(service: string, rules: FaultRule | FaultRule[]): void {
		const list = (Array.isArray(rules) ? rules : [rules]).map(checkRule);
		this.plans.set(
			this.aliases.get(service) ?? service,
			list.map((rule) => ({
				rule,
				pathPattern: rule.path === undefined ? undefined : new RegExp(rule.path),
				matched: 0,
				hits: 0,
				random: seededRandom(rule.seed ?? 0),
				faults: Array.isArray(rule.faults) ? rule.faults : [rule.faults],
			})),
		);
	}

	/** Removes the plan of one service, or of every service. */
	clear(service?: string): void {
		if (service === undefined) {
			this.plans.clear();
			this.injected.length = 0;
		} else {
			this.plans.delete(this.aliases.get(service) ?? service);
		}
	}

	/** The faults injected into one service's requests (every service's when left out). */
	injectedInto(service?: string): InjectedFault[] {
		const name = service === undefined ? undefined : (this.aliases.get(service) ?? service);
		return this.injected.filter((fault) => name === undefined || fault.service === name);
	}

	/** Every plan, as set. */
	describe(): Record<string, FaultRule[]> {
		return Object.fromEntries([...this.plans].map(([service, rules]) => [service, rules.map((active) => active.rule)]));
	}

	/**
	 * What happens to this request: the fault of the first rule that hits it, and a page-size cap
	 * (which does not take a fault's place, so that capped pages can fail too). Every matching rule
	 * counts the request.
	 */
	pick(service: string, method: string, path: string, now: number = Date.now()): PickedFaults {
		const picked: PickedFaults = {};
		for (const active of this.plans.get(service) ?? []) {
			const { rule } = active;
			if (rule.method !== undefined && rule.method.toUpperCase() !== method) continue;
			if (active.pathPattern && !active.pathPattern.test(path)) continue;
			active.matched++;
			if (!insideWindow(active, now)) continue;
			// Drawn for every matching request, so that which requests are hit does not depend on the other rules.
			const draw = rule.rate === undefined ? undefined : active.random();
			if (rule.times !== undefined && active.hits >= rule.times) continue;
			const everyHit = rule.every === undefined || active.matched % rule.every === 0;
			const rateHit = draw === undefined || draw < rule.rate!;
			if (!everyHit || !rateHit) continue;
			const fault = active.faults[active.hits % active.faults.length];
			if (fault.kind === 'pageCap') {
				picked.pageCap ??= fault;
				active.hits++;
			} else if (picked.fault === undefined) {
				picked.fault = fault;
				active.hits++;
			}
		}
		return picked;
	}
}

export interface PickedFaults {
	fault?: Exclude<FaultSpec, { kind: 'pageCap' }>;
	pageCap?: Extract<FaultSpec, { kind: 'pageCap' }>;
}

/**
 * Reads fault plans from the command line or the environment: JSON, `{ "<service>": rule | rule[] }`,
 * e.g. `{"cegidLoop":{"rate":0.1,"seed":7,"faults":[{"kind":"status","status":503}]}}`.
 */
export function parseFaultPlans(text: string): Record<string, FaultRule[]> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new Error('The fault plan is not JSON; expected {"<service>": {"every": 10, "faults": {"kind": "status", "status": 503}}}');
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new Error('The fault plan must be a JSON object keyed by service name');
	}
	const plans: Record<string, FaultRule[]> = {};
	for (const [service, rules] of Object.entries(parsed as Record<string, FaultRule | FaultRule[]>)) {
		plans[service] = (Array.isArray(rules) ? rules : [rules]).map(checkRule);
	}
	return plans;
}

/** What reached the redirect target: enough to show that no secret followed a redirect. */
export interface ForeignRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: string;
}

/**
 * The other origin a redirect fault points to: a second loopback listener on its own port that
 * records every request and answers like a plausible API, with a token of its own, so that a client
 * that follows the redirect both leaks what it sends and takes a foreign answer as data.
 */
export class RedirectTarget {
	readonly received: ForeignRequest[] = [];

	url = '';

	private server?: Server;

	private readonly sockets = new Set<Socket>();

	async listen(host: string): Promise<void> {
		this.server = createServer((request, response) => {
			void readAll(request).then((body) => {
				this.received.push({
					method: request.method ?? 'GET',
					url: request.url ?? '/',
					headers: Object.fromEntries(
						Object.entries(request.headers).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : String(value)]),
					),
					body: body.toString('utf8'),
				});
				const payload = JSON.stringify({
					access_token: 'foreign-origin-token',
					token_type: 'Bearer',
					expires_in: 3600,
					message: 'Answered by another origin',
					data: [],
				});
				response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
				response.end(payload);
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve, reject) => {
			this.server!.once('error', reject);
			this.server!.listen(0, host, () => resolve());
		});
		this.url = `http://${host}:${(this.server.address() as AddressInfo).port}`;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}
}

function readAll(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

export const MAINTENANCE_PAGE =
	'<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>We will be back soon</h1>' +
	'<p>The service is under maintenance.</p></body></html>';

// ---------------------------------------------------------------------------------------------
// Time-window faults: a rule that hits only during a window of time, e.g. 429 to everything for one
// second in the middle of a run (a burst), or 502 for two seconds (a blip). The window counts from
// the first request the rule matched, so a plan set before a run puts the window at the same place
// in every run, however long the run takes to start.
// ---------------------------------------------------------------------------------------------

export interface FaultWindow {
	/** The window opens this long after the first request the rule matched, ms (0: at once). */
	afterMs: number;
	/** And stays open this long, ms. */
	forMs: number;
}

function checkWindow(window: FaultWindow | undefined): void {
	if (window === undefined) return;
	if (!(Number.isFinite(window.afterMs) && window.afterMs >= 0)) throw new Error('"window.afterMs" must be a number of milliseconds, 0 or more');
	if (!(Number.isFinite(window.forMs) && window.forMs > 0)) throw new Error('"window.forMs" must be a number of milliseconds above 0');
}

/** Whether a request arriving at `now` falls inside the rule's window (always, for a rule without one). */
function insideWindow(active: ActiveRule, now: number): boolean {
	const { window } = active.rule;
	if (window === undefined) return true;
	active.firstMatchAt ??= now;
	const since = now - active.firstMatchAt;
	return since >= window.afterMs && since < window.afterMs + window.forMs;
}
