/**
 * Medians, budgets and the Markdown report. Every budget is judged on medians, RecordingPlayer
 * against the bare <audio> of the same cell (same network, same recording, same run of the bench);
 * wavesurfer.js is shown alongside for comparison.
 */
import type { BundleSize } from './bundleSize.ts';
import type { Case, ListenResult, Network, Player, StartupResult, ZoomResult } from './measure.ts';

export interface Cell {
  network: Network;
  testCase: Case;
  startup: Record<Player, StartupResult[]>;
  listen: Record<Player, ListenResult[]>;
  /** The 10-minute mark was measured in this cell. */
  tenMinutes: boolean;
}

export interface Check {
  budget: string;
  where: string;
  /** How much of the allowance is used: 1 is exactly at the limit. null: not measured. */
  use: number | null;
  /** As the report says it: e.g. "1.42× bare" or "+2.1 MB". */
  figure: string;
  /** Checked by the smoke run (ratios within one run; never absolute times). */
  smoke: boolean;
  /** A limit no implementation can meet (e.g. bytes that cannot cross the link in time). */
  impossible?: string;
}

export const MB = 1e6;
const EXCESS_ALLOWANCE = 8 * MB;
/**
 * How far the excess may vary with length and still count as flat: 4 MiB, twice the overview's default
 * budget (2 MiB), because a short recording reads less than the budget (⅛ of its file) and the
 * element's own read-ahead varies by a few MB from run to run.
 */
const FLAT_SPREAD = 4 * 2 ** 20;

export function median(values: readonly (number | null | undefined)[]): number | null {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (known.length === 0 || known.length < values.length / 2) return null;
  known.sort((a, b) => a - b);
  const mid = Math.floor(known.length / 2);
  return known.length % 2
    ? (known[mid] as number)
    : ((known[mid - 1] as number) + (known[mid] as number)) / 2;
}

/** A startup moment (ms since navigation) counted from the player's mount instead. */
const sinceMount =
  (at: (r: StartupResult) => number | null) =>
  (r: StartupResult): number | null => {
    const value = at(r);
    return value === null || r.mountMs === null ? null : value - r.mountMs;
  };
export const firstAudio = sinceMount((r) => r.firstAudioMs);
export const waveformShown = sinceMount((r) => r.waveformMs);
const apiAnswered = sinceMount((r) => r.apiMs);

const startupMedian = (cell: Cell, player: Player, read: (r: StartupResult) => number | null | undefined) =>
  median(cell.startup[player].map(read));
const listenMedian = (cell: Cell, player: Player, read: (r: ListenResult) => number | null | undefined) =>
  median(cell.listen[player].map(read));
const zoomMedian = (cell: Cell, read: (z: ZoomResult) => number | null) =>
  median(cell.startup.player.map((r) => (r.zoom ? read(r.zoom) : null)));
/** The zoom's own storage reads (all of them but the media element's, which playback makes anyway). */
const zoomOwnBytes = (z: ZoomResult) =>
  z.bytes === null || z.elementBytes === null ? null : z.bytes - z.elementBytes;
const zoomOwnRatio = (z: ZoomResult) => {
  const own = zoomOwnBytes(z);
  return own === null ? null : own / z.shareBytes;
};

/** Peak resident set: the kernel's high-water mark (it includes every 1 s sample). */
const rss = (r: ListenResult) =>
  r.rssHwmMB === null && r.rssSampledMB === null ? null : Math.max(r.rssHwmMB ?? 0, r.rssSampledMB ?? 0);

export const fmtMs = (v: number | null) =>
  v === null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;
export const fmtBytes = (v: number | null) =>
  v === null ? '—' : v >= 1e6 ? `${(v / 1e6).toFixed(1)} MB` : `${(v / 1e3).toFixed(0)} kB`;
const fmtSigned = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : '−'}${fmtBytes(Math.abs(v))}`);
const fmtMB = (v: number | null) => (v === null ? '—' : `${v.toFixed(0)} MB`);
const fmtCpu = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)} s`);
const fmtRatio = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}×`);
const fmtKB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ratioOf = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);

export function verdict(check: Pick<Check, 'use' | 'impossible'>): string {
  if (check.use === null) return 'not measured';
  const met = check.use <= 1;
  return `${met ? 'met' : '**not met**'} (${check.use.toFixed(2)} of the limit)${!met && check.impossible ? ` — ${check.impossible}` : ''}`;
}

const where = (cell: Cell) => `${cell.network.label}, ${cell.testCase.label}`;

/** Every budget of every cell, plus the bundle. */
export function checks(cells: readonly Cell[], bundle: BundleSize): Check[] {
  const out: Check[] = [];
  for (const cell of cells) {
    const at = where(cell);
    for (const [key, budget, read] of [
      ['bytes60', '1. storage bytes, first 60 s ≤ bare + 8 MB', (r: ListenResult) => r.bytes60],
      ['bytes600', '1. storage bytes, first 10 min ≤ bare + 8 MB', (r: ListenResult) => r.bytes600],
    ] as const) {
      if (key === 'bytes600' && !cell.tenMinutes) continue;
      const excess = diff(listenMedian(cell, 'player', read), listenMedian(cell, 'audio', read));
      out.push({
        budget,
        where: at,
        use: excess === null ? null : excess / EXCESS_ALLOWANCE,
        figure: fmtSigned(excess),
        smoke: true,
      });
    }
    const cpu = ratioOf(
      listenMedian(cell, 'player', (r) => r.rendererCpu),
      listenMedian(cell, 'audio', (r) => r.rendererCpu),
    );
    out.push({
      budget: '2. renderer CPU, 60 s ≤ 2× bare',
      where: at,
      use: cpu === null ? null : cpu / 2,
      figure: fmtRatio(cpu),
      smoke: true,
    });
    const memory = ratioOf(listenMedian(cell, 'player', rss), listenMedian(cell, 'audio', rss));
    out.push({
      budget: '2. peak RSS ≤ 1.3× bare',
      where: at,
      use: memory === null ? null : memory / 1.3,
      figure: fmtRatio(memory),
      smoke: true,
    });
    const first = ratioOf(
      startupMedian(cell, 'player', firstAudio),
      startupMedian(cell, 'audio', firstAudio),
    );
    out.push({
      budget: '3. first audio ≤ 1.5× bare',
      where: at,
      use: first === null ? null : first / 1.5,
      figure: fmtRatio(first),
      smoke: true,
    });
    if (cell.network.throttled) {
      const waveform = startupMedian(cell, 'player', waveformShown);
      out.push({
        budget: '3. first full-width waveform ≤ 1 s at 50 Mbit/s',
        where: at,
        use: waveform === null ? null : waveform / 1000,
        figure: fmtMs(waveform),
        smoke: false,
      });
    }
    const zoomMs = zoomMedian(cell, (z) => z.fromLastPressMs);
    const share = zoomMedian(cell, (z) => z.shareBytes);
    const link = cell.network.faults.linkBandwidthBytesPerSecond;
    const impossible =
      link && share !== null && share > link * 0.5
        ? `${fmtBytes(share)} cannot cross a ${Math.round((link * 8) / 1e6)} Mbit/s link in 0.5 s (it takes ${fmtMs((share / link) * 1000)})`
        : undefined;
    out.push({
      budget: '4. zoom to ≤ 1 min, exact, ≤ 0.5 s',
      where: at,
      use: zoomMs === null ? null : zoomMs / 500,
      figure: fmtMs(zoomMs),
      smoke: false,
      ...(impossible ? { impossible } : {}),
    });
    const zoomBytes = zoomMedian(cell, zoomOwnRatio);
    out.push({
      budget: '4. zoom bytes ≤ 1.2× the window’s share',
      where: at,
      use: zoomBytes === null ? null : zoomBytes / 1.2,
      figure: fmtRatio(zoomBytes),
      smoke: true,
    });
  }
  for (const network of new Set(cells.map((cell) => cell.network))) {
    const mono = cells.filter((cell) => cell.network === network && cell.testCase.byteRate === 32_000);
    if (mono.length < 2) continue;
    for (const [budget, read] of [
      ['1. flat from 5 to 120 min (first 60 s)', (r: ListenResult) => r.bytes60],
      ['1. flat from 5 to 120 min (first 10 min)', (r: ListenResult) => r.bytes600],
    ] as const) {
      const excesses = mono.map((cell) =>
        diff(listenMedian(cell, 'player', read), listenMedian(cell, 'audio', read)),
      );
      if (excesses.some((v) => v === null)) continue;
      const known = excesses as number[];
      const spread = Math.max(...known) - Math.min(...known);
      const worst = Math.max(...known) / EXCESS_ALLOWANCE;
      out.push({
        budget,
        where: network.label,
        use: Math.max(worst, spread / FLAT_SPREAD),
        figure: `${known.map((v) => fmtSigned(v)).join(' / ')} (spread ${fmtBytes(spread)})`,
        smoke: false,
      });
    }
  }
  out.push({
    budget: '5. bundle core + react ≤ 25 kB min+gzip (loaded up front)',
    where: 'host imports',
    use: bundle.upFront / (25 * 1024),
    figure: fmtKB(bundle.upFront),
    smoke: true,
  });
  return out;
}

/** The two listening marks: total storage bytes, and of them the media element's. */
const byteMarks = [
  {
    mark: '60 s',
    read: (r: ListenResult) => r.bytes60,
    element: (r: ListenResult) => r.elementBytes60,
    budget: '1. storage bytes, first 60 s ≤ bare + 8 MB',
  },
  {
    mark: '10 min',
    read: (r: ListenResult) => r.bytes600,
    element: (r: ListenResult) => r.elementBytes600,
    budget: '1. storage bytes, first 10 min ≤ bare + 8 MB',
  },
] as const;

/** A run's bytes that its media element did not read: the page's own `fetch()` reads (the waveform's). */
const ownReads =
  (read: (r: ListenResult) => number | null, element: (r: ListenResult) => number | null) =>
  (r: ListenResult) => {
    const total = read(r);
    const fromElement = element(r);
    return total === null || fromElement === null ? null : total - fromElement;
  };

/**
 * For information, beside the budget: how the player's excess over bare splits between its own reads
 * and its element's, per network across the mono lengths. Both players' elements read ahead as
 * Chromium decides (in bursts the loopback socket buffers absorb), which no page controls.
 */
function ownReadsSummary(cells: readonly Cell[]): string {
  const lines: string[] = [];
  for (const network of new Set(cells.map((cell) => cell.network))) {
    const mono = cells.filter((cell) => cell.network === network && cell.testCase.byteRate === 32_000);
    if (mono.length < 2) continue;
    for (const { mark, read, element } of byteMarks) {
      const own = mono.map((cell) => listenMedian(cell, 'player', ownReads(read, element)));
      const elements = mono.map((cell) =>
        diff(listenMedian(cell, 'player', element), listenMedian(cell, 'audio', element)),
      );
      if ([...own, ...elements].some((value) => value === null)) continue;
      const spread = (values: number[]) => fmtBytes(Math.max(...values) - Math.min(...values));
      const labels = mono.map((cell) => cell.testCase.label.replace(/, .*/, '')).join(' / ');
      lines.push(
        `- ${network.label}, ${mark} (${labels}): the player's own reads ` +
          `${(own as number[]).map(fmtBytes).join(' / ')} (spread ${spread(own as number[])}); ` +
          `its element's reads minus bare's ${(elements as number[]).map(fmtSigned).join(' / ')} ` +
          `(spread ${spread(elements as number[])}).`,
      );
    }
  }
  if (!lines.length) return '';
  return [
    "Where the player's excess over bare comes from (storage bytes by the request's `Sec-Fetch-Dest`: `audio` is the media element, the rest the page's own `fetch()` reads, the waveform's), for the mono recordings from 5 to 120 minutes:",
    '',
    ...lines,
  ].join('\n');
}

function diff(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

const names: Record<Player, string> = {
  audio: 'bare `<audio>`',
  wavesurfer: 'wavesurfer.js (url)',
  player: 'RecordingPlayer',
};

export interface ReportContext {
  smoke: boolean;
  runs: number;
  machine: string;
  chromium: string;
  wavesurfer: string;
  date: string;
  parallel: number;
  durations: { total: number; startup: number; listen: number };
  tenMinutesOn: string;
  networks: string[];
  /** The machine's 1-minute load average through the run (2 cores: above 2, something waited). */
  load: { min: number; median: number; max: number };
}

const fmtDuration = (seconds: number) =>
  seconds >= 600
    ? `${Math.round(seconds / 60)} min`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;

function find(all: readonly Check[], budget: string, at: string): Check | undefined {
  return all.find((c) => c.budget === budget && c.where === at);
}

export function renderReport(
  cells: readonly Cell[],
  bundle: BundleSize,
  all: readonly Check[],
  context: ReportContext,
): string {
  const sections: string[] = [];
  const cellWhere = (cell: Cell) => [cell.network.label, cell.testCase.label];
  const v = (budget: string, cell: Cell) => {
    const check = find(all, budget, where(cell));
    return check ? verdict(check) : 'n/a';
  };

  sections.push(`# Benchmarks

${context.smoke ? '**Smoke run** (one short case, one run): proves the harness and catches a budget blown by more than half; the figures are not the benchmark.\n\n' : ''}Generated by \`pnpm bench${context.smoke ? ' --smoke' : ''}\` on ${context.date}: ${context.machine}, Node ${process.version}, Chromium ${context.chromium} (headless), wavesurfer.js ${context.wavesurfer}. The run took ${fmtDuration(context.durations.total)} (startup measurements ${fmtDuration(context.durations.startup)}, listening ${fmtDuration(context.durations.listen)}); the machine's 1-minute load average was ${context.load.min.toFixed(1)} to ${context.load.max.toFixed(1)} (median ${context.load.median.toFixed(1)}) on ${context.machine.split(' ')[0]} cores, the bench's own browsers included.

Three players side by side against the reference recording service (16-bit PCM WAV, presigned URLs,
Range reads): a bare \`<audio>\` streaming the URL the API gave it, wavesurfer.js 8 used the documented way
(\`load(url)\`, which downloads and decodes the whole file before it plays), and
RecordingPlayer (sampled overview within a byte budget, exact loudness only for the zoomed window).
Networks: ${context.networks.map((n) => (n === 'unthrottled' ? 'unthrottled' : `${n} (one shared 50 Mbit/s link, 20 ms added to every request)`)).join(', and ')}. Every figure
is the median of ${context.runs === 1 ? 'one run' : `${context.runs} runs`}; every run is a fresh headless Chromium.`);

  sections.push(`## How it is measured

- **Startup** (first audio, first full-width waveform, seek, zoom): one browser at a time, nothing
  else of the bench running, players interleaved (bare, wavesurfer, player, then the next run). Each
  page loads first (RecordingPlayer's with React and an app shell rendered, as in a host app), then
  the runner shows its player, as a host screen does when the listener opens a visit: startup times
  count from that mount. Every page starts from the session id: the bare and wavesurfer pages ask the
  API for the presigned URL with one \`fetch\` (the token header costs a CORS preflight, as it does
  for RecordingPlayer), then play it. *API answered*: the API response's \`responseEnd\` (resource
  timing). *First audio*: ms from the mount until \`playing\` fired and the position moved on
  (autoplay); from navigation too, for information (the page's own load included). *First full-width
  waveform*: wavesurfer's \`ready\`; RecordingPlayer's first \`onWaveformProgress\` with
  \`coverage > 0\` (the first pass across the whole recording). *Seek to 90 %*: from the seek until
  playback is 0.25 s past the target.
- **Zoom** (RecordingPlayer): seek to 50 % and play; wait for the overview's reads to end and the
  storage to be quiet for 1 s; then, with focus on "Zoom in", press \`+\` until the view is at most 60 s,
  in one go, as a listener holding \`+\` does (each press halves the view from the whole recording; the
  player reads the window the view comes to rest at, not those passed on the way). Time: from the
  press that reached the window until its exact loudness is drawn — every 10 ms bin of the window the
  player asked its worker for is exact, plus two animation frames. The player has no hook that says
  so: the bench wraps the page's \`Worker\` and reads the worker's \`show-detail\` requests and
  \`detail\` answers. Bytes: storage bytes from the first press until then, split by the request's
  \`Sec-Fetch-Dest\`: the media element's reads in that time (playback goes on while the listener
  zooms; a bare \`<audio>\` makes them too) are shown apart, and the budget is the player's own reads
  (its \`fetch()\`es, the zoom's); the share is window seconds × sample rate × block align.
- **Listening**: the first 60 s of playback at 1×${context.tenMinutesOn === 'none' ? '' : `, then on to the 10-minute mark at 16× (the element's playbackRate; RecordingPlayer's own speed control, given a 16× option), ${context.tenMinutesOn === 'all' ? 'on both networks' : 'on the throttled network only, to keep the run practical'}`}. ${context.parallel} browsers at a time,
  each against its own reference server (separate links, separate byte counts): CPU time and memory are
  per process. *Storage bytes*: counted by the storage server from navigation until the position
  reached 60 s (600 s, or the last second of a shorter recording). The server also counts them by the request's \`Sec-Fetch-Dest\`, so a player's media element's reads (\`audio\`) are told from its own \`fetch()\` reads. *Renderer CPU*: user + system time of every renderer process of the browser
  (/proc/<pid>/stat, processes named by CDP \`SystemInfo.getProcessInfo\`; workers and the media
  pipeline run in the page's renderer) from first audio to the 60 s mark; the GPU process is shown
  apart. *Peak RSS*: the page's renderer (the renderer that spent the CPU; Chromium's idle spare and
  WebUI renderers are left out), VmRSS read every second through the listen and VmHWM at the 60 s
  mark, the larger.
- **Bundle**: what a host that plays recordings imports (\`createRecordingClient\`,
  \`RecordingClientProvider\`, \`RecordingPlayer\`, \`usePlayerControls\`) from the built
  \`packages/*/dist\`, bundled by Vite as an app would (minified, code-split), peers external (react,
  react-dom, @tanstack/react-query, wavesurfer.js); gzip of the chunks loaded up front.`);

  // Budgets.
  const b: string[] = ['## Budgets'];
  const overview = all.map((c) => [c.budget, c.where, c.figure, verdict(c)]);
  b.push(table(['budget', 'where', 'RecordingPlayer', 'verdict'], overview));
  sections.push(b.join('\n\n'));

  const perBudget: string[] = ['## Figures side by side'];
  perBudget.push(
    '### 1. Storage bytes while listening (limit: bare `<audio>` + 8 MB, flat from 5 to 120 minutes)',
    table(
      [
        'network',
        'recording',
        'mark',
        names.audio,
        names.wavesurfer,
        names.player,
        'player − bare',
        'verdict',
        'player: its element / own reads',
        'element − bare',
      ],
      cells.flatMap((cell) =>
        byteMarks
          .filter(({ mark }) => mark === '60 s' || cell.tenMinutes)
          .map(({ mark, read, element, budget }) => [
            ...cellWhere(cell),
            mark === '10 min' && cell.testCase.seconds < 600
              ? `to the end (${cell.testCase.seconds / 60} min)`
              : mark,
            ...(['audio', 'wavesurfer', 'player'] as const).map((p) => fmtBytes(listenMedian(cell, p, read))),
            fmtSigned(diff(listenMedian(cell, 'player', read), listenMedian(cell, 'audio', read))),
            v(budget, cell),
            `${fmtBytes(listenMedian(cell, 'player', element))} / ${fmtBytes(listenMedian(cell, 'player', ownReads(read, element)))}`,
            fmtSigned(diff(listenMedian(cell, 'player', element), listenMedian(cell, 'audio', element))),
          ]),
      ),
    ),
    ownReadsSummary(cells),
  );
  perBudget.push(
    '### 2. Renderer CPU over the first 60 s of playback (limit 2× bare) and peak resident memory (limit 1.3× bare)',
    table(
      [
        'network',
        'recording',
        ...players3('CPU'),
        'CPU ratio',
        'verdict',
        ...players3('peak RSS'),
        'RSS ratio',
        'verdict',
      ],
      cells.map((cell) => [
        ...cellWhere(cell),
        ...(['audio', 'wavesurfer', 'player'] as const).map((p) =>
          fmtCpu(listenMedian(cell, p, (r) => r.rendererCpu)),
        ),
        fmtRatio(
          ratioOf(
            listenMedian(cell, 'player', (r) => r.rendererCpu),
            listenMedian(cell, 'audio', (r) => r.rendererCpu),
          ),
        ),
        v('2. renderer CPU, 60 s ≤ 2× bare', cell),
        ...(['audio', 'wavesurfer', 'player'] as const).map((p) => fmtMB(listenMedian(cell, p, rss))),
        fmtRatio(ratioOf(listenMedian(cell, 'player', rss), listenMedian(cell, 'audio', rss))),
        v('2. peak RSS ≤ 1.3× bare', cell),
      ]),
    ),
  );
  perBudget.push(
    '### 3. First audio (limit 1.5× bare) and first full-width waveform (limit 1 s at 50 Mbit/s + 20 ms)',
    table(
      [
        'network',
        'recording',
        ...players3('first audio'),
        'ratio',
        'verdict',
        'API answered (bare / player)',
        'from navigation (bare / player)',
        'wavesurfer ready',
        'player waveform',
        'verdict (throttled)',
        'player waveform from navigation',
      ],
      cells.map((cell) => [
        ...cellWhere(cell),
        ...(['audio', 'wavesurfer', 'player'] as const).map((p) => fmtMs(startupMedian(cell, p, firstAudio))),
        fmtRatio(
          ratioOf(startupMedian(cell, 'player', firstAudio), startupMedian(cell, 'audio', firstAudio)),
        ),
        v('3. first audio ≤ 1.5× bare', cell),
        `${fmtMs(startupMedian(cell, 'audio', apiAnswered))} / ${fmtMs(startupMedian(cell, 'player', apiAnswered))}`,
        `${fmtMs(startupMedian(cell, 'audio', (r) => r.firstAudioMs))} / ${fmtMs(startupMedian(cell, 'player', (r) => r.firstAudioMs))}`,
        fmtMs(startupMedian(cell, 'wavesurfer', waveformShown)),
        fmtMs(startupMedian(cell, 'player', waveformShown)),
        cell.network.throttled
          ? v('3. first full-width waveform ≤ 1 s at 50 Mbit/s', cell)
          : 'n/a (unthrottled)',
        fmtMs(startupMedian(cell, 'player', (r) => r.waveformMs)),
      ]),
    ),
  );
  perBudget.push(
    '### 4. Zoom to a one-minute window with exact loudness (limits 0.5 s, and 1.2× the window’s share of the file)',
    table(
      [
        'network',
        'recording',
        'presses',
        'window',
        'time from last press',
        'from first press',
        'verdict',
        'storage bytes',
        'of them the element’s',
        'the player’s own reads',
        'engine bytes',
        'share',
        'ratio (own reads)',
        'verdict',
      ],
      cells.map((cell) => [
        ...cellWhere(cell),
        String(zoomMedian(cell, (z) => z.presses) ?? '—'),
        `${(zoomMedian(cell, (z) => z.windowSeconds) ?? 0).toFixed(1)} s`,
        fmtMs(zoomMedian(cell, (z) => z.fromLastPressMs)),
        fmtMs(zoomMedian(cell, (z) => z.fromFirstPressMs)),
        v('4. zoom to ≤ 1 min, exact, ≤ 0.5 s', cell),
        fmtBytes(zoomMedian(cell, (z) => z.bytes)),
        fmtBytes(zoomMedian(cell, (z) => z.elementBytes)),
        fmtBytes(zoomMedian(cell, zoomOwnBytes)),
        fmtBytes(zoomMedian(cell, (z) => z.engineBytes)),
        fmtBytes(zoomMedian(cell, (z) => z.shareBytes)),
        fmtRatio(zoomMedian(cell, zoomOwnRatio)),
        v('4. zoom bytes ≤ 1.2× the window’s share', cell),
      ]),
    ),
  );
  perBudget.push(
    '### 5. Bundle (limit 25 kB min+gzip up front, peers excluded)',
    table(
      ['what', 'min+gzip', 'minified'],
      [
        ['host imports, loaded up front (the budget)', fmtKB(bundle.upFront), fmtKB(bundle.upFrontMinified)],
        ['host imports, lazy chunks', fmtKB(bundle.lazy), '—'],
        ['waveform worker, as the host build emits it', fmtKB(bundle.worker), fmtKB(bundle.workerMinified)],
        [
          'everything exported (for information), up front',
          fmtKB(bundle.everything),
          fmtKB(bundle.everythingMinified),
        ],
      ],
    ),
    `Verdict: ${verdict(find(all, '5. bundle core + react ≤ 25 kB min+gzip (loaded up front)', 'host imports') ?? { use: null })}. Up front, by source module (rendered, before minification and gzip): ${bundle.modules.map((m) => `${m.name} ${fmtKB(m.rendered)}`).join(', ')}.${bundle.notes.length ? ` ${bundle.notes.join(' ')}` : ''}`,
  );
  sections.push(perBudget.join('\n\n'));

  // The rest.
  sections.push(
    [
      '## Other measures',
      "Seek to 90 % (from the seek until playback is past it) and its storage bytes; bytes read before the first audio; the waveform's bytes (RecordingPlayer: its own reads until the first full-width waveform; wavesurfer: the whole file); ArrayBuffer backing stores after the waveform (CDP `Runtime.getHeapUsage`); the GPU process's CPU over the 60 s (canvas drawing can land there); how long the first 60 s of playback took on the wall clock (more than 60 s: it stalled).",
      table(
        [
          'network',
          'recording',
          'player',
          'seek to 90 %',
          'bytes for seek',
          'bytes before first audio',
          'waveform bytes',
          'ArrayBuffers',
          'GPU CPU, 60 s',
          'wall time of 60 s',
        ],
        cells.flatMap((cell) =>
          (['audio', 'wavesurfer', 'player'] as const).map((p) => [
            ...cellWhere(cell),
            names[p],
            fmtMs(startupMedian(cell, p, (r) => r.seekMs)),
            fmtBytes(startupMedian(cell, p, (r) => r.seekBytes)),
            fmtBytes(startupMedian(cell, p, (r) => r.firstAudioBytes)),
            p === 'audio' ? 'n/a' : fmtBytes(startupMedian(cell, p, (r) => r.waveformBytes)),
            fmtMB(startupMedian(cell, p, (r) => r.arrayBufferMB)),
            fmtCpu(listenMedian(cell, p, (r) => r.gpuCpu)),
            (() => {
              const wall = listenMedian(cell, p, (r) => r.wall60);
              return wall === null ? '—' : `${wall.toFixed(1)} s`;
            })(),
          ]),
        ),
      ),
    ].join('\n\n'),
  );

  const errors = cells.flatMap((cell) =>
    (['audio', 'wavesurfer', 'player'] as const).flatMap((p) => [
      ...cell.startup[p].flatMap((r, i) =>
        r.error ? [`${where(cell)}, ${names[p]}, startup run ${i + 1}: ${r.error}`] : [],
      ),
      ...cell.listen[p].flatMap((r, i) =>
        r.error ? [`${where(cell)}, ${names[p]}, listening run ${i + 1}: ${r.error}`] : [],
      ),
    ]),
  );
  if (errors.length)
    sections.push(['## Errors during the run', errors.map((e) => `- ${e}`).join('\n')].join('\n\n'));
  return `${sections.join('\n\n')}\n`;
}

function players3(what: string): string[] {
  return [`bare ${what}`, `wavesurfer ${what}`, `player ${what}`];
}
