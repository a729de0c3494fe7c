/**
 * Every visible and accessible string the player shows, so a host app can translate all of it.
 * Parametrised strings are functions; pass a partial object and the rest keeps the English defaults.
 */
export interface PlayerLabels {
  region: string;
  play: string;
  pause: string;
  skipBack: (seconds: number) => string;
  skipForward: (seconds: number) => string;
  playbackSpeed: string;
  rate: (rate: number) => string;
  mute: string;
  unmute: string;
  volume: string;
  download: string;
  seek: string;
  /** Spoken position, used as the slider's aria-valuetext: "1 minute 5 seconds of 32 minutes". */
  position: (current: number, total: number) => string;
  loading: string;
  buffering: string;
  processing: string;
  processingRetry: (seconds: number) => string;
  gone: string;
  goneDetail: string;
  authError: string;
  error: string;
  retry: string;
  notStreamable: string;
  downloadingForPlayback: string;
  downloadProgress: (loadedBytes: number, totalBytes: number | null) => string;
  noWaveform: string;
  chunkBoundary: (index: number) => string;
  urlRefreshed: string;
  mediaError: string;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** Seconds in words, as a screen reader should say them: "1 hour 2 minutes 5 seconds". */
export function spokenDuration(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(plural(h, 'hour'));
  if (m) parts.push(plural(m, 'minute'));
  if (s || parts.length === 0) parts.push(plural(s, 'second'));
  return parts.join(' ');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export const defaultLabels: PlayerLabels = {
  region: 'Recording player',
  play: 'Play',
  pause: 'Pause',
  skipBack: (s) => `Skip back ${s} seconds`,
  skipForward: (s) => `Skip forward ${s} seconds`,
  playbackSpeed: 'Playback speed',
  rate: (r) => `${r}×`,
  mute: 'Mute',
  unmute: 'Unmute',
  volume: 'Volume',
  download: 'Download recording',
  seek: 'Seek',
  position: (current, total) =>
    total > 0 ? `${spokenDuration(current)} of ${spokenDuration(total)}` : spokenDuration(current),
  loading: 'Loading recording…',
  buffering: 'Buffering…',
  processing: 'The recording is still being processed.',
  processingRetry: (s) => `Checking again in ${s} seconds.`,
  gone: 'This recording is no longer available.',
  goneDetail:
    'Recordings are kept for 7 days after the visit. Download recordings you need to keep within that window.',
  authError: 'You are not signed in, or your session has expired. Sign in again to play this recording.',
  error: 'The recording could not be loaded.',
  retry: 'Try again',
  notStreamable: 'This recording cannot be streamed; it is downloaded before it plays.',
  downloadingForPlayback: 'Downloading recording',
  downloadProgress: (loaded, total) =>
    total ? `${megabytes(loaded)} of ${megabytes(total)}` : `${megabytes(loaded)} downloaded`,
  noWaveform: 'Waveform unavailable for this recording; playback is not affected.',
  chunkBoundary: (i) => `Part ${i + 1} starts`,
  urlRefreshed: 'Recording link renewed.',
  mediaError: 'Playback failed.',
};

export function resolveLabels(overrides?: Partial<PlayerLabels>): PlayerLabels {
  return overrides ? { ...defaultLabels, ...overrides } : defaultLabels;
}
