import { parseInventions } from '../../sandbox';

describe('npm run sandbox -- --inventions', () => {
	test('"disagree" starts every service with its disagreeing preset', () => {
		expect(parseInventions(' disagree ')).toBe('disagree');
	});

	test('JSON by service sets single readings', () => {
		expect(parseInventions('{"loop": {"maxPageSize": 50}, "cegidLoop": {"loopHubMethod": "GET"}}')).toEqual({
			loop: { maxPageSize: 50 },
			cegidLoop: { loopHubMethod: 'GET' },
		});
	});

	test.each([
		['{"nope": {}}', /unknown service "nope"/],
		['{"loop": 5}', /"loop" must be an object of readings/],
		['{"loop": {"maxPageSize": {"n": 1}}}', /"loop.maxPageSize" must be text/],
		['[1]', /a JSON object by service/],
		['{oops', /"disagree" or JSON by service/],
	])('%s is refused with a reason', (text, reason) => {
		expect(() => parseInventions(text)).toThrow(reason);
	});
});
