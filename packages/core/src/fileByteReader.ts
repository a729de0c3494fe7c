import { OverviewStop, type ByteReader } from './byteReader';

/** A recording already in memory: a downloaded Blob, an ArrayBuffer, or a view of one. */
export type PeakFile = Blob | ArrayBuffer | ArrayBufferView;

/**
 * Reads a file in memory. Each read yields to the event loop first, so an overview running on the
 * main thread (no Worker) leaves room for rendering and input between blocks.
 */
export function fileByteReader(file: PeakFile): ByteReader {
  const blob = isBlob(file) ? file : null;
  const bytes = blob
    ? null
    : ArrayBuffer.isView(file)
      ? new Uint8Array(file.buffer, file.byteOffset, file.byteLength)
      : new Uint8Array(file as ArrayBuffer);
  const size = blob ? blob.size : (bytes?.byteLength ?? 0);
  let bytesRead = 0;
  let cancelled = false;
  return {
    remote: false,
    get bytesRead() {
      return bytesRead;
    },
    async read(start, end) {
      const from = Math.min(start, size);
      const to = Math.max(from, Math.min(end, size));
      let out: Uint8Array;
      if (bytes) {
        await yieldToEventLoop();
        out = bytes.subarray(from, to);
      } else {
        out = new Uint8Array(await (blob as Blob).slice(from, to).arrayBuffer());
      }
      if (cancelled) throw new OverviewStop('cancelled');
      bytesRead += out.byteLength;
      return { bytes: out, total: size, ended: from >= size };
    },
    cancel() {
      cancelled = true;
    },
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** By shape, not `instanceof`: buffers and Blobs from another realm (an iframe, a worker) are common. */
export function isBlob(file: PeakFile): file is Blob {
  return !ArrayBuffer.isView(file) && typeof (file as Blob).arrayBuffer === 'function' && 'size' in file;
}
