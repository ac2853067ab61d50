/**
 * The triggers' torture test: thousands of polls through n8n-core's poll context against a sandbox
 * whose lists change at random between polls, and that now and then answers an empty list, an
 * unreadable body, goes down, reorders its lists, or holds more entries than the trigger may
 * remember. Each world below keeps its own record of what the sandbox holds (the truth) and checks
 * every poll against it, independently of the triggers' code:
 *
 * - no event twice: an entry is "new" once; a change names as its previous value the value last
 *   delivered, and differs from it;
 * - nothing lost: after every poll whose answer was the sandbox's own (no fault) and that did not
 *   fail, what was delivered (plus what was there at activation) equals what the sandbox holds.
 *
 * The documented misses need no exception: an entry that comes and goes between two such polls, and
 * a change undone between them, never show in the truth the checks read.
 *
 * A run prints its seed; `TRIGGER_TORTURE_SEED=<seed>` replays it, `TRIGGER_TORTURE_POLLS` changes
 * the number of polls.
 */
import type { IDataObject } from 'n8n-workflow';

import { memoryLimits, pollingClock } from '../../../nodes/shared/polling';
import { retryClock } from '../../../nodes/shared/retry';
import { startSandbox } from '../../../sandbox';
import type { FaultRule, Sandbox } from '../../../sandbox';
import { seededRandom } from '../../../sandbox/core/faults';
import type { TriggerUnderTest } from '../../support/run-poll';

export const POLLS = Number(process.env.TRIGGER_TORTURE_POLLS ?? 2000);

export function tortureSeed(): number {
	const replay = process.env.TRIGGER_TORTURE_SEED;
	return replay !== undefined && replay !== '' ? Number(replay) : Math.floor(Math.random() * 2 ** 31);
}

export type Random = ReturnType<typeof seededRandom> & {
	pick<T>(list: readonly T[]): T;
	chance(share: number): boolean;
	int(below: number): number;
};

export function random(seed: number): Random {
	const next = seededRandom(seed);
	return Object.assign(() => next(), {
		pick<T>(list: readonly T[]): T {
			return list[Math.floor(next() * list.length)];
		},
		chance(share: number): boolean {
			return next() < share;
		},
		int(below: number): number {
			return Math.floor(next() * below);
		},
	});
}

/** One event as the world reads it from a delivered item. */
export interface Delivered {
	key: string;
	kind: 'new' | 'changed';
	value: string;
	/** For a change: the value the event says the entry had. */
	previous?: string;
}

/** What a poll may meet instead of the sandbox's own answer. */
export type Disturbance = 'none' | 'empty' | 'unreadable' | 'down';

export interface World {
	/** The name of the service in the sandbox's log and in `addFault`. */
	service: string;
	/** The list's path below the service's prefix, as a regular expression. */
	listPath: string;
	/** What the sandbox holds now: key → the value the trigger watches ('' when it watches none). */
	truth(): Map<string, string>;
	/** One random change of the sandbox's data. */
	change(rng: Random, poll: number): void;
	/** Called once before each poll's changes (e.g. a burst that starts and ends at given polls). */
	tick?(rng: Random, poll: number): void;
	/** An empty list in the service's envelope, and answers the node cannot read as a list. */
	emptyAnswer: unknown;
	unreadableAnswers: unknown[];
	read(event: IDataObject): Delivered;
	/** Whether an error on an undisturbed poll is expected (the memory is full), with its message. */
	expectedError?(): RegExp | undefined;
	/** Fault rules that hold for the whole run (e.g. an answer rewritten to carry production fields). */
	faultRules?: FaultRule[];
	/** Called before each poll (e.g. to move the triggers' clock). */
	beforePoll?(poll: number): void;
}

export interface TortureReport {
	seed: number;
	polls: number;
	events: number;
	/** Requests the sandbox received, token requests and retries included. */
	requests: number;
	disturbed: Record<Disturbance, number>;
	failedPolls: number;
	/** Undisturbed polls that succeeded, after which everything listed had been delivered. */
	checkedPolls: number;
	/** The most entries the trigger's memory held (listed, gone, dated), to see the limit's headroom. */
	peakRemembered?: number;
	violations: string[];
}

function disturb(sandbox: Sandbox, world: World, rng: Random): Disturbance {
	const draw = rng();
	if (draw < 0.03) {
		sandbox.server.addFault({ service: world.service, path: world.listPath, kind: 'status', status: 200, body: world.emptyAnswer, times: 1 });
		return 'empty';
	}
	if (draw < 0.06) {
		const body = rng.pick(world.unreadableAnswers);
		if (body === 'html' || body === 'invalidJson') {
			sandbox.faults.set(world.service, [{ path: world.listPath, times: 1, faults: { kind: body } }, ...(world.faultRules ?? [])]);
		} else {
			sandbox.server.addFault({ service: world.service, path: world.listPath, kind: 'status', status: 200, body, times: 1 });
		}
		return 'unreadable';
	}
	if (draw < 0.08) {
		// Long enough to outlast the request layer's retries.
		sandbox.server.addFault({ service: world.service, path: world.listPath, kind: rng.chance(0.5) ? 'reset' : 'status', status: 503, times: 50 });
		return 'down';
	}
	return 'none';
}

/**
 * Runs `polls` polls of `trigger`, changing the sandbox at random before each, and returns what
 * broke the exactly-once rule. The first poll is undisturbed: what it finds is what was there at
 * activation.
 */
export async function torture(
	sandbox: Sandbox,
	world: World,
	trigger: TriggerUnderTest,
	options: { seed: number; polls: number },
): Promise<TortureReport> {
	const rng = random(options.seed);
	sandbox.faults.set(world.service, world.faultRules ?? []);
	const delivered = new Map<string, string>();
	const violations: string[] = [];
	const disturbed: Record<Disturbance, number> = { none: 0, empty: 0, unreadable: 0, down: 0 };
	let events = 0;
	let failedPolls = 0;
	let requests = 0;
	let checkedPolls = 0;
	let previousDisturbance: Disturbance = 'none';
	let peakRemembered = 0;
	let limitPolls = 0;
	const violation = (poll: number, text: string): void => {
		if (violations.length < 20) violations.push(`poll ${poll}: ${text}`);
	};

	for (let poll = 0; poll < options.polls; poll++) {
		world.beforePoll?.(poll);
		const last = poll === options.polls - 1;
		if (poll > 0 && !last) {
			world.tick?.(rng, poll);
			const changes = rng.int(3);
			for (let change = 0; change < changes; change++) world.change(rng, poll);
			if (rng.chance(0.02)) trigger.restartFromDatabase();
		}
		// The first poll finds what was there at activation; the last one must see everything.
		const disturbance = poll === 0 || last ? 'none' : disturb(sandbox, world, rng);
		const context = `${disturbance}; the poll before: ${previousDisturbance}`;
		previousDisturbance = disturbance;
		disturbed[disturbance]++;
		const truth = world.truth();
		const result = await trigger.poll();
		sandbox.server.clearFaults();
		sandbox.faults.set(world.service, world.faultRules ?? []);
		// The log of 2,000 polls is not kept; only its size is counted.
		requests += sandbox.server.log.length;
		sandbox.server.log.length = 0;

		peakRemembered = Math.max(peakRemembered, remembered(trigger.memory));

		if (poll === 0) {
			if (result.error) throw new Error(`The first poll failed: ${result.error.message}`);
			for (const [key, value] of truth) delivered.set(key, value);
			continue;
		}
		for (const item of result.events) {
			events++;
			const event = world.read(item);
			const last = delivered.get(event.key);
			if (event.kind === 'new') {
				if (last !== undefined) violation(poll, `${event.key} delivered as new again (${context})`);
			} else if (last === undefined) {
				violation(poll, `${event.key} delivered as changed but never as new (${context})`);
			} else if (event.previous !== last || event.value === last) {
				violation(poll, `${event.key} changed ${String(event.previous)} → ${event.value}, but ${last} was delivered last (${context})`);
			}
			delivered.set(event.key, event.value);
		}
		if (result.error) failedPolls++;
		if (result.error && /more than its limit/.test(result.error.message)) limitPolls++;
		if (disturbance !== 'none') continue;
		const allowed = world.expectedError?.();
		if (result.error) {
			if (!allowed?.test(result.error.message) || last) violation(poll, `an undisturbed poll failed: ${result.error.message}`);
			continue;
		}
		checkedPolls++;
		for (const [key, value] of truth) {
			const last = delivered.get(key);
			if (last === undefined) violation(poll, `${key} is listed but was never delivered`);
			else if (last !== value) violation(poll, `${key} is ${value} but ${last} was delivered last`);
		}
	}
	// A world with a burst must have gone past the limit, or the limit was not tested.
	if (world.expectedError && limitPolls === 0) violations.push('no poll went past the memory limit');
	// A run in which most polls failed would prove nothing.
	if (checkedPolls < options.polls * 0.8) violations.push(`only ${checkedPolls} of ${options.polls} polls could be checked`);
	return { seed: options.seed, polls: options.polls, events, requests, disturbed, failedPolls, checkedPolls, peakRemembered, violations };
}

export function describeReport(name: string, report: TortureReport): string {
	return (
		`${name}: seed ${report.seed} (replay with TRIGGER_TORTURE_SEED=${report.seed}), ${report.polls} polls, ` +
		`${report.events} events, ${report.requests} requests, disturbed ${JSON.stringify(report.disturbed)}, ${report.failedPolls} failed polls, ${report.checkedPolls} checked` +
		(report.peakRemembered === undefined ? '' : `, at most ${report.peakRemembered} entries remembered`)
	);
}

/** How many entries a trigger's static data holds, in every memory it keeps. */
function remembered(staticData: IDataObject): number {
	let count = 0;
	for (const node of Object.values(staticData)) {
		for (const memory of Object.values((node ?? {}) as IDataObject)) {
			for (const part of ['live', 'gone', 'dated']) count += Object.keys(((memory as IDataObject)?.[part] ?? {}) as object).length;
		}
	}
	return count;
}

/** A list shuffled in place (the sandbox's order changes; nothing promises one). */
export function shuffle<T>(list: T[], rng: Random): void {
	for (let index = list.length - 1; index > 0; index--) {
		const other = rng.int(index + 1);
		[list[index], list[other]] = [list[other], list[index]];
	}
}

/**
 * The sandbox of one torture file, with the retries' pauses skipped (a service that is down is
 * retried; the pauses are not what this test is about), and the memory limit and clock put back.
 */
export function tortureSandbox(): () => Sandbox {
	let sandbox: Sandbox | undefined;
	const realLimit = memoryLimits.maxRemembered;
	const realClock = pollingClock.now;
	jest.setTimeout(120_000);
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox?.close());
	beforeEach(() => {
		sandbox!.server.reset();
		jest.spyOn(retryClock, 'sleep').mockResolvedValue(undefined);
	});
	afterEach(() => {
		memoryLimits.maxRemembered = realLimit;
		pollingClock.now = realClock;
		jest.restoreAllMocks();
	});
	return () => sandbox!;
}

const HOUR_MS = 60 * 60 * 1000;

/** One simulated hour per poll: 2,000 polls are 83 days, so entries gone for a month are forgotten. */
export function hourlyClock(): (poll: number) => void {
	const start = Date.now();
	return (poll) => {
		pollingClock.now = () => new Date(start + poll * HOUR_MS);
	};
}

/**
 * Removals and restores of any list: an entry removed is restored only within 20 simulated days of
 * hourly polls (the rule keeps gone entries 30), and the entries of a burst are never restored.
 * The days count from the entry's first removal: an entry restored and removed again between two
 * successful polls was never seen back, so the trigger's 30 days run from that first removal
 * (seed 977860679: removed at poll 646, back only during an unreadable poll 955, restored at 1434).
 */
export class Removals<T> {
	private readonly removed: Array<{ entry: T; poll: number }> = [];

	private readonly firstRemoval = new Map<T, number>();

	remove(entry: T, poll: number): void {
		const since = this.firstRemoval.get(entry) ?? poll;
		this.firstRemoval.set(entry, since);
		this.removed.push({ entry, poll: since });
	}

	restore(rng: Random, poll: number): T | undefined {
		const recent = this.removed.filter((removal) => poll - removal.poll < 20 * 24);
		if (recent.length === 0) return undefined;
		const chosen = rng.pick(recent);
		this.removed.splice(this.removed.indexOf(chosen), 1);
		return chosen.entry;
	}
}

/**
 * More entries than the memory may hold, for 30 polls once in the run: the polls fail and say why,
 * nothing is delivered twice, and the burst's entries, gone before any poll could remember them,
 * are the documented miss of entries that come and go between two polls.
 */
export class Burst {
	private startsAt = -1;

	private active: string[] = [];

	constructor(private readonly polls: number) {}

	/** Adds or removes the burst when it is time (call it once per poll, from `tick`). */
	step(poll: number, rng: Random, add: () => string, remove: (key: string) => void, size: number): boolean {
		if (this.startsAt < 0) this.startsAt = Math.floor(this.polls / 3) + rng.int(Math.max(1, Math.floor(this.polls / 3)));
		if (poll === this.startsAt) {
			for (let index = 0; index < size; index++) this.active.push(add());
			return true;
		}
		if (poll === this.startsAt + 30) {
			for (const key of this.active) remove(key);
			this.active = [];
			return true;
		}
		return false;
	}

	/** The error an undisturbed poll may give while the burst is listed. */
	expectedError(): RegExp | undefined {
		return this.active.length > 0 ? /more than its limit/ : undefined;
	}
}

export function expectExactlyOnce(name: string, result: TortureReport): void {
	// The seed goes to the output of every run, so that a failure seen in CI can be replayed.
	console.log(describeReport(name, result));
	expect({ seed: result.seed, violations: result.violations }).toEqual({ seed: result.seed, violations: [] });
}
