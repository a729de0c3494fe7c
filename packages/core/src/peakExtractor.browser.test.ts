import { afterEach, describe, expect, it } from 'vitest';
import { wavBytes } from '../test/wavBytes';
import { createPeakExtractor } from './peakExtractor';
import type { PeakOverviewProblem, PeakOverviewUpdate } from './peakOverview';

const urls: string[] = [];
afterEach(() => {
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

function wavUrl(frames: number): string {
  const bytes = wavBytes({
    frames,
    sample: (i) => (Math.floor(i / 16000) % 2 ? 0.7 : 0.2) * Math.sin(i / 5),
  });
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'audio/wav' }));
  urls.push(url);
  return url;
}

describe('createPeakExtractor in Chromium', () => {
  it('runs the overview in a Web Worker and delivers full-width, then exact, peaks', async () => {
    const updates: PeakOverviewUpdate[] = [];
    const problems: PeakOverviewProblem[] = [];
    const extractor = createPeakExtractor({
      url: wavUrl(16000 * 20),
      buckets: 200,
      exactBlockBytes: 128 * 1024,
      onUpdate: (update) => updates.push(update),
      onProblem: (problem) => problems.push(problem),
    });
    expect(extractor.thread).toBe('worker');
    await extractor.done;
    expect(problems).toEqual([]);
    const last = updates.at(-1);
    expect(last?.exact).toBe(true);
    expect(last?.duration).toBe(20);
    expect(last?.peaks[0]).toBeInstanceOf(Float32Array);
    expect(last?.peaks[0]).toHaveLength(200);
    expect(Math.max(...(last?.peaks[0] ?? []))).toBeCloseTo(0.7, 1);
    expect(extractor.bytesFetched).toBeGreaterThan(16000 * 20 * 2 - 1);
  });

  it('runs on the calling thread when asked to, with the same results', async () => {
    const updates: PeakOverviewUpdate[] = [];
    const extractor = createPeakExtractor({
      url: wavUrl(16000 * 4),
      buckets: 50,
      thread: 'main',
      onUpdate: (u) => updates.push(u),
    });
    expect(extractor.thread).toBe('main');
    await extractor.done;
    expect(updates.at(-1)?.exact).toBe(true);
  });

  it('stops the worker when cancelled', async () => {
    const extractor = createPeakExtractor({ url: wavUrl(16000 * 60), buckets: 200 });
    extractor.cancel();
    await extractor.done;
    expect(extractor.bytesFetched).toBeLessThan(16000 * 60 * 2);
  });
});
