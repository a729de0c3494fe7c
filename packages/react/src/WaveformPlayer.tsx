import {
  loadCueTracker,
  nextCue,
  prepareCues,
  previousCue,
  type Cue,
  type CueTracker,
  type MediaChunk,
  type WaveformDetail,
} from '@ambient-audio/core';
import {
  forwardRef,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import { DownloadButton } from './controls/DownloadButton';
import { PlaybackRateSelect } from './controls/PlaybackRateSelect';
import { PlayPauseButton } from './controls/PlayPauseButton';
import { LiveSeekSlider, LiveTimeDisplay, WAVEFORM_SLIDER_STEP_S } from './controls/LivePosition';
import { SkipButton } from './controls/SkipButton';
import { VolumeControl } from './controls/VolumeControl';
import { ZoomButtons } from './controls/ZoomButtons';
import { usePlayerShortcuts } from './hooks/usePlayerShortcuts';
import { useZoomGestures } from './hooks/useZoomGestures';
import { useWaveformEngine, type WaveformPeaks, type WaveformView } from './hooks/useWaveformEngine';
import { useZoom } from './hooks/useZoom';
import { resolveLabels, type PlayerLabels } from './labels';
import type { PlayerEvent, PlayerHandle } from './playerEvents';
import type { WaveformLoudness } from './waveform/displayColumns';
import { referenceLevel } from './waveform/loudnessScale';
import { warnAboutCues } from './warnInDevelopment';
import { loadOnce } from './hooks/loadOnce';
import { useLazyModule } from './hooks/useLazyModule';

/** The cue lane's code, for players that are given cues. */
const loadCueLayer = loadOnce(() => import('./waveform/CueLayer'));

export const defaultPlaybackRates = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export interface WaveformPlayerProps {
  /** The recording's chunks in order, each with its current URL and when that URL expires. */
  chunks: readonly MediaChunk[];
  /**
   * The waveform: loudness per column over the whole recording (core's `WaveformOverview` is one),
   * drawn as it refines; null while none is known yet.
   */
  loudness?: WaveformLoudness | null;
  /** Simple peaks instead (one array per channel, values in [-1, 1]), for hosts that bring their own. */
  peaks?: WaveformPeaks | null;
  /** The exact loudness of the zoomed window (core's `WaveformDetail`), when zoomed. */
  detail?: WaveformDetail | null;
  /** The visible part of the recording changed (zoom, scroll): read its exact loudness. */
  onViewChange?: (view: WaveformView) => void;
  /** Draw a waveform (loudness expected) or a plain progress track (e.g. the bucket has no CORS). */
  waveform?: boolean;
  /** A discreet note under the player, e.g. why there is no waveform. */
  note?: ReactNode;
  /**
   * A status from the owner for the status line (a download's progress, "Reconnecting…"); the
   * player's own (buffering, its own reconnect) comes first.
   */
  message?: string | undefined;
  /** Start here (seconds) once the recording can play. */
  initialTime?: number;
  autoPlay?: boolean;
  /** Seconds the skip buttons and J/L move. Default 10. */
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
  /** The timeline learned every chunk's length. */
  onDurations?: (durations: readonly number[]) => void;
  /**
   * Stretches of the recording the note was written from, `{ id, start, end, label }` in seconds on
   * the session's timeline: drawn on the waveform, stepped through with N and P, played with
   * `playCue` (see `usePlayerControls`, `useIsActiveCue`). Bad ones are left out, with a warning in
   * development naming the cue's id.
   */
  cues?: readonly Cue[];
  theme?: 'light' | 'dark';
  className?: string;
}

/** What makes cues different for the player: ids, times and labels, not the array's identity. */
function cueSignature(cues: readonly Cue[] | undefined): string {
  if (!cues || cues.length === 0) return '';
  let signature = '';
  for (const cue of cues)
    signature += `${cue?.id}\u0000${cue?.start}\u0000${cue?.end}\u0000${cue?.label}\u0001`;
  return signature;
}

function peaksToLoudness(peaks: WaveformPeaks): WaveformLoudness {
  const length = peaks.channels[0]?.length ?? 0;
  const peak = new Float32Array(length);
  for (const channel of peaks.channels) {
    for (let i = 0; i < length; i += 1) peak[i] = Math.max(peak[i] ?? 0, Math.abs(channel[i] ?? 0));
  }
  return { duration: peaks.duration, peak };
}

/**
 * The waveform player: one wavesurfer.js drawing over one media timeline that streams each chunk's
 * presigned URL. Seek with a click or drag on the waveform, the keyboard on the slider, or the
 * shortcuts while focus is in the player; zoom with the buttons, `+`/`-`, Ctrl/⌘+wheel or a pinch.
 */
export const WaveformPlayer = forwardRef<PlayerHandle, WaveformPlayerProps>(
  function WaveformPlayer(props, ref) {
    const {
      chunks,
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
    } = props;
    const labels = resolveLabels(props.labels);
    const waveformRef = useRef<HTMLDivElement | null>(null);
    const audioHostRef = useRef<HTMLDivElement | null>(null);
    const seekRef = useRef<HTMLDivElement | null>(null);
    const eventRef = useRef(onPlayerEvent);
    const viewChangeRef = useRef(props.onViewChange);
    useEffect(() => {
      eventRef.current = onPlayerEvent;
      viewChangeRef.current = props.onViewChange;
    });

    const legacy = props.peaks ?? null;
    const converted = useMemo(() => (legacy ? peaksToLoudness(legacy) : null), [legacy]);
    const loudness = waveform ? (props.loudness ?? converted) : null;
    const [viewState, setViewState] = useState({ start: 0, length: 0 });
    const [following, setFollowing] = useState(true);
    const durationGuess = loudness?.duration ?? 0;
    const zoom = useZoom(durationGuess, viewState);

    const { media, snapshot, duration, view, scrollTo, drawing } = useWaveformEngine({
      waveformRef,
      audioHostRef,
      chunks,
      loudness,
      detail: props.detail ?? null,
      zoom: zoom.request,
      theme,
      onUrlExpired: props.onUrlExpired,
      isUrlExpired: props.isUrlExpired,
      onUrlSwapped: (chunkId) =>
        eventRef.current?.({
          type: 'url-refreshed',
          recordingId: chunkId,
          position: media?.currentTime ?? 0,
        }),
      onViewChange: (next) => {
        setViewState({ start: next.start, length: next.length });
        // The listener scrolled the zoomed waveform: the view stops following the playhead.
        if (next.byUser) setFollowing(false);
        viewChangeRef.current?.(next);
      },
    });

    // The cue a play was asked for (playCue), for that play's audit event.
    const pendingCueRef = useRef<string | null>(null);
    const report = useCallback(
      (type: PlayerEvent['type'], cueId?: string) => {
        if (!media) return;
        const index = Math.max(
          0,
          media.getSnapshot().chunkStarts.findLastIndex((start) => start <= media.currentTime),
        );
        const cue = cueId ?? (type === 'play' ? pendingCueRef.current : null);
        if (type === 'play') pendingCueRef.current = null;
        eventRef.current?.({
          type,
          recordingId: chunks[index]?.id ?? null,
          position: media.currentTime,
          ...(cue ? { cueId: cue } : {}),
        });
      },
      [media, chunks],
    );

    // The cues: checked, sorted, and tracked against the timeline (the tracker owns its one timer).
    const { cues: cueInput } = props;
    // Hosts often pass a fresh array each render: the cues count as changed only when their content does.
    const cueKey = cueSignature(cueInput);
    // (This render's cues: a ref written after the render would hand the memo the last render's.)
    const prepared = useMemo(
      () => prepareCues(cueInput ?? [], duration > 0 ? duration : undefined),
      // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, not by the array
      [cueKey, duration],
    );
    useEffect(() => warnAboutCues(prepared), [prepared]);
    // The cue lane's code, loaded for players that are given cues.
    const hasCues = prepared.cues.length > 0;
    const cueLane = useLazyModule(loadCueLayer, hasCues);
    const [tracker, setTracker] = useState<CueTracker | null>(null);
    const preparedRef = useRef(prepared);
    useEffect(() => {
      preparedRef.current = prepared;
    });
    // Only for players with cues: one without has nothing to follow on every timeupdate.
    useEffect(() => {
      if (!media || !hasCues) return;
      let live = true;
      let created: CueTracker | null = null;
      // Without the tracker's module the cues stay drawn but do not follow playback.
      loadCueTracker().then(
        ({ CueTracker: Tracker }) => {
          if (!live) return;
          created = new Tracker(media, {
            seek: (time) => {
              media.seek(time);
              setFollowing(true);
            },
          });
          // With its cues from the start: a key pressed before the next effect steps through them.
          created.setCues(preparedRef.current.cues);
          setTracker(created);
        },
        () => {},
      );
      return () => {
        live = false;
        created?.destroy();
        setTracker(null);
      };
    }, [media, hasCues]);
    useEffect(() => {
      tracker?.setCues(prepared.cues);
    }, [tracker, prepared]);
    // A cue asked for while the tracker's module was still loading is played once it is there.
    const queuedCueRef = useRef<{ id: string; options: { stopAtEnd?: boolean } | undefined } | null>(null);
    const noCue = useCallback(() => null, []);
    const noSubscription = useCallback(() => () => {}, []);
    const activeCue = useSyncExternalStore(
      tracker?.subscribe ?? noSubscription,
      tracker?.getActive ?? noCue,
      noCue,
    );
    const [cueAnnouncement, setCueAnnouncement] = useState('');
    const labelsRef = useRef(labels);
    useEffect(() => {
      labelsRef.current = labels;
    });
    const announceCue = useCallback(
      (cue: Cue | null) => {
        const cues = prepared.cues;
        const words = labelsRef.current;
        setCueAnnouncement(
          cue ? words.cuePosition(cues.indexOf(cue) + 1, cues.length, cue.label) : words.noMoreCues,
        );
      },
      [prepared],
    );
    const playCue = useCallback(
      (id: string, options?: { stopAtEnd?: boolean }) => {
        if (!media) return false;
        if (!tracker) {
          if (!prepared.cues.some((cue) => cue.id === id)) return false;
          queuedCueRef.current = { id, options };
          return true;
        }
        const wasPaused = media.paused;
        pendingCueRef.current = id;
        const cue = tracker.play(id, options);
        if (!cue) {
          pendingCueRef.current = null;
          return false;
        }
        report('seek');
        // Already playing: no 'play' event comes, so the cue's play is reported here.
        if (!wasPaused) report('play', id);
        announceCue(cue);
        return true;
      },
      [tracker, media, report, announceCue, prepared],
    );
    useEffect(() => {
      const queued = queuedCueRef.current;
      if (!tracker || !queued) return;
      queuedCueRef.current = null;
      playCue(queued.id, queued.options);
    }, [tracker, playCue]);
    // Stable, so the cue layer (hundreds of spans) is not redrawn on every time update.
    const playCueFromLane = useCallback((cue: Cue) => void playCue(cue.id), [playCue]);
    const stepCue = useCallback(
      (direction: 'next' | 'previous') => {
        if (!media) return;
        // (Before the tracker has loaded, from the position: no cue is active yet.)
        const cue = tracker
          ? direction === 'next'
            ? tracker.next()
            : tracker.previous()
          : (direction === 'next' ? nextCue : previousCue)(prepared.cues, media.currentTime);
        if (!cue) {
          announceCue(null);
          return;
        }
        media.seek(cue.start);
        setFollowing(true);
        report('seek');
        announceCue(cue);
      },
      [tracker, media, report, announceCue, prepared],
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
        // A seek (by click, key or the page) brings the view back to the playhead.
        setFollowing(true);
        report('seek');
      },
      [media, report],
    );

    const togglePlay = useCallback(() => {
      if (!media) return;
      if (media.paused) {
        setFollowing(true);
        media.play().catch(() => {});
      } else media.pause();
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

    // Zooming keeps the playhead in place when it is in view, else the view's centre.
    const anchor = useCallback(() => {
      const time = media?.currentTime ?? 0;
      const inView = view.length > 0 && time >= view.start && time <= view.start + view.length;
      return inView ? time : view.start + view.length / 2;
    }, [media, view.start, view.length]);
    const zoomIn = useCallback(() => {
      setFollowing(true);
      zoom.zoomIn(anchor());
    }, [zoom, anchor]);
    const zoomOut = useCallback(() => zoom.zoomOut(anchor()), [zoom, anchor]);
    const canZoom = Boolean(loudness) && duration > 0 && !snapshot.failure;

    const onKeyDown = usePlayerShortcuts({
      togglePlay,
      skip,
      changeRate,
      skipSeconds,
      zoomIn: canZoom && zoom.canZoomIn ? zoomIn : undefined,
      zoomOut: canZoom && zoom.canZoomOut ? zoomOut : undefined,
      nextCue: prepared.cues.length > 0 ? () => stepCue('next') : undefined,
      previousCue: prepared.cues.length > 0 ? () => stepCue('previous') : undefined,
      replay: () => skip(-5),
    });

    // Zooming around a point away from the playhead means looking there: the view stops following.
    const zoomAround = useCallback(
      (at: number, factor: number, direction: 'in' | 'out') => {
        const time = media?.currentTime ?? 0;
        if (Math.abs(at - time) > view.length * 0.05) setFollowing(false);
        if (direction === 'in') zoom.zoomIn(at, factor);
        else zoom.zoomOut(at, factor);
      },
      [media, view.length, zoom],
    );
    // A horizontal scroll (or Shift+wheel) on a zoomed waveform pans it; the view stops following.
    const pan = useCallback(
      (start: number) => {
        setFollowing(false);
        scrollTo(start);
      },
      [scrollTo],
    );
    useZoomGestures(
      seekRef,
      { zoomAround, view, canZoom, pan },
      `${waveform}:${snapshot.failure !== null}`,
      drawing,
    );

    // Zoomed, the view follows the playhead a page at a time, unless the listener moved it away.
    useEffect(() => {
      if (!media || !view.zoomed || !following) return;
      const keepInView = () => {
        const time = media.currentTime;
        if (time < view.start || time > view.start + view.length * 0.92) scrollTo(time - view.length * 0.08);
      };
      keepInView();
      media.addEventListener('timeupdate', keepInView);
      return () => media.removeEventListener('timeupdate', keepInView);
    }, [media, view.zoomed, view.start, view.length, following, scrollTo]);

    const { onBufferingChange } = props;
    useEffect(() => {
      onBufferingChange?.(snapshot.buffering);
    }, [snapshot.buffering, onBufferingChange]);

    const { onDurations } = props;
    const starts = snapshot.chunkStarts;
    useEffect(() => {
      if (starts.length === 0 || !(duration > 0)) return;
      onDurations?.(starts.map((start, i) => (starts[i + 1] ?? duration) - start));
    }, [starts, duration, onDurations]);

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
      // A timeline the player took over (RecordingPlayer's early one) may be able to play already.
      if (media.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) ready();
      // A browser that will not buffer a paused element still gets its waveform.
      const fallback = setTimeout(ready, 1500);
      return () => {
        media.removeEventListener('canplay', ready);
        clearTimeout(fallback);
      };
    }, [media]);

    // The handle stays the same object for the player's life (a new one would re-render every host
    // that holds it); its methods reach the latest state through a ref.
    const latest = useRef({ media, seek, duration, playCue, stepCue, tracker });
    useEffect(() => {
      latest.current = { media, seek, duration, playCue, stepCue, tracker };
    });
    const activeListeners = useRef(new Set<() => void>());
    useEffect(() => {
      if (!tracker) return;
      const notify = () => activeListeners.current.forEach((listener) => listener());
      notify();
      return tracker.subscribe(notify);
    }, [tracker]);
    useImperativeHandle(
      ref,
      (): PlayerHandle => ({
        seek: (time, options) => {
          const { seek: move, media: current } = latest.current;
          move(time);
          if (options?.play && current?.paused) current.play().catch(() => {});
        },
        play: () => latest.current.media?.play() ?? Promise.resolve(),
        pause: () => latest.current.media?.pause(),
        getCurrentTime: () => latest.current.media?.currentTime ?? 0,
        getDuration: () => latest.current.duration,
        subscribe: (listener) => {
          const current = latest.current.media;
          if (!current) return () => {};
          let last = Number.NaN;
          return current.subscribe(() => {
            const time = current.currentTime;
            if (time !== last) {
              last = time;
              listener(time);
            }
          });
        },
        playCue: (id, options) => latest.current.playCue(id, options),
        nextCue: () => latest.current.stepCue('next'),
        previousCue: () => latest.current.stepCue('previous'),
        getActiveCue: () => latest.current.tracker?.getActive() ?? null,
        subscribeActiveCue: (listener) => {
          activeListeners.current.add(listener);
          return () => activeListeners.current.delete(listener);
        },
      }),
      // One handle for the player's life: everything is reached through `latest`.
      [],
    );

    // Whether the zoomed view shows exact loudness yet (for hosts and tests: `data-detail`).
    const shownDetail = props.detail ?? null;
    const detailState = !view.zoomed
      ? undefined
      : shownDetail?.complete &&
          shownDetail.start <= view.start + 0.5 &&
          shownDetail.start + shownDetail.known.length / shownDetail.binsPerSecond >=
            view.start + view.length - 0.5
        ? shownDetail.exact
          ? 'exact'
          : 'sampled'
        : 'reading';
    const failed = snapshot.failure !== null;
    const ready = Boolean(media) && duration > 0 && !failed;
    const status = snapshot.recovering
      ? labels.reconnecting
      : snapshot.buffering
        ? labels.buffering
        : (props.message ?? '');
    const rootClass = ['aa-player', view.zoomed && 'aa-zoomed', className].filter(Boolean).join(' ');
    const reference = useMemo(
      () => (loudness ? referenceLevel(loudness.rms ?? loudness.peak, loudness.quality) : 0),
      // The strip's scale, like the waveform's, is fixed once the first loudness arrives.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [Boolean(loudness)],
    );
    // Said once the listener has zoomed (not at load): how much of the recording the waveform shows.
    const [everZoomed, setEverZoomed] = useState(false);
    if (zoom.window !== null && !everZoomed) setEverZoomed(true);
    const zoomAnnouncement = everZoomed && ready ? labels.zoomLevel(zoom.window, duration) : '';

    return (
      // Shortcuts apply while focus is anywhere inside the player; each control keeps its own keys.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
      <section className={rootClass} aria-label={labels.region} data-theme={theme} onKeyDown={onKeyDown}>
        {snapshot.failure ? (
          // A file that cannot be played is said as loudly as the other errors, never a player that looks ready.
          <div className="aa-failure">
            <div role="alert" className="aa-failure-text">
              <p className="aa-state-title">{labels.mediaError}</p>
              <p className="aa-state-detail">
                {snapshot.failure.kind === 'decode' ? labels.mediaErrorDecode : labels.mediaErrorNetwork}
              </p>
            </div>
            <button type="button" className="aa-button aa-text-button" onClick={() => media?.retry()}>
              {labels.retry}
            </button>
          </div>
        ) : (
          <>
            {view.zoomed && loudness && drawing && (
              <drawing.OverviewStrip
                loudness={loudness}
                reference={reference}
                duration={duration}
                view={view}
                label={labels.overviewStrip}
                onMove={pan}
              />
            )}
            <LiveSeekSlider
              ref={seekRef}
              media={media}
              step={waveform ? WAVEFORM_SLIDER_STEP_S : 0}
              duration={duration}
              onSeek={seek}
              label={labels.seek}
              valueText={labels.position}
              markers={snapshot.chunkStarts.slice(1)}
              markerLabel={labels.chunkBoundary}
              disabled={!ready}
              viewStart={view.zoomed ? view.start : 0}
              viewLength={view.zoomed ? view.length : duration}
              detailState={detailState}
              overlay={
                <>
                  {cueLane && (
                    <cueLane.CueLayer
                      cues={prepared.cues}
                      activeId={activeCue?.id ?? null}
                      viewStart={view.zoomed ? view.start : 0}
                      viewLength={view.zoomed ? view.length : duration}
                      onPlay={playCueFromLane}
                    />
                  )}
                  {activeCue && (
                    // The label of the cue being heard, shown while the slider has focus.
                    <span className="aa-cue-caption" aria-hidden="true">
                      {activeCue.label}
                    </span>
                  )}
                </>
              }
            >
              {waveform ? <div className="aa-waveform" ref={waveformRef} /> : undefined}
            </LiveSeekSlider>
          </>
        )}
        {/* Transport and tools are two groups: when a row is too narrow the tools move, together, to a
          second row, at every width the same way. */}
        <div className="aa-controls">
          <div className="aa-transport">
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
              disabled={!media || chunks.length === 0 || failed}
            />
            <SkipButton
              direction="forward"
              seconds={skipSeconds}
              label={labels.skipForward(skipSeconds)}
              onSkip={skip}
              disabled={!ready}
            />
            <LiveTimeDisplay media={media} duration={duration} />
          </div>
          <div className="aa-tools">
            {waveform && (
              <ZoomButtons
                zoomInLabel={labels.zoomIn}
                zoomOutLabel={labels.zoomOut}
                onZoomIn={zoomIn}
                onZoomOut={zoomOut}
                canZoomIn={canZoom && zoom.canZoomIn}
                canZoomOut={canZoom && zoom.canZoomOut}
              />
            )}
            <PlaybackRateSelect
              disabled={failed}
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
        </div>
        {/* Shown over the waveform's corner, so a message coming and going moves nothing. */}
        <div className="aa-status" role="status" aria-live="polite">
          {status}
        </div>
        <div className="aa-visually-hidden" aria-live="polite">
          {zoomAnnouncement}
        </div>
        <div className="aa-visually-hidden" aria-live="polite">
          {cueAnnouncement}
        </div>
        {/* Beside a failed playback, "Playback is not affected" would say the opposite of the alert. */}
        {note && !snapshot.failure && <p className="aa-note">{note}</p>}
        <div ref={audioHostRef} hidden />
      </section>
    );
  },
);
