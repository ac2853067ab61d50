/**
 * The sandbox: strict local simulations of the five services on one loopback server, each under its
 * own prefix. Tests start it in-process; `npm run sandbox` starts it for the demo and for people.
 */
import { SandboxServer } from './core/server';
import { cegidLoopService } from './cegid-loop/service';
import { infinigateService } from './infinigate/service';
import { collabor8Service } from './collabor8/service';
import type { SandboxOptions, SandboxService } from './core/service';

export type { SandboxOptions, SandboxService } from './core/service';
export { SandboxServer } from './core/server';

export const SANDBOX_SERVICES: SandboxService[] = [cegidLoopService, infinigateService, collabor8Service];

export interface Sandbox {
	server: SandboxServer;
	url: string;
	/** Credentials that work against this sandbox, by credential type name. */
	credentials: Record<string, Record<string, string | number | boolean>>;
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const server = new SandboxServer();
	for (const service of SANDBOX_SERVICES) service.install(server, options);
	await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
	const credentials: Sandbox['credentials'] = {};
	for (const service of SANDBOX_SERVICES) Object.assign(credentials, service.credentials(server));
	return { server, url: server.url, credentials, close: async () => await server.close() };
}
