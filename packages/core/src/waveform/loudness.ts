import { readSample } from '../peaks';
import { sampleFrames } from '../sampleFrames';
import type { WavHeader } from '../scanWavHeader';

/**
 * Loudness per bin of time, as a reader of a waveform needs it: the largest |sample| (the peak
 * envelope) and the energy (sum of squares) with the frame count, from which the RMS level follows.
 * One column of an hour-long overview is seconds of speech, whose loudest sample is always loud: the
 * RMS inside the peak envelope is what tells pauses, quiet speech and loud passages apart (Audacity
 * draws both the same way). Channels are mixed for the energy and taken at their loudest for the peak.
 */
export class LoudnessBins {
  readonly peak: Float32Array;
  readonly energy: Float64Array;
  readonly frames: Float64Array;

  constructor(readonly length: number) {
    this.peak = new Float32Array(length);
    this.energy = new Float64Array(length);
    this.frames = new Float64Array(length);
  }

  /** RMS of bin `i`, linear 0..1; 0 for a bin with no frames. */
  rms(i: number): number {
    const frames = this.frames[i] ?? 0;
    return frames > 0 ? Math.sqrt((this.energy[i] ?? 0) / frames) : 0;
  }

  has(i: number): boolean {
    return (this.frames[i] ?? 0) > 0;
  }
}

/**
 * Adds sample bytes that start `dataByteOffset` bytes into the data chunk to `bins`, where bin `b`
 * covers frames [`firstFrame + b * framesPerBin`, ...). Frames outside the bins are ignored; partial
 * frames at either end are skipped, so the bytes may start and end anywhere.
 */
export function addLoudness(
  bins: LoudnessBins,
  header: WavHeader,
  bytes: Uint8Array,
  dataByteOffset: number,
  firstFrame: number,
  framesPerBin: number,
): void {
  const { blockAlign, channels, bitsPerSample, encoding } = header;
  const slice = framesPerBin > 0 ? sampleFrames(header, bytes, dataByteOffset) : null;
  if (!slice) return;
  const { firstFrame: startFrame, frames, view, int16, bytesPerSample } = slice;
  // One bin's worth of frames at a time: the running values stay in locals.
  for (let frame = 0; frame < frames;) {
    const absolute = startFrame + frame;
    const bin = Math.floor((absolute - firstFrame) / framesPerBin);
    const binEnd = firstFrame + (bin + 1) * framesPerBin;
    const stop = Math.min(frames, Math.max(frame + 1, Math.ceil(binEnd) - startFrame));
    if (bin < 0 || bin >= bins.length) {
      frame = stop;
      continue;
    }
    let peak = 0;
    let energy = 0;
    if (int16) {
      for (let i = frame * channels, last = stop * channels; i < last; i += 1) {
        const value = (int16[i] as number) / 32768;
        const magnitude = value < 0 ? -value : value;
        if (magnitude > peak) peak = magnitude;
        energy += value * value;
      }
    } else {
      for (let f = frame; f < stop; f += 1) {
        for (let c = 0; c < channels; c += 1) {
          const value = readSample(view, f * blockAlign + c * bytesPerSample, bitsPerSample, encoding);
          const magnitude = Math.abs(value);
          if (magnitude > peak) peak = magnitude;
          energy += value * value;
        }
      }
    }
    if (peak > (bins.peak[bin] as number)) bins.peak[bin] = peak;
    bins.energy[bin] = (bins.energy[bin] as number) + energy / channels;
    bins.frames[bin] = (bins.frames[bin] as number) + (stop - frame);
    frame = stop;
  }
}
