/**
 * A request body read as a stream, such as a large file, so that it is never held in memory whole.
 * To n8n's HTTP client it is a Blob: the client sends a Blob by reading its `stream()`, and
 * announces its `size` and `type` as Content-Length and Content-Type. `stream()` starts over on
 * every call, so a request sent again (a retry, the repeat after a refused token) sends it whole.
 */
export class StreamedBody extends Blob {
	constructor(
		contentType: string,
		contentLength: number,
		private readonly chunks: () => AsyncIterable<Uint8Array>,
	) {
		super([]);
		// Own properties: the Blob's own accessors would report the empty Blob underneath.
		Object.defineProperty(this, 'size', { value: contentLength, enumerable: true });
		Object.defineProperty(this, 'type', { value: contentType, enumerable: true });
	}

	override stream(): ReturnType<Blob['stream']> {
		const iterator = this.chunks()[Symbol.asyncIterator]();
		return new ReadableStream<Uint8Array>({
			async pull(controller) {
				const next = await iterator.next();
				if (next.done) controller.close();
				else controller.enqueue(next.value);
			},
			async cancel(reason) {
				await iterator.return?.(reason);
			},
		}) as ReturnType<Blob['stream']>;
	}
}
