import { useCallback, useEffect, useImperativeHandle, useRef } from 'react';
import type { ReactNode, Ref } from 'react';
import { DownloadButton } from './controls/DownloadButton';
import { PlaybackRateSelect } from './controls/PlaybackRateSelect';
import { PlayPauseButton } from './controls/PlayPauseButton';
import { SeekSlider } from './controls/SeekSlider';
import { SkipButton } from './controls/SkipButton';
import { VolumeControl } from './controls/VolumeControl';
import { resolveLabels, type PlayerLabels } from './labels';
import type { MediaChunk } from './media/ChunkedMediaElement';
import { useWaveformEngine, type WaveformPeaks } from './media/useWaveformEngine';
import type { PlayerEvent, PlayerHandle } from './playerEvents';
import { TimeDisplay } from './TimeDisplay';
import { usePlayerShortcuts } from './usePlayerShortcuts';

export const defaultPlaybackRates = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export interface WaveformPlayerProps {
  /** The recording's chunks in order, each with its current URL and when that URL expires. */
  chunks: readonly MediaChunk[];
  /** Waveform peaks as they arrive (progressive); null while none are known yet. */
  peaks?: WaveformPeaks | null;
  /** Draw a waveform (peaks expected) or a plain progress track (e.g. the bucket has no CORS). */
  waveform?: boolean;
  /** A discreet note under the player, e.g. why there is no waveform. */
  note?: ReactNode;
  initialTime?: number;
  autoPlay?: boolean;
  skipSeconds?: number;
  playbackRates?: readonly number[];
  labels?: Partial<PlayerLabels>;
  /** Shows the download button when given. */
  onDownload?: () => void;
  /** A chunk's URL expired: fetch fresh URLs and pass them in `chunks`. */
  onUrlExpired?: (chunkId: string) => void;
  /** Asks the storage whether a failed URL expired. */
  isUrlExpired?: (url: string) => Promise<boolean | null>;
  onPlayerEvent?: (event: PlayerEvent) => void;
  /** The media can play (or 1.5 s passed): when background work such as the waveform may start. */
  onMediaReady?: () => void;
  /** Playback started or stopped waiting for data (lets background work yield the connection). */
  onBufferingChange?: (buffering: boolean) => void;
  theme?: 'light' | 'dark';
  className?: string;
  ref?: Ref<PlayerHandle>;
}

/**
 * The waveform player: one wavesurfer.js drawing over one media timeline that streams each chunk's
 * presigned URL. Seek with a click or drag on the waveform, the keyboard on the slider, or the
 * shortcuts (Space/K, J/L, `<`/`>`) while focus is in the player.
 */
export function WaveformPlayer(props: WaveformPlayerProps) {
  const {
    chunks,
    peaks = null,
    waveform = true,
    note,
    initialTime,
    autoPlay = false,
    skipSeconds = 10,
    playbackRates = defaultPlaybackRates,
    onDownload,
    onPlayerEvent,
    theme,
    className,
    ref,
  } = props;
  const labels = resolveLabels(props.labels);
  const waveformRef = useRef<HTMLDivElement | null>(null);
  const audioHostRef = useRef<HTMLDivElement | null>(null);
  const eventRef = useRef(onPlayerEvent);
  useEffect(() => {
    eventRef.current = onPlayerEvent;
  });

  const { media, snapshot, duration } = useWaveformEngine({
    waveformRef,
    audioHostRef,
    chunks,
    peaks: waveform ? peaks : null,
    onUrlExpired: props.onUrlExpired,
    isUrlExpired: props.isUrlExpired,
    onUrlSwapped: (chunkId) =>
      eventRef.current?.({ type: 'url-refreshed', recordingId: chunkId, position: media?.currentTime ?? 0 }),
  });

  const report = useCallback(
    (type: PlayerEvent['type']) => {
      if (!media) return;
      const index = Math.max(
        0,
        media.getSnapshot().chunkStarts.findLastIndex((start) => start <= media.currentTime),
      );
      eventRef.current?.({ type, recordingId: chunks[index]?.id ?? null, position: media.currentTime });
    },
    [media, chunks],
  );

  // Report play, pause and failures once per change of state, whatever caused it.
  useEffect(() => {
    if (!media) return;
    const onPlay = () => report('play');
    const onPause = () => report('pause');
    const onError = () => report('error');
    media.addEventListener('play', onPlay);
    media.addEventListener('pause', onPause);
    media.addEventListener('error', onError);
    return () => {
      media.removeEventListener('play', onPlay);
      media.removeEventListener('pause', onPause);
      media.removeEventListener('error', onError);
    };
  }, [media, report]);

  const seek = useCallback(
    (time: number) => {
      if (!media) return;
      media.seek(time);
      report('seek');
    },
    [media, report],
  );

  const togglePlay = useCallback(() => {
    if (!media) return;
    if (media.paused) media.play().catch(() => {});
    else media.pause();
  }, [media]);

  const setRate = useCallback(
    (rate: number) => {
      if (!media || rate === media.playbackRate) return;
      media.setRate(rate);
      report('rate');
    },
    [media, report],
  );

  const changeRate = useCallback(
    (direction: -1 | 1) => {
      const index = playbackRates.indexOf(snapshot.rate);
      const next =
        playbackRates[
          Math.min(
            Math.max((index < 0 ? playbackRates.indexOf(1) : index) + direction, 0),
            playbackRates.length - 1,
          )
        ];
      if (next !== undefined) setRate(next);
    },
    [playbackRates, snapshot.rate, setRate],
  );

  const skip = useCallback((delta: number) => seek((media?.currentTime ?? 0) + delta), [media, seek]);
  const onKeyDown = usePlayerShortcuts({ togglePlay, skip, changeRate, skipSeconds });

  const { onBufferingChange } = props;
  useEffect(() => {
    onBufferingChange?.(snapshot.buffering);
  }, [snapshot.buffering, onBufferingChange]);

  // initialTime and autoPlay apply once. Without a start time, play at once, as a bare <audio> would;
  // a start time needs the timeline's length (to find its chunk) first.
  const startedRef = useRef(false);
  const needsLength = Boolean(initialTime && initialTime > 0);
  useEffect(() => {
    if (!media || startedRef.current || chunks.length === 0 || (needsLength && !(duration > 0))) return;
    startedRef.current = true;
    if (needsLength && initialTime) media.seek(initialTime);
    if (autoPlay) media.play().catch(() => {});
  }, [media, chunks, duration, initialTime, autoPlay, needsLength]);

  // Playback first: background work (the waveform's reads) waits until the media can play.
  const mediaReadyRef = useRef(props.onMediaReady);
  useEffect(() => {
    mediaReadyRef.current = props.onMediaReady;
  });
  useEffect(() => {
    if (!media) return;
    let told = false;
    const ready = () => {
      if (told) return;
      told = true;
      mediaReadyRef.current?.();
    };
    media.addEventListener('canplay', ready);
    // A browser that will not buffer a paused element still gets its waveform.
    const fallback = setTimeout(ready, 1500);
    return () => {
      media.removeEventListener('canplay', ready);
      clearTimeout(fallback);
    };
  }, [media]);

  useImperativeHandle(
    ref,
    (): PlayerHandle => ({
      seek: (time, options) => {
        seek(time);
        if (options?.play && media?.paused) media.play().catch(() => {});
      },
      play: () => media?.play() ?? Promise.resolve(),
      pause: () => media?.pause(),
      getCurrentTime: () => media?.currentTime ?? 0,
      getDuration: () => duration,
      subscribe: (listener) => {
        if (!media) return () => {};
        let last = Number.NaN;
        return media.subscribe(() => {
          const time = media.currentTime;
          if (time !== last) {
            last = time;
            listener(time);
          }
        });
      },
    }),
    [media, seek, duration],
  );

  const ready = Boolean(media) && duration > 0;
  const status = snapshot.failure
    ? labels.mediaError
    : snapshot.recovering
      ? labels.loading
      : snapshot.buffering
        ? labels.buffering
        : '';
  const rootClass = ['aa-player', className].filter(Boolean).join(' ');

  return (
    // Shortcuts apply while focus is anywhere inside the player; each control keeps its own keys.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section className={rootClass} aria-label={labels.region} data-theme={theme} onKeyDown={onKeyDown}>
      <SeekSlider
        value={snapshot.currentTime}
        duration={duration}
        onSeek={seek}
        label={labels.seek}
        valueText={labels.position}
        markers={snapshot.chunkStarts.slice(1)}
        markerLabel={labels.chunkBoundary}
        disabled={!ready}
      >
        {waveform ? <div className="aa-waveform" ref={waveformRef} /> : undefined}
      </SeekSlider>
      <div className="aa-controls">
        <SkipButton
          direction="back"
          seconds={skipSeconds}
          label={labels.skipBack(skipSeconds)}
          onSkip={skip}
          disabled={!ready}
        />
        <PlayPauseButton
          playing={snapshot.playing}
          onToggle={togglePlay}
          playLabel={labels.play}
          pauseLabel={labels.pause}
          disabled={!media || chunks.length === 0}
        />
        <SkipButton
          direction="forward"
          seconds={skipSeconds}
          label={labels.skipForward(skipSeconds)}
          onSkip={skip}
          disabled={!ready}
        />
        <TimeDisplay currentTime={snapshot.currentTime} duration={duration} />
        <span className="aa-spacer" />
        <PlaybackRateSelect
          rate={snapshot.rate}
          rates={playbackRates}
          onChange={setRate}
          label={labels.playbackSpeed}
          formatRate={labels.rate}
        />
        <VolumeControl
          volume={snapshot.volume}
          muted={snapshot.muted}
          onVolumeChange={(volume) => media?.setVolume(volume)}
          onMutedChange={(muted) => media?.setMuted(muted)}
          muteLabel={labels.mute}
          unmuteLabel={labels.unmute}
          volumeLabel={labels.volume}
        />
        {onDownload && (
          <DownloadButton
            label={labels.download}
            onDownload={() => {
              report('download');
              onDownload();
            }}
          />
        )}
      </div>
      <div className="aa-status" role="status" aria-live="polite">
        {status}
      </div>
      {note && <p className="aa-note">{note}</p>}
      <div ref={audioHostRef} hidden />
    </section>
  );
}
