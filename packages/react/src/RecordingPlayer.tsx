import type { Cue, RecordingSet } from '@ambient-audio/core';
import { forwardRef, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode, Ref } from 'react';
import {
  EarlyMediaContext,
  useEarlyMediaTimeline,
  type EarlyMediaTimeline,
} from './hooks/useEarlyMediaTimeline';
import { useInView } from './hooks/useInView';
import { preloadDownloads } from './hooks/loadDownloadActions';
import { usePeakWorkerFactory } from './hooks/RecordingClientProvider';
import { useRecording } from './hooks/useRecording';
import { useRecordingDownload, type DownloadNameContext, type SaveState } from './hooks/useRecordingDownload';
import { resolveLabels, type PlayerLabels } from './labels';
import { useDetailRequest } from './hooks/useDetailRequest';
import { useWaveformData, type WaveformBudget, type WaveformProgress } from './hooks/useWaveformData';
import type { PlayerEvent, PlayerHandle } from './playerEvents';
import { DownloadProgress } from './states/DownloadProgress';
import { ErrorView } from './states/ErrorView';
import { GoneView } from './states/GoneView';
import { PlayerErrorBoundary } from './states/PlayerErrorBoundary';
import { PlayerSkeleton } from './states/PlayerSkeleton';
import { NotFoundView, ProcessingView } from './states/ProcessingView';
import { everyChunkStreams, mediaChunks } from './mediaChunks';
import { WaveformPlayer } from './WaveformPlayer';

/** An entry for the host's audit trail: who did what to which recording, where. Never a URL. */
export interface AuditEvent extends PlayerEvent {
  sessionId: string;
  /** Epoch ms. */
  at: number;
}

export interface RecordingPlayerProps {
  sessionId: string;
  /** Start here (seconds) once the recording can play. */
  initialTime?: number;
  autoPlay?: boolean;
  skipSeconds?: number;
  playbackRates?: readonly number[];
  onAuditEvent?: (event: AuditEvent) => void;
  labels?: Partial<PlayerLabels>;
  className?: string;
  theme?: 'light' | 'dark';
  /** false: fetch nothing yet; the skeleton holds the place. */
  enabled?: boolean;
  /**
   * Fetch nothing until the player is scrolled near the viewport (or focused): a list of fifty visits
   * asks for the URLs and peaks of the few on screen. Default true.
   */
  lazy?: boolean;
  /** How far the streamed waveform has come (coverage, exactness, bytes), as it refines. */
  onWaveformProgress?: (progress: WaveformProgress) => void;
  /**
   * Bytes the streamed waveform's overview may read: default 2 MiB and never more than an eighth of
   * the recording, so an hour-long visit costs a few megabytes; `'whole-file'` reads every byte for
   * an exact overview. The zoomed view always reads its own window exactly.
   */
  waveformBudget?: WaveformBudget;
  /** Names the saved file; default `<session>-<YYYY-MM-DD>.wav` (`-part-2-of-3` for chunks). */
  downloadFileName?: (context: DownloadNameContext) => string;
  /**
   * The note's sentences as cues, `{ id, start, end, label }` in seconds on the session's timeline:
   * drawn on the waveform, stepped through with N and P, played with `playCue`; see `useIsActiveCue`.
   */
  cues?: readonly Cue[];
}

type SharedProps = Omit<
  RecordingPlayerProps,
  'sessionId' | 'enabled' | 'labels' | 'onAuditEvent' | 'downloadFileName' | 'waveformBudget'
> & {
  /** A status for the player's status line (a save's progress, a reconnect). */
  message?: string | undefined;
  /** The host's ref, passed down as a plain prop: only React 19 passes `ref` through as one. */
  playerRef: Ref<PlayerHandle>;
  labels: PlayerLabels;
  onPlayerEvent: (event: PlayerEvent) => void;
  onDownload: () => void;
};

/** Streams the presigned URLs; the waveform comes from small Range reads, exact where the listener zooms. */
function StreamingPlayer({
  set,
  early,
  refresh,
  onWaveformProgress,
  waveformBudget,
  playerRef,
  ...shared
}: SharedProps & {
  set: RecordingSet;
  early: EarlyMediaTimeline;
  refresh: () => Promise<void>;
  waveformBudget: WaveformBudget | undefined;
}) {
  const chunks = useMemo(() => mediaChunks(set), [set]);
  const input = useMemo(() => ({ chunks }), [chunks]);
  const [mediaReady, setMediaReady] = useState(false);
  const waveform = useWaveformData(input, {
    onExpired: () => void refresh(),
    onProgress: onWaveformProgress,
    budget: waveformBudget,
    enabled: mediaReady,
    createWorker: usePeakWorkerFactory(),
  });
  const onViewChange = useDetailRequest(waveform.showDetail, () => early.media.currentTime);
  return (
    <EarlyMediaContext.Provider value={early}>
      <WaveformPlayer
        {...shared}
        ref={playerRef}
        chunks={chunks}
        loudness={waveform.overview}
        detail={waveform.detail}
        waveform={waveform.unavailable === null}
        note={
          waveform.unavailable === null
            ? undefined
            : waveform.unavailable === 'no-cors'
              ? shared.labels.noWaveformCors
              : shared.labels.noWaveformFailed
        }
        onViewChange={onViewChange}
        onDurations={waveform.setDurations}
        onUrlExpired={() => void refresh()}
        isUrlExpired={waveform.isUrlExpired}
        onBufferingChange={waveform.setPlaybackBuffering}
        onMediaReady={() => {
          setMediaReady(true);
          preloadDownloads();
        }}
      />
    </EarlyMediaContext.Provider>
  );
}

/** Not streamable: download the whole file with progress, then play it with its exact waveform. */
function DownloadedPlayer({
  sessionId,
  onWaveformProgress,
  playerRef,
  ...shared
}: SharedProps & { sessionId: string }) {
  const download = useRecordingDownload(sessionId);
  const { fetchFile, file, error, progress } = download;
  // Once per mounted player. StrictMode's simulated unmount does not cancel the download (the hook
  // cancels on a real unmount only), so the second run of this effect finds it under way.
  const startedRef = useRef(false);
  useEffect(() => {
    if (startedRef.current) return;
    startedRef.current = true;
    void fetchFile();
  }, [fetchFile]);
  // The file's exact waveform, computed in the worker from the Blob, never copied onto this thread.
  const input = useMemo(() => (file ? { files: file.files } : null), [file]);
  const waveform = useWaveformData(input, {
    onProgress: onWaveformProgress,
    createWorker: usePeakWorkerFactory(),
  });
  const onViewChange = useDetailRequest(waveform.showDetail);
  if (error) {
    return (
      <ErrorView
        labels={shared.labels}
        kind="error"
        onRetry={() => void fetchFile()}
        className={shared.className}
        theme={shared.theme}
      />
    );
  }
  if (!file) {
    return (
      <DownloadProgress
        labels={shared.labels}
        loaded={progress.loaded}
        total={progress.total}
        className={shared.className}
        theme={shared.theme}
      />
    );
  }
  return (
    <WaveformPlayer
      {...shared}
      ref={playerRef}
      chunks={file.chunks}
      loudness={waveform.overview}
      detail={waveform.detail}
      waveform={waveform.unavailable === null}
      note={waveform.unavailable === null ? undefined : shared.labels.noWaveformFailed}
      onViewChange={onViewChange}
    />
  );
}

/**
 * The drop-in player: give it a session id. It fetches and refreshes the presigned URLs, streams the
 * audio with a progressive waveform, falls back to downloading when the recording cannot stream, and
 * shows a clear view for every other state (loading, processing, gone, error).
 */
export const RecordingPlayer = forwardRef<PlayerHandle, RecordingPlayerProps>(
  function RecordingPlayer(props, ref) {
    const labels = resolveLabels(props.labels);
    const { onAuditEvent, sessionId } = props;
    return (
      <PlayerErrorBoundary
        resetKey={sessionId}
        onError={() =>
          onAuditEvent?.({ type: 'error', sessionId, recordingId: null, position: 0, at: Date.now() })
        }
        fallback={(reset) => (
          <ErrorView
            labels={labels}
            kind="error"
            onRetry={reset}
            className={props.className}
            theme={props.theme}
          />
        )}
      >
        <RecordingPlayerContent {...props} playerRef={ref} />
      </PlayerErrorBoundary>
    );
  },
);

/** The status line's words for a save in progress, done or failed. */
function saveMessage(labels: PlayerLabels, state: SaveState): string | undefined {
  switch (state.status) {
    case 'saving':
      return labels.downloadSaving(state.total ? Math.floor((state.loaded / state.total) * 100) : null);
    case 'saved':
      return state.method === 'browser'
        ? labels.downloadStarted(state.fileNames)
        : labels.downloadSaved(state.fileNames);
    case 'failed':
      return labels.downloadFailed;
    default:
      return undefined;
  }
}

function RecordingPlayerContent(props: RecordingPlayerProps & { playerRef: Ref<PlayerHandle> }) {
  const {
    sessionId,
    enabled = true,
    lazy = true,
    onAuditEvent,
    playerRef,
    downloadFileName,
    waveformBudget,
    ...rest
  } = props;
  const labels = resolveLabels(props.labels);
  const [inView, observe] = useInView(lazy);
  const { state, refresh } = useRecording(sessionId, { enabled: enabled && inView });
  // The audio starts loading as the API answers (a start time to seek to waits for the player).
  const audioHostRef = useRef<HTMLDivElement | null>(null);
  const early = useEarlyMediaTimeline(
    sessionId,
    audioHostRef,
    !(rest.initialTime && rest.initialTime > 0),
    rest.autoPlay,
  );
  const { save, saveState } = useRecordingDownload(sessionId, { fileName: downloadFileName });
  const auditRef = useRef(onAuditEvent);
  useEffect(() => {
    auditRef.current = onAuditEvent;
  });
  const onPlayerEvent = useCallback(
    (event: PlayerEvent) => auditRef.current?.({ ...event, sessionId, at: Date.now() }),
    [sessionId],
  );

  // A player that is playing stays, whatever a refresh answers: when the URLs on screen expire and a
  // fresh set cannot be had yet (the API is slow or down, the sign-in expired), the player keeps what
  // is buffered, waits at its place and resumes when URLs come back, instead of being torn down.
  const [held, setHeld] = useState<RecordingSet | null>(null);
  const ready = state.status === 'ready' ? state.recording : null;
  if (ready && ready !== held) setHeld(ready);
  const shown = ready ?? (held?.sessionId === sessionId ? held : null);
  const keepPlaying = shown !== null && state.status !== 'gone';
  // The whole player's first render is a deferred one, which React can interrupt: the audio that the
  // early timeline is already loading gets its response and metadata handled in between, instead of
  // waiting behind tens of milliseconds of rendering (docs/benchmarks.md, first audio).
  const deferredShown = useDeferredValue(shown);
  const firstRenderWaits = shown !== null && deferredShown === null;

  const message =
    state.status === 'error' && keepPlaying
      ? state.auth
        ? labels.signInToContinue
        : labels.reconnecting
      : saveMessage(labels, saveState);
  const shared: SharedProps = {
    ...rest,
    playerRef,
    labels,
    onPlayerEvent,
    message,
    onDownload: () => void save(),
  };

  const skeleton = (
    <PlayerSkeleton
      label={labels.loading}
      className={props.className}
      observe={observe}
      theme={props.theme}
    />
  );
  let view: ReactNode;
  if (keepPlaying && shown) {
    // (Without its timeline, for the one render before the layout effect makes it, and while the first
    // render waits: the skeleton.)
    view = !everyChunkStreams(shown) ? (
      <DownloadedPlayer {...shared} sessionId={sessionId} />
    ) : early && !firstRenderWaits ? (
      <StreamingPlayer
        {...shared}
        set={shown}
        early={early}
        refresh={refresh}
        waveformBudget={waveformBudget}
      />
    ) : (
      skeleton
    );
  } else if (state.status === 'processing') {
    view = (
      <ProcessingView
        labels={labels}
        nextRetryAt={state.nextRetryAt}
        className={props.className}
        theme={props.theme}
      />
    );
  } else if (state.status === 'not-found') {
    view = (
      <NotFoundView
        labels={labels}
        onRetry={() => void refresh()}
        className={props.className}
        theme={props.theme}
      />
    );
  } else if (state.status === 'gone') {
    view = <GoneView labels={labels} className={props.className} theme={props.theme} />;
  } else if (state.status === 'error') {
    view = (
      <ErrorView
        labels={labels}
        kind={state.auth ? 'auth' : 'error'}
        onRetry={() => void refresh()}
        className={props.className}
        theme={props.theme}
      />
    );
  } else view = skeleton;
  return (
    <>
      {view}
      {/* The timeline's <audio> elements: never shown, kept across every state above. */}
      <div ref={audioHostRef} hidden />
    </>
  );
}
