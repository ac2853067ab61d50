/**
 * The fault suite (`npm run test:fault`): each node runs 1,000 items against the sandbox while it
 * injects faults into 10 % of the requests. One file, one node at a time, and a table at the end.
 */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/fault'],
	testMatch: ['<rootDir>/test/fault/**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	maxWorkers: 1,
	// One node's 1,000 items; the suite itself checks that each run stays within its bound.
	testTimeout: 300000,
};
