/**
 * Collabor8 Virtual Inventory Trigger under torture (see ./torture.ts for the seed): imports start
 * and finish at random, some within one poll interval (the documented miss: the service shows only
 * its current status), while the status answer is now and then unreadable, without the documented
 * field, an echo of the request (bearer token included), or down. Every import a poll saw running
 * is delivered once when a later poll finds imports allowed again, and no error shows a secret.
 */
import { triggerFor } from './helpers';
import { expectExactlyOnce, POLLS, random, tortureSandbox, tortureSeed } from './torture';

const sandbox = tortureSandbox();

const STATUS_PATH = 'inventory-import/status$';

/**
 * Every text an error carries that n8n can show or log: message, description, and what it wraps
 * (the answer it kept, its cause), read property by property: an error's own toJSON leaves some out.
 */
function errorTexts(value: unknown, seen = new WeakSet<object>()): string {
	if (typeof value === 'string') return value;
	if (value === null || typeof value !== 'object' || seen.has(value)) return '';
	seen.add(value);
	return Object.getOwnPropertyNames(value)
		.filter((name) => name !== 'node')
		.map((name) => `${name}: ${errorTexts((value as Record<string, unknown>)[name], seen)}`)
		.join('\n');
}

/**
 * What would betray a secret in a text: the secret, or a piece of it, since a quote cut to length
 * can cut a token in half. A token's first part (the JWT header) is the same for every token and
 * betrays nothing; its other parts do.
 */
function secretPieces(secret: string): string[] {
	const parts = secret.split('.');
	const telling = parts.length === 3 ? parts.slice(1) : [secret];
	return telling.filter((part) => part.length >= 16).map((part) => part.slice(0, 16));
}

test('Collabor8 Virtual Inventory Trigger: each import seen running comes once when it has finished, and no poll error shows a secret, through 2,000 polls', async () => {
	const seed = tortureSeed();
	const rng = random(seed);
	const vi = sandbox().state.virtualInventory;
	const credential = sandbox().credentials.collabor8VirtualInventoryApi;
	const trigger = triggerFor(sandbox(), 'virtualInventory');
	const violations: string[] = [];
	const violation = (poll: number, text: string): void => {
		if (violations.length < 20) violations.push(`poll ${poll}: ${text}`);
	};
	let busy = false;
	/** What the last poll that succeeded saw: an import running or not. */
	let lastSeenBusy: boolean | undefined;
	let events = 0;
	let requests = 0;
	let failedPolls = 0;
	let checkedPolls = 0;
	const disturbed = { none: 0, empty: 0, unreadable: 0, down: 0 };
	const secrets = new Set<string>([String(credential.clientSecret)]);

	for (let poll = 0; poll < POLLS; poll++) {
		if (poll > 0) {
			if (!busy && rng.chance(0.2)) {
				vi.startWebImport(60 * 60 * 1000);
				busy = true;
			}
			// Sometimes the import ends before the next poll: that one cannot be seen.
			if (busy && rng.chance(0.3)) {
				vi.startWebImport(0);
				busy = false;
			}
			if (rng.chance(0.02)) {
				// n8n saved the memory last when a poll delivered (imports allowed) or at activation (none
				// running): an import seen running since is forgotten, and its end missed if it comes
				// before the next poll (documented).
				trigger.restartFromDatabase();
				lastSeenBusy = false;
			}
		}
		const draw = poll === 0 ? 1 : rng();
		let disturbance: keyof typeof disturbed = 'none';
		if (draw < 0.03) {
			disturbance = 'empty';
			sandbox().server.addFault({ service: 'collabor8VirtualInventory', path: STATUS_PATH, kind: 'status', status: 200, body: {}, times: 1 });
		} else if (draw < 0.08) {
			disturbance = 'unreadable';
			const kind = rng.pick(['echoHeaders', 'echoHeaders', 'html', 'invalidJson', 'field'] as const);
			if (kind === 'field') {
				sandbox().server.addFault({ service: 'collabor8VirtualInventory', path: STATUS_PATH, kind: 'status', status: 200, body: { isImportAllowed: 'yes' }, times: 1 });
			} else if (kind === 'echoHeaders') {
				// An answer with status 200 that repeats the request, Authorization header included.
				sandbox().faults.set('virtualInventory', { path: STATUS_PATH, times: 1, faults: { kind: 'echoHeaders', status: 200 } });
			} else {
				sandbox().faults.set('virtualInventory', { path: STATUS_PATH, times: 1, faults: { kind } });
			}
		} else if (draw < 0.1) {
			disturbance = 'down';
			sandbox().server.addFault({ service: 'collabor8VirtualInventory', path: STATUS_PATH, kind: 'status', status: 503, times: 50 });
		}
		disturbed[disturbance]++;

		const result = await trigger.poll();
		for (const entry of sandbox().server.log) {
			const authorization = entry.headers.authorization;
			if (typeof authorization === 'string') secrets.add(authorization.replace(/^Bearer\s+/i, ''));
		}
		requests += sandbox().server.log.length;
		sandbox().server.log.length = 0;
		sandbox().server.clearFaults();
		sandbox().faults.clear('virtualInventory');

		events += result.events.length;
		if (result.error) {
			failedPolls++;
			if (disturbance === 'none') violation(poll, `an undisturbed poll failed: ${result.error.message}`);
			if (result.events.length > 0) violation(poll, 'a failed poll delivered events');
			const texts = errorTexts(result.error);
			for (const secret of secrets) {
				if (secretPieces(secret).some((piece) => texts.includes(piece))) violation(poll, `the error shows (part of) a secret (${disturbance})`);
			}
			continue;
		}
		checkedPolls++;
		const expected = poll > 0 && lastSeenBusy === true && !busy ? 1 : 0;
		if (result.events.length !== expected) {
			violation(poll, `${result.events.length} events, ${expected} expected (running at the last successful poll: ${String(lastSeenBusy)}, now: ${String(busy)})`);
		}
		lastSeenBusy = busy;
	}
	if (checkedPolls < POLLS * 0.8) violations.push(`only ${checkedPolls} of ${POLLS} polls could be checked`);
	expectExactlyOnce('Virtual Inventory', {
		seed,
		polls: POLLS,
		events,
		requests,
		disturbed,
		failedPolls,
		checkedPolls,
		violations,
	});
});
