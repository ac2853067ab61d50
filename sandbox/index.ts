/**
 * The sandbox: strict local simulations of the five services on one loopback server, each under its
 * own prefix. Tests start it in-process; `npm run sandbox` starts it for the demo and for people.
 * Each service is written from its public guide, never from the nodes, so that a node that reads a
 * guide differently fails a test.
 */
import { SandboxServer } from './core/server';
import { cegidLoopService } from './cegid-loop/service';
import { eqhubService } from './collabor8/eqhub/service';
import { loopService } from './collabor8/loop/service';
import { virtualInventoryService } from './collabor8/virtual-inventory/service';
import { infinigateService } from './infinigate/service';
import type { FaultPlans, RedirectTarget } from './core/faults';
import type { SandboxInventions } from './core/inventions';
import type { CredentialData, SandboxOptions } from './core/service';

export type { CredentialData, SandboxOptions, SandboxService } from './core/service';
export { SandboxServer } from './core/server';
export type { FaultKind, FaultRule, FaultSpec, ForeignRequest, InjectedFault } from './core/faults';
export { parseFaultPlans } from './core/faults';
export type { SandboxInventions } from './core/inventions';

const SERVICES = {
	cegidLoop: cegidLoopService,
	infinigate: infinigateService,
	eqhub: eqhubService,
	loop: loopService,
	virtualInventory: virtualInventoryService,
};

/** What each simulated service holds, by service: the one way tests read and steer the sandbox. */
export type SandboxState = { [Name in keyof typeof SERVICES]: ReturnType<(typeof SERVICES)[Name]['install']> };

export interface Sandbox {
	server: SandboxServer;
	url: string;
	/** Credentials that work against this sandbox, by credential type name. */
	credentials: Record<string, CredentialData>;
	state: SandboxState;
	/**
	 * What goes wrong, per service (the names of `state`): `sandbox.faults.set('cegidLoop', { every: 10,
	 * faults: { kind: 'lost' } })`; `sandbox.faults.injected` lists what was injected.
	 */
	faults: FaultPlans;
	/** The other origin redirect faults point to, and what reached it (`received`). */
	redirectTarget: RedirectTarget;
	close(): Promise<void>;
}

const INVENTING_SERVICES: ReadonlyArray<keyof SandboxInventions> = ['cegidLoop', 'infinigate', 'eqhub', 'loop', 'virtualInventory'];

function isInventionValue(value: unknown): boolean {
	if (Array.isArray(value)) return value.every((entry) => typeof entry === 'string');
	return ['string', 'number', 'boolean'].includes(typeof value);
}

/** `disagree`, or inventions by service as JSON: `{"loop": {"maxPageSize": 50}}`. */
export function parseInventions(text: string): SandboxInventions | 'disagree' {
	if (text.trim() === 'disagree') return 'disagree';
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new Error(`inventions must be "disagree" or JSON by service: ${(error as Error).message}`);
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new Error('inventions must be "disagree" or a JSON object by service');
	}
	for (const [service, readings] of Object.entries(parsed)) {
		if (!INVENTING_SERVICES.includes(service as keyof SandboxInventions)) {
			throw new Error(`inventions: unknown service "${service}" (known: ${INVENTING_SERVICES.join(', ')})`);
		}
		if (readings === null || typeof readings !== 'object' || Array.isArray(readings)) {
			throw new Error(`inventions: "${service}" must be an object of readings`);
		}
		const wrong = Object.entries(readings as object).find(([, value]) => !isInventionValue(value));
		if (wrong) throw new Error(`inventions: "${service}.${wrong[0]}" must be text, a number, true/false or a list of texts`);
	}
	return parsed as SandboxInventions;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const server = new SandboxServer();
	const state = Object.fromEntries(
		Object.entries(SERVICES).map(([name, service]) => [name, service.install(server, options)]),
	) as SandboxState;
	for (const [name, service] of Object.entries(SERVICES)) server.faultPlans.alias(name, service.name);
	await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
	for (const [service, rules] of Object.entries(options.faults ?? {})) server.faultPlans.set(service, rules);
	const credentials: Sandbox['credentials'] = {};
	for (const service of Object.values(SERVICES)) Object.assign(credentials, service.credentials(server));
	return {
		server,
		url: server.url,
		credentials,
		state,
		faults: server.faultPlans,
		redirectTarget: server.redirectTarget,
		close: async () => await server.close(),
	};
}
