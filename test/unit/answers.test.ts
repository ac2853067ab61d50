/** What counts as a successful answer, whatever the status says. */
import { bodyExcerpt, decodeErrorBody, shorten } from '../../credentials/common/failures';
import { readAnswer } from '../../nodes/shared/answers';
import type { ExpectedAnswer, RawAnswer } from '../../nodes/shared/answers';

function answer(body: string | Buffer, contentType = 'application/json', status = 200, method = 'GET'): RawAnswer {
	return { status, method, contentType, body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8') };
}

const MAINTENANCE_PAGE = '<!DOCTYPE html><html><body><h1>Down for maintenance</h1></body></html>';

describe('where JSON is expected', () => {
	test('a JSON document is the answer, whatever content type it came with', () => {
		expect(readAnswer(answer('{"id":1}'), 'json')).toEqual({ ok: true, body: { id: 1 } });
		expect(readAnswer(answer('[{"id":1}]', 'text/plain'), 'json')).toEqual({ ok: true, body: [{ id: 1 }] });
		expect(readAnswer(answer('42'), 'json')).toEqual({ ok: true, body: 42 });
	});

	test('a maintenance page is refused, naming its content type', () => {
		expect(readAnswer(answer(MAINTENANCE_PAGE, 'text/html; charset=utf-8'), 'json')).toEqual({
			ok: false,
			problem: 'text/html where JSON was expected',
		});
	});

	test('plain text and broken JSON are refused', () => {
		expect(readAnswer(answer('OK', 'text/plain'), 'json')).toEqual({ ok: false, problem: 'text/plain where JSON was expected' });
		expect(readAnswer(answer('{"id":', 'application/json'), 'json')).toEqual({
			ok: false,
			problem: 'application/json where JSON was expected',
		});
		expect(readAnswer(answer('oops', ''), 'json')).toEqual({ ok: false, problem: 'no content type where JSON was expected' });
	});

	test('a JSON null is refused, for a write as for a read', () => {
		expect(readAnswer(answer('null'), 'json')).toEqual({ ok: false, problem: 'null where a JSON document was expected' });
		expect(readAnswer(answer(' null ', 'application/json', 200, 'POST'), 'jsonOrText')).toEqual({
			ok: false,
			problem: 'null where a JSON document was expected',
		});
	});

	test('a list whose entries are not objects is refused', () => {
		expect(readAnswer(answer('[{"a":1},"x"]'), 'json')).toEqual({
			ok: false,
			problem: 'a list whose entry 2 is a string where objects were expected',
		});
		expect(readAnswer(answer('[null]'), 'json')).toEqual({ ok: false, problem: 'a list whose entry 1 is null where objects were expected' });
	});

	test('an empty body is "no content" for a write or a 204, but not an answer to a read', () => {
		expect(readAnswer(answer('', '', 200, 'POST'), 'json')).toEqual({ ok: true, body: undefined });
		expect(readAnswer(answer('', '', 204, 'GET'), 'json')).toEqual({ ok: true, body: undefined });
		expect(readAnswer(answer('', '', 200, 'GET'), 'json')).toEqual({ ok: false, problem: 'an empty answer where JSON was expected' });
	});

	test('a byte-order mark does not hide the JSON', () => {
		expect(readAnswer(answer('\uFEFF{"a":1}'), 'json')).toEqual({ ok: true, body: { a: 1 } });
	});
});

describe('where JSON or a plain sentence is expected (Cegid updateClient)', () => {
	test('the sentence is the answer', () => {
		expect(readAnswer(answer("L'application est déjà affectée à l'interlocuteur.", 'text/plain; charset=utf-8', 200, 'POST'), 'jsonOrText')).toEqual({
			ok: true,
			body: "L'application est déjà affectée à l'interlocuteur.",
		});
	});

	test('JSON is still JSON', () => {
		expect(readAnswer(answer('{"interloc":{}}'), 'jsonOrText')).toEqual({ ok: true, body: { interloc: {} } });
	});

	test('an HTML page is never a sentence', () => {
		expect(readAnswer(answer(MAINTENANCE_PAGE, 'text/plain', 200, 'POST'), 'jsonOrText')).toEqual({
			ok: false,
			problem: 'text/plain where JSON or plain text was expected',
		});
	});
});

describe('where a file is expected', () => {
	test('the bytes are the answer', () => {
		const bytes = Buffer.from([0xff, 0xd8, 0xff]);
		expect(readAnswer(answer(bytes, 'image/jpeg'), 'binary')).toEqual({ ok: true, body: bytes });
	});

	test('an HTML page is not a file', () => {
		expect(readAnswer(answer(MAINTENANCE_PAGE, 'text/html'), 'binary' as ExpectedAnswer).ok).toBe(false);
	});
});

describe('error bodies and quotes', () => {
	test('an error body is its JSON, or its text', () => {
		expect(decodeErrorBody(Buffer.from('{"message":"x"}'))).toEqual({ message: 'x' });
		expect(decodeErrorBody(Buffer.from('  Bad gateway \n'))).toBe('Bad gateway');
		expect(decodeErrorBody(Buffer.alloc(0))).toBeUndefined();
	});

	test('a long text is cut to the limit on one line, and marked', () => {
		const cut = shorten(`${'a'.repeat(500)}\n\nb`, 300);
		expect(cut).toHaveLength(300);
		expect(cut.endsWith('…')).toBe(true);
		expect(shorten('short\ntext', 300)).toBe('short text');
	});

	test('an excerpt of a megabyte body reads only its beginning', () => {
		expect(bodyExcerpt(Buffer.from('x'.repeat(2_000_000)), 200)).toHaveLength(200);
	});
});
