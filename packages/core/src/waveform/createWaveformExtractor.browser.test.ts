import { afterEach, describe, expect, it, vi } from 'vitest';
import { wavBytes } from '../../test/wavBytes';
import { createWaveformExtractor, type WaveformExtractorOptions } from './createWaveformExtractor';
import type { WaveformDetail, WaveformOverview, WaveformProblem } from './waveformEngine';

const urls: string[] = [];
afterEach(() => {
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

/** Loud and quiet seconds in turn. */
function speech(seconds: number) {
  return wavBytes({
    frames: 16000 * seconds,
    sample: (i) => (Math.floor(i / 16000) % 2 ? 0.7 : 0.05) * Math.sin(i / 5),
  });
}

/** Served by the browser itself: the worker fetches it with Range requests like any storage URL. */
function blobUrl(bytes: Uint8Array): string {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'audio/wav' }));
  urls.push(url);
  return url;
}

function start(options: Omit<WaveformExtractorOptions, 'onOverview' | 'onDetail' | 'onProblem'>) {
  const overviews: WaveformOverview[] = [];
  const details: WaveformDetail[] = [];
  const problems: WaveformProblem[] = [];
  const extractor = createWaveformExtractor({
    ...options,
    onOverview: (overview) => overviews.push(overview),
    onDetail: (detail) => details.push(detail),
    onProblem: (problem) => problems.push(problem),
  });
  return { extractor, overviews, details, problems };
}

const until = async (check: () => boolean, timeout = 10_000) => {
  const began = performance.now();
  while (!check()) {
    if (performance.now() - began > timeout) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('createWaveformExtractor in Chromium', () => {
  it('runs in a module Worker: the overview, then the exact detail of a window', async () => {
    const { extractor, overviews, details, problems } = start({
      sources: [{ url: blobUrl(speech(120)) }],
      columns: 120,
    });
    expect(extractor.thread).toBe('worker');
    await extractor.done;
    expect(problems).toEqual([]);
    const overview = overviews.at(-1) as WaveformOverview;
    expect(overview.duration).toBe(120);
    expect(overview.complete).toBe(true);
    extractor.showDetail(10, 20);
    await until(() => details.at(-1)?.complete === true);
    const detail = details.at(-1) as WaveformDetail;
    const at = (second: number) => detail.rms[Math.round((second - detail.start) * 100)] ?? 0;
    expect(at(11.5)).toBeGreaterThan(at(12.5) * 5);
    expect(extractor.thread).toBe('worker');
    extractor.cancel();
  });

  it('reads a downloaded file in the worker, from the Blob, for an exact overview', async () => {
    const { extractor, overviews } = start({
      sources: [{ file: new Blob([speech(30) as BlobPart]) }],
      columns: 30,
    });
    await extractor.done;
    expect(extractor.thread).toBe('worker');
    const overview = overviews.at(-1) as WaveformOverview;
    expect(overview.exact).toBe(true);
    expect(overview.rms[1] ?? 0).toBeGreaterThan((overview.rms[0] ?? 0) * 5);
  });

  it('falls back to this thread when the worker cannot load (missing file, CSP), saying so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bytes = speech(16);
    const missing = start({
      sources: [{ url: blobUrl(bytes) }],
      columns: 32,
      createWorker: () => new Worker('/no-such-waveform-worker.js', { type: 'module' }),
    });
    await missing.extractor.done;
    expect(missing.extractor.thread).toBe('main');
    expect(missing.problems).toEqual([]);
    expect(missing.overviews.at(-1)?.complete).toBe(true);

    const refused = start({
      sources: [{ file: new Blob([bytes as BlobPart]) }],
      createWorker: () => {
        throw new DOMException('Refused by worker-src', 'SecurityError');
      },
    });
    expect(refused.extractor.thread).toBe('main');
    await refused.extractor.done;
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('main thread');
    expect(String(warn.mock.calls[0]?.[0])).not.toMatch(/no-such|blob:|https?:/);
    warn.mockRestore();
  });

  it('cancel() terminates the worker and stops every request', async () => {
    const { extractor } = start({ sources: [{ url: blobUrl(speech(60)) }] });
    extractor.cancel();
    await extractor.done;
    expect(extractor.thread).toBe('worker');
  });
});
