import { outputItems } from '../../support/n8n';
import type { ExampleExpectation } from './types';

/** Where each service takes its token request (the guides), in the sandbox's log. */
const TOKEN_REQUESTS: Array<{ service: string; path: RegExp }> = [
	{ service: 'infinigate', path: /^\/authorization\/token$/ },
	{ service: 'collabor8EqHub', path: /^\/token$/ },
	{ service: 'collabor8Loop', path: /^\/token$/ },
	{ service: 'entra', path: /^\/[^/]+\/oauth2\/v2\.0\/token$/ },
];

export const checkSetupExamples: Record<string, ExampleExpectation> = {
	'check-setup-all-services': {
		does: 'checks all five services read-only and merges one row per check into one table, every check working or not checked',
		check: (run, sandbox) => {
			const rows = outputItems(run, 'One table').map((item) => item.json);
			expect(new Set(rows.map((row) => row.service))).toEqual(
				new Set(['Cegid Loop', 'Infinigate', 'Collabor8 EqHub', 'Collabor8 Virtual Inventory', 'Collabor8 Loop']),
			);
			for (const row of rows) {
				expect(row).toEqual(
					expect.objectContaining({ check: expect.any(String), kind: expect.any(String), result: expect.any(String), answerShape: expect.anything() }),
				);
			}
			expect(rows.filter((row) => row.result !== 'works' && row.result !== 'not checked')).toEqual([]);
			expect(rows.filter((row) => row.result === 'works').length).toBeGreaterThanOrEqual(15);

			// Nothing but GET requests and token requests reached any service.
			const others = sandbox.server.log.filter(
				(entry) => entry.method !== 'GET' && !TOKEN_REQUESTS.some((token) => token.service === entry.service && token.path.test(entry.path)),
			);
			expect(others).toEqual([]);
		},
	},
};
