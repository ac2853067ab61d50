import type { FaultRule } from './faults';
import type { SandboxInventions } from './inventions';
import type { SandboxServer } from './server';

export interface SandboxOptions {
	port?: number;
	host?: string;
	/** Lifetime of the tokens the token endpoints issue, per service, in seconds. */
	tokenLifetimeSeconds?: Partial<Record<'infinigate' | 'eqhub' | 'loop' | 'entra', number>>;
	/** How long an inventory import keeps Virtual Inventory busy after an upload, in ms. */
	importBusyMs?: number;
	/** Fault plans to start with, by service (see ./faults.ts). */
	faults?: Record<string, FaultRule | FaultRule[]>;
	/** Readings of the guessed details that differ from the nodes' defaults (see ./inventions.ts). */
	inventions?: SandboxInventions | 'disagree';
}

export type CredentialData = Record<string, string | number | boolean>;

/**
 * One simulated service. `install` adds its routes to the server and returns its state: what the
 * service holds (data, issued tokens) and the few levers a test pulls (a token lifetime, an import
 * started from the web page). Tests reach it as `sandbox.state.<service>`.
 */
export interface SandboxService<State> {
	name: string;
	install(server: SandboxServer, options: SandboxOptions): State;
	/** Credentials (by credential type name) that work against this service in the sandbox. */
	credentials(server: SandboxServer): Record<string, CredentialData>;
}
