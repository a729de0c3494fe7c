import type { AudioSource } from './audioSource';
import { sleep, type Faults, type Link } from './faults';

const PIECE = 64 * 1024;

/**
 * A response body over [start, end) of a source, read piece by piece: throttled to the bandwidth
 * cap, and cut off (an error, which resets the connection) after `dropAfterBytes` when asked.
 */
export function bodyStream(
  source: AudioSource,
  start: number,
  end: number,
  faults: Faults,
  link: Link,
  onBytes: (bytes: number) => void,
): ReadableStream<Uint8Array> {
  let at = start;
  let sent = 0;
  const began = Date.now();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (at >= end) {
        controller.close();
        return;
      }
      if (faults.dropAfterBytes !== undefined && sent >= faults.dropAfterBytes) {
        controller.error(new Error('connection dropped by fault injection'));
        return;
      }
      let size = Math.min(PIECE, end - at);
      if (faults.dropAfterBytes !== undefined) size = Math.min(size, faults.dropAfterBytes - sent);
      const piece = await source.read(at, at + size);
      if (faults.bandwidthBytesPerSecond) {
        const due = began + ((sent + size) / faults.bandwidthBytesPerSecond) * 1000;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
      }
      if (faults.linkBandwidthBytesPerSecond) await link.transmit(size, faults.linkBandwidthBytesPerSecond);
      at += size;
      sent += size;
      onBytes(size);
      controller.enqueue(piece);
    },
  });
}
