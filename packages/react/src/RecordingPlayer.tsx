import type { RecordingSet } from '@ambient-audio/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Ref } from 'react';
import { useInView } from './hooks/useInView';
import { useRecording } from './hooks/useRecording';
import { useRecordingDownload } from './hooks/useRecordingDownload';
import { resolveLabels, type PlayerLabels } from './labels';
import type { MediaChunk } from './media/ChunkedMediaElement';
import { useExactPeaks, useProgressivePeaks, type WaveformProgress } from './media/usePeaks';
import type { PlayerEvent, PlayerHandle } from './playerEvents';
import { DownloadProgress } from './states/DownloadProgress';
import { ErrorView } from './states/ErrorView';
import { GoneView } from './states/GoneView';
import { PlayerErrorBoundary } from './states/PlayerErrorBoundary';
import { PlayerSkeleton } from './states/PlayerSkeleton';
import { ProcessingView } from './states/ProcessingView';
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
  ref?: Ref<PlayerHandle>;
}

type SharedProps = Omit<RecordingPlayerProps, 'sessionId' | 'enabled' | 'labels' | 'onAuditEvent'> & {
  labels: PlayerLabels;
  onPlayerEvent: (event: PlayerEvent) => void;
  onDownload: () => void;
};

function toChunks(set: RecordingSet): MediaChunk[] {
  return set.recordings.map((recording) => ({
    id: recording.id,
    url: recording.url,
    expiresAt: recording.expiresAt,
  }));
}

/** Streams the presigned URLs; the waveform fills in progressively from small Range reads. */
function StreamingPlayer({
  set,
  refresh,
  onWaveformProgress,
  ...shared
}: SharedProps & { set: RecordingSet; refresh: () => Promise<void> }) {
  const chunks = useMemo(() => toChunks(set), [set]);
  const [mediaReady, setMediaReady] = useState(false);
  const peaks = useProgressivePeaks(chunks, {
    onExpired: () => void refresh(),
    onProgress: onWaveformProgress,
    enabled: mediaReady,
  });
  return (
    <WaveformPlayer
      {...shared}
      chunks={chunks}
      peaks={peaks.peaks}
      waveform={peaks.status !== 'unavailable'}
      note={peaks.status === 'unavailable' ? shared.labels.noWaveform : undefined}
      onUrlExpired={() => void refresh()}
      isUrlExpired={peaks.isUrlExpired}
      onBufferingChange={peaks.setPlaybackBuffering}
      onMediaReady={() => setMediaReady(true)}
    />
  );
}

/** Not streamable: download the whole file with progress, then play it with its exact waveform. */
function DownloadedPlayer({
  sessionId,
  onWaveformProgress: _progress,
  ...shared
}: SharedProps & { sessionId: string }) {
  const download = useRecordingDownload(sessionId);
  const { fetchFile, file, error, progress } = download;
  const startedRef = useRef(false);
  useEffect(() => {
    if (startedRef.current) return;
    startedRef.current = true;
    void fetchFile();
  }, [fetchFile]);
  const peaks = useExactPeaks(file?.files ?? null);
  if (error) {
    return (
      <ErrorView
        labels={shared.labels}
        kind="error"
        onRetry={() => void fetchFile()}
        className={shared.className}
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
      />
    );
  }
  return <WaveformPlayer {...shared} chunks={file.chunks} peaks={peaks} />;
}

/**
 * The drop-in player: give it a session id. It fetches and refreshes the presigned URLs, streams the
 * audio with a progressive waveform, falls back to downloading when the recording cannot stream, and
 * shows a clear view for every other state (loading, processing, gone, error).
 */
export function RecordingPlayer(props: RecordingPlayerProps) {
  const labels = resolveLabels(props.labels);
  const { onAuditEvent, sessionId } = props;
  return (
    <PlayerErrorBoundary
      resetKey={sessionId}
      onError={() =>
        onAuditEvent?.({ type: 'error', sessionId, recordingId: null, position: 0, at: Date.now() })
      }
      fallback={(reset) => (
        <ErrorView labels={labels} kind="error" onRetry={reset} className={props.className} />
      )}
    >
      <RecordingPlayerContent {...props} />
    </PlayerErrorBoundary>
  );
}

function RecordingPlayerContent(props: RecordingPlayerProps) {
  const { sessionId, enabled = true, lazy = true, onAuditEvent, ...rest } = props;
  const labels = resolveLabels(props.labels);
  const [inView, observe] = useInView(lazy);
  const { state, refresh } = useRecording(sessionId, { enabled: enabled && inView });
  const { save } = useRecordingDownload(sessionId);
  const auditRef = useRef(onAuditEvent);
  useEffect(() => {
    auditRef.current = onAuditEvent;
  });
  const onPlayerEvent = useCallback(
    (event: PlayerEvent) => auditRef.current?.({ ...event, sessionId, at: Date.now() }),
    [sessionId],
  );
  const shared: SharedProps = { ...rest, labels, onPlayerEvent, onDownload: () => void save() };

  switch (state.status) {
    case 'loading':
      return <PlayerSkeleton label={labels.loading} className={props.className} ref={observe} />;
    case 'processing':
      return (
        <ProcessingView
          labels={labels}
          nextRetryAt={state.nextRetryAt}
          onRetry={() => void refresh()}
          className={props.className}
        />
      );
    case 'gone':
      return <GoneView labels={labels} className={props.className} />;
    case 'error':
      return (
        <ErrorView
          labels={labels}
          kind={state.auth ? 'auth' : 'error'}
          onRetry={() => void refresh()}
          className={props.className}
        />
      );
    case 'ready':
      return state.recording.recordings.every((recording) => recording.streamable) ? (
        <StreamingPlayer {...shared} set={state.recording} refresh={refresh} />
      ) : (
        <DownloadedPlayer {...shared} sessionId={sessionId} />
      );
  }
}
