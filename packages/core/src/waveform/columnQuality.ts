/** How a waveform column's value was obtained (`WaveformColumns.quality`). */
export const ColumnQuality = {
  /** Not read: spread from the measured columns either side. */
  estimated: 0,
  /** A short window of it was read. */
  sampled: 1,
  /** Every sample of it was read. */
  exact: 2,
} as const;
