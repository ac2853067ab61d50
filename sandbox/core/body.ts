/** Strict readers of request bodies: a body in the wrong encoding is refused as the service would. */
import type { IncomingHttpHeaders } from 'node:http';

export class BodyError extends Error {}

export function isJsonContentType(headers: IncomingHttpHeaders): boolean {
	return /^application\/(.+\+)?json\b/i.test(String(headers['content-type'] ?? ''));
}

/** Parses a JSON body; throws BodyError when the content type or the text is not JSON. */
export function readJson(headers: IncomingHttpHeaders, body: Buffer): unknown {
	if (!isJsonContentType(headers)) {
		throw new BodyError(`Unsupported content type "${headers['content-type'] ?? ''}"; expected application/json`);
	}
	try {
		return JSON.parse(body.toString('utf8'));
	} catch {
		throw new BodyError('The request body is not valid JSON');
	}
}

/** Parses an application/x-www-form-urlencoded body; throws BodyError for any other encoding. */
export function readForm(headers: IncomingHttpHeaders, body: Buffer): URLSearchParams {
	if (!/^application\/x-www-form-urlencoded\b/i.test(String(headers['content-type'] ?? ''))) {
		throw new BodyError(`Unsupported content type "${headers['content-type'] ?? ''}"; expected application/x-www-form-urlencoded`);
	}
	return new URLSearchParams(body.toString('utf8'));
}

export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

/** Splits a multipart/form-data body into its parts; throws BodyError for any other encoding. */
export function readMultipart(headers: IncomingHttpHeaders, body: Buffer): MultipartPart[] {
	const contentType = String(headers['content-type'] ?? '');
	const boundaryMatch = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!boundaryMatch) {
		throw new BodyError(`Unsupported content type "${contentType}"; expected multipart/form-data`);
	}
	const boundary = Buffer.from(`--${boundaryMatch[1] ?? boundaryMatch[2]}`);
	const parts: MultipartPart[] = [];
	let position = body.indexOf(boundary);
	while (position >= 0) {
		const start = position + boundary.length;
		if (body.subarray(start, start + 2).toString() === '--') break;
		const headerEnd = body.indexOf('\r\n\r\n', start);
		if (headerEnd < 0) throw new BodyError('Malformed multipart body');
		const next = body.indexOf(boundary, headerEnd);
		if (next < 0) throw new BodyError('Malformed multipart body: missing closing boundary');
		const rawHeaders = body.subarray(start + 2, headerEnd).toString('utf8');
		const data = body.subarray(headerEnd + 4, next - 2);
		const disposition = /content-disposition:[^\r\n]*/i.exec(rawHeaders)?.[0] ?? '';
		const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
		const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
		const partType = /content-type:\s*([^\r\n]+)/i.exec(rawHeaders)?.[1];
		parts.push({ name, filename, contentType: partType, data });
		position = next;
	}
	return parts;
}
