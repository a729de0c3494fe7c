/**
 * One session's chunks as one timeline: where each chunk starts, and which chunk (and where in it) a
 * time on the whole timeline falls. Durations that are not known yet are NaN; the timeline is whole
 * once every duration is known.
 */

/** Sum of the durations; NaN while any is unknown. */
export function timelineDuration(durations: readonly number[]): number {
  if (durations.length === 0) return Number.NaN;
  let total = 0;
  for (const duration of durations) {
    if (!(duration > 0)) return Number.NaN;
    total += duration;
  }
  return total;
}

/** Start of each chunk on the timeline (the first is 0); empty until every duration is known. */
export function chunkStarts(durations: readonly number[]): number[] {
  if (!Number.isFinite(timelineDuration(durations))) return [];
  const starts: number[] = [];
  let start = 0;
  for (const duration of durations) {
    starts.push(start);
    start += duration;
  }
  return starts;
}

/** Start of chunk `index`, counting only the known durations before it. */
export function startOf(durations: readonly number[], index: number): number {
  let start = 0;
  for (let i = 0; i < index; i += 1) start += durations[i] || 0;
  return start;
}

/**
 * The chunk a timeline time falls in and the time within it. Past a chunk whose length is not known
 * yet, the search stops at that chunk (its start is known, its end is not).
 */
export function locate(durations: readonly number[], time: number): { index: number; local: number } {
  const total = timelineDuration(durations);
  const target = Math.max(0, Number.isFinite(total) ? Math.min(time, total) : time);
  let index = 0;
  let start = 0;
  while (index < durations.length - 1) {
    const duration = durations[index] ?? Number.NaN;
    if (!(duration > 0) || target < start + duration) break;
    start += duration;
    index += 1;
  }
  return { index, local: target - start };
}
