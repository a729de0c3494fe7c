/**
 * Why the overview stopped early. `no-cors`: the storage answered in a way the page may not read
 * (fetch failed with a bare TypeError on the first request), so the player should play without a
 * waveform. `expired`: the URL expired; hand a fresh one to `setUrl` to continue. `network`: reads
 * kept failing midway (offline) after a few retries. `no-range`: the storage ignores Range requests.
 * `format`: not a WAV file this library reads. `http`: any other refusal.
 */
export type WaveformReadProblem = 'no-cors' | 'expired' | 'network' | 'no-range' | 'format' | 'http';

/** Ends the overview's work: with a problem to report, or because it was cancelled. */
export class OverviewStop extends Error {
  constructor(readonly problem: WaveformReadProblem | 'cancelled') {
    super(problem);
  }
}

export interface ByteRange {
  /** The bytes from `start`: fewer than asked at the end of the file or after a dropped connection. */
  bytes: Uint8Array;
  /** Length of the whole file, when the source says. */
  total: number | null;
  /** Nothing is left at `start`: the file ends before it (a 416 from a storage). */
  ended: boolean;
}

/**
 * Where an overview reads its bytes from: a presigned URL with Range requests, or a file in memory.
 * Reads throw `OverviewStop` when the work cannot go on.
 */
export interface ByteReader {
  /** `signal` ends this one read (with `OverviewStop('cancelled')`); `cancel()` ends them all. */
  read(start: number, end: number, signal?: AbortSignal): Promise<ByteRange>;
  /** Reads cost a round trip each: sampling first is worth it. */
  readonly remote: boolean;
  /** Bytes read so far. */
  readonly bytesRead: number;
  cancel(): void;
}
