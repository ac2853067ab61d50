/**
 * Every workflow of examples/ in a real n8n: a fresh user folder with the packed package installed
 * as a community package, `n8n import:workflow`, `n8n execute`, then checks on the output items
 * and on the requests the sandbox received.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Sandbox } from '../../sandbox';
import { freshN8n, secretValues, startE2eSandbox, succeeded } from '../support/e2e';
import { credentialTypesOf, loadExamples, startsByItself } from '../support/examples';
import { packageNodeTypes } from '../support/package';
import { resetSandbox } from '../support/sandbox-data';
import { EXPECTATIONS } from './expectations';

const examples = loadExamples();

describe('the example workflows', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startE2eSandbox();
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	beforeEach(() => {
		resetSandbox(sandbox);
	});

	test('every node of the package appears in at least one example', () => {
		const used = new Set(examples.flatMap((example) => example.workflow.nodes.map((node) => node.type)));
		const unused = packageNodeTypes().filter((type) => !used.has(type));
		expect(unused).toEqual([]);
	});

	test('every example has its checks in this suite, and every check has its example', () => {
		expect(Object.keys(EXPECTATIONS).sort()).toEqual(examples.map((example) => example.slug).sort());
	});

	test('every example uses only credentials that the sandbox provides', () => {
		const provided = new Set(Object.keys(sandbox.credentials));
		const missing = examples.flatMap((example) =>
			credentialTypesOf(example.workflow)
				.filter((type) => !provided.has(type))
				.map((type) => `${example.slug}: ${type}`),
		);
		expect(missing).toEqual([]);
	});

	test('every example refers to its credentials by the ids the sandbox credentials are imported with', () => {
		const wrong = examples.flatMap((example) =>
			example.workflow.nodes.flatMap((node) =>
				Object.entries(node.credentials ?? {})
					.filter(([type, reference]) => reference.id !== type)
					.map(([type]) => `${example.slug} → ${node.name}: ${type}`),
			),
		);
		expect(wrong).toEqual([]);
	});

	describe.each(examples.map((example) => [example.workflow.name, example] as const))('%s', (_name, example) => {
		const expectation = EXPECTATIONS[example.slug];

		test(expectation ? expectation.does : 'has checks in test/e2e/expectations', async () => {
			expect(expectation).toBeDefined();
			expect('checkedActiveIn' in expectation).toBe(startsByItself(example.workflow));
			if ('checkedActiveIn' in expectation) {
				expect(existsSync(join(__dirname, expectation.checkedActiveIn))).toBe(true);
				return;
			}
			const n8n = await freshN8n(example.slug);
			await n8n.importWorkflows([example.workflow]);
			await expectation.before?.(sandbox);

			const result = await n8n.execute(example.workflow.id);

			const run = succeeded(result);
			await expectation.check(run, sandbox, n8n);
			for (const secret of secretValues(sandbox.credentials)) {
				expect(result.stdout + result.stderr).not.toContain(secret);
			}
			n8n.remove();
		});
	});
});
