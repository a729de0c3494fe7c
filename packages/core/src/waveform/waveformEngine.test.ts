import { afterEach, describe, expect, it } from 'vitest';
import { startRangeServer, type RangeServer, type RangeServerOptions } from '../../test/rangeServer';
import { speechWav } from '../../test/speechWav';
import { wavBytes } from '../../test/wavBytes';
import { parseWavHeader } from '../parseWavHeader';
import { LoudnessBins, addLoudness } from './loudness';
import {
  ColumnQuality,
  createWaveformEngine,
  type WaveformDetail,
  type WaveformEngineOptions,
  type WaveformOverview,
  type WaveformProblem,
} from './waveformEngine';

const servers: RangeServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(options: RangeServerOptions) {
  const server = await startRangeServer(options);
  servers.push(server);
  return server;
}

function run(options: WaveformEngineOptions) {
  const overviews: WaveformOverview[] = [];
  const details: WaveformDetail[] = [];
  const problems: WaveformProblem[] = [];
  const engine = createWaveformEngine({
    ...options,
    onOverview: (update) => overviews.push(update),
    onDetail: (update) => details.push(update),
    onProblem: (problem) => problems.push(problem),
  });
  return { engine, overviews, details, problems };
}

const until = async (check: () => boolean, timeout = 10_000) => {
  const began = Date.now();
  while (!check()) {
    if (Date.now() - began > timeout) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** The byte ranges of a server's Range requests, as [start, end). */
const rangesOf = (server: RangeServer) =>
  server.stats.ranges.map((range) => {
    const [, start, end] = /bytes=(\d+)-(\d*)/.exec(range) ?? [];
    return [Number(start), Number(end) + 1] as const;
  });

describe('the overview of a long recording', () => {
  it('draws an hour from a few megabytes in ~80 reads, full width from the first pass, and then stops reading', async () => {
    const file = speechWav(60);
    const server = await serve({ ...file, delayMs: 1 });
    const { engine, overviews, problems } = run({ sources: [{ url: server.url }] });
    await engine.done;
    expect(problems).toEqual([]);
    const first = overviews[0];
    const last = overviews.at(-1);
    expect(first?.duration).toBe(3600);
    // Full width at once: every column has a value (measured or spread from its neighbours).
    expect(first?.rms.every((value) => value > 0)).toBe(true);
    expect(first?.coverage).toBeLessThan(0.1);
    expect(last?.complete).toBe(true);
    // 24 windows of 8 KiB, then 116 of 16 KiB read two neighbours at a time: one column in three or
    // four of 480 measured, the rest spread from its neighbours.
    expect(last?.coverage).toBeGreaterThan(0.25);
    // Within the 2 MiB budget (plus the header), a small share of the 115 MB file, and in few reads:
    // each costs the renderer CPU whatever its size.
    expect(server.stats.bytes).toBeLessThanOrEqual(2 * 1024 * 1024 + 8 * 1024);
    expect(server.stats.requests).toBeLessThanOrEqual(90);
    const settled = server.stats.bytes;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.stats.bytes).toBe(settled);
    expect(engine.bytesFetched).toBe(settled);
  });

  it('refines two reads at a time after its first pass, leaving a shared link to the starting audio', async () => {
    const server = await serve({ ...speechWav(60), delayMs: 5 });
    let firstPass = 0;
    const engine = createWaveformEngine({
      sources: [{ url: server.url }],
      onOverview: () => {
        if (firstPass > 0) return;
        firstPass = server.stats.maxInFlight;
        server.stats.maxInFlight = 0;
      },
      onDetail: () => {},
      onProblem: () => {},
    });
    await engine.done;
    // The first pass, which the listener waits for, runs wide...
    expect(firstPass).toBeGreaterThan(2);
    // ...the ~58 refinements do not.
    expect(server.stats.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('keeps pauses, quiet and loud passages apart, in the first drawing and every refinement', async () => {
    const file = speechWav(60);
    const server = await serve(file);
    const { engine, overviews } = run({ sources: [{ url: server.url }], columns: 480 });
    await engine.done;
    const columnSeconds = 3600 / 480;
    const windows = rangesOf(server)
      .map(([start, end]) => [(start - 44) / 32000, (end - 44) / 32000] as const)
      .filter(([from, to]) => from >= 0 && to - from < columnSeconds);
    const heardIn = (column: number) => {
      const [a, b] = [column * columnSeconds, (column + 1) * columnSeconds];
      const window = windows.find(([from, to]) => from < b && to > a);
      return window ? file.levelAt((Math.max(a, window[0]) + Math.min(b, window[1])) / 2) : null;
    };
    for (const overview of [overviews.at(-1), overviews[Math.floor(overviews.length / 2)]]) {
      if (!overview) throw new Error('no overview');
      const level = (kind: string) => {
        const values: number[] = [];
        overview.rms.forEach((value, c) => {
          if (overview.quality[c] !== ColumnQuality.sampled) return;
          // What was heard where the column was read (its centre, or an edge when read with its
          // neighbour): the middle of the part of a Range request that lies in the column.
          if (heardIn(c) === kind) values.push(value);
        });
        values.sort((a, b) => a - b);
        return values[Math.floor(values.length / 2)] ?? Number.NaN;
      };
      expect(level('pause')).toBeLessThan(level('speech') / 10);
      expect(level('quiet')).toBeLessThan(level('speech') / 3);
      expect(level('loud')).toBeGreaterThan(level('speech') * 2);
    }
    // A column measured once keeps its value: refinement never moves what was drawn from samples.
    for (let i = 1; i < overviews.length; i += 1) {
      const before = overviews[i - 1] as WaveformOverview;
      const after = overviews[i] as WaveformOverview;
      before.quality.forEach((q, c) => {
        if (q === ColumnQuality.sampled && after.quality[c] === ColumnQuality.sampled) {
          expect(after.rms[c]).toBe(before.rms[c]);
        }
      });
    }
  });

  it('never reads more than an eighth of a short file', async () => {
    const bytes = wavBytes({ frames: 16000 * 120, sample: (i) => Math.sin(i / 9) * ((i >> 12) % 3) * 0.2 });
    const server = await serve({ size: bytes.byteLength, read: (s, e) => bytes.subarray(s, e) });
    const { engine, overviews } = run({ sources: [{ url: server.url }] });
    await engine.done;
    expect(overviews.at(-1)?.complete).toBe(true);
    expect(server.stats.bytes).toBeLessThanOrEqual(bytes.byteLength / 8 + 8 * 1024);
  });
});

describe('the detail of the window the listener looks at', () => {
  it('reads one minute at 90 % of an hour exactly, by Range near that window only, within 1.2× its share', async () => {
    const file = speechWav(60);
    const server = await serve(file);
    const { engine, details, overviews } = run({ sources: [{ url: server.url }] });
    await engine.done;
    const before = server.stats.bytes;
    const requestsBefore = server.stats.ranges.length;
    const start = 0.9 * 3600;
    engine.showDetail(start, start + 60);
    await until(() => details.at(-1)?.complete === true);
    const share = 60 * 16000 * 2;
    expect(server.stats.bytes - before).toBeLessThanOrEqual(1.2 * share);
    for (const [from, to] of rangesOf(server).slice(requestsBefore)) {
      expect(from).toBeGreaterThanOrEqual(44 + (start - 6) * 32000);
      expect(to).toBeLessThanOrEqual(44 + (start + 66) * 32000);
    }
    // Exact: the same as measuring the bytes directly.
    const detail = details.at(-1) as WaveformDetail;
    const header = parseWavHeader(file.read(0, 44), file.size);
    const at = Math.round((start + 30 - detail.start) * detail.binsPerSecond);
    const binStart = 44 + Math.round((detail.start + at / 100) * 32000);
    const direct = new LoudnessBins(1);
    addLoudness(
      direct,
      header,
      file.read(binStart, binStart + 320),
      binStart - 44,
      0,
      Number.MAX_SAFE_INTEGER,
    );
    expect(detail.known[at]).toBe(1);
    expect(detail.rms[at]).toBeCloseTo(direct.rms(0), 5);
    expect(detail.peak[at]).toBeCloseTo(direct.peak[0] ?? 0, 5);
    // The overview's columns inside the window are exact now.
    const last = overviews.at(-1) as WaveformOverview;
    expect(last.quality[Math.floor((start + 30) / 7.5)]).toBe(ColumnQuality.exact);
    // Looked at again: from the cache, no request.
    const settled = server.stats.ranges.length;
    engine.showDetail(start + 10, start + 50);
    await until(() => details.at(-1)?.complete === true);
    expect(server.stats.ranges.length).toBe(settled);
    engine.cancel();
  });

  it('reads the visible window before its margin', async () => {
    const file = speechWav(10);
    const server = await serve({ ...file, delayMs: 5 });
    const { engine, details } = run({ sources: [{ url: server.url }], budgetBytes: 64 * 1024 });
    await engine.done;
    const requestsBefore = server.stats.ranges.length;
    engine.showDetail(300, 360);
    await until(() => details.at(-1)?.complete === true);
    const ranges = rangesOf(server).slice(requestsBefore);
    const byteOf = (second: number) => 44 + second * 32000;
    const inView = ([from, to]: readonly [number, number]) => from < byteOf(360) && to > byteOf(300);
    // Every read of the visible minute comes before every read of the 5 % margin on either side.
    const firstMargin = ranges.findIndex((range) => !inView(range));
    expect(firstMargin).toBeGreaterThan(0);
    expect(ranges.slice(firstMargin).every((range) => !inView(range))).toBe(true);
    engine.cancel();
  });

  it('reads outward from the playhead, so a zoom further in finds its middle already read', async () => {
    const file = speechWav(10);
    const server = await serve(file);
    // One read at a time: the order of the requests is the order of the reads.
    const { engine, details } = run({
      sources: [{ url: server.url }],
      budgetBytes: 64 * 1024,
      concurrency: 1,
    });
    await engine.done;
    const requestsBefore = server.stats.ranges.length;
    // 160 s on screen, playing at 230 s (near the right edge, as after zooming in at 90 %).
    engine.showDetail(100, 260, 230);
    await until(() => details.at(-1)?.complete === true);
    const secondOf = (byte: number) => (byte - 44) / 32000;
    const visible = rangesOf(server)
      .slice(requestsBefore)
      .map(([from, to]) => [secondOf(from), secondOf(to)] as const)
      .filter(([from, to]) => from < 260 && to > 100);
    const [firstFrom, firstTo] = visible[0] ?? [0, 0];
    expect(firstFrom).toBeLessThanOrEqual(230);
    expect(firstTo).toBeGreaterThanOrEqual(230);
    const distances = visible.map(([from, to]) => Math.abs((from + to) / 2 - 230));
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Without a playhead (or with one off screen), outward from the middle of the view.
    const secondBefore = server.stats.ranges.length;
    engine.showDetail(400, 560, 10);
    await until(() => details.at(-1)?.complete === true && (details.at(-1)?.start ?? 0) > 300);
    const [middleFrom, middleTo] = rangesOf(server)
      .slice(secondBefore)
      .map(([from, to]) => [secondOf(from), secondOf(to)] as const)[0] ?? [0, 0];
    expect(middleFrom).toBeLessThanOrEqual(480);
    expect(middleTo).toBeGreaterThanOrEqual(480);
    engine.cancel();
  });

  it('stops reading a window the listener zoomed away from, and reads the new one', async () => {
    const file = speechWav(30);
    // Slow answers, so the first window's reads are still under way when the second is asked for.
    const server = await serve({ ...file, delayMs: 150 });
    const { engine, details } = run({ sources: [{ url: server.url }], budgetBytes: 64 * 1024 });
    await engine.done;
    const bytesBefore = server.stats.bytes;
    engine.showDetail(0, 240);
    await new Promise((resolve) => setTimeout(resolve, 20));
    engine.showDetail(1200, 1260);
    await until(() => {
      const last = details.at(-1);
      return last?.complete === true && last.start > 1000;
    });
    const detail = details.at(-1) as WaveformDetail;
    expect(detail.start).toBeCloseTo(1200 - 60 * 0.05, 1);
    // The four minutes were abandoned before their bytes came: far less than their 7.7 MB.
    const fourMinutes = 240 * 32000;
    expect(server.stats.bytes - bytesBefore).toBeLessThan(fourMinutes / 2);
    engine.cancel();
  });

  it('keeps its cache within its bound', async () => {
    const file = speechWav(30);
    const server = await serve(file);
    const { engine, details } = run({
      sources: [{ url: server.url }],
      detailCacheBytes: 100 * 8 * 120,
      budgetBytes: 64 * 1024,
    });
    await engine.done;
    for (let minute = 0; minute < 10; minute += 1) {
      engine.showDetail(minute * 60, minute * 60 + 50);
      await until(() => details.at(-1)?.complete === true);
    }
    // Looking back at the first minute reads it again: it was dropped to stay within the bound.
    const requests = server.stats.ranges.length;
    engine.showDetail(0, 50);
    await until(() => details.at(-1)?.complete === true);
    expect(server.stats.ranges.length).toBeGreaterThan(requests);
    engine.cancel();
  });

  it('spans chunk boundaries on one timeline', async () => {
    const parts = [0, 1, 2].map((n) =>
      wavBytes({ frames: 16000 * 20, sample: (i) => Math.sin(i / (5 + n)) * (0.1 + 0.2 * n) }),
    );
    const chunkServers = await Promise.all(
      parts.map((bytes) => serve({ size: bytes.byteLength, read: (s, e) => bytes.subarray(s, e) })),
    );
    const { engine, details, overviews } = run({ sources: chunkServers.map((s) => ({ url: s.url })) });
    await engine.done;
    expect(overviews.at(-1)?.duration).toBe(60);
    expect(overviews.at(-1)?.chunkDurations).toEqual([20, 20, 20]);
    engine.showDetail(15, 45);
    await until(() => details.at(-1)?.complete === true);
    const detail = details.at(-1) as WaveformDetail;
    const rmsAt = (second: number) => detail.rms[Math.round((second - detail.start) * 100)] ?? 0;
    // Each chunk's own level on each side of the boundaries.
    expect(rmsAt(18)).toBeLessThan(rmsAt(22));
    expect(rmsAt(38)).toBeLessThan(rmsAt(42));
    engine.cancel();
  });
});

describe('many chunks, files, and bad days', () => {
  it('waits for the timeline’s lengths when there are too many chunks to open, then reads a few', async () => {
    const bytes = wavBytes({ frames: 16000 * 2, sample: (i) => Math.sin(i / 6) * 0.3 });
    const server = await serve({ size: bytes.byteLength, read: (s, e) => bytes.subarray(s, e) });
    const sources = Array.from({ length: 400 }, (_, i) => ({ url: `${server.url}&n=${i}` }));
    const { engine, overviews } = run({ sources, columns: 120 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.stats.requests).toBe(0);
    engine.setDurations(sources.map(() => 2));
    await engine.done;
    expect(overviews.at(-1)?.duration).toBe(800);
    // The first chunk's header, then one request per column at most (header and window together),
    // never one per chunk.
    expect(server.stats.requests).toBeLessThanOrEqual(1 + 120);
  });

  it('reads a downloaded file whole for an exact overview', async () => {
    const bytes = wavBytes({
      frames: 16000 * 30,
      sample: (i) => Math.sin(i / 6) * (i < 16000 * 15 ? 0.5 : 0.05),
    });
    const { engine, overviews } = run({ sources: [{ file: new Blob([bytes as BlobPart]) }], columns: 60 });
    await engine.done;
    const last = overviews.at(-1) as WaveformOverview;
    expect(last.exact).toBe(true);
    expect(last.rms[10]).toBeGreaterThan((last.rms[50] ?? 0) * 5);
  });

  it('waits at an expired URL for a fresh one and goes on with it', async () => {
    const file = speechWav(20);
    let expired = true;
    const server = await serve({
      ...file,
      intercept: (request, response) => {
        if (!expired || request.url?.includes('fresh')) return false;
        response
          .writeHead(403)
          .end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
        return true;
      },
    });
    const { engine, overviews, problems } = run({ sources: [{ url: server.url }] });
    await until(() => problems.includes('expired'));
    expired = false;
    engine.setUrl(0, `${server.url}&fresh=1`, Date.now() + 600_000);
    await engine.done;
    expect(overviews.at(-1)?.complete).toBe(true);
    expect(problems).toEqual(['expired']);
  });

  it('tells a storage without CORS from a dropped first read', async () => {
    const noCors = run({
      sources: [{ url: 'https://bucket.example/o.wav' }],
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      retryDelaysMs: [1, 1, 1],
    });
    await noCors.engine.done;
    expect(noCors.problems).toEqual(['no-cors']);

    const file = speechWav(20);
    let first = true;
    const server = await serve({
      ...file,
      intercept: (_request, response) => {
        if (!first) return false;
        first = false;
        response.destroy();
        return true;
      },
    });
    const dropped = run({ sources: [{ url: server.url }], retryDelaysMs: [1, 1, 1] });
    await dropped.engine.done;
    expect(dropped.problems).toEqual([]);
    expect(dropped.overviews.at(-1)?.complete).toBe(true);
  });

  it('stops with format for bytes that are not a WAV file', async () => {
    const page = new TextEncoder().encode(`<!doctype html>${'<p>Bad gateway</p>'.repeat(500)}`);
    const server = await serve({ size: page.byteLength, read: (s, e) => page.subarray(s, e) });
    const { engine, problems } = run({ sources: [{ url: server.url }] });
    await engine.done;
    expect(problems).toEqual(['format']);
  });
});
