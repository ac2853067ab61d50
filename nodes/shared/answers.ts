/**
 * What counts as an answer. A 2xx status alone proves little: a gateway in maintenance, a captive
 * proxy or a misrouted Base URL answers 200 with an HTML page. So the request door reads every
 * body itself (as bytes) and checks it against what the operation expects before it is data.
 */
import { decodeText } from '../../credentials/common/failures';
import { isSafeMethod } from './retry';

/**
 * What an operation expects from a successful call:
 * - `json` (the default): a JSON document; a top-level list must hold objects;
 * - `jsonOrText`: JSON, or a plain-text sentence, for the calls whose guide shows both;
 * - `text`: plain text as it comes;
 * - `binary`: a file, as bytes.
 * An HTML page is never what an operation expects.
 */
export type ExpectedAnswer = 'json' | 'jsonOrText' | 'text' | 'binary';

export interface RawAnswer {
	status: number;
	method: string;
	/** The Content-Type header, or '' when there is none. */
	contentType: string;
	body: Buffer;
}

export type AnswerReading = { ok: true; body: unknown } | { ok: false; problem: string };

/** The part of a Content-Type before its parameters, lower case. */
export function mimeTypeOf(contentType: string | undefined): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function describeContentType(contentType: string | undefined): string {
	const mime = mimeTypeOf(contentType);
	return mime === '' ? 'no content type' : mime;
}

function looksLikeMarkup(contentType: string, text: string): boolean {
	return /html|xml/.test(mimeTypeOf(contentType)) || text.trimStart().startsWith('<');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function typeName(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/** The position (0-based) of the first entry of a list that is not a JSON object, or -1. */
export function firstNonObjectEntry(list: readonly unknown[]): number {
	return list.findIndex((entry) => entry === null || typeof entry !== 'object' || Array.isArray(entry));
}

/** Why a list cannot be output as items, or undefined when every entry is an object. */
export function problemWithList(list: readonly unknown[]): string | undefined {
	const index = firstNonObjectEntry(list);
	if (index === -1) return undefined;
	return `a list whose entry ${index + 1} is ${typeName(list[index])} where objects were expected`;
}

/**
 * Checks a successful answer against what the operation expects. An empty body is "no content"
 * for a write or a 204; a read that answers nothing at all is refused, since the user asked for data.
 */
export function readAnswer(answer: RawAnswer, expect: ExpectedAnswer): AnswerReading {
	const { contentType } = answer;
	const kind = describeContentType(contentType);
	if (expect === 'binary') {
		if (/html/.test(mimeTypeOf(contentType))) return { ok: false, problem: `${kind} where a file was expected` };
		return { ok: true, body: answer.body };
	}
	const text = decodeText(answer.body);
	if (expect === 'text') {
		if (looksLikeMarkup(contentType, text)) return { ok: false, problem: `${kind} where plain text was expected` };
		return { ok: true, body: text };
	}
	if (text.trim() === '') {
		if (answer.status === 204 || answer.status === 205 || !isSafeMethod(answer.method)) return { ok: true, body: undefined };
		return { ok: false, problem: 'an empty answer where JSON was expected' };
	}
	const parsed = parseJson(text);
	if (parsed.ok) {
		// `null` is valid JSON but no service answers it for something done or found: taking it as
		// success would report a write that may never have happened.
		if (parsed.value === null) return { ok: false, problem: 'null where a JSON document was expected' };
		if (Array.isArray(parsed.value)) {
			const problem = problemWithList(parsed.value);
			if (problem) return { ok: false, problem };
		}
		return { ok: true, body: parsed.value };
	}
	if (expect === 'jsonOrText' && !looksLikeMarkup(contentType, text)) return { ok: true, body: text };
	return {
		ok: false,
		problem: `${kind} where ${expect === 'jsonOrText' ? 'JSON or plain text' : 'JSON'} was expected`,
	};
}

