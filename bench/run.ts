/**
 * The benchmark: a bare <audio>, wavesurfer.js with `url`, and RecordingPlayer, side by side in one
 * run, each in a fresh headless Chromium, runs interleaved, against the reference server unthrottled
 * and behind a shared 50 Mbit/s link with 20 ms added latency. Writes docs/benchmarks.md.
 *
 *   pnpm bench            the full run (several minutes)
 *   pnpm bench --smoke    one short case, one run: proves the harness works (part of the test command)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { build } from 'vite';
import { startRecordingApi, type RecordingApi } from '../apps/recording-api/src/index.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { startStaticServer } from '../e2e/staticServer.ts';
import { measureBundle } from './bundleSize.ts';

type Player = 'audio' | 'wavesurfer' | 'player';
const players: Player[] = ['audio', 'wavesurfer', 'player'];
const playerNames: Record<Player, string> = {
  audio: 'bare <audio>',
  wavesurfer: 'wavesurfer.js (url)',
  player: 'RecordingPlayer',
};

interface Case {
  session: string;
  label: string;
}
interface Network {
  label: string;
  faults: { linkBandwidthBytesPerSecond?: number; latencyMs?: number };
}
interface Result {
  firstAudioMs: number | null;
  firstAudioBytes: number | null;
  waveformMs: number | null;
  waveformBytes: number | null;
  seekMs: number | null;
  seekBytes: number | null;
  rendererPeakMB: number | null;
  arrayBufferMB: number | null;
  error?: string;
}

const smoke = process.argv.includes('--smoke');
const runs = smoke ? 1 : Number(process.env['BENCH_RUNS'] ?? 3);
const phaseTimeoutMs = smoke ? 60_000 : 150_000;
const cases: Case[] = smoke
  ? [{ session: 'visit-5min', label: '5 min, 16 kHz mono' }]
  : [
      { session: 'visit-5min', label: '5 min, 16 kHz mono' },
      { session: 'visit-60min', label: '60 min, 16 kHz mono' },
      { session: 'visit-120min', label: '120 min, 16 kHz mono' },
      { session: 'visit-60min-stereo', label: '60 min, 44.1 kHz stereo' },
    ];
const networks: Network[] = smoke
  ? [{ label: 'unthrottled', faults: {} }]
  : [
      { label: 'unthrottled', faults: {} },
      { label: '50 Mbit/s, +20 ms', faults: { linkBandwidthBytesPerSecond: 50_000_000 / 8, latencyMs: 20 } },
    ];

async function presignedUrl(api: RecordingApi, session: string): Promise<string> {
  const response = await fetch(`${api.url}/api/v1/ambient/session/${session}/recording?download=false`, {
    headers: { sdp_suki_token: 'dev-token' },
  });
  const body = (await response.json()) as { recordings: { presigned_url: string }[] };
  return body.recordings[0]?.presigned_url ?? '';
}

/** Peak resident memory of the browser's renderer processes (Linux /proc), MB. */
async function rendererPeakMB(browser: Browser): Promise<number | null> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    let peak = 0;
    for (const process of info.processInfo.filter((p) => p.type === 'renderer')) {
      const status = readFileSync(`/proc/${process.id}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (hwm) peak = Math.max(peak, Number(hwm) / 1024);
    }
    return peak || null;
  } catch {
    return null;
  }
}

async function waitFor(page: Page, key: 'firstAudio' | 'waveform' | 'seekDone'): Promise<number | null> {
  try {
    await page.waitForFunction(
      (k) => window.__bench[k] !== undefined || window.__bench.error !== undefined,
      key,
      {
        timeout: phaseTimeoutMs,
        polling: 50,
      },
    );
    return (await page.evaluate((k) => window.__bench[k] ?? null, key)) as number | null;
  } catch {
    return null;
  }
}

async function measure(site: string, api: RecordingApi, player: Player, session: string): Promise<Result> {
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  const bytes = () => api.stats().storageBytes;
  try {
    const page = await browser.newPage();
    const query =
      player === 'player'
        ? `api=${encodeURIComponent(api.url)}&session=${session}`
        : `url=${encodeURIComponent(await presignedUrl(api, session))}`;
    const before = bytes();
    await page.goto(`${site}/${player}.html?${query}`);
    const firstAudioMs = await waitFor(page, 'firstAudio');
    const firstAudioBytes = firstAudioMs === null ? null : bytes() - before;
    let waveformMs: number | null = null;
    let waveformBytes: number | null = null;
    if (player !== 'audio') {
      waveformMs = await waitFor(page, 'waveform');
      waveformBytes =
        waveformMs === null
          ? null
          : player === 'player'
            ? ((await page.evaluate(() => window.__bench.waveformBytes ?? null)) as number | null)
            : bytes() - before;
    } else {
      await page.waitForTimeout(1000);
    }
    const cdp = await page.context().newCDPSession(page);
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { backingStorageSize?: number };
    const rendererPeak = await rendererPeakMB(browser);
    let seekMs: number | null = null;
    let seekBytes: number | null = null;
    if (firstAudioMs !== null) {
      const beforeSeek = bytes();
      await page.evaluate(() => window.__bench.seek90?.());
      const done = await waitFor(page, 'seekDone');
      const start = (await page.evaluate(() => window.__bench.seekStart ?? null)) as number | null;
      if (done !== null && start !== null) {
        seekMs = done - start;
        seekBytes = bytes() - beforeSeek;
      }
    }
    const error = (await page.evaluate(() => window.__bench.error ?? null)) as string | null;
    return {
      firstAudioMs,
      firstAudioBytes,
      waveformMs,
      waveformBytes,
      seekMs,
      seekBytes,
      rendererPeakMB: rendererPeak,
      arrayBufferMB: heap.backingStorageSize === undefined ? null : heap.backingStorageSize / 1024 / 1024,
      ...(error ? { error } : {}),
    };
  } finally {
    await browser.close();
  }
}

function median(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0 || known.length < values.length / 2) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? (known[mid] ?? null) : ((known[mid - 1] ?? 0) + (known[mid] ?? 0)) / 2;
}

const fmtMs = (v: number | null) =>
  v === null ? 'timeout' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;
const fmtMB = (v: number | null) =>
  v === null ? '—' : v >= 1e6 ? `${(v / 1e6).toFixed(1)} MB` : `${(v / 1e3).toFixed(0)} kB`;
const fmtSize = (v: number | null) => (v === null ? '—' : `${v.toFixed(0)} MB`);
const ratio = (ours: number | null, other: number | null) =>
  ours === null || other === null || other === 0 ? '—' : `${(ours / other).toFixed(2)}×`;

async function main() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) });
  const site = await startStaticServer(fileURLToPath(new URL('./dist', import.meta.url)));
  const bundle = await measureBundle();
  const rows: string[] = [];
  const summary: string[] = [];
  let measured = 0;
  let failed = 0;
  try {
    for (const network of networks) {
      for (const testCase of cases) {
        const api = await startRecordingApi({ faults: network.faults });
        const results: Record<Player, Result[]> = { audio: [], wavesurfer: [], player: [] };
        try {
          for (let run = 0; run < runs; run += 1) {
            // Interleaved: each run measures all three players before the next run starts.
            for (const player of players) {
              const result = await measure(site.url, api, player, testCase.session);
              results[player].push(result);
              measured += 1;
              if (result.firstAudioMs === null) failed += 1;
              console.log(
                `${network.label} | ${testCase.label} | ${playerNames[player]} | run ${run + 1}: first audio ${fmtMs(result.firstAudioMs)}, ` +
                  `waveform ${player === 'audio' ? 'n/a' : fmtMs(result.waveformMs)}, seek ${fmtMs(result.seekMs)}${result.error ? ` (${result.error})` : ''}`,
              );
            }
          }
        } finally {
          await api.stop();
        }
        const m = (player: Player, key: keyof Result) =>
          median(results[player].map((r) => (r[key] as number | null) ?? null));
        for (const player of players) {
          rows.push(
            `| ${network.label} | ${testCase.label} | ${playerNames[player]} | ${fmtMs(m(player, 'firstAudioMs'))} | ${fmtMB(m(player, 'firstAudioBytes'))} | ` +
              `${player === 'audio' ? 'n/a' : fmtMs(m(player, 'waveformMs'))} | ${player === 'audio' ? 'n/a' : fmtMB(m(player, 'waveformBytes'))} | ` +
              `${fmtMs(m(player, 'seekMs'))} | ${fmtMB(m(player, 'seekBytes'))} | ${fmtSize(m(player, 'rendererPeakMB'))} | ${fmtSize(m(player, 'arrayBufferMB'))} |`,
          );
        }
        summary.push(
          `| ${network.label} | ${testCase.label} | ${ratio(m('player', 'firstAudioMs'), m('audio', 'firstAudioMs'))} | ${ratio(m('player', 'firstAudioMs'), m('wavesurfer', 'firstAudioMs'))} | ` +
            `${ratio(m('player', 'seekMs'), m('audio', 'seekMs'))} | ${ratio(m('player', 'seekMs'), m('wavesurfer', 'seekMs'))} | ` +
            `${ratio(m('player', 'waveformMs'), m('wavesurfer', 'waveformMs'))} | ${ratio(m('player', 'rendererPeakMB'), m('wavesurfer', 'rendererPeakMB'))} |`,
        );
      }
    }
  } finally {
    await site.stop();
  }

  const versions = JSON.parse(readFileSync(`${root}/node_modules/wavesurfer.js/package.json`, 'utf8')) as {
    version: string;
  };
  const browser = await chromium.launch(chromiumLaunchOptions);
  const chromeVersion = browser.version();
  await browser.close();
  const report = `# Benchmarks

${smoke ? '**Smoke run** (one short case, one run): proves the harness, not the numbers.\n\n' : ''}Generated by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${chromeVersion} (headless), wavesurfer.js ${versions.version}.
Medians of ${runs} run(s) per cell, players interleaved, each run in a fresh browser, against the reference
server (16-bit PCM WAV); the throttled network is one shared 50 Mbit/s link with 20 ms added per request.
Bytes are counted by the storage server. Memory: the renderer's peak resident set, and ArrayBuffer
backing stores after the waveform.

## Results

| network | recording | player | first audio | bytes before | full-width waveform | bytes for it | seek to 90 % | bytes for seek | renderer peak | ArrayBuffers |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

## RecordingPlayer relative to the others

| network | recording | first audio vs <audio> | first audio vs wavesurfer | seek vs <audio> | seek vs wavesurfer | waveform vs wavesurfer | renderer memory vs wavesurfer |
| --- | --- | --- | --- | --- | --- | --- | --- |
${summary.join('\n')}

## Bundle

core + react, minified and gzipped, peers excluded: **${(bundle.mainGzip / 1024).toFixed(1)} kB**; the peak worker, loaded
when the first waveform starts: ${(bundle.workerGzip / 1024).toFixed(1)} kB.
`;
  const out = smoke
    ? fileURLToPath(new URL('../test-results/benchmarks-smoke.md', import.meta.url))
    : `${root}/docs/benchmarks.md`;
  const { mkdirSync } = await import('node:fs');
  mkdirSync(fileURLToPath(new URL('../test-results', import.meta.url)), { recursive: true });
  writeFileSync(out, report);
  console.log(`\nWrote ${out}`);
  console.log(`${measured - failed} passed, ${failed} failed`);
  if (smoke && failed > 0) process.exitCode = 1;
}

await main();
