/**
 * What each benchmark page records, read by bench/run.ts: times are ms since navigation start
 * (performance.now()), the same clock for all three players; `origin` (performance.timeOrigin) maps
 * them onto the wall clock, where the runner keeps its storage byte counts.
 */
export interface BenchProbe {
  origin: number;
  /**
   * Shows the player, as a host screen does when the listener opens a visit: the page (and, for
   * RecordingPlayer, React with an app shell) has loaded before. `mountAt` notes when.
   */
  mount?: () => void;
  mountAt?: number;
  firstAudio?: number;
  /** First full-width waveform: wavesurfer's `ready`, the player's first progress with coverage > 0. */
  waveform?: number;
  waveformBytes?: number;
  seekStart?: number;
  seekDone?: number;
  duration?: number;
  error?: string;
  seek90?: () => void;
  /** Seeks to `fraction` of the recording and plays; `seekDone` is set once playback is past it. */
  seekTo?: (fraction: number) => void;
  /** The media position, seconds. */
  position?: () => number;
  /** Changes the playback rate (the bare element and wavesurfer; the player's is its own select). */
  setRate?: (rate: number) => void;
  /** RecordingPlayer only: every `onWaveformProgress`, and what the waveform worker was asked and said. */
  progress?: ProgressRecord[];
  zoom?: ZoomRecord;
}

export interface ProgressRecord {
  at: number;
  coverage: number;
  exact: boolean;
  complete: boolean;
  bytesFetched: number;
  thread: 'worker' | 'main';
}

export interface ZoomRecord {
  /** Clicks on "Zoom in" (capture phase, before the player handles them). */
  presses: number[];
  /** Each window the player asked the worker for (`show-detail`), seconds. */
  requests: { at: number; start: number; end: number }[];
  /** When the exact loudness of the last window asked for was complete, and drawn (two frames later). */
  exactAt?: number;
  exactDrawnAt?: number;
  /** The engine's own byte count (overview and detail reads) at that moment, and before the zoom. */
  exactEngineBytes?: number;
  engineBytes: number;
  /** Detail messages from the worker, for the record. */
  details: number;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

export const probe: BenchProbe = { origin: performance.timeOrigin };
window.__bench = probe;

/** Makes `show` the page's mount, called once by the runner. */
export function onMount(show: () => void): void {
  probe.mount = () => {
    if (probe.mountAt !== undefined) return;
    probe.mountAt = performance.now();
    show();
  };
}

export function params(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}

/**
 * The recording's presigned URL, asked of the API as a host page without the library would: one
 * GET with the token header (which costs a CORS preflight, as it does for RecordingPlayer). All three
 * players start from the session id.
 */
export async function recordingUrl(): Promise<string> {
  const api = params().get('api') ?? '';
  const session = encodeURIComponent(params().get('session') ?? '');
  const response = await fetch(`${api}/api/v1/ambient/session/${session}/recording?download=false`, {
    headers: { sdp_suki_token: 'dev-token' },
  });
  const body = (await response.json()) as { recordings?: { presigned_url?: unknown }[] };
  const url = body.recordings?.[0]?.presigned_url;
  if (typeof url !== 'string') throw new Error(`no recording URL (HTTP ${response.status})`);
  return url;
}

/** First audio: `playing` fired and the position has moved on since. */
export function watchFirstAudio(media: HTMLMediaElement): void {
  let playingAt: number | null = null;
  media.addEventListener('playing', () => {
    playingAt ??= media.currentTime;
  });
  const check = () => {
    if (probe.firstAudio === undefined && playingAt !== null && media.currentTime > playingAt + 0.05) {
      probe.firstAudio = performance.now();
      return;
    }
    if (probe.firstAudio === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Seek done: playback advances past the target. */
export function watchSeek(media: () => HTMLMediaElement | null, target: number): void {
  probe.seekStart = performance.now();
  delete probe.seekDone;
  const check = () => {
    const element = media();
    if (element && !element.paused && element.currentTime > target + 0.25) {
      probe.seekDone = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** The bare element's and wavesurfer's rate: set on the element, pitch kept, as a speed control does. */
export function setElementRate(media: HTMLMediaElement | null | undefined, rate: number): void {
  if (!media) return;
  media.preservesPitch = true;
  media.defaultPlaybackRate = rate;
  media.playbackRate = rate;
}
