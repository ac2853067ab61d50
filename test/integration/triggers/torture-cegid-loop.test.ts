/**
 * Cegid Loop Trigger under torture (see ./torture.ts): folders linked, unlinked and linked again,
 * LoopHub's list reordered, answered empty or with an object, down, and for a while larger than
 * the trigger may remember. Every folder linked comes exactly once.
 */
import type { IDataObject } from 'n8n-workflow';

import { memoryLimits } from '../../../nodes/shared/polling';
import { triggerFor } from './helpers';
import type { World } from './torture';
import { Burst, expectExactlyOnce, hourlyClock, POLLS, Removals, shuffle, torture, tortureSandbox, tortureSeed } from './torture';

const sandbox = tortureSandbox();

test('Cegid Loop Trigger: each folder linked exactly once, through 2,000 polls of a hostile service', async () => {
	const seed = tortureSeed();
	// Above what 30 days of unlinked folders and the linked ones need (about 330), below the burst.
	memoryLimits.maxRemembered = 800;
	const cegid = sandbox().state.cegidLoop;
	type Folder = NonNullable<ReturnType<typeof cegid.folders.get>>;
	const removals = new Removals<Folder>();
	const burst = new Burst(POLLS);
	let next = 0;
	const link = (): string => {
		const code = `T${String(next++).padStart(6, '0')}`;
		cegid.linkFolder(code, `Client ${code}`);
		return code;
	};
	const world: World = {
		service: 'cegidLoop',
		listPath: '^/loophub/getFolders$',
		truth: () => new Map([...cegid.folders.keys()].map((code) => [code, ''])),
		tick(rng, poll) {
			burst.step(poll, rng, link, (code) => cegid.folders.delete(code), 850);
		},
		change(rng, poll) {
			const draw = rng();
			const codes = [...cegid.folders.keys()];
			// Around 80 folders: more are unlinked than linked once the list is longer.
			if (draw < (codes.length > 80 ? 0.15 : 0.35)) link();
			else if (draw < 0.7 && codes.length > 0) {
				const code = rng.pick(codes);
				removals.remove(cegid.folders.get(code)!, poll);
				cegid.folders.delete(code);
			} else if (draw < 0.9) {
				const folder = removals.restore(rng, poll);
				if (folder) cegid.folders.set(folder.codeIbs, folder);
			} else {
				const folders = [...cegid.folders.values()];
				shuffle(folders, rng);
				cegid.folders = new Map(folders.map((folder) => [folder.codeIbs, folder]));
			}
		},
		emptyAnswer: [],
		unreadableAnswers: [{}, { message: 'Maintenance en cours' }, { objectId: null, codeIbs: null }, 'html', 'invalidJson'],
		read: (event: IDataObject) => ({ key: String(event.codeIbs), kind: 'new', value: '' }),
		expectedError: () => burst.expectedError(),
		beforePoll: hourlyClock(),
	};
	const trigger = triggerFor(sandbox(), 'cegidLoop');
	expectExactlyOnce('Cegid Loop', await torture(sandbox(), world, trigger, { seed, polls: POLLS }));
});
