import { afterEach, describe, expect, it } from 'vitest';
import { longWav, startRangeServer, type RangeServer } from '../test/rangeServer';
import { wavBytes } from '../test/wavBytes';
import { createPeakOverview, type PeakOverviewProblem, type PeakOverviewUpdate } from './peakOverview';

const servers: RangeServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(options: Parameters<typeof startRangeServer>[0]) {
  const server = await startRangeServer(options);
  servers.push(server);
  return server;
}

function collect(url: string, extra: Partial<Parameters<typeof createPeakOverview>[0]> = {}) {
  const updates: PeakOverviewUpdate[] = [];
  const problems: PeakOverviewProblem[] = [];
  const overview = createPeakOverview({
    url,
    onUpdate: (update) => updates.push(update),
    onProblem: (problem) => problems.push(problem),
    ...extra,
  });
  return { overview, updates, problems };
}

describe('createPeakOverview', () => {
  it('draws a full-width overview of a 60-minute file from a few MB of Range reads', async () => {
    const file = longWav(60);
    const server = await serve(file);
    const { overview, updates, problems } = collect(server.url, { exact: false });
    await overview.done;
    expect(problems).toEqual([]);
    const firstFull = updates.find((u) => u.coverage >= 0.1);
    expect(firstFull).toBeDefined();
    expect(firstFull?.duration).toBe(3600);
    expect(firstFull?.bytesFetched).toBeLessThan(3 * 1024 * 1024);
    expect(server.stats.bytes).toBeLessThan(8 * 1024 * 1024);
    expect(file.size).toBeGreaterThan(100 * 1024 * 1024);
    // Every bucket has a value (no gaps), and the loud/quiet 2-second rhythm shows up as different peaks.
    const peaks = updates.at(-1)?.peaks[0] ?? new Float32Array();
    expect(peaks).toHaveLength(1024);
    expect(Math.min(...peaks)).toBeGreaterThan(0);
    expect(Math.max(...peaks)).toBeCloseTo(0.6, 1);
    expect(server.stats.ranges.every((range) => /^bytes=\d+-\d+$/.test(range))).toBe(true);
  });

  it('refines to exact peaks by reading the rest, and can be paused and resumed', async () => {
    const bytes = wavBytes({ frames: 200_000, sample: (i) => (i === 123_457 ? 0.99 : 0.1) });
    const server = await serve({ size: bytes.byteLength, read: (s, e) => bytes.subarray(s, e) });
    const { overview, updates } = collect(server.url, { buckets: 100, exactBlockBytes: 64 * 1024 });
    overview.pause();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(updates.some((u) => u.exact)).toBe(false);
    overview.resume();
    await overview.done;
    const last = updates.at(-1);
    expect(last?.exact).toBe(true);
    expect(last?.coverage).toBe(1);
    expect(Math.max(...(last?.peaks[0] ?? []))).toBeCloseTo(0.99, 2);
  });

  it('reports an expired URL once and continues where it was with a fresh one', async () => {
    const bytes = wavBytes({ frames: 400_000 });
    let expired = false;
    const server = await serve({
      size: bytes.byteLength,
      read: (s, e) => bytes.subarray(s, e),
      intercept: (request, response) => {
        if (!expired || request.url?.includes('fresh')) return false;
        response.writeHead(403, { 'Content-Type': 'application/xml', 'Access-Control-Allow-Origin': '*' });
        response.end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>');
        return true;
      },
    });
    const { overview, updates, problems } = collect(server.url, {
      buckets: 64,
      exact: false,
      readWholeBelowBytes: 0,
      onUpdate: (update) => {
        updates.push(update);
        expired = true;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(problems).toEqual(['expired']);
    overview.setUrl(`${server.url}&fresh=1`);
    await overview.done;
    expect(problems).toEqual(['expired']);
    expect(updates.at(-1)?.coverage).toBeGreaterThan(0.5);
  });

  it('reads a small file whole, in a few requests, instead of sampling it', async () => {
    const bytes = wavBytes({ frames: 16000 * 130 });
    const server = await serve({ size: bytes.byteLength, read: (s, e) => bytes.subarray(s, e) });
    const { overview, updates } = collect(server.url);
    await overview.done;
    expect(updates.at(-1)?.exact).toBe(true);
    expect(server.stats.requests).toBeLessThanOrEqual(1 + Math.ceil(bytes.byteLength / (1024 * 1024)));
    expect(server.stats.bytes).toBeLessThan(bytes.byteLength + 70_000);
  });

  it('keeps what arrived before a dropped connection and continues from there', async () => {
    const bytes = wavBytes({ frames: 16000 * 60, sample: (i) => (i === 16000 * 50 ? 0.97 : 0.1) });
    const server = await serve({
      size: bytes.byteLength,
      read: (s, e) => bytes.subarray(s, e),
      dropAfterBytes: 300_000,
    });
    const { overview, updates, problems } = collect(server.url, { buckets: 60 });
    await overview.done;
    expect(problems).toEqual([]);
    expect(updates.at(-1)?.exact).toBe(true);
    expect(Math.max(...(updates.at(-1)?.peaks[0] ?? []))).toBeCloseTo(0.97, 2);
    expect(server.stats.bytes).toBeLessThan(bytes.byteLength * 1.2);
  });

  it('reports no-cors when fetch fails with a bare TypeError, instead of throwing', async () => {
    const { overview, problems } = collect('https://bucket.example/o.wav', {
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await overview.done;
    expect(problems).toEqual(['no-cors']);
  });

  it('reports no-range for a storage that ignores Range, and format for bytes that are not WAV', async () => {
    const bytes = wavBytes({ frames: 100_000 });
    const whole = await serve({
      size: bytes.byteLength,
      read: (s, e) => bytes.subarray(s, e),
      ignoreRange: true,
    });
    const first = collect(whole.url);
    await first.overview.done;
    expect(first.problems).toEqual(['no-range']);

    const junk = new TextEncoder().encode('<html>not audio</html>'.repeat(100));
    const html = await serve({ size: junk.byteLength, read: (s, e) => junk.subarray(s, e) });
    const second = collect(html.url);
    await second.overview.done;
    expect(second.problems).toEqual(['format']);
  });

  it('stops fetching when cancelled', async () => {
    const file = longWav(30);
    const server = await serve(file);
    const { overview } = collect(server.url);
    await new Promise((resolve) => setTimeout(resolve, 50));
    overview.cancel();
    await overview.done;
    // Requests already on the wire may still land; none may start after that.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const requests = server.stats.requests;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.stats.requests).toBe(requests);
    expect(server.stats.bytes).toBeLessThan(file.size / 4);
  });
});
