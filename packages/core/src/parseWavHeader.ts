import { WavFormatError } from './errors';
import { scanWavHeader, type WavHeader } from './scanWavHeader';

export type { WavHeader } from './scanWavHeader';

/**
 * Reads a RIFF/WAVE header from the first bytes of a file (the whole file is not needed: a Range
 * request for the first 64 KiB is typical). Handles integer PCM of 8/16/24/32 bits and 32-bit float,
 * any channel count and rate, `WAVE_FORMAT_EXTENSIBLE`, RF64, chunks such as `LIST` or `fact` before
 * `data`, odd chunk sizes (padded to even), and a `data` size of 0 or 0xFFFFFFFF from files written
 * while streaming, where the data runs to the end of the file (`totalBytes`; without it, the length
 * the RIFF header declares). Non-WAV or truncated input throws `WavFormatError`, never loops.
 */
export function parseWavHeader(bytes: ArrayBuffer | ArrayBufferView, totalBytes?: number): WavHeader {
  // isView, not instanceof ArrayBuffer: a buffer from another realm (an iframe, a worker) is no instance.
  const view = ArrayBuffer.isView(bytes)
    ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new DataView(bytes);
  const at = (offset: number, length: number) =>
    offset + length <= view.byteLength ? new DataView(view.buffer, view.byteOffset + offset, length) : null;
  const scan = scanWavHeader(at, totalBytes);
  if (scan.header) return scan.header;
  if (scan.need.offset === 0) throw new WavFormatError('Too few bytes for a WAV header');
  throw new WavFormatError('WAV header is cut short before the data chunk');
}
