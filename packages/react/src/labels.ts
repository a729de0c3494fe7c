import { pluralize } from './plural';

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
  /** The visible countdown to the next automatic check (not announced: it changes every second). */
  processingRetry: (seconds: number) => string;
  /** Shown at 0 while the check itself runs. */
  processingChecking: string;
  /** The API kept answering 404 past the bounded wait: an unknown session looks the same as one still processing. */
  notFound: string;
  notFoundDetail: string;
  gone: string;
  goneDetail: string;
  authError: string;
  error: string;
  retry: string;
  notStreamable: string;
  downloadingForPlayback: string;
  downloadProgress: (loadedBytes: number, totalBytes: number | null) => string;
  /** The bucket does not let the page read the file (no CORS): playback works, the waveform cannot. */
  noWaveformCors: string;
  /** Reading the waveform's samples kept failing (the network, the storage). */
  noWaveformFailed: string;
  chunkBoundary: (index: number) => string;
  zoomIn: string;
  zoomOut: string;
  /** Announced when the zoom changes: how much of the recording the waveform shows. */
  zoomLevel: (windowSeconds: number | null, totalSeconds: number) => string;
  /** The strip above a zoomed waveform that shows where the view is. */
  overviewStrip: string;
  /** Announced when the listener steps to a cue (N/P, or the host's playCue): "Sentence 4 of 12: …". */
  cuePosition: (position: number, total: number, label: string) => string;
  /** Said when there is no next or previous cue. */
  noMoreCues: string;
  urlRefreshed: string;
  /** The recording's link expired and a fresh one is on its way; playback resumes where it was. */
  reconnecting: string;
  /** A refresh was refused (the host's sign-in expired) while the player was open. */
  signInToContinue: string;
  mediaError: string;
  mediaErrorDecode: string;
  mediaErrorNetwork: string;
  /** Saving a download; `percent` is null while the size is unknown. */
  downloadSaving: (percent: number | null) => string;
  downloadSaved: (fileNames: readonly string[]) => string;
  /** The storage cannot be read by the page (no CORS): the browser was asked to save it. */
  downloadStarted: (fileNames: readonly string[]) => string;
  downloadFailed: string;
}

const plural = (n: number, unit: string) => pluralize(n, { one: `# ${unit}`, other: `# ${unit}s` });

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
  skipBack: (s) => pluralize(s, { one: 'Skip back # second', other: 'Skip back # seconds' }),
  skipForward: (s) => pluralize(s, { one: 'Skip forward # second', other: 'Skip forward # seconds' }),
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
  processingRetry: (s) =>
    pluralize(s, { one: 'Checking again in # second.', other: 'Checking again in # seconds.' }),
  processingChecking: 'Checking now…',
  notFound: 'No recording was found for this session.',
  notFoundDetail:
    'If its audio was uploaded after the visit, it may still be processing: check again in a few minutes.',
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
  noWaveformCors:
    'Waveform unavailable: the recording’s storage does not allow this page to read it (CORS). Playback is not affected.',
  noWaveformFailed: 'Waveform unavailable: reading the recording for it failed. Playback is not affected.',
  chunkBoundary: (i) => `Part ${i + 1} starts`,
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomLevel: (window, total) =>
    window === null
      ? 'Waveform shows the whole recording.'
      : `Waveform zoomed to ${spokenDuration(window)} of ${spokenDuration(total)}.`,
  overviewStrip: 'The whole recording; the marked part is shown below. Drag it to move.',
  cuePosition: (position, total, label) => `Sentence ${position} of ${total}: ${label}`,
  noMoreCues: 'No more sentences in that direction.',
  urlRefreshed: 'Recording link renewed.',
  reconnecting: 'Reconnecting… playback continues where it was.',
  signInToContinue: 'Sign in again to keep listening.',
  mediaError: 'This recording could not be played.',
  mediaErrorDecode: 'The file is not audio this browser can play.',
  mediaErrorNetwork: 'The recording’s storage could not be reached.',
  downloadSaving: (percent) =>
    percent === null ? 'Saving the recording…' : `Saving the recording… ${percent}%`,
  downloadSaved: (names) => `Saved as ${names.join(', ')}.`,
  downloadStarted: (names) => `Download started: ${names.join(', ')}.`,
  downloadFailed: 'The recording could not be saved. Try again.',
};

export function resolveLabels(overrides?: Partial<PlayerLabels>): PlayerLabels {
  return overrides ? { ...defaultLabels, ...overrides } : defaultLabels;
}
