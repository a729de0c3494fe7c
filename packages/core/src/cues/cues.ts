/** A stretch of the recording a piece of the note was written from: a sentence, say. */
export interface Cue {
  /** Unique among the cues; used in events and to ask for it (`playCue(id)`). */
  id: string;
  /** Seconds on the session's timeline (across chunks). */
  start: number;
  end: number;
  /** What the cue is, e.g. the sentence's text: shown on hover, announced when stepped to. */
  label: string;
}

export type CueProblem = 'negative' | 'end-before-start' | 'beyond-duration' | 'duplicate-id' | 'not-a-cue';

export interface PreparedCues {
  /** The usable cues, sorted by start (then end). */
  cues: readonly Cue[];
  /** What was left out and why, by id (never by label: a label is note text). */
  rejected: readonly { id: string; problem: CueProblem }[];
  /** The cues did not come in order (they are sorted here). */
  unsorted: boolean;
}

/**
 * Checks cues from the host before they reach the player: a negative start, an end before the
 * start, one past the recording's end (when its duration is known), a duplicate id or something that
 * is not a cue at all is left out (the rest still work); unsorted cues are sorted.
 */
export function prepareCues(input: readonly unknown[], duration?: number): PreparedCues {
  const cues: Cue[] = [];
  const rejected: { id: string; problem: CueProblem }[] = [];
  const seen = new Set<string>();
  let unsorted = false;
  let last = Number.NEGATIVE_INFINITY;
  for (const item of input) {
    const cue = item as Partial<Cue> | null;
    const id = typeof cue?.id === 'string' ? cue.id : String((cue as { id?: unknown } | null)?.id ?? '');
    if (
      !cue ||
      typeof cue.id !== 'string' ||
      typeof cue.start !== 'number' ||
      typeof cue.end !== 'number' ||
      !Number.isFinite(cue.start) ||
      !Number.isFinite(cue.end)
    ) {
      rejected.push({ id, problem: 'not-a-cue' });
      continue;
    }
    if (seen.has(cue.id)) {
      rejected.push({ id: cue.id, problem: 'duplicate-id' });
      continue;
    }
    seen.add(cue.id);
    if (cue.start < 0) {
      rejected.push({ id: cue.id, problem: 'negative' });
      continue;
    }
    if (cue.end < cue.start) {
      rejected.push({ id: cue.id, problem: 'end-before-start' });
      continue;
    }
    if (duration !== undefined && duration > 0 && cue.start >= duration + 0.5) {
      rejected.push({ id: cue.id, problem: 'beyond-duration' });
      continue;
    }
    if (cue.start < last) unsorted = true;
    last = cue.start;
    const end = duration !== undefined && duration > 0 ? Math.min(cue.end, duration) : cue.end;
    cues.push({ id: cue.id, start: cue.start, end, label: typeof cue.label === 'string' ? cue.label : '' });
  }
  cues.sort((a, b) => a.start - b.start || a.end - b.end);
  return { cues, rejected, unsorted };
}

/**
 * The cue being heard at `time` (seconds), or null between cues. Intervals are half-open, [start,
 * end): of two touching cues the next one is heard from the instant it starts, so the answer never
 * flickers between them. Of overlapping cues, the one that started last wins (the more specific
 * sentence inside a longer one), ties going to the one listed first.
 */
export function activeCueAt(cues: readonly Cue[], time: number): Cue | null {
  // The last cue that starts at or before `time`, by binary search: 500 cues cost 9 comparisons.
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((cues[middle] as Cue).start <= time) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  // Walk back over the cues that started earlier, for the latest one still going.
  for (let i = found; i >= 0; i -= 1) {
    const cue = cues[i] as Cue;
    if (time < cue.end || (cue.end === cue.start && time === cue.start)) {
      // Among cues with the same start, the first listed wins.
      let first = i;
      while (
        first > 0 &&
        (cues[first - 1] as Cue).start === cue.start &&
        time < (cues[first - 1] as Cue).end
      ) {
        first -= 1;
      }
      return cues[first] as Cue;
    }
    // Cues are sorted by start; a long cue that started earlier may still be going, so keep looking,
    // but not further back than a cue can reach (bounded by the longest cue).
    if (found - i > 64) break;
  }
  return null;
}

/** The first cue that starts after `time` (by more than `epsilon`), or null. */
export function nextCue(cues: readonly Cue[], time: number, epsilon = 0.25): Cue | null {
  for (const cue of cues) if (cue.start > time + epsilon) return cue;
  return null;
}

/**
 * The cue to go back to from `time`: the start of the cue being heard, unless it began less than
 * `grace` seconds ago (then the one before it), as a media player's "previous track" does.
 */
export function previousCue(cues: readonly Cue[], time: number, grace = 1.5): Cue | null {
  let candidate: Cue | null = null;
  for (const cue of cues) {
    if (cue.start >= time - grace) break;
    candidate = cue;
  }
  return candidate;
}
