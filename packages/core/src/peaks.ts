import type { WavHeader } from './parseWavHeader';

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
    const skip = (blockAlign - (dataByteOffset % blockAlign)) % blockAlign;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const bytesPerSample = bitsPerSample / 8;
    let frame = (dataByteOffset + skip) / blockAlign;
    const limit = Math.min(this.totalFrames, frame + Math.floor((bytes.byteLength - skip) / blockAlign));
    for (let at = skip; frame < limit; frame += 1, at += blockAlign) {
      const bucket = this.bucketOf(frame);
      for (let c = 0; c < channels; c += 1) {
        const value = readSample(view, at + c * bytesPerSample, bitsPerSample, encoding);
        const mins = this.min[c] as Float32Array;
        const maxs = this.max[c] as Float32Array;
        if (value < (mins[bucket] as number)) mins[bucket] = value;
        if (value > (maxs[bucket] as number)) maxs[bucket] = value;
      }
    }
  }

  filled(bucket: number): boolean {
    return (this.max[0]?.[bucket] ?? Number.NEGATIVE_INFINITY) >= (this.min[0]?.[bucket] ?? 0);
  }

  /**
   * One peak per bucket and channel, as wavesurfer takes them (values in [0, 1]). Buckets not yet
   * reached borrow the nearest filled bucket's peak, so a sparse overview still spans the full width.
   */
  toPeaks(): Float32Array[] {
    return this.min.map((mins, c) => {
      const maxs = this.max[c] ?? mins;
      const out = new Float32Array(this.buckets);
      let last = -1;
      for (let b = 0; b < this.buckets; b += 1) {
        const lo = mins[b] ?? 0;
        const hi = maxs[b] ?? 0;
        if (hi < lo) continue;
        const peak = Math.min(1, Math.max(Math.abs(lo), Math.abs(hi)));
        out[b] = peak;
        // Fill the gap since the last filled bucket: its first half from the left, the rest from here.
        const left = last >= 0 ? (out[last] ?? 0) : peak;
        for (let g = last + 1; g < b; g += 1) out[g] = g - last <= b - g ? left : peak;
        last = b;
      }
      if (last >= 0) out.fill(out[last] ?? 0, last + 1);
      return out;
    });
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

/** Exact peaks of a whole file already in memory (a downloaded recording). */
export function peaksFromWav(bytes: ArrayBuffer, header: WavHeader, buckets: number): ExactPeaks {
  const accumulator = new PeakAccumulator(header, buckets);
  const end = Math.min(bytes.byteLength, header.dataOffset + header.dataBytes);
  accumulator.add(new Uint8Array(bytes, header.dataOffset, Math.max(0, end - header.dataOffset)), 0);
  return {
    header,
    peaks: accumulator.toPeaks(),
    min: accumulator.min.map((m) => m.map((v) => (Number.isFinite(v) ? v : 0))),
    max: accumulator.max.map((m) => m.map((v) => (Number.isFinite(v) ? v : 0))),
  };
}
