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

/**
 * Bytes of the file at `offset`, `length` long, or null when they have not been read (yet). The
 * scanner asks for no more than it needs, so the caller can fetch exactly those.
 */
export type ReadAt = (offset: number, length: number) => DataView | null;

/** Either the header, or the bytes the scanner needs before it can go on. */
export type WavHeaderScan =
  { header: WavHeader; need?: undefined } | { header?: undefined; need: { offset: number; length: number } };

type WavFormat = Pick<WavHeader, 'encoding' | 'channels' | 'sampleRate' | 'bitsPerSample' | 'blockAlign'>;

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;
const UNKNOWN_SIZE = 0xffffffff;
/** A header that does not reach `data` within this many chunks is not one we will walk. */
const MAX_CHUNKS = 64;

/**
 * Walks a RIFF/WAVE (or RF64) chunk list up to the `data` chunk over whatever bytes `at` has,
 * returning the header or the next bytes it needs: the `data` chunk of a file with a large `LIST`
 * or `bext` chunk in front can start well past a first read. Malformed input throws
 * `WavFormatError`; the walk is bounded by `MAX_CHUNKS` and always moves forward, so it cannot loop.
 *
 * `totalBytes` (the file's length, when known) bounds the data: a `data` size of 0 or 0xFFFFFFFF
 * (files written while streaming) runs to the end of the file, and a size past the end is trimmed.
 */
export function scanWavHeader(at: ReadAt, totalBytes?: number): WavHeaderScan {
  const need = (offset: number, length: number): WavHeaderScan => {
    if (totalBytes !== undefined && offset + length > totalBytes) {
      throw new WavFormatError('WAV header is cut short before the data chunk');
    }
    return { need: { offset, length } };
  };
  const riff = at(0, 12);
  if (!riff) return need(0, 12);
  const kind = fourCC(riff, 0);
  if (kind !== 'RIFF' && kind !== 'RF64') throw new WavFormatError('Not a WAV file (no RIFF signature)');
  if (fourCC(riff, 8) !== 'WAVE') throw new WavFormatError('Not a WAV file (RIFF type is not WAVE)');
  // RF64 files keep their true sizes in a `ds64` chunk; RIFF files may at least say their own length.
  let dataSize64: number | null = null;
  const riffSize = riff.getUint32(4, true);
  const riffEnd = kind === 'RIFF' && riffSize !== 0 && riffSize !== UNKNOWN_SIZE ? riffSize + 8 : null;

  let offset = 12;
  let format: WavFormat | null = null;
  for (let chunks = 0; chunks < MAX_CHUNKS; chunks += 1) {
    const chunk = at(offset, 8);
    if (!chunk) return need(offset, 8);
    const id = fourCC(chunk, 0);
    const size = chunk.getUint32(4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16) throw new WavFormatError('WAV fmt chunk is too short');
      const length = Math.min(size, 40);
      const fmt = at(body, length);
      if (!fmt) return need(body, length);
      format = readFormat(fmt, size);
    } else if (id === 'ds64' && kind === 'RF64') {
      const ds64 = at(body, 24);
      if (!ds64) return need(body, 24);
      dataSize64 = ds64.getUint32(8, true) + ds64.getUint32(12, true) * 2 ** 32;
    } else if (id === 'data') {
      if (!format) throw new WavFormatError('WAV data chunk comes before its fmt chunk');
      return { header: dataHeader(format, body, size, dataSize64, totalBytes, riffEnd) };
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError('WAV header has too many chunks before the data chunk');
}

function dataHeader(
  format: WavFormat,
  dataOffset: number,
  size: number,
  size64: number | null,
  fileEnd: number | undefined,
  riffEnd: number | null,
): WavHeader {
  const after = (end: number | null | undefined) =>
    typeof end === 'number' && end >= dataOffset ? end - dataOffset : null;
  const available = after(fileEnd);
  // 0 and 0xFFFFFFFF mean "unknown, to the end of the file" (RF64: see ds64); a size past the end is
  // trimmed. The RIFF length only stands in for an unknown file length: writers often leave it stale.
  let dataBytes = size === UNKNOWN_SIZE && size64 !== null ? size64 : size;
  if (dataBytes === 0 || dataBytes === UNKNOWN_SIZE) dataBytes = available ?? after(riffEnd) ?? 0;
  if (available !== null) dataBytes = Math.min(dataBytes, available);
  dataBytes -= dataBytes % format.blockAlign;
  const bytesPerSecond = format.sampleRate * format.blockAlign;
  return { ...format, dataOffset, dataBytes, durationSeconds: dataBytes / bytesPerSecond };
}

function readFormat(view: DataView, size: number): WavFormat {
  let tag = view.getUint16(0, true);
  const channels = view.getUint16(2, true);
  const sampleRate = view.getUint32(4, true);
  const blockAlign = view.getUint16(12, true);
  const bitsPerSample = view.getUint16(14, true);
  if (tag === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40 || view.byteLength < 26) throw new WavFormatError('WAV extensible fmt chunk is too short');
    // The sub-format GUID starts with the plain format tag.
    tag = view.getUint16(24, true);
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

function fourCC(view: DataView, at: number): string {
  return String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );
}
