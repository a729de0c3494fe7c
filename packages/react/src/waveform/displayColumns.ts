import { ColumnQuality, type WaveformDetail } from '@ambient-audio/core';
import { loudnessHeight } from './loudnessScale';

/** What the player draws on: loudness over the whole recording, as wavesurfer takes it. */
export interface WaveformLoudness {
  /** Seconds. */
  duration: number;
  /** Largest |sample| per column, linear 0..1. */
  peak: ArrayLike<number>;
  /** RMS level per column, linear 0..1; without it the peaks alone are drawn. */
  rms?: ArrayLike<number> | undefined;
  /** `ColumnQuality` per column; without it every column counts as exact. */
  quality?: ArrayLike<number> | undefined;
}

/**
 * Two channels for wavesurfer's `renderFunction`: the peak envelope's height, and the RMS bar's
 * height with its sign saying how it was measured (positive exact, negative sampled or estimated).
 */
export interface DrawnColumns {
  envelope: Float32Array;
  level: Float32Array;
}

const measuredSign = (quality: number | undefined) =>
  quality === undefined || quality === ColumnQuality.exact ? 1 : -1;

/** The overview as drawn at full width. */
export function overviewColumns(loudness: WaveformLoudness, reference: number): DrawnColumns {
  const count = loudness.peak.length;
  const envelope = new Float32Array(count);
  const level = new Float32Array(count);
  for (let c = 0; c < count; c += 1) {
    const peak = loudness.peak[c] ?? 0;
    const rms = loudness.rms ? (loudness.rms[c] ?? 0) : peak;
    envelope[c] = loudnessHeight(peak, reference);
    level[c] = loudnessHeight(rms, reference) * measuredSign(loudness.quality?.[c]);
  }
  return { envelope, level };
}

/**
 * Columns over the whole recording at a zoom of `columnsPerSecond`: exact from the detail where it
 * has been read, the overview's (sampled) values elsewhere. Only the columns are built, never the
 * samples: two hours at the closest zoom is some 200,000 columns, a few milliseconds of work.
 */
export function zoomedColumns(
  loudness: WaveformLoudness,
  detail: WaveformDetail | null,
  columnsPerSecond: number,
  reference: number,
): DrawnColumns {
  const count = Math.max(1, Math.ceil(loudness.duration * columnsPerSecond));
  const envelope = new Float32Array(count);
  const level = new Float32Array(count);
  const overviewCount = loudness.peak.length;
  const perColumn = 1 / columnsPerSecond;
  // Two hours at the closest zoom is some 200,000 columns and the overview 480: its heights are
  // worked out once, not once per column (a logarithm each, redrawn on every refinement).
  const overview = overviewColumns(loudness, reference);
  // Only the columns the detail spans can take its values.
  const detailFrom = detail ? Math.max(0, Math.floor(detail.start / perColumn)) : count;
  const detailTo = detail
    ? Math.min(count, Math.ceil((detail.start + detail.known.length / detail.binsPerSecond) / perColumn) + 1)
    : count;
  for (let c = 0; c < count; c += 1) {
    const from = c * perColumn;
    const exact =
      detail && c >= detailFrom && c < detailTo ? detailLoudness(detail, from, from + perColumn) : null;
    // (`exact` here: what the detail measured there, exactly or from a sample.)
    if (exact) {
      envelope[c] = loudnessHeight(exact.peak, reference);
      // A long view's detail is sampled, not read whole: drawn as sampled.
      level[c] = loudnessHeight(exact.rms, reference) * (detail?.exact === false ? -1 : 1);
      continue;
    }
    const o = Math.min(
      overviewCount - 1,
      Math.floor(((from + perColumn / 2) / loudness.duration) * overviewCount),
    );
    envelope[c] = overview.envelope[o] ?? loudnessHeight(0, reference);
    level[c] = overview.level[o] ?? loudnessHeight(0, reference);
  }
  return { envelope, level };
}

/** Loudness of [from, to) from the detail's bins, or null unless every bin in it is known. */
function detailLoudness(detail: WaveformDetail, from: number, to: number) {
  const first = Math.floor((from - detail.start) * detail.binsPerSecond);
  const last = Math.max(first + 1, Math.ceil((to - detail.start) * detail.binsPerSecond));
  if (first < 0 || last > detail.known.length) return null;
  let peak = 0;
  let energy = 0;
  for (let i = first; i < last; i += 1) {
    if (!detail.known[i]) return null;
    const p = detail.peak[i] ?? 0;
    const r = detail.rms[i] ?? 0;
    if (p > peak) peak = p;
    energy += r * r;
  }
  return { peak, rms: Math.sqrt(energy / (last - first)) };
}
