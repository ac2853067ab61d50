/**
 * The queue-mode suite: n8n 2.41.1 as a main process and two workers, with PostgreSQL and Redis,
 * the packed package installed on every process, run against the sandbox. One cluster for the
 * whole run (it takes about 40 s to start), started and stopped by the global set-up and teardown.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/queue'],
	testMatch: ['<rootDir>/test/queue/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	globalSetup: '<rootDir>/test/queue/global-setup.ts',
	globalTeardown: '<rootDir>/test/queue/global-teardown.ts',
	maxWorkers: 1,
	// A cold, busy 2-core machine runs the 500 queued executions in minutes, not seconds.
	testTimeout: 600000,
};
