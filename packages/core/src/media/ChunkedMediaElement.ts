import { clock, type TimerHandle } from '../clock';
import type { StorageSource } from '../probeStorageSource';
import { chunkStarts, locate, startOf, timelineDuration } from './chunkTimeline';
import { reconnectDelay } from './reconnect';

/**
 * One media timeline over a recording's chunks, shaped like the part of HTMLMediaElement that
 * wavesurfer.js drives (wavesurfer accepts such an object as `media`, as it does its own WebAudio
 * player), and a store a UI subscribes to (`subscribe` / `getSnapshot`, for React's
 * `useSyncExternalStore`). Framework-free: a host that is not React can drive it as well.
 *
 * - Each chunk plays through an `<audio>` element streaming its presigned URL with Range requests;
 *   at most a few elements are alive at once however many chunks there are (the one playing, the
 *   next one near its end, and two that learn the other chunks' lengths one by one).
 * - A fresher URL is swapped in without losing the position (at once for a chunk not playing,
 *   before expiry for the one playing).
 * - An expired URL is never handed to an element. A URL that expired under the listener (the
 *   refresh failed: the API is down, the laptop slept) keeps the buffered audio playing, then waits
 *   at the same position, asking for a fresh URL with backoff until one comes, and resumes there.
 * - A file the browser cannot decode is a failure, said once, never a player that looks ready.
 *
 * wavesurfer never sees a URL: `src` reads as empty, so nothing it logs or throws can carry one.
 */

export interface MediaChunk {
  /** Stable id of the chunk (the recording id). */
  id: string;
  /** Presigned URL, or a blob: URL of a downloaded file. */
  url: string;
  /** Epoch ms (device clock) after which the URL stops working (Infinity for blob: URLs). */
  expiresAt: number;
}

/**
 * Why playback failed, without the URL or anything else secret. `decode`: the bytes are not audio
 * the browser can play (MediaError 3, or 4 on a URL that is not expired: an HTML error page stored
 * as the WAV, say); `network`: the storage could not be reached, several times over.
 */
export interface MediaFailure {
  /** The chunk whose element failed. */
  chunkId: string;
  /**
   * `decode`: the storage serves something this browser cannot play as audio (Play stays off until
   * `retry()`); `network`: the connection dropped or the storage could not be reached.
   */
  kind: 'decode' | 'network';
  /** MediaError code: 1 aborted, 2 network, 3 decode, 4 source not supported (also an HTTP error). */
  code: number;
}

export interface ChunkedMediaSnapshot {
  currentTime: number;
  /** Sum of the chunks' durations; NaN until every chunk's metadata has loaded. */
  duration: number;
  /** Start time of each chunk on the timeline (first is 0); empty until all durations are known. */
  chunkStarts: readonly number[];
  /** The listener's intent: true from play() until pause() or the end. */
  playing: boolean;
  /** Playing is intended but the active element is waiting for data. */
  buffering: boolean;
  ended: boolean;
  rate: number;
  volume: number;
  muted: boolean;
  /** Metadata of the active chunk is loaded and it can be seeked. */
  ready: boolean;
  /**
   * The URL needed to go on has expired and a fresh one has been asked for: the player waits at the
   * same position (playing on what is buffered meanwhile) and resumes when it arrives.
   */
  recovering: boolean;
  failure: MediaFailure | null;
}

export interface ChunkedMediaOptions {
  /** Where the `<audio>` elements live (hidden); they play detached when omitted. */
  container?: HTMLElement | null;
  /**
   * Asks the storage whether a failed URL expired (e.g. core's probe that reads an S3/GCS expiry
   * answer). Without it, or when it cannot tell, the known expiry time decides.
   */
  isUrlExpired?: (url: string) => Promise<boolean | null>;
  /**
   * Asks the storage what a URL that failed before its metadata serves: the browser reports a
   * connection lost there as it does a file that is not audio. Default: core's `probeStorageSource`
   * (loaded when first needed), which reads the file's 12-byte RIFF/WAVE signature.
   */
  probeSource?: (url: string) => Promise<StorageSource>;
  /**
   * A chunk's URL expired, or is about to be needed expired: the owner should fetch fresh URLs and
   * call setChunks(). Asked again, with backoff, for as long as no fresh URL has come.
   */
  onUrlExpired?: (chunkId: string) => void;
  /** Called after a fresher URL was swapped in for a chunk. */
  onUrlSwapped?: (chunkId: string) => void;
  /** While playing, a fresher URL is swapped in this long before the old one expires. Default 30 s. */
  swapLeadMs?: number;
  /** How long before the end of a chunk the next one starts buffering. Default 15 s. */
  preloadNextSeconds?: number;
  /** Elements that learn the lengths of chunks not playing, at once. Default 2. */
  probes?: number;
  /** Random source in [0, 1) for the reconnect jitter, for tests. */
  random?: () => number;
}

/** A URL this close to its expiry is not handed to an element: it would fail before it loaded. */
const EXPIRY_GUARD_MS = 5_000;
/** Retries of a network failure on a URL that has not expired, before it is a failure. */
const NETWORK_RETRIES = 2;
/** Retries of a source the browser could not open before its metadata, before the storage is asked why. */
const SOURCE_RETRIES = 1;

interface ChunkState {
  id: string;
  url: string;
  expiresAt: number;
  duration: number;
  /** The element playing (or preloading) this chunk, when it has one. */
  element: HTMLAudioElement | null;
  /** Where in the chunk the listener is (or will be): kept while the chunk has no element. */
  position: number;
  /** A fresher URL waiting to be swapped in while this chunk plays. */
  pending: { url: string; expiresAt: number } | null;
  /** URLs for which a refresh was already asked after an element failed on them. */
  retriedUrls: Set<string>;
  /** Failed loads of the current URL that were retried: dropped connections, a source not opened. */
  networkFailures: number;
  /** Where to resume once a swapped-in source has loaded its metadata. */
  resumeAt: number | null;
  /** The chunk's length could not be learned (its file fails). */
  probeFailed: boolean;
}

const FORWARDED_EVENTS = ['seeking', 'seeked', 'canplay', 'playing', 'waiting', 'progress'] as const;

export class ChunkedMediaElement extends EventTarget {
  private chunks: ChunkState[] = [];
  /** Each chunk's length (NaN while unknown), kept beside the chunks: read on every animation frame. */
  private lengths: number[] = [];
  private startsOf: readonly number[] | null = null;
  private startsCache: readonly number[] = [];
  private active = 0;
  private intentPlaying = false;
  private isEnded = false;
  private buffering = false;
  private recovering = false;
  private failure: MediaFailure | null = null;
  private rate = 1;
  private volumeLevel = 1;
  private isMuted = false;
  private pitchKept = true;
  private swapTimer: TimerHandle | null = null;
  private reconnectTimer: TimerHandle | null = null;
  private reconnectAttempt = 0;
  private retryTimer: TimerHandle | null = null;
  private probing = new Map<HTMLAudioElement, { chunk: ChunkState; detach: () => void }>();
  private probesAllowed = false;
  private detachers = new Map<HTMLAudioElement, () => void>();
  private destroyed = false;
  private snapshot: ChunkedMediaSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly options: ChunkedMediaOptions;

  /** Settable because wavesurfer may set them; they mean nothing here. */
  controls = false;
  autoplay = false;

  constructor(options: ChunkedMediaOptions = {}) {
    super();
    this.options = options;
    this.snapshot = this.computeSnapshot();
  }

  // --- the part of HTMLMediaElement that wavesurfer uses -------------------------------------------

  get src(): string {
    return '';
  }

  get currentSrc(): string {
    return '';
  }

  get currentTime(): number {
    const chunk = this.chunks[this.active];
    if (!chunk) return 0;
    return startOf(this.durations(), this.active) + this.positionIn(chunk);
  }

  set currentTime(time: number) {
    this.seek(time);
  }

  get duration(): number {
    return timelineDuration(this.durations());
  }

  get paused(): boolean {
    return !this.intentPlaying;
  }

  get ended(): boolean {
    return this.isEnded;
  }

  get seeking(): boolean {
    return this.chunks[this.active]?.element?.seeking ?? false;
  }

  get readyState(): number {
    return this.chunks[this.active]?.element?.readyState ?? 0;
  }

  get error(): { code: number; message: string } | null {
    return this.failure ? { code: this.failure.code, message: `Media error ${this.failure.code}` } : null;
  }

  get playbackRate(): number {
    return this.rate;
  }

  set playbackRate(rate: number) {
    if (!(rate > 0) || rate === this.rate) return;
    this.rate = rate;
    for (const element of this.liveElements()) {
      element.defaultPlaybackRate = rate;
      element.playbackRate = rate;
    }
    this.emit('ratechange');
  }

  get preservesPitch(): boolean {
    return this.pitchKept;
  }

  set preservesPitch(keep: boolean) {
    this.pitchKept = keep;
    for (const element of this.liveElements()) element.preservesPitch = keep;
  }

  get volume(): number {
    return this.volumeLevel;
  }

  set volume(volume: number) {
    const next = Math.min(Math.max(volume, 0), 1);
    if (next === this.volumeLevel) return;
    this.volumeLevel = next;
    for (const element of this.liveElements()) element.volume = next;
    this.emit('volumechange');
  }

  get muted(): boolean {
    return this.isMuted;
  }

  set muted(muted: boolean) {
    if (muted === this.isMuted) return;
    this.isMuted = muted;
    for (const element of this.liveElements()) element.muted = muted;
    this.emit('volumechange');
  }

  canPlayType(type: string): CanPlayTypeResult {
    return typeof document === 'undefined' ? '' : document.createElement('audio').canPlayType(type);
  }

  /** wavesurfer resets sources it owns; this object's sources come from setChunks() only. */
  removeAttribute(): void {}

  load(): void {}

  remove(): void {}

  async play(): Promise<void> {
    const chunk = this.chunks[this.active];
    if (!chunk || this.destroyed) return;
    // A file that cannot be decoded stays failed until the listener asks to try again.
    if (this.failure?.kind === 'decode') return;
    // After a network failure Play is "try again": the failed element would only reject.
    if (this.failure) this.retry();
    if (this.isEnded) {
      this.isEnded = false;
      this.seek(0);
    }
    const wasPlaying = this.intentPlaying;
    this.intentPlaying = true;
    this.failure = null;
    if (!wasPlaying) this.emit('play');
    if (this.recovering || !chunk.element) return;
    this.applyPendingSwap(chunk);
    try {
      await chunk.element.play();
    } catch (error) {
      // A play() interrupted by a pause, a seek or a source swap is not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // Failures of the source surface through the element's error event instead.
      if (chunk.element?.error) return;
      this.intentPlaying = false;
      this.emit('pause');
      throw error;
    }
  }

  pause(): void {
    const chunk = this.chunks[this.active];
    const wasPlaying = this.intentPlaying;
    this.intentPlaying = false;
    this.buffering = false;
    chunk?.element?.pause();
    if (chunk) this.applyPendingSwap(chunk);
    if (wasPlaying) this.emit('pause');
    else this.notify();
  }

  // --- what the player adds ------------------------------------------------------------------------

  /**
   * Sets the recording's chunks. The same ids in the same order with new URLs are a refresh: each URL
   * is swapped in without losing the position (at once for chunks not playing, before expiry for the
   * one playing). Anything else is a new recording and starts over at 0.
   */
  setChunks(next: readonly MediaChunk[]): void {
    if (this.destroyed) return;
    const sameRecording =
      next.length === this.chunks.length && next.every((chunk, i) => chunk.id === this.chunks[i]?.id);
    if (!sameRecording) {
      this.replaceChunks(next);
      return;
    }
    next.forEach((fresh, index) => {
      const chunk = this.chunks[index];
      if (!chunk || fresh.url === chunk.url) return;
      if (!this.usable(fresh.expiresAt)) return;
      if (!chunk.element) {
        chunk.url = fresh.url;
        chunk.expiresAt = fresh.expiresAt;
        chunk.networkFailures = 0;
        if (index === this.active) this.attach(chunk, 'auto');
        return;
      }
      // The URL playing now still works: the fresh one waits until just before it stops (a swap
      // means a short rebuffer). One that has expired (a device that slept) is replaced at once.
      if (index === this.active && this.intentPlaying && !this.recovering && this.usable(chunk.expiresAt)) {
        chunk.pending = { url: fresh.url, expiresAt: fresh.expiresAt };
        this.scheduleSwap(chunk);
      } else {
        this.swapNow(chunk, fresh.url, fresh.expiresAt);
      }
    });
    const active = this.chunks[this.active];
    if (this.recovering && active && this.usable(active.expiresAt) && !active.retriedUrls.has(active.url)) {
      this.endRecovery();
      if (this.intentPlaying) active.element?.play().catch(() => {});
    }
    this.probeLengths();
    this.notify();
  }

  /** Speed with pitch kept, as a listener expects from a speed control. */
  setRate(rate: number): void {
    this.preservesPitch = true;
    this.playbackRate = rate;
  }

  setVolume(volume: number): void {
    this.volume = volume;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
  }

  /** Moves to a time on the whole timeline, across chunk boundaries. */
  seek(time: number): void {
    if (this.chunks.length === 0 || !Number.isFinite(time)) return;
    const { index, local } = locate(this.durations(), time);
    this.isEnded = false;
    if (index !== this.active) this.activate(index, local);
    else {
      const chunk = this.chunks[index];
      if (chunk) this.setPosition(chunk, local);
    }
    this.emit('timeupdate');
  }

  /**
   * After a failure (a file that would not decode, a storage that kept failing): loads the active
   * chunk again from the listener's position.
   */
  retry(): void {
    const chunk = this.chunks[this.active];
    if (!chunk || this.destroyed) return;
    this.failure = null;
    chunk.networkFailures = 0;
    chunk.retriedUrls.clear();
    if (!this.usable(chunk.expiresAt)) {
      this.startRecovery(chunk);
    } else {
      const position = this.positionIn(chunk);
      this.release(chunk);
      chunk.position = position;
      this.attach(chunk, 'auto');
    }
    this.notify();
  }

  /** `<audio>` elements alive now: a few, however many chunks the recording has. */
  get elementCount(): number {
    return this.liveElements().length;
  }

  getSnapshot = (): ChunkedMediaSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stops every element fetching and releases all listeners and timers. Final. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.clearSwapTimer();
    this.clearReconnect();
    clock.clearTimeout(this.retryTimer);
    for (const chunk of this.chunks) this.release(chunk);
    for (const element of [...this.probing.keys()]) this.endProbe(element);
    this.chunks = [];
    this.lengths = [];
    this.listeners.clear();
  }

  // --- internals -----------------------------------------------------------------------------------

  private durations(): readonly number[] {
    return this.lengths;
  }

  /**
   * Where each chunk starts, computed once per change of the lengths (which are replaced, never
   * mutated), not at every `timeupdate`: the snapshot hands out the same array until they change.
   */
  private starts(): readonly number[] {
    if (this.startsOf !== this.lengths) {
      this.startsOf = this.lengths;
      this.startsCache = chunkStarts(this.lengths);
    }
    return this.startsCache;
  }

  private positionIn(chunk: ChunkState): number {
    return chunk.element ? chunk.element.currentTime || 0 : chunk.position;
  }

  private setPosition(chunk: ChunkState, local: number): void {
    chunk.position = local;
    // A source swapped in and still loading resumes where the listener now is, not where it was.
    if (chunk.resumeAt !== null) chunk.resumeAt = local;
    if (chunk.element) chunk.element.currentTime = local;
  }

  private usable(expiresAt: number): boolean {
    return expiresAt - clock.now() > EXPIRY_GUARD_MS;
  }

  private liveElements(): HTMLAudioElement[] {
    const elements = this.chunks.flatMap((chunk) => (chunk.element ? [chunk.element] : []));
    return [...elements, ...this.probing.keys()];
  }

  private replaceChunks(next: readonly MediaChunk[]): void {
    this.clearSwapTimer();
    this.clearReconnect();
    for (const chunk of this.chunks) this.release(chunk);
    for (const element of [...this.probing.keys()]) this.endProbe(element);
    const wasPlaying = this.intentPlaying;
    this.chunks = next.map((chunk) => ({
      id: chunk.id,
      url: chunk.url,
      expiresAt: chunk.expiresAt,
      duration: Number.NaN,
      element: null,
      position: 0,
      pending: null,
      retriedUrls: new Set(),
      networkFailures: 0,
      resumeAt: null,
      probeFailed: false,
    }));
    this.lengths = this.chunks.map(() => Number.NaN);
    this.active = 0;
    this.intentPlaying = false;
    this.isEnded = false;
    this.buffering = false;
    this.recovering = false;
    this.failure = null;
    this.probesAllowed = false;
    const first = this.chunks[0];
    if (first) this.attach(first, 'auto');
    if (wasPlaying) this.emit('pause');
    this.emit('emptied');
    this.emit('durationchange');
  }

  private createElement(preload: 'auto' | 'metadata'): HTMLAudioElement {
    const element = document.createElement('audio');
    element.preload = preload;
    // A new source resets playbackRate to the default: both carry the listener's speed.
    element.defaultPlaybackRate = this.rate;
    element.playbackRate = this.rate;
    element.preservesPitch = this.pitchKept;
    element.volume = this.volumeLevel;
    element.muted = this.isMuted;
    this.options.container?.append(element);
    return element;
  }

  /** Gives a chunk an element streaming its URL, or asks for a fresh URL when it has expired. */
  private attach(chunk: ChunkState, preload: 'auto' | 'metadata'): void {
    if (chunk.element) {
      if (preload === 'auto') chunk.element.preload = 'auto';
      return;
    }
    if (!this.usable(chunk.expiresAt)) {
      if (this.chunks[this.active] === chunk) this.startRecovery(chunk);
      return;
    }
    const element = this.createElement(preload);
    element.dataset['chunkId'] = chunk.id;
    element.src = chunk.url;
    if (chunk.position > 0) {
      element.currentTime = chunk.position;
      chunk.resumeAt = chunk.position;
    }
    chunk.element = element;
    const isActive = () => this.chunks[this.active] === chunk;
    const handlers: [string, () => void][] = [
      ['loadedmetadata', () => this.onMetadata(chunk)],
      ['durationchange', () => this.onMetadata(chunk)],
      ['ended', () => this.onChunkEnded(chunk)],
      ['error', () => void this.onElementError(chunk, element)],
      ['waiting', () => isActive() && this.setBuffering(true)],
      ['playing', () => isActive() && this.setBuffering(false)],
      [
        'canplay',
        () => {
          if (!isActive()) return;
          this.setBuffering(false);
          chunk.networkFailures = 0;
          // Learn the other chunks' lengths once playback has what it needs.
          this.probesAllowed = true;
          this.probeLengths();
        },
      ],
      ['timeupdate', () => isActive() && this.onTimeUpdate(chunk)],
      ...FORWARDED_EVENTS.map((type): [string, () => void] => [type, () => isActive() && this.emit(type)]),
    ];
    for (const [type, handler] of handlers) element.addEventListener(type, handler);
    this.detachers.set(element, () => {
      for (const [type, handler] of handlers) element.removeEventListener(type, handler);
    });
  }

  /** Takes a chunk's element away (remembering where the chunk was) and stops it fetching. */
  private release(chunk: ChunkState): void {
    const element = chunk.element;
    if (!element) return;
    chunk.position = element.currentTime || chunk.position;
    chunk.element = null;
    this.disposeElement(element);
  }

  private disposeElement(element: HTMLAudioElement): void {
    this.detachers.get(element)?.();
    this.detachers.delete(element);
    element.pause();
    // Removing the source and calling load() is what makes the browser drop the connection.
    element.removeAttribute('src');
    element.load();
    element.remove();
  }

  /** Learns the lengths of the chunks that have no element, a few at a time. */
  private probeLengths(): void {
    if (!this.probesAllowed || this.destroyed) return;
    const limit = this.options.probes ?? 2;
    for (const chunk of this.chunks) {
      if (this.probing.size >= limit) return;
      if (chunk.duration > 0 || chunk.element || chunk.probeFailed) continue;
      if ([...this.probing.values()].some((probe) => probe.chunk === chunk)) continue;
      if (!this.usable(chunk.expiresAt)) continue;
      const element = this.createElement('metadata');
      const done = () => {
        const duration = element.duration;
        if (duration > 0 && Number.isFinite(duration)) {
          this.setDuration(chunk, duration);
          this.endProbe(element);
          this.probeLengths();
        }
      };
      const failed = () => {
        this.endProbe(element);
        // An expired URL is asked for with the next refresh; anything else will not get better.
        if (this.usable(chunk.expiresAt)) chunk.probeFailed = true;
        this.probeLengths();
      };
      element.addEventListener('loadedmetadata', done);
      element.addEventListener('durationchange', done);
      element.addEventListener('error', failed);
      this.probing.set(element, {
        chunk,
        detach: () => {
          element.removeEventListener('loadedmetadata', done);
          element.removeEventListener('durationchange', done);
          element.removeEventListener('error', failed);
        },
      });
      element.src = chunk.url;
    }
  }

  private endProbe(element: HTMLAudioElement): void {
    this.probing.get(element)?.detach();
    this.probing.delete(element);
    element.removeAttribute('src');
    element.load();
    element.remove();
  }

  private setDuration(chunk: ChunkState, duration: number): void {
    if (duration === chunk.duration) return;
    const before = this.duration;
    chunk.duration = duration;
    this.lengths = this.chunks.map((item) => item.duration);
    const after = this.duration;
    if (Number.isFinite(after) && !(before === after)) {
      this.emit('durationchange');
      this.emit('loadedmetadata');
    } else this.notify();
  }

  private onMetadata(chunk: ChunkState): void {
    const element = chunk.element;
    if (!element) return;
    if (chunk.resumeAt !== null && element.readyState >= 1) {
      const resumeAt = chunk.resumeAt;
      chunk.resumeAt = null;
      if (Math.abs(element.currentTime - resumeAt) > 0.05) element.currentTime = resumeAt;
    }
    const duration = element.duration;
    if (duration > 0 && Number.isFinite(duration)) this.setDuration(chunk, duration);
  }

  private onTimeUpdate(chunk: ChunkState): void {
    const element = chunk.element;
    if (element) chunk.position = element.currentTime;
    const next = this.chunks[this.active + 1];
    const remaining = chunk.duration - (element?.currentTime ?? 0);
    if (next && remaining < (this.options.preloadNextSeconds ?? 15)) this.attach(next, 'auto');
    this.emit('timeupdate');
  }

  private onChunkEnded(chunk: ChunkState): void {
    if (this.chunks[this.active] !== chunk) return;
    if (this.active < this.chunks.length - 1) {
      this.activate(this.active + 1, 0);
      return;
    }
    this.intentPlaying = false;
    this.isEnded = true;
    this.buffering = false;
    this.emit('timeupdate');
    this.emit('pause');
    this.emit('ended');
  }

  private activate(index: number, localTime: number): void {
    const previous = this.chunks[this.active];
    const next = this.chunks[index];
    if (!next) return;
    previous?.element?.pause();
    this.active = index;
    this.failure = null;
    this.endRecovery();
    // Only the chunk playing and the one after it keep an element.
    this.chunks.forEach((chunk, i) => {
      if (i !== index && i !== index + 1) this.release(chunk);
    });
    next.position = localTime;
    if (next.resumeAt !== null) next.resumeAt = localTime;
    this.attach(next, 'auto');
    if (next.element) {
      this.applyPendingSwap(next);
      next.element.currentTime = localTime;
      if (this.intentPlaying) {
        next.element.play().catch(() => {
          // Failures surface through the element's error event.
        });
      }
    }
  }

  private setBuffering(buffering: boolean): void {
    const value = buffering && this.intentPlaying;
    if (value === this.buffering) return;
    this.buffering = value;
    this.notify();
  }

  private async onElementError(chunk: ChunkState, element: HTMLAudioElement): Promise<void> {
    const code = element.error?.code ?? 0;
    if (code === 0 || this.destroyed || chunk.element !== element) return;
    const url = chunk.url;
    const expired = await this.urlExpired(chunk, url);
    // The chunk may have been swapped or destroyed while the storage was asked.
    if (this.destroyed || chunk.url !== url || chunk.element !== element) return;
    const isActive = this.chunks[this.active] === chunk;
    if (expired) {
      // A fresh URL already came and was waiting for its moment: this is it.
      if (chunk.pending && this.usable(chunk.pending.expiresAt)) {
        chunk.position = element.currentTime || chunk.position;
        this.applyPendingSwap(chunk);
        return;
      }
      if (chunk.retriedUrls.has(url) && !isActive) return;
      chunk.retriedUrls.add(url);
      chunk.position = element.currentTime || chunk.position;
      if (isActive) this.startRecovery(chunk);
      else this.options.onUrlExpired?.(chunk.id);
      this.notify();
      return;
    }
    if (!isActive) return;
    // A dropped connection on a valid URL: load it again from where it was, a couple of times.
    // Chromium reports a connection lost before the metadata was read as "source not supported"
    // (code 4), as it does a file that is not audio: one more load, then the storage's first bytes,
    // tell the two apart.
    const lostBeforeMetadata = code === 4 && element.readyState === HTMLMediaElement.HAVE_NOTHING;
    const retries = code === 2 ? NETWORK_RETRIES : lostBeforeMetadata ? SOURCE_RETRIES : 0;
    if (chunk.networkFailures < retries) {
      chunk.networkFailures += 1;
      const position = element.currentTime || chunk.position;
      clock.clearTimeout(this.retryTimer);
      this.retryTimer = clock.setTimeout(() => {
        this.retryTimer = null;
        if (this.destroyed || chunk.element !== element) return;
        this.release(chunk);
        chunk.position = position;
        this.attach(chunk, 'auto');
        if (this.intentPlaying) chunk.element?.play().catch(() => {});
      }, 1_000 * chunk.networkFailures);
      return;
    }
    let kind: MediaFailure['kind'] = code === 2 ? 'network' : 'decode';
    if (lostBeforeMetadata) {
      // The storage serves a WAV, or gives no answer (offline, down): the connection failed, not the file.
      if ((await this.sourceOf(url)) !== 'not-wav') kind = 'network';
      if (this.destroyed || chunk.url !== url || chunk.element !== element) return;
    }
    this.failure = { chunkId: chunk.id, kind, code };
    this.endRecovery();
    this.intentPlaying = false;
    this.buffering = false;
    this.emit('pause');
    this.emit('error');
  }

  private async sourceOf(url: string): Promise<StorageSource> {
    try {
      const probe = this.options.probeSource ?? (await import('../probeStorageSource')).probeStorageSource;
      return await probe(url);
    } catch {
      return 'unreachable';
    }
  }

  private async urlExpired(chunk: ChunkState, url: string): Promise<boolean> {
    // A few seconds of slack: clocks differ, and a URL that expires now failed because of it.
    if (clock.now() >= chunk.expiresAt - EXPIRY_GUARD_MS) return true;
    if (!this.options.isUrlExpired) return false;
    try {
      return (await this.options.isUrlExpired(url)) === true;
    } catch {
      return false;
    }
  }

  /** Waits at the listener's position for a fresh URL, asking with backoff until one arrives. */
  private startRecovery(chunk: ChunkState): void {
    if (this.recovering) return;
    this.recovering = true;
    this.reconnectAttempt = 0;
    const ask = () => {
      this.reconnectTimer = null;
      if (this.destroyed || !this.recovering) return;
      this.options.onUrlExpired?.(chunk.id);
      this.reconnectTimer = clock.setTimeout(ask, reconnectDelay(this.reconnectAttempt, this.options.random));
      this.reconnectAttempt += 1;
    };
    ask();
    this.notify();
  }

  private endRecovery(): void {
    this.recovering = false;
    this.clearReconnect();
  }

  private clearReconnect(): void {
    clock.clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.reconnectAttempt = 0;
  }

  private scheduleSwap(chunk: ChunkState): void {
    this.clearSwapTimer();
    const lead = this.options.swapLeadMs ?? 30_000;
    this.swapTimer = clock.setTimeout(
      () => {
        this.swapTimer = null;
        this.applyPendingSwap(chunk);
      },
      chunk.expiresAt - lead - clock.now(),
    );
  }

  private clearSwapTimer(): void {
    clock.clearTimeout(this.swapTimer);
    this.swapTimer = null;
  }

  private applyPendingSwap(chunk: ChunkState): void {
    if (!chunk.pending) return;
    const { url, expiresAt } = chunk.pending;
    chunk.pending = null;
    this.clearSwapTimer();
    this.swapNow(chunk, url, expiresAt);
  }

  /** Points a chunk's element at a new URL, keeping its position, rate and play state. */
  private swapNow(chunk: ChunkState, url: string, expiresAt: number): void {
    const element = chunk.element;
    chunk.url = url;
    chunk.expiresAt = expiresAt;
    chunk.pending = null;
    chunk.networkFailures = 0;
    if (!element) return;
    const isActive = this.chunks[this.active] === chunk;
    const position = element.error ? chunk.position : element.currentTime || chunk.position;
    this.failure = null;
    element.src = url;
    // Before metadata, currentTime sets where playback will start; resumeAt makes sure of it once the
    // new source has loaded, as not every engine keeps that start position across a source change.
    element.currentTime = position;
    chunk.position = position;
    chunk.resumeAt = position;
    element.playbackRate = this.rate;
    if (isActive && this.intentPlaying) {
      element.play().catch(() => {
        // Failures surface through the element's error event.
      });
    }
    this.options.onUrlSwapped?.(chunk.id);
  }

  private computeSnapshot(): ChunkedMediaSnapshot {
    const active = this.chunks[this.active];
    return {
      currentTime: this.currentTime,
      duration: this.duration,
      chunkStarts: this.starts(),
      playing: this.intentPlaying,
      buffering: this.buffering,
      ended: this.isEnded,
      rate: this.rate,
      volume: this.volumeLevel,
      muted: this.isMuted,
      ready: (active?.element?.readyState ?? 0) >= 1,
      recovering: this.recovering,
      failure: this.failure,
    };
  }

  private notify(): void {
    this.snapshot = this.computeSnapshot();
    for (const listener of this.listeners) listener();
  }

  private emit(type: string): void {
    this.notify();
    this.dispatchEvent(new Event(type));
  }
}
