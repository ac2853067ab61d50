/** The "service down" rule on its own: same failure N times in a row, and what resets the count. */
import { SERVICE_DOWN_AFTER, ServiceHealth, serviceHealthFor } from '../../nodes/shared/serviceHealth';

const refused = { signature: 'ECONNREFUSED', message: 'Example could not be reached (ECONNREFUSED)' };
const unavailable = { signature: 'HTTP 503', message: 'Example: Service unavailable', httpCode: '503' };

test(`${SERVICE_DOWN_AFTER} failures of the same kind in a row make the service count as down`, () => {
	const health = new ServiceHealth();
	for (let failure = 1; failure < SERVICE_DOWN_AFTER; failure++) health.failed(refused);
	expect(health.down()).toBeUndefined();

	health.failed(refused);

	expect(health.down()).toEqual({ ...refused, count: SERVICE_DOWN_AFTER });
});

test('an answer that is not an outage starts the count again', () => {
	const health = new ServiceHealth();
	for (let failure = 1; failure < SERVICE_DOWN_AFTER; failure++) health.failed(refused);
	health.answered();
	for (let failure = 1; failure < SERVICE_DOWN_AFTER; failure++) health.failed(refused);

	expect(health.down()).toBeUndefined();
});

test('failures of different kinds do not add up', () => {
	const health = new ServiceHealth();
	for (let failure = 0; failure < SERVICE_DOWN_AFTER * 2; failure++) health.failed(failure % 2 === 0 ? refused : unavailable);

	expect(health.down()).toBeUndefined();
});

test('once down, the service stays down for the rest of the run, even if a late answer arrives', () => {
	const health = new ServiceHealth();
	for (let failure = 0; failure < SERVICE_DOWN_AFTER; failure++) health.failed(unavailable);
	health.answered();

	expect(health.down()?.signature).toBe('HTTP 503');
});

test('each run and each service has its own health', () => {
	const run = {};
	expect(serviceHealthFor(run, 'A')).toBe(serviceHealthFor(run, 'A'));
	expect(serviceHealthFor(run, 'A')).not.toBe(serviceHealthFor(run, 'B'));
	expect(serviceHealthFor({}, 'A')).not.toBe(serviceHealthFor(run, 'A'));
});
