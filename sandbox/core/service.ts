import type { SandboxServer } from './server';

export interface SandboxOptions {
	port?: number;
	host?: string;
	/** Lifetime of the tokens the token endpoints issue, per service, in seconds. */
	tokenLifetimeSeconds?: Partial<Record<'infinigate' | 'eqhub' | 'loop' | 'entra', number>>;
	/** How long an inventory import keeps Virtual Inventory busy after an upload, in ms. */
	importBusyMs?: number;
}

export interface SandboxService {
	name: string;
	install(server: SandboxServer, options: SandboxOptions): void;
	/** Credentials (by credential type name) that work against this service in the sandbox. */
	credentials(server: SandboxServer): Record<string, Record<string, string | number | boolean>>;
}
