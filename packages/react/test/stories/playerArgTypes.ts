import type { ArgTypes } from '@storybook/react-vite';

/**
 * The props tables of the players, readable: each prop's type as you would write it and its default
 * as the component applies it. react-docgen-typescript (.storybook/main.ts) reads the types, but not
 * the defaults a `forwardRef` component destructures inside its body, nor the `ref` itself. The
 * props both players share are described once.
 */

interface Row {
  /** The type as written in TypeScript. */
  type: string;
  /** The type spelled out, for object and function types (the table's expandable detail). */
  detail?: string;
  /** What the component uses when the prop is not given; none for callbacks. */
  defaultValue?: string;
  /** The Controls panel's editor; none for callbacks and objects. */
  control?: 'boolean' | 'number' | 'text' | 'object' | false;
  description: string;
}

function row({ type, detail, defaultValue, control = false, description }: Row) {
  return {
    control,
    description,
    table: {
      type: detail ? { summary: type, detail } : { summary: type },
      ...(defaultValue === undefined ? {} : { defaultValue: { summary: defaultValue } }),
    },
  };
}

const playerEventType = `'play' | 'pause' | 'seek' | 'rate' | 'download' | 'url-refreshed' | 'error'`;

const shared = {
  initialTime: row({
    type: 'number',
    defaultValue: '0',
    control: 'number',
    description:
      'Start here (seconds) once the recording can play; applied once. Without it playback starts at the beginning.',
  }),
  autoPlay: row({
    type: 'boolean',
    defaultValue: 'false',
    control: 'boolean',
    description: 'Start playing as soon as the media can (a browser may refuse without a user gesture).',
  }),
  skipSeconds: row({
    type: 'number',
    defaultValue: '10',
    control: 'number',
    description: 'Seconds the skip buttons and the J / L keys move back and forward.',
  }),
  playbackRates: row({
    type: 'readonly number[]',
    defaultValue: '[0.75, 1, 1.25, 1.5, 1.75, 2]',
    control: 'object',
    description: 'The speeds of the speed menu, stepped through with < and >.',
  }),
  labels: row({
    type: 'Partial<PlayerLabels>',
    detail: `Every string the player shows or announces, e.g.
{ play: 'Lecture', pause: 'Pause', skipBack: (s) => \`Reculer de \${s} s\`, … }
Keys left out keep their English default (defaultLabels).`,
    defaultValue: 'defaultLabels',
    description: 'Translations of the player’s visible and accessible strings.',
  }),
  theme: {
    ...row({
      type: "'light' | 'dark'",
      defaultValue: "'light'",
      description:
        '`\'dark\'` puts `data-theme="dark"` on the player, which switches its CSS custom properties to the dark palette. Without it the player has no `data-theme` and uses the light one.',
    }),
    control: 'inline-radio' as const,
    options: ['light', 'dark'],
  },
  cues: row({
    type: 'readonly Cue[]',
    detail: `Cue {
  id: string;     // unique; used in events and playCue(id)
  start: number;  // seconds on the session's timeline
  end: number;
  label: string;  // e.g. the note sentence: shown on hover, announced when stepped to
}`,
    defaultValue: '[]',
    description:
      'The stretches the note was written from: drawn on the waveform, stepped through with N and P, played with `playCue(id)`. Bad ones are left out (a development warning names their id).',
  }),
  className: row({
    type: 'string',
    control: 'text',
    description: 'Extra class on the player’s root element (`.aa-player`).',
  }),
  ref: row({
    type: 'Ref<PlayerHandle>',
    detail: `PlayerHandle {
  seek(time: number, options?: { play?: boolean }): void;
  play(): Promise<void>;
  pause(): void;
  getCurrentTime(): number;
  getDuration(): number;
  subscribe(listener: (time: number) => void): () => void;
}`,
    description:
      'Imperative control (the players are `forwardRef` components): `const { attach } = usePlayerControls()`, then `ref={attach}`, to seek or play a cue from the note.',
  }),
};

export const recordingPlayerArgTypes = {
  sessionId: row({
    type: 'string',
    description:
      'The ambient session whose recording to play (required). Each story has its own id, the one its msw handlers answer for.',
  }),
  ...shared,
  enabled: row({
    type: 'boolean',
    defaultValue: 'true',
    control: 'boolean',
    description: 'false: fetch nothing yet; the skeleton holds the place.',
  }),
  lazy: row({
    type: 'boolean',
    defaultValue: 'true',
    control: 'boolean',
    description:
      'Fetches nothing (no URL, no peaks) until the player is scrolled near the viewport (within 200 px): a list of fifty visits asks only for the few on screen.',
  }),
  onAuditEvent: row({
    type: '(event: AuditEvent) => void',
    detail: `AuditEvent {
  type: ${playerEventType};
  recordingId: string | null;  // the chunk playing
  position: number;            // seconds on the whole timeline
  sessionId: string;
  at: number;                  // epoch ms
}`,
    description:
      'One event per listener action (play, pause, seek, rate, download), for the host’s audit trail. Never carries a URL.',
  }),
  onWaveformProgress: row({
    type: '(progress: WaveformProgress) => void',
    detail: `WaveformProgress {
  coverage: number;   // 0..1 of the overview measured from real samples
  exact: boolean;     // every sample read (a downloaded file)
  complete: boolean;  // the overview's reads are over
  bytesFetched: number;
  thread: 'worker' | 'main';
}`,
    description: 'How far the streamed waveform has come, each time it refines.',
  }),
  downloadFileName: row({
    type: '(context: DownloadNameContext) => string',
    detail: `DownloadNameContext {
  sessionId: string;
  recordingId: string;
  part: number;   // 1-based
  parts: number;
  date: Date;     // when the listener saved it
}`,
    defaultValue: '<session>-<YYYY-MM-DD>.wav',
    description:
      'Names each file the download button saves; by default `-part-2-of-3` is added for a recording in chunks.',
  }),
} satisfies ArgTypes;

export const waveformPlayerArgTypes = {
  chunks: row({
    type: 'readonly MediaChunk[]',
    detail: `MediaChunk {
  id: string;         // the recording id
  url: string;        // presigned URL, or a blob: URL of a downloaded file
  expiresAt: number;  // epoch ms
}`,
    description: 'The recording’s chunks in order, each with its current URL and its expiry (required).',
  }),
  loudness: row({
    type: 'WaveformLoudness | null',
    detail: `WaveformLoudness {
  duration: number;                       // seconds
  peak: ArrayLike<number>;                // largest |sample| per column, 0..1
  rms?: ArrayLike<number>;                // RMS level per column, 0..1
  quality?: ArrayLike<number>;            // ColumnQuality per column
}
core's WaveformOverview (useWaveformData().overview) is one.`,
    defaultValue: 'null',
    description:
      'The waveform: loudness per column over the whole recording, drawn as it refines; null while none is known.',
  }),
  peaks: row({
    type: 'WaveformPeaks | null',
    detail: `WaveformPeaks {
  channels: ReadonlyArray<Float32Array | readonly number[]>;  // values in [-1, 1]
  duration: number;                                           // seconds
}`,
    defaultValue: 'null',
    description: 'Simple peaks instead of `loudness`, for hosts that bring their own.',
  }),
  detail: row({
    type: 'WaveformDetail | null',
    detail: `WaveformDetail {
  start: number; binsPerSecond: number;
  peak: Float32Array; rms: Float32Array; known: Uint8Array;
  complete: boolean; exact: boolean; bytesFetched: number;
}  (useWaveformData().detail)`,
    defaultValue: 'null',
    description: 'The exact loudness of the zoomed window; without it a zoomed view stretches the overview.',
  }),
  onViewChange: row({
    type: '(view: WaveformView) => void',
    detail: `WaveformView {
  start: number;    // seconds at the left edge
  length: number;   // seconds across; the whole recording when not zoomed
  zoomed: boolean;
  byUser: boolean;  // the listener scrolled the waveform
}`,
    description:
      'The visible part changed (zoom, scroll): read its exact loudness, e.g. `showDetail(start, start + length)`.',
  }),
  message: row({
    type: 'string',
    control: 'text',
    description:
      'A status for the status line from the owner (a download’s progress, "Reconnecting…"); the player’s own comes first.',
  }),
  waveform: row({
    type: 'boolean',
    defaultValue: 'true',
    control: 'boolean',
    description: 'Draw a waveform, or a plain progress track (e.g. the bucket sends no CORS headers).',
  }),
  note: row({
    type: 'ReactNode',
    control: 'text',
    description: 'A discreet note under the player, e.g. why there is no waveform.',
  }),
  ...shared,
  onDownload: row({
    type: '() => void',
    description: 'Shows the download button, and is called when it is pressed. Without it: no button.',
  }),
  onPlayerEvent: row({
    type: '(event: PlayerEvent) => void',
    detail: `PlayerEvent {
  type: ${playerEventType};
  recordingId: string | null;
  position: number;
}`,
    description: 'Every play, pause, seek, rate change, download, URL refresh and failure.',
  }),
  onUrlExpired: row({
    type: '(chunkId: string) => void',
    description: 'A chunk’s URL expired: fetch fresh URLs and pass them in `chunks`.',
  }),
  isUrlExpired: row({
    type: '(url: string) => Promise<boolean | null>',
    description:
      'Asks the storage whether a failed URL expired (null: cannot tell). Without it, none is asked.',
  }),
  onMediaReady: row({
    type: '() => void',
    description: 'The media can play (or 1.5 s passed): when background work such as the waveform may start.',
  }),
  onBufferingChange: row({
    type: '(buffering: boolean) => void',
    description: 'Playback started or stopped waiting for data.',
  }),
  onDurations: row({
    type: '(durations: readonly number[]) => void',
    description: 'The timeline learned every chunk’s length (seconds, in order).',
  }),
} satisfies ArgTypes;
