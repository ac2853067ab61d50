/**
 * One file as a multipart/form-data body (RFC 7578), streamed: the part's header, the file's bytes
 * as they are read, and the closing boundary. The file is never copied into memory whole, so a
 * 50 MB import costs about the same memory as a small one.
 */
import { randomBytes } from 'node:crypto';

import { ApplicationError } from 'n8n-workflow';

import { StreamedBody } from '../../shared/streamedBody';

export interface FileToSend {
	fileName: string;
	mimeType: string;
	/** The file's size in bytes, announced before it is read. */
	size: number;
	/** Opens the file's bytes; called once per attempt. */
	open(): Promise<AsyncIterable<Buffer> | Iterable<Buffer>>;
}

/** As browsers encode names in form data (WHATWG HTML, "multipart/form-data encoding algorithm"). */
function escapeName(name: string): string {
	return name.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

export function multipartFileBody(field: string, file: FileToSend): StreamedBody {
	const boundary = `----n8nFormBoundary${randomBytes(12).toString('hex')}`;
	const head = Buffer.from(
		`--${boundary}\r\n` +
			`Content-Disposition: form-data; name="${escapeName(field)}"; filename="${escapeName(file.fileName)}"\r\n` +
			`Content-Type: ${file.mimeType.replace(/[\r\n]/g, '')}\r\n\r\n`,
		'utf8',
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');

	async function* parts(): AsyncGenerator<Buffer> {
		yield head;
		let sent = 0;
		for await (const chunk of await file.open()) {
			sent += chunk.length;
			yield chunk;
		}
		// The announced length is already on its way: a file that changed size would corrupt the upload.
		if (sent !== file.size) {
			throw new ApplicationError(`The file has ${sent} bytes, not the ${file.size} announced`);
		}
		yield tail;
	}

	return new StreamedBody(`multipart/form-data; boundary=${boundary}`, head.length + file.size + tail.length, parts);
}
