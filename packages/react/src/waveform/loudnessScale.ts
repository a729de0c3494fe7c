/**
 * How loud a column looks: bar height on a decibel scale, so that a pause, quiet speech and a loud
 * passage stay apart at every zoom (a linear scale squeezes everything below shouting into the
 * bottom fifth). The reference is the recording's own speech level, fixed from the first drawing,
 * so refinements never rescale what is already drawn.
 */

/** Levels more than this far below the reference draw as the baseline. */
export const RANGE_DB = 30;
/** Room above the reference, for peaks and loud passages. */
export const HEADROOM_DB = 6;
/** A silent column still draws a hairline, so the waveform's extent stays visible. */
export const MIN_HEIGHT = 0.03;

/** The recording's speech level: the 90th percentile of its measured column levels. */
export function referenceLevel(levels: ArrayLike<number>, measured?: ArrayLike<number>): number {
  const values: number[] = [];
  for (let i = 0; i < levels.length; i += 1) {
    const value = levels[i] ?? 0;
    if (value > 0 && (!measured || (measured[i] ?? 0) > 0)) values.push(value);
  }
  if (values.length === 0) return 0.1;
  values.sort((a, b) => a - b);
  return values[Math.min(values.length - 1, Math.floor(values.length * 0.9))] ?? 0.1;
}

/** Height 0..1 of a linear level against the reference. */
export function loudnessHeight(level: number, reference: number): number {
  if (!(level > 0) || !(reference > 0)) return MIN_HEIGHT;
  const db = 20 * Math.log10(level / reference);
  return Math.max(MIN_HEIGHT, Math.min(1, (db + RANGE_DB) / (RANGE_DB + HEADROOM_DB)));
}
