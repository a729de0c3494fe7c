import { WavFormatError } from './errors';

export interface WavHeader {
  encoding: 'pcm' | 'float';
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Bytes per frame (all channels of one sample). */
  blockAlign: number;
  /** Offset of the first sample byte in the file. */
  dataOffset: number;
  /** Length of the sample data in bytes, whole frames only. */
  dataBytes: number;
  durationSeconds: number;
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
/** A header that does not reach `data` within this many chunks is not one we will walk. */
const MAX_CHUNKS = 64;

/**
 * Reads a RIFF/WAVE header from the first bytes of a file (the whole file is not needed: a Range
 * request for the first 64 KiB is typical). Handles integer PCM of 8/16/24/32 bits and 32-bit float,
 * any channel count and rate, `WAVE_FORMAT_EXTENSIBLE`, chunks such as `LIST` or `fact` before
 * `data`, odd chunk sizes (padded to even), and a `data` size of 0 or 0xFFFFFFFF from files written
 * while streaming, where the data runs to the end of the file (`totalBytes`). Anything else throws
 * `WavFormatError`; the walk is bounded, so hostile input cannot make it loop.
 */
export function parseWavHeader(bytes: ArrayBuffer | ArrayBufferView, totalBytes?: number): WavHeader {
  const view = toView(bytes);
  if (view.byteLength < 12) throw new WavFormatError('Too few bytes for a WAV header');
  const riff = fourCC(view, 0);
  if (riff !== 'RIFF' && riff !== 'RF64') throw new WavFormatError('Not a WAV file (no RIFF signature)');
  if (fourCC(view, 8) !== 'WAVE') throw new WavFormatError('Not a WAV file (RIFF type is not WAVE)');

  let offset = 12;
  let format: Omit<WavHeader, 'dataOffset' | 'dataBytes' | 'durationSeconds'> | null = null;
  for (let chunks = 0; chunks < MAX_CHUNKS; chunks += 1) {
    if (offset + 8 > view.byteLength)
      throw new WavFormatError('WAV header is cut short before the data chunk');
    const id = fourCC(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > view.byteLength) throw new WavFormatError('WAV fmt chunk is too short');
      format = readFormat(view, body, size);
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('WAV data chunk comes before its fmt chunk');
      const available = totalBytes !== undefined && totalBytes >= body ? totalBytes - body : null;
      // 0 and 0xFFFFFFFF mean "unknown, to the end of the file"; a declared size past the end is trimmed.
      let dataBytes = size === 0 || size === 0xffffffff ? (available ?? 0) : size;
      if (available !== null) dataBytes = Math.min(dataBytes, available);
      dataBytes -= dataBytes % format.blockAlign;
      const bytesPerSecond = format.sampleRate * format.blockAlign;
      return { ...format, dataOffset: body, dataBytes, durationSeconds: dataBytes / bytesPerSecond };
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError('WAV header has too many chunks before the data chunk');
}

function readFormat(view: DataView, at: number, size: number) {
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (tag === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40 || at + 26 > view.byteLength)
      throw new WavFormatError('WAV extensible fmt chunk is too short');
    // The sub-format GUID starts with the plain format tag.
    tag = view.getUint16(at + 24, true);
  }
  let encoding: 'pcm' | 'float';
  if (tag === WAVE_FORMAT_PCM && [8, 16, 24, 32].includes(bitsPerSample)) encoding = 'pcm';
  else if (tag === WAVE_FORMAT_IEEE_FLOAT && bitsPerSample === 32) encoding = 'float';
  else throw new WavFormatError(`Unsupported WAV encoding (format ${tag}, ${bitsPerSample} bits)`);
  if (channels < 1 || channels > 32) throw new WavFormatError(`Unsupported WAV channel count ${channels}`);
  if (sampleRate < 1 || sampleRate > 1_536_000)
    throw new WavFormatError(`Unsupported WAV sample rate ${sampleRate}`);
  if (blockAlign !== channels * (bitsPerSample / 8)) {
    throw new WavFormatError('WAV block size does not match its channels and sample size');
  }
  return { encoding, channels, sampleRate, bitsPerSample, blockAlign };
}

function toView(bytes: ArrayBuffer | ArrayBufferView): DataView {
  return bytes instanceof ArrayBuffer
    ? new DataView(bytes)
    : new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function fourCC(view: DataView, at: number): string {
  return String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );
}
