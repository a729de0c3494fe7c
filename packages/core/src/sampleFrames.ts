import type { WavHeader } from './scanWavHeader';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The whole frames inside a slice of a WAV file's sample bytes, ready to read. */
export interface SampleFrames {
  /** The first whole frame's index in the data chunk. */
  firstFrame: number;
  frames: number;
  view: DataView;
  /** The samples as 16-bit integers when they are 16-bit PCM and line up: the usual, fast case. */
  int16: Int16Array | null;
  bytesPerSample: number;
}

/**
 * The whole frames of sample bytes that start `dataByteOffset` bytes into the data chunk: partial
 * frames at either end are skipped, so a Range read may start and end anywhere. At most `maxFrames`
 * frames; null when there are none.
 */
export function sampleFrames(
  header: WavHeader,
  bytes: Uint8Array,
  dataByteOffset: number,
  maxFrames = Number.POSITIVE_INFINITY,
): SampleFrames | null {
  const { blockAlign, channels, bitsPerSample, encoding } = header;
  const skip = (blockAlign - (dataByteOffset % blockAlign)) % blockAlign;
  const firstFrame = (dataByteOffset + skip) / blockAlign;
  const frames = Math.min(maxFrames, Math.floor(Math.max(0, bytes.byteLength - skip) / blockAlign));
  if (!(frames > 0)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset + skip, frames * blockAlign);
  const int16 =
    bitsPerSample === 16 && encoding === 'pcm' && LITTLE_ENDIAN && view.byteOffset % 2 === 0
      ? new Int16Array(view.buffer, view.byteOffset, frames * channels)
      : null;
  return { firstFrame, frames, view, int16, bytesPerSample: bitsPerSample / 8 };
}
