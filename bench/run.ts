/**
 * The benchmark: a bare <audio>, wavesurfer.js with `url`, and RecordingPlayer, side by side in one
 * run against the reference server, unthrottled and behind a shared 50 Mbit/s link with 20 ms added
 * latency, judged against the player's budgets. Writes docs/benchmarks.md.
 *
 *   pnpm bench            the full run (about 40 minutes on 2 cores)
 *   pnpm bench --smoke    one 5-minute case, one run (about 2 minutes): proves the harness, and
 *                         exits 1 when a player never plays or a budget's ratio is exceeded by more
 *                         than 50 % (ratios within the run only, never absolute times)
 *
 * Environment: BENCH_RUNS (default 3), BENCH_PARALLEL (listening browsers at a time, default 4),
 * BENCH_TEN_MINUTES (`throttled`, the default, `all` or `none`: where the 10-minute mark is reached),
 * BENCH_CASES (comma-separated session ids, to run a subset), BENCH_NETWORKS (`unthrottled`,
 * `throttled`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { format } from 'prettier';
import { build } from 'vite';
import { startRecordingApi } from '../apps/recording-api/src/index.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import { startStaticServer } from '../e2e/staticServer.ts';
import { measureBundle } from './bundleSize.ts';
import {
  measureListen,
  measureStartup,
  players,
  warmUp,
  type Case,
  type ListenResult,
  type Network,
  type Player,
  type StartupResult,
} from './measure.ts';
import {
  checks,
  firstAudio,
  fmtBytes,
  fmtMs,
  median,
  renderReport,
  verdict,
  waveformShown,
  type Cell,
} from './report.ts';

const smoke = process.argv.includes('--smoke');
const runs = smoke ? 1 : Number(process.env['BENCH_RUNS'] ?? 3);
const parallel = Math.max(1, Number(process.env['BENCH_PARALLEL'] ?? 4));
const tenMinutesOn = smoke ? 'none' : (process.env['BENCH_TEN_MINUTES'] ?? 'throttled');
const timeoutMs = smoke ? 45_000 : 90_000;

const MONO = 16_000 * 2;
const STEREO = 44_100 * 4;
const allCases: Case[] = [
  { session: 'visit-5min', label: '5 min, 16 kHz mono', seconds: 300, byteRate: MONO },
  { session: 'visit-60min', label: '60 min, 16 kHz mono', seconds: 3600, byteRate: MONO },
  { session: 'visit-120min', label: '120 min, 16 kHz mono', seconds: 7200, byteRate: MONO },
  { session: 'visit-60min-stereo', label: '60 min, 44.1 kHz stereo', seconds: 3600, byteRate: STEREO },
];
const unthrottled: Network = { label: 'unthrottled', throttled: false, faults: {} };
const throttled: Network = {
  label: '50 Mbit/s, +20 ms',
  throttled: true,
  faults: { linkBandwidthBytesPerSecond: 50_000_000 / 8, latencyMs: 20 },
};
const only = process.env['BENCH_CASES']?.split(',');
const cases = smoke ? allCases.slice(0, 1) : allCases.filter((c) => !only || only.includes(c.session));
const networkFilter = process.env['BENCH_NETWORKS']?.split(',');
// The smoke run is throttled: its byte counts are steadier than on an unbounded local link.
const networks = smoke
  ? [throttled]
  : [unthrottled, throttled].filter(
      (n) => !networkFilter || networkFilter.includes(n.throttled ? 'throttled' : 'unthrottled'),
    );

const names: Record<Player, string> = { audio: 'bare', wavesurfer: 'wavesurfer', player: 'player' };
const emptyStartup = (): Record<Player, StartupResult[]> => ({ audio: [], wavesurfer: [], player: [] });
const emptyListen = (): Record<Player, ListenResult[]> => ({ audio: [], wavesurfer: [], player: [] });
const tenMinutesIn = (network: Network) =>
  tenMinutesOn === 'all' || (tenMinutesOn === 'throttled' && network.throttled);

function logStartup(cell: Cell, player: Player, run: number, r: StartupResult): void {
  const zoom = r.zoom
    ? `, zoom ${fmtMs(r.zoom.fromLastPressMs)} (${fmtMs(r.zoom.fromFirstPressMs)} from the first press) ` +
      `${fmtBytes(r.zoom.bytes)} for ${r.zoom.windowSeconds.toFixed(1)} s`
    : '';
  console.log(
    `[startup] ${cell.network.label} | ${cell.testCase.label} | ${names[player]} | run ${run + 1}: ` +
      `first audio ${fmtMs(firstAudio(r))} after mount (mounted at ${fmtMs(r.mountMs)}), ` +
      `waveform ${player === 'audio' ? 'n/a' : fmtMs(waveformShown(r))}, ` +
      `seek ${fmtMs(r.seekMs)}${zoom}${r.error ? ` (${r.error})` : ''}`,
  );
}

function logListen(cell: Cell, player: Player, run: number, r: ListenResult, seconds: number): void {
  console.log(
    `[listen] ${cell.network.label} | ${cell.testCase.label} | ${names[player]} | run ${run + 1}: ` +
      `60 s ${fmtBytes(r.bytes60)}${cell.tenMinutes ? `, 10 min ${fmtBytes(r.bytes600)}` : ''}, ` +
      `CPU ${r.rendererCpu?.toFixed(2) ?? '—'} s, RSS ${Math.round(Math.max(r.rssHwmMB ?? 0, r.rssSampledMB ?? 0))} MB ` +
      `(${seconds.toFixed(0)} s)${r.error ? ` (${r.error})` : ''}`,
  );
}

/** Runs `jobs` in order, at most `limit` at once. */
async function pool(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next] as () => Promise<void>;
      next += 1;
      await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

async function main() {
  const began = Date.now();
  // Other work on the machine shows in the timings: the 1-minute load average, every 10 s.
  const load: number[] = [loadavg()[0] ?? 0];
  const loadTimer = setInterval(() => load.push(loadavg()[0] ?? 0), 10_000);
  const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) });
  const bundle = await measureBundle();
  const site = await startStaticServer(fileURLToPath(new URL('./dist', import.meta.url)));
  const cells: Cell[] = networks.flatMap((network) =>
    cases.map((testCase) => ({
      network,
      testCase,
      startup: emptyStartup(),
      listen: emptyListen(),
      tenMinutes: tenMinutesIn(network),
    })),
  );
  let startupSeconds = 0;
  let listenSeconds = 0;
  try {
    // Startup figures: one browser at a time, players interleaved within each run.
    const startupBegan = Date.now();
    for (const cell of cells) {
      const api = await startRecordingApi({ faults: cell.network.faults });
      try {
        await warmUp(site.url, api, [cell.testCase], cell === cells[0]);
        for (let run = 0; run < runs; run += 1) {
          for (const player of players) {
            const result = await measureStartup({
              site: site.url,
              api,
              player,
              testCase: cell.testCase,
              network: cell.network,
              timeoutMs,
            });
            cell.startup[player].push(result);
            logStartup(cell, player, run, result);
          }
        }
      } finally {
        await api.stop();
      }
    }
    startupSeconds = (Date.now() - startupBegan) / 1000;

    // Listening: several browsers at once, each against its own server. Run by run; within a run the
    // longest cells first, and in each cell wavesurfer first (it downloads the whole file before it
    // plays), so the pool does not end waiting on one slow job.
    const listenBegan = Date.now();
    const jobs: (() => Promise<void>)[] = [];
    const length = (cell: Cell) =>
      (cell.network.throttled ? 2 : 1) * cell.testCase.seconds * cell.testCase.byteRate;
    const longestFirst = [...cells].sort((a, b) => length(b) - length(a));
    for (let run = 0; run < runs; run += 1) {
      for (const cell of longestFirst) {
        for (const player of ['wavesurfer', 'player', 'audio'] as const) {
          jobs.push(async () => {
            const jobBegan = Date.now();
            const result = await measureListen({
              site: site.url,
              player,
              testCase: cell.testCase,
              network: cell.network,
              tenMinutes: cell.tenMinutes,
              timeoutMs,
            });
            cell.listen[player][run] = result;
            logListen(cell, player, run, result, (Date.now() - jobBegan) / 1000);
          });
        }
      }
    }
    await pool(jobs, parallel);
    listenSeconds = (Date.now() - listenBegan) / 1000;
  } finally {
    await site.stop();
  }

  clearInterval(loadTimer);
  const all = checks(cells, bundle);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const chromeVersion = browser.version();
  await browser.close();
  const wavesurfer = JSON.parse(readFileSync(`${root}/node_modules/wavesurfer.js/package.json`, 'utf8')) as {
    version: string;
  };
  const report = renderReport(cells, bundle, all, {
    smoke,
    runs,
    machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
    chromium: chromeVersion,
    wavesurfer: wavesurfer.version,
    date: new Date().toISOString().slice(0, 10),
    parallel,
    durations: { total: (Date.now() - began) / 1000, startup: startupSeconds, listen: listenSeconds },
    tenMinutesOn,
    networks: networks.map((network) => network.label),
    load: { min: Math.min(...load), median: median(load) ?? 0, max: Math.max(...load) },
  });
  const out = smoke ? `${root}/test-results/benchmarks-smoke.md` : `${root}/docs/benchmarks.md`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await format(report, { parser: 'markdown', singleQuote: true, printWidth: 110 }));
  console.log(`\nWrote ${out} in ${((Date.now() - began) / 60_000).toFixed(1)} min`);
  for (const check of all)
    console.log(`${check.budget} | ${check.where} | ${check.figure} | ${verdict(check)}`);

  // What fails the smoke run: a player that never played, or a budget blown by more than half.
  const problems: string[] = [];
  for (const cell of cells) {
    for (const player of players) {
      if (cell.startup[player].some((r) => r.firstAudioMs === null))
        problems.push(`${player} never played (startup, ${cell.testCase.label})`);
      if (cell.listen[player].some((r) => !r || r.firstAudioMs === null))
        problems.push(`${player} never played (listening, ${cell.testCase.label})`);
    }
  }
  for (const check of all.filter((c) => c.smoke)) {
    if (check.use === null) problems.push(`${check.budget} (${check.where}): not measured`);
    else if (check.use > 1.5)
      problems.push(
        `${check.budget} (${check.where}): ${check.figure}, ${check.use.toFixed(2)} of the limit`,
      );
  }
  if (problems.length) {
    console.error(
      `\n${smoke ? 'Smoke run failed' : 'Problems'}:\n${problems.map((p) => `- ${p}`).join('\n')}`,
    );
    if (smoke) process.exitCode = 1;
  }
}

await main();
