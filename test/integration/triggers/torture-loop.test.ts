/**
 * Collabor8 Loop Trigger under torture (see ./torture.ts): sales added, their statuses changed,
 * removed and restored, the list reordered, answered empty or unreadable, down, and for a while
 * larger than the trigger may remember. Every new sale and every status change comes exactly once.
 */
import type { IDataObject } from 'n8n-workflow';

import { memoryLimits } from '../../../nodes/shared/polling';
import { triggerFor } from './helpers';
import type { World } from './torture';
import { Burst, expectExactlyOnce, hourlyClock, POLLS, Removals, shuffle, torture, tortureSandbox, tortureSeed } from './torture';

const sandbox = tortureSandbox();

test('Collabor8 Loop Trigger: each new sale and each status change exactly once, through 2,000 polls of a hostile service', async () => {
	const seed = tortureSeed();
	memoryLimits.maxRemembered = 600;
	const loop = sandbox().state.loop;
	loop.replaceSales(57);
	const statuses = ['draft', 'published', 'reserved', 'sold', 'cancelled'];
	const removals = new Removals<(typeof loop.sales)[number]>();
	const burst = new Burst(POLLS);
	const remove = (id: string): void => {
		loop.sales.splice(
			loop.sales.findIndex((sale) => sale.id === id),
			1,
		);
	};
	const world: World = {
		service: 'collabor8Loop',
		listPath: '^/sales$',
		truth: () => new Map(loop.sales.map((sale) => [sale.id, sale.status])),
		tick(rng, poll) {
			burst.step(poll, rng, () => loop.addSale('Burst').id, remove, 650);
		},
		change(rng, poll) {
			const draw = rng();
			// Around 80 sales (one page): fewer are added once the list is longer.
			if (draw < (loop.sales.length > 80 ? 0.1 : 0.25)) loop.addSale(`Sale of poll ${poll}`, rng.pick(statuses));
			else if (draw < 0.6 && loop.sales.length > 0) rng.pick(loop.sales).status = rng.pick(statuses);
			else if (draw < 0.85 && loop.sales.length > 0) {
				const sale = rng.pick(loop.sales);
				remove(sale.id);
				removals.remove(sale, poll);
			} else if (draw < 0.9) {
				const sale = removals.restore(rng, poll);
				if (sale) {
					// Sometimes its status changed while it was not listed.
					if (rng.chance(0.3)) sale.status = rng.pick(statuses);
					loop.sales.push(sale);
				}
			} else shuffle(loop.sales, rng);
		},
		emptyAnswer: { data: [], page: 1, limit: 100 },
		unreadableAnswers: [{}, { message: 'Service in maintenance' }, { data: 'maintenance' }, 'html', 'invalidJson'],
		read: (event: IDataObject) => ({
			key: String(event.id),
			kind: event.event === 'newSale' ? 'new' : 'changed',
			value: String(event.status),
			previous: event.previousStatus === undefined ? undefined : String(event.previousStatus),
		}),
		expectedError: () => burst.expectedError(),
		beforePoll: hourlyClock(),
	};
	const trigger = triggerFor(sandbox(), 'loop', { events: ['newSale', 'saleStatusChanged'] });
	expectExactlyOnce('Loop', await torture(sandbox(), world, trigger, { seed, polls: POLLS }));
});
