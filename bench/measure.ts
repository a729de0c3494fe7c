/**
 * The two kinds of measurement, each in a fresh headless Chromium:
 *
 * - `measureStartup`: first audio, first full-width waveform, seek to 90 %, and (RecordingPlayer) a
 *   zoom to a one-minute window. Run one at a time, so nothing else competes for the CPU.
 * - `measureListen`: the first 60 s of playback (storage bytes, renderer CPU time, peak resident
 *   memory), then on to the 10-minute mark at 16× for its byte count. Run several at a time, each
 *   against its own reference server, so links and byte counts are separate.
 */
import { chromium, type Browser, type Page } from 'playwright';
import { startRecordingApi, type RecordingApi } from '../apps/recording-api/src/index.ts';
import { chromiumLaunchOptions } from '../chromium.ts';
import type { BenchProbe } from './pages/probe.ts';
import { ProcessMonitor } from './processes.ts';

export type Player = 'audio' | 'wavesurfer' | 'player';
export const players: readonly Player[] = ['audio', 'wavesurfer', 'player'];

export interface Case {
  session: string;
  label: string;
  /** Length, seconds, and bytes per second of audio (sample rate × block align), from the catalogue. */
  seconds: number;
  byteRate: number;
}

export interface Network {
  label: string;
  /** The throttled one: where the 10-minute mark and the 1 s waveform budget are measured. */
  throttled: boolean;
  faults: { linkBandwidthBytesPerSecond?: number; latencyMs?: number };
}

export interface ZoomResult {
  presses: number;
  /** Seconds across the view the presses reached (the window the player asked the detail of). */
  windowSeconds: number;
  /** From the press that reached the window, and from the first press, to its exact loudness drawn. */
  fromLastPressMs: number | null;
  fromFirstPressMs: number | null;
  /**
   * Storage bytes from the first press until then; of them, the media element's (playback goes on
   * while the listener zooms: those reads are the listening's, a bare `<audio>` makes them too); the
   * waveform engine's own count of its reads.
   */
  bytes: number | null;
  elementBytes: number | null;
  engineBytes: number | null;
  /** The window's share of the file: window seconds × sample rate × block align. */
  shareBytes: number;
}

export interface StartupResult {
  firstAudioMs: number | null;
  /** When the page showed its player (`probe.mount`), ms since navigation: startup counts from here. */
  mountMs: number | null;
  /** When the API's answer (the recording's URLs) had arrived: the page's resource timing, ms. */
  apiMs: number | null;
  firstAudioBytes: number | null;
  waveformMs: number | null;
  waveformBytes: number | null;
  seekMs: number | null;
  seekBytes: number | null;
  arrayBufferMB: number | null;
  zoom: ZoomResult | null;
  thread: string | null;
  error?: string;
}

export interface ListenResult {
  firstAudioMs: number | null;
  /** Storage bytes from navigation until the position reached 60 s, and 600 s (or the end, if sooner). */
  bytes60: number | null;
  bytes600: number | null;
  /** Of those, what the media element read (`Sec-Fetch-Dest: audio`); the rest is the page's own reads. */
  elementBytes60: number | null;
  elementBytes600: number | null;
  /** Renderer processes' CPU seconds (user + system) from first audio to the 60 s mark; the GPU process's. */
  rendererCpu: number | null;
  gpuCpu: number | null;
  /** Wall seconds the first 60 s of playback took (more than 60: it stalled). */
  wall60: number | null;
  /** The page renderer's peak resident set until the 60 s mark: largest 1 s sample, and VmHWM. */
  rssSampledMB: number | null;
  rssHwmMB: number | null;
  samples: number;
  error?: string;
}

export interface MeasureOptions {
  site: string;
  player: Player;
  testCase: Case;
  /** Longest wait for any one step, ms. */
  timeoutMs: number;
}

async function presignedUrl(api: RecordingApi, session: string): Promise<string> {
  const response = await fetch(`${api.url}/api/v1/ambient/session/${session}/recording?download=false`, {
    headers: { sdp_suki_token: 'dev-token' },
  });
  const body = (await response.json()) as { recordings: { presigned_url: string }[] };
  return body.recordings[0]?.presigned_url ?? '';
}

/** Every page starts from the session id and asks the API for the recording's URL itself. */
function pageUrl(site: string, api: RecordingApi, player: Player, session: string): string {
  return `${site}/${player}.html?api=${encodeURIComponent(api.url)}&session=${encodeURIComponent(session)}`;
}

const now = () => performance.timeOrigin + performance.now();

/** The storage byte count every few ms, so a byte count can be read for any moment the page noted. */
class ByteTimeline {
  private readonly times: number[] = [];
  private readonly bytes: number[] = [];
  private readonly elementBytes: number[] = [];
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly api: RecordingApi) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 5);
  }

  private sample(): void {
    this.times.push(now());
    const stats = this.api.stats();
    this.bytes.push(stats.storageBytes);
    this.elementBytes.push(stats.storageBytesByDest.audio);
  }

  /** Bytes counted by wall-clock time `at` (ms): the first sample at or after it. */
  at(at: number): number {
    return this.sampleAt(at, this.bytes) ?? this.api.stats().storageBytes;
  }

  /** Of those, the media element's reads (`Sec-Fetch-Dest: audio`). */
  elementAt(at: number): number {
    return this.sampleAt(at, this.elementBytes) ?? this.api.stats().storageBytesByDest.audio;
  }

  private sampleAt(at: number, series: number[]): number | undefined {
    for (let i = 0; i < this.times.length; i += 1) {
      if ((this.times[i] as number) >= at) return series[i];
    }
    return undefined;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/**
 * Opens a page and, once it has loaded, shows its player (`probe.mount`), as a host screen does when
 * the listener opens a visit. Startup figures are taken from that moment.
 */
async function openAndMount(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => typeof window.__bench?.mount === 'function', undefined, {
    timeout: 10_000,
  });
  await page.evaluate(() => window.__bench.mount?.());
}

/** Reads the page's probe: `read` runs in the page (self-contained, as Playwright serialises it). */
async function probeValue<T>(page: Page, read: (probe: BenchProbe) => T): Promise<T | null> {
  try {
    return (await page.evaluate(`(${read.toString()})(window.__bench)`)) as T;
  } catch {
    return null;
  }
}

/**
 * Waits until `ready` holds in the page (it reads `window.__bench`), or the page reports an error, or
 * the time runs out; true when it holds.
 */
async function waitFor(page: Page, ready: () => boolean, timeoutMs: number, polling = 50): Promise<boolean> {
  try {
    await page.waitForFunction(ready, undefined, { timeout: timeoutMs, polling });
    return (await probeValue(page, (probe) => probe.error)) === undefined;
  } catch {
    return false;
  }
}

/** Longest wait for a whole file to cross the network (wavesurfer reads all of it before it plays). */
function wholeFileMs(testCase: Case, network: Network): number {
  const rate = network.faults.linkBandwidthBytesPerSecond ?? 20e6;
  return ((testCase.seconds * testCase.byteRate) / rate) * 1000 * 1.5;
}

async function launch(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions, headless: true });
}

/** Presses needed to reach a view of at most 60 s, each halving it from the whole recording. */
function pressesToOneMinute(seconds: number): number {
  let presses = 0;
  for (let window = seconds; window > 60; window /= 2) presses += 1;
  return presses;
}

async function measureZoom(
  page: Page,
  api: RecordingApi,
  timeline: ByteTimeline,
  testCase: Case,
  timeoutMs: number,
): Promise<ZoomResult | null> {
  // Listening at the middle of the recording, the overview's reads over and the element's buffer
  // full (no storage byte for 1 s), so the bytes that follow are the zoom's.
  await page.evaluate(() => window.__bench.seekTo?.(0.5));
  if (
    !(await waitFor(
      page,
      () => window.__bench?.seekDone !== undefined || window.__bench?.error !== undefined,
      timeoutMs,
    ))
  )
    return null;
  await waitFor(page, () => (window.__bench?.progress ?? []).some((p) => p.complete), timeoutMs);
  let last = api.stats().storageBytes;
  let quietSince = Date.now();
  const giveUp = Date.now() + Math.min(timeoutMs, 20_000);
  while (Date.now() - quietSince < 1000 && Date.now() < giveUp) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const bytes = api.stats().storageBytes;
    if (bytes !== last) {
      last = bytes;
      quietSince = Date.now();
    }
  }
  const engineBefore = await probeValue(page, (probe) => probe.zoom?.engineBytes ?? 0);
  const presses = pressesToOneMinute(testCase.seconds);
  // In one go, as a listener holding `+` does (focus on "Zoom in"): each press halves the view, and
  // the player reads the window the view comes to rest at, not the ones passed on the way. (Clicks
  // that each waited for the player's announcement let the views on the way rest long enough to be
  // read: for 5 minutes, 150 s exactly, which holds the last window too, so it needed no read.)
  await page.getByRole('button', { name: 'Zoom in' }).focus({ timeout: timeoutMs });
  for (let press = 0; press < presses; press += 1) await page.keyboard.press('+');
  await waitFor(page, () => window.__bench?.zoom?.exactDrawnAt !== undefined, timeoutMs, 20);
  const record = await probeValue(page, (probe) => ({ zoom: probe.zoom, origin: probe.origin }));
  const zoom = record?.zoom;
  if (!zoom) return null;
  const request = zoom.requests.at(-1);
  const first = zoom.presses[0];
  const lastPress = zoom.presses.at(-1);
  const drawn = zoom.exactDrawnAt;
  const windowSeconds = request ? request.end - request.start : 0;
  return {
    presses: zoom.presses.length,
    windowSeconds,
    fromLastPressMs: drawn !== undefined && lastPress !== undefined ? drawn - lastPress : null,
    fromFirstPressMs: drawn !== undefined && first !== undefined ? drawn - first : null,
    bytes:
      drawn !== undefined && first !== undefined
        ? timeline.at(record.origin + drawn) - timeline.at(record.origin + first)
        : null,
    elementBytes:
      drawn !== undefined && first !== undefined
        ? timeline.elementAt(record.origin + drawn) - timeline.elementAt(record.origin + first)
        : null,
    engineBytes:
      zoom.exactEngineBytes !== undefined && engineBefore !== null
        ? zoom.exactEngineBytes - engineBefore
        : null,
    shareBytes: windowSeconds * testCase.byteRate,
  };
}

/** First audio, first full-width waveform, seek to 90 %, and the zoom: one fresh browser, alone. */
export async function measureStartup(
  options: MeasureOptions & { api: RecordingApi; network: Network },
): Promise<StartupResult> {
  const { site, api, player, testCase, timeoutMs, network } = options;
  const url = pageUrl(site, api, player, testCase.session);
  const browser = await launch();
  const timeline = new ByteTimeline(api);
  const result: StartupResult = {
    firstAudioMs: null,
    mountMs: null,
    apiMs: null,
    firstAudioBytes: null,
    waveformMs: null,
    waveformBytes: null,
    seekMs: null,
    seekBytes: null,
    arrayBufferMB: null,
    zoom: null,
    thread: null,
  };
  try {
    const page = await browser.newPage();
    let pageError: string | undefined;
    page.on('pageerror', (error) => {
      pageError ??= error.message.slice(0, 200);
    });
    await openAndMount(page, url);
    const origin = await probeValue(page, (probe) => probe.origin);
    if (
      await waitFor(
        page,
        () => window.__bench?.firstAudio !== undefined || window.__bench?.error !== undefined,
        timeoutMs + wholeFileMs(testCase, network),
      )
    ) {
      result.firstAudioMs = await probeValue(page, (probe) => probe.firstAudio ?? null);
      result.mountMs = await probeValue(page, (probe) => probe.mountAt ?? null);
      result.apiMs = await page
        .evaluate(() => {
          const answer = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
            (entry) => entry.name.includes('/api/v1/ambient/session/'),
          );
          return answer ? answer.responseEnd : null;
        })
        .catch(() => null);
    }
    if (result.firstAudioMs !== null && origin !== null) {
      result.firstAudioBytes = timeline.at(origin + result.firstAudioMs) - timeline.at(origin);
    }
    if (player !== 'audio') {
      if (
        await waitFor(
          page,
          () => window.__bench?.waveform !== undefined || window.__bench?.error !== undefined,
          timeoutMs,
        )
      ) {
        const probe = await probeValue(page, (p) => ({ at: p.waveform, bytes: p.waveformBytes }));
        result.waveformMs = probe?.at ?? null;
        // The player's are its own reads for the waveform; wavesurfer's are the whole file.
        result.waveformBytes =
          player === 'player'
            ? (probe?.bytes ?? null)
            : result.waveformMs !== null && origin !== null
              ? timeline.at(origin + result.waveformMs) - timeline.at(origin)
              : null;
      }
    } else {
      await page.waitForTimeout(1000);
    }
    const cdp = await page.context().newCDPSession(page);
    const heap = (await cdp.send('Runtime.getHeapUsage').catch(() => ({}))) as {
      backingStorageSize?: number;
    };
    result.arrayBufferMB = heap.backingStorageSize === undefined ? null : heap.backingStorageSize / 2 ** 20;
    if (result.firstAudioMs !== null) {
      await page.evaluate(() => window.__bench.seek90?.());
      if (
        await waitFor(
          page,
          () => window.__bench?.seekDone !== undefined || window.__bench?.error !== undefined,
          timeoutMs,
        )
      ) {
        const seek = await probeValue(page, (probe) => ({ start: probe.seekStart, done: probe.seekDone }));
        if (seek?.start !== undefined && seek.done !== undefined && origin !== null) {
          result.seekMs = seek.done - seek.start;
          result.seekBytes = timeline.at(origin + seek.done) - timeline.at(origin + seek.start);
        }
      }
    }
    if (player === 'player' && result.firstAudioMs !== null) {
      result.zoom = await measureZoom(page, api, timeline, testCase, timeoutMs);
      result.thread = await probeValue(page, (probe) => probe.progress?.at(-1)?.thread ?? null);
    }
    const error = (await probeValue(page, (probe) => probe.error)) ?? pageError;
    if (error) result.error = error;
    return result;
  } catch (error) {
    result.error = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return result;
  } finally {
    timeline.stop();
    await browser.close();
  }
}

/**
 * The first 60 s of playback, then (`tenMinutes`) on to the 10-minute mark at 16×: storage bytes
 * at both marks, renderer CPU time and the page renderer's peak memory over the 60 s. One fresh
 * browser against its own reference server.
 */
export async function measureListen(
  options: MeasureOptions & { network: Network; tenMinutes: boolean },
): Promise<ListenResult> {
  const { site, player, testCase, timeoutMs, network, tenMinutes } = options;
  const api = await startRecordingApi({ faults: network.faults });
  const result: ListenResult = {
    firstAudioMs: null,
    bytes60: null,
    bytes600: null,
    elementBytes60: null,
    elementBytes600: null,
    rendererCpu: null,
    gpuCpu: null,
    wall60: null,
    rssSampledMB: null,
    rssHwmMB: null,
    samples: 0,
  };
  const browser = await launch();
  const monitor = new ProcessMonitor(browser);
  try {
    const url = pageUrl(site, api, player, testCase.session);
    const page = await browser.newPage();
    await monitor.start(1000);
    const before = await monitor.read();
    await openAndMount(page, url);
    const waitMs = timeoutMs + wholeFileMs(testCase, network);
    if (
      !(await waitFor(
        page,
        () => window.__bench?.firstAudio !== undefined || window.__bench?.error !== undefined,
        waitMs,
      ))
    ) {
      result.error = (await probeValue(page, (probe) => probe.error)) ?? 'no audio';
      return result;
    }
    const started = await monitor.read();
    const startedAt = Date.now();
    result.firstAudioMs = await probeValue(page, (probe) => probe.firstAudio ?? null);
    const position = () => probeValue(page, (probe) => probe.position?.() ?? 0);
    const reach = async (seconds: number, limitMs: number) => {
      const giveUp = Date.now() + limitMs;
      while (Date.now() < giveUp) {
        if (((await position()) ?? 0) >= seconds) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return false;
    };
    if (!(await reach(60, 60_000 + timeoutMs))) {
      result.error = 'did not reach 60 s';
      return result;
    }
    const at60 = await monitor.read();
    const stats60 = api.stats();
    result.bytes60 = stats60.storageBytes;
    result.elementBytes60 = stats60.storageBytesByDest.audio;
    result.wall60 = (Date.now() - startedAt) / 1000;
    result.rendererCpu = ProcessMonitor.cpuSeconds(started, at60, 'renderer');
    result.gpuCpu = ProcessMonitor.cpuSeconds(started, at60, 'GPU');
    const pid = ProcessMonitor.pageRenderer(before, at60);
    if (pid !== null) {
      const peak = monitor.peakMB(pid);
      result.rssSampledMB = peak.sampledMB;
      result.rssHwmMB = peak.hwmMB;
    }
    result.samples = monitor.sampleCount;
    if (tenMinutes) {
      if (player === 'player') {
        await page.getByLabel('Playback speed').selectOption('16', { timeout: timeoutMs });
      } else {
        await page.evaluate(() => window.__bench.setRate?.(16));
      }
      // A recording shorter than ten minutes is heard to its end (its last second, which every
      // element reaches before it stops).
      const mark = Math.min(600, testCase.seconds - 1);
      if (await reach(mark, ((mark - 60) * 1000) / 16 + timeoutMs)) {
        const stats600 = api.stats();
        result.bytes600 = stats600.storageBytes;
        result.elementBytes600 = stats600.storageBytesByDest.audio;
      } else result.error = 'did not reach 10 min';
    }
    return result;
  } catch (error) {
    result.error = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return result;
  } finally {
    monitor.stop();
    await browser.close();
    await api.stop();
  }
}

/**
 * Before the first measurement: the server renders each format's audio on first use, and the first
 * browser start reads Chromium from disk. Neither should land on the first run's figures.
 */
export async function warmUp(
  site: string,
  api: RecordingApi,
  cases: readonly Case[],
  pages: boolean,
): Promise<void> {
  for (const testCase of cases) {
    const url = await presignedUrl(api, testCase.session);
    await fetch(url, { headers: { Range: 'bytes=0-65535' } }).then((response) => response.arrayBuffer());
  }
  // The pages with the shortest recording (wavesurfer reads all of it).
  const first = [...cases].sort((a, b) => a.seconds * a.byteRate - b.seconds * b.byteRate)[0];
  if (!pages || !first) return;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    for (const player of players) {
      await openAndMount(page, pageUrl(site, api, player, first.session));
      await waitFor(page, () => window.__bench?.firstAudio !== undefined, 10_000);
    }
  } finally {
    await browser.close();
  }
}
