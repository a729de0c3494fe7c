export type RangeResult =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * A `Range` header against an object of `size` bytes, as object stores read it: one range
 * (`bytes=N-M`, `bytes=N-`, `bytes=-N`); several ranges or a malformed header get the whole object;
 * a range starting past the end is unsatisfiable. `end` is exclusive.
 */
export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(first);
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size : Math.min(size, Number(last) + 1);
  if (end <= start) return { kind: 'full' };
  return { kind: 'partial', start, end };
}
