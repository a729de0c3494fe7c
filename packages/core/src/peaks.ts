import { sampleFrames } from './sampleFrames';
import type { WavHeader } from './scanWavHeader';

/**
 * Min/max per bucket for each channel, over a whole file's frames. Buckets start empty (min +Inf,
 * max -Inf) and fill as sample bytes are added from anywhere in the file, in any order: the progressive
 * overview adds scattered slices first, then everything else.
 */
export class PeakAccumulator {
  readonly buckets: number;
  readonly channels: number;
  readonly min: Float32Array[];
  readonly max: Float32Array[];
  private readonly totalFrames: number;
  private readonly header: WavHeader;

  constructor(header: WavHeader, buckets: number) {
    if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError('buckets must be a positive integer');
    this.header = header;
    this.buckets = buckets;
    this.channels = header.channels;
    this.totalFrames = Math.max(1, Math.floor(header.dataBytes / header.blockAlign));
    this.min = Array.from({ length: header.channels }, () =>
      new Float32Array(buckets).fill(Number.POSITIVE_INFINITY),
    );
    this.max = Array.from({ length: header.channels }, () =>
      new Float32Array(buckets).fill(Number.NEGATIVE_INFINITY),
    );
  }

  /** Bucket a frame index falls in. */
  bucketOf(frame: number): number {
    return Math.min(this.buckets - 1, Math.floor((frame * this.buckets) / this.totalFrames));
  }

  /** First frame of a bucket. */
  frameOf(bucket: number): number {
    return Math.ceil((bucket * this.totalFrames) / this.buckets);
  }

  /**
   * Adds sample bytes that start at `dataByteOffset` into the data chunk. Partial frames at either end
   * are skipped, so slices may start and end anywhere.
   */
  add(bytes: Uint8Array, dataByteOffset: number): void {
    const { blockAlign, channels, bitsPerSample, encoding } = this.header;
    const slice = sampleFrames(this.header, bytes, dataByteOffset);
    if (!slice) return;
    const { firstFrame, view, int16, bytesPerSample } = slice;
    const frames = Math.min(this.totalFrames - firstFrame, slice.frames);
    if (frames <= 0) return;
    // One bucket's worth of frames at a time: the min/max stay in locals, written once per bucket.
    for (let frame = 0; frame < frames;) {
      const bucket = this.bucketOf(firstFrame + frame);
      const end = Math.min(frames, this.frameOf(bucket + 1) - firstFrame);
      const stop = end > frame ? end : frame + 1;
      for (let c = 0; c < channels; c += 1) {
        let lo = Number.POSITIVE_INFINITY;
        let hi = Number.NEGATIVE_INFINITY;
        if (int16) {
          for (let i = frame * channels + c, last = stop * channels; i < last; i += channels) {
            const value = (int16[i] as number) / 32768;
            if (value < lo) lo = value;
            if (value > hi) hi = value;
          }
        } else {
          for (let f = frame; f < stop; f += 1) {
            const value = readSample(view, f * blockAlign + c * bytesPerSample, bitsPerSample, encoding);
            if (value < lo) lo = value;
            if (value > hi) hi = value;
          }
        }
        const mins = this.min[c] as Float32Array;
        const maxs = this.max[c] as Float32Array;
        if (lo < (mins[bucket] as number)) mins[bucket] = lo;
        if (hi > (maxs[bucket] as number)) maxs[bucket] = hi;
      }
      frame = stop;
    }
  }

  filled(bucket: number): boolean {
    return (this.max[0]?.[bucket] ?? Number.NEGATIVE_INFINITY) >= (this.min[0]?.[bucket] ?? 0);
  }

  /** How many buckets hold measured (not borrowed) values. */
  filledCount(): number {
    let count = 0;
    for (let b = 0; b < this.buckets; b += 1) if (this.filled(b)) count += 1;
    return count;
  }

  /**
   * One peak per bucket and channel, as wavesurfer takes them (values in [0, 1]). Buckets not yet
   * reached borrow the nearest filled bucket's values, so a sparse overview still spans the full width.
   */
  toPeaks(): Float32Array[] {
    const source = this.nearestFilled();
    return this.min.map((mins, c) => {
      const maxs = this.max[c] ?? mins;
      const out = new Float32Array(this.buckets);
      for (let b = 0; b < this.buckets; b += 1) {
        const from = source[b] ?? -1;
        if (from >= 0) out[b] = Math.min(1, Math.max(Math.abs(mins[from] ?? 0), Math.abs(maxs[from] ?? 0)));
      }
      return out;
    });
  }

  /** Min and max per bucket and channel (values in [-1, 1], min <= max), gaps filled like `toPeaks`. */
  toMinMax(): { min: Float32Array[]; max: Float32Array[] } {
    const source = this.nearestFilled();
    const fill = (values: Float32Array) => {
      const out = new Float32Array(this.buckets);
      for (let b = 0; b < this.buckets; b += 1) {
        const from = source[b] ?? -1;
        if (from >= 0) out[b] = values[from] ?? 0;
      }
      return out;
    };
    return { min: this.min.map(fill), max: this.max.map(fill) };
  }

  /** For each bucket, itself when filled, else the nearest filled bucket (the left one on a tie), or -1. */
  private nearestFilled(): Int32Array {
    const source = new Int32Array(this.buckets).fill(-1);
    let last = -1;
    for (let b = 0; b < this.buckets; b += 1) {
      if (!this.filled(b)) continue;
      source[b] = b;
      for (let g = last + 1; g < b; g += 1) source[g] = last >= 0 && g - last <= b - g ? last : b;
      last = b;
    }
    if (last >= 0) source.fill(last, last + 1);
    return source;
  }
}

/** A sample as a number in [-1, 1]; float samples outside it (they occur) are clamped. */
export function readSample(view: DataView, at: number, bits: number, encoding: 'pcm' | 'float'): number {
  if (encoding === 'float') {
    const value = view.getFloat32(at, true);
    return Number.isFinite(value) ? Math.max(-1, Math.min(1, value)) : 0;
  }
  switch (bits) {
    case 8:
      return (view.getUint8(at) - 128) / 128;
    case 16:
      return view.getInt16(at, true) / 32768;
    case 24: {
      const low = view.getUint16(at, true);
      const high = view.getInt8(at + 2);
      return ((high << 16) | low) / 8388608;
    }
    default:
      return view.getInt32(at, true) / 2147483648;
  }
}

export interface ExactPeaks {
  header: WavHeader;
  /** One peak array per channel, values in [0, 1]. */
  peaks: Float32Array[];
  /** Per channel: min and max per bucket, values in [-1, 1]. */
  min: Float32Array[];
  max: Float32Array[];
}

/** Exact peaks of a whole file already in memory, in one go (see `peaksFromFile` for big files). */
export function peaksFromWav(
  bytes: ArrayBuffer | ArrayBufferView,
  header: WavHeader,
  buckets: number,
): ExactPeaks {
  const all = ArrayBuffer.isView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
  const accumulator = new PeakAccumulator(header, buckets);
  const end = Math.min(all.byteLength, header.dataOffset + header.dataBytes);
  accumulator.add(all.subarray(Math.min(header.dataOffset, end), end), 0);
  return { header, peaks: accumulator.toPeaks(), ...accumulator.toMinMax() };
}
