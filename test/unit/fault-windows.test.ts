/** Time-window faults of the sandbox: a rule that hits only during a window counted from its first request. */
import { checkRule, FaultPlans } from '../../sandbox/core/faults';

test('a windowed rule hits only the requests that arrive inside its window, counted from the first it matched', () => {
	const plans = new FaultPlans();
	plans.set('cegidLoop', { method: 'POST', window: { afterMs: 1_000, forMs: 500 }, faults: { kind: 'status', status: 429, retryAfter: '1' } });
	const at = (ms: number) => plans.pick('cegidLoop', 'POST', '/provisionningCollab/addClient', 50_000 + ms).fault?.kind;

	expect([at(0), at(999), at(1_000), at(1_499), at(1_500), at(3_000)]).toEqual([
		undefined,
		undefined,
		'status',
		'status',
		undefined,
		undefined,
	]);
	// A GET does not match the rule, and does not start or move its window.
	expect(plans.pick('cegidLoop', 'GET', '/x', 51_200).fault).toBeUndefined();
});

test('a window must have a start of 0 or more and a length above 0', () => {
	expect(() => checkRule({ window: { afterMs: -1, forMs: 10 }, faults: { kind: 'reset' } })).toThrow('window.afterMs');
	expect(() => checkRule({ window: { afterMs: 0, forMs: 0 }, faults: { kind: 'reset' } })).toThrow('window.forMs');
});
