import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { retryClock } from '../../../nodes/shared/retry';
import { triggerFor } from './helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});

afterAll(async () => await sandbox.close());

beforeEach(() => sandbox.server.reset());

const codes = (events: Array<Record<string, unknown>>): unknown[] => events.map((event) => event.codeIbs);

describe('Cegid Loop Trigger: a new client folder linked to the application key', () => {
	test('the first activation starts from now; a folder linked later is delivered once', async () => {
		const trigger = triggerFor(sandbox, 'cegidLoop');

		const first = await trigger.poll();
		expect(first.error).toBeUndefined();
		expect(first.events).toEqual([]);

		sandbox.state.cegidLoop.linkFolder('NOUVEAU01', 'Nouveau Client SARL');
		const second = await trigger.poll();
		expect(second.events).toEqual([
			expect.objectContaining({ event: 'folderLinked', codeIbs: 'NOUVEAU01', raisonSociale: 'Nouveau Client SARL' }),
		]);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test("the credential's LoopHub Address and Method reach the trigger too", async () => {
		const trigger = triggerFor(sandbox, 'cegidLoop', {}, { overrideApiAddresses: true, loopHubPath: '/loophub/folders', loopHubMethod: 'GET' });

		await trigger.poll();

		const calls = sandbox.server.requests({ service: 'cegidLoop' });
		expect(calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /loophub/folders']);
	});

	test('a restart of n8n neither repeats a delivered folder nor loses one linked while it was down', async () => {
		const trigger = triggerFor(sandbox, 'cegidLoop');
		await trigger.poll();
		sandbox.state.cegidLoop.linkFolder('AVANT001');
		expect(codes((await trigger.poll()).events)).toEqual(['AVANT001']);

		trigger.restart();
		sandbox.state.cegidLoop.linkFolder('PENDANT01');
		expect(codes((await trigger.poll()).events)).toEqual(['PENDANT01']);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('while the service is down the poll fails and remembers nothing; afterwards the folder comes once', async () => {
		jest.spyOn(retryClock, 'sleep').mockResolvedValue(undefined);
		const trigger = triggerFor(sandbox, 'cegidLoop');
		await trigger.poll();
		const before = trigger.memory;

		sandbox.server.addFault({ service: 'cegidLoop', kind: 'status', status: 503, times: 100 });
		sandbox.state.cegidLoop.linkFolder('PANNE001');
		const down = await trigger.poll();
		expect(down.error?.message).toMatch(/Cegid Loop/);
		expect(trigger.memory).toEqual(before);

		sandbox.server.clearFaults();
		expect(codes((await trigger.poll()).events)).toEqual(['PANNE001']);
		expect((await trigger.poll()).events).toEqual([]);
		jest.restoreAllMocks();
	});

	test('"Include Already Linked Folders" delivers the folders already there, once', async () => {
		const trigger = triggerFor(sandbox, 'cegidLoop', { includeExisting: true });

		expect(codes((await trigger.poll()).events)).toEqual(['044212', 'MANON001', 'MANON004', 'CEGID003']);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('a folder unlinked and linked again is not delivered again', async () => {
		const trigger = triggerFor(sandbox, 'cegidLoop');
		await trigger.poll();
		const folder = sandbox.state.cegidLoop.folders.get('MANON004')!;
		sandbox.state.cegidLoop.folders.delete('MANON004');
		expect((await trigger.poll()).events).toEqual([]);

		sandbox.state.cegidLoop.folders.set('MANON004', folder);
		expect((await trigger.poll()).events).toEqual([]);
	});

	test('Fetch Test Event returns one real folder and leaves the memory alone', async () => {
		const trigger = triggerFor(sandbox, 'cegidLoop');

		const manual = await trigger.poll('manual');
		expect(manual.events).toEqual([expect.objectContaining({ event: 'folderLinked', codeIbs: 'CEGID003' })]);
		expect(trigger.memory).toEqual({});
	});

	test('Fetch Test Event without any folder says there is none yet', async () => {
		sandbox.state.cegidLoop.folders.clear();
		const trigger = triggerFor(sandbox, 'cegidLoop');

		const manual = await trigger.poll('manual');
		expect(manual.error?.message).toBe('No client folder is linked to this application key yet');
	});
});
