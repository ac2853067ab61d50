/**
 * End-to-end tests: the packed package installed into a real n8n 2.41.1 (see scripts/install-n8n.sh),
 * driven through n8n's CLI and server against the sandbox. One file at a time: every n8n process
 * takes about 700 MB and two cores are busy enough with one.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	maxWorkers: 1,
	// n8n processes take seconds each; a cold machine can be much slower than a warm one.
	testTimeout: 300000,
};
