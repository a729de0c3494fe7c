/**
 * One media timeline over a recording's chunks, shaped like the part of HTMLMediaElement that
 * wavesurfer.js drives (wavesurfer accepts such an object as `media`, as it does its own WebAudio
 * player). Each chunk plays through its own `<audio>` element streaming its presigned URL with Range
 * requests; this object adds them up into one continuous time, moves on to the next chunk at the end of
 * one, swaps fresher URLs in without losing the position, and turns an expired URL into a request for a
 * fresh one instead of an error.
 *
 * wavesurfer never sees a URL: `src` reads as empty, so nothing it logs or throws can carry one.
 */

export interface MediaChunk {
  /** Stable id of the chunk (the recording id). */
  id: string;
  /** Presigned URL, or a blob: URL of a downloaded file. */
  url: string;
  /** Epoch ms after which the URL stops working (Infinity for blob: URLs). */
  expiresAt: number;
}

/** Why playback failed, without the URL or anything else secret. */
export interface MediaFailure {
  /** The chunk whose element failed. */
  chunkId: string;
  /** MediaError code: 1 aborted, 2 network, 3 decode, 4 source not supported (also an HTTP error). */
  code: number;
  /** True when the URL had expired and a fresh one was already requested once. */
  expired: boolean;
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
  /** A fresh URL was asked for after an expiry; playback resumes when it arrives. */
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
  /** Called when a chunk's URL expired: the owner should fetch fresh URLs and call setChunks(). */
  onUrlExpired?: (chunkId: string) => void;
  /** Called after a fresher URL was swapped in for a chunk. */
  onUrlSwapped?: (chunkId: string) => void;
  /** While playing, a fresher URL is swapped in this long before the old one expires. */
  swapLeadMs?: number;
  /** How long before the end of a chunk the next one starts buffering. */
  preloadNextSeconds?: number;
  now?: () => number;
}

interface ChunkState {
  id: string;
  url: string;
  expiresAt: number;
  element: HTMLAudioElement;
  duration: number;
  /** A fresher URL waiting to be swapped in while this chunk plays. */
  pending: { url: string; expiresAt: number } | null;
  /** URLs for which a refresh was already asked: one retry per URL, never a loop. */
  retriedUrls: Set<string>;
  /** Where to resume once a swapped-in source has loaded its metadata. */
  resumeAt: number | null;
  detach: () => void;
}

const FORWARDED_EVENTS = [
  'timeupdate',
  'seeking',
  'seeked',
  'canplay',
  'playing',
  'waiting',
  'progress',
] as const;

export class ChunkedMediaElement extends EventTarget {
  private chunks: ChunkState[] = [];
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
  private swapTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private snapshot: ChunkedMediaSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly options: ChunkedMediaOptions;
  private readonly now: () => number;

  /** Settable because wavesurfer may set them; they mean nothing here. */
  controls = false;
  autoplay = false;

  constructor(options: ChunkedMediaOptions = {}) {
    super();
    this.options = options;
    this.now = options.now ?? Date.now;
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
    return this.startOf(this.active) + (chunk.element.currentTime || 0);
  }

  set currentTime(time: number) {
    this.seek(time);
  }

  get duration(): number {
    if (this.chunks.length === 0) return Number.NaN;
    let total = 0;
    for (const chunk of this.chunks) {
      if (!(chunk.duration > 0)) return Number.NaN;
      total += chunk.duration;
    }
    return total;
  }

  get paused(): boolean {
    return !this.intentPlaying;
  }

  get ended(): boolean {
    return this.isEnded;
  }

  get seeking(): boolean {
    return this.chunks[this.active]?.element.seeking ?? false;
  }

  get readyState(): number {
    return this.chunks[this.active]?.element.readyState ?? 0;
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
    for (const chunk of this.chunks) chunk.element.playbackRate = rate;
    this.emit('ratechange');
  }

  get preservesPitch(): boolean {
    return this.pitchKept;
  }

  set preservesPitch(keep: boolean) {
    this.pitchKept = keep;
    for (const chunk of this.chunks) chunk.element.preservesPitch = keep;
  }

  get volume(): number {
    return this.volumeLevel;
  }

  set volume(volume: number) {
    const next = Math.min(Math.max(volume, 0), 1);
    if (next === this.volumeLevel) return;
    this.volumeLevel = next;
    for (const chunk of this.chunks) chunk.element.volume = next;
    this.emit('volumechange');
  }

  get muted(): boolean {
    return this.isMuted;
  }

  set muted(muted: boolean) {
    if (muted === this.isMuted) return;
    this.isMuted = muted;
    for (const chunk of this.chunks) chunk.element.muted = muted;
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
    if (this.isEnded) {
      this.isEnded = false;
      this.seek(0);
    }
    const wasPlaying = this.intentPlaying;
    this.intentPlaying = true;
    this.failure = null;
    if (!wasPlaying) this.emit('play');
    if (this.recovering) return;
    this.applyPendingSwap(chunk);
    try {
      await chunk.element.play();
    } catch (error) {
      // A play() interrupted by a pause, a seek or a source swap is not a failure.
      if (error instanceof DOMException && error.name === 'AbortError') return;
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
    chunk?.element.pause();
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
      if (index === this.active && this.recovering) {
        this.recovering = false;
        this.swapNow(chunk, fresh.url, fresh.expiresAt);
      } else if (index === this.active && this.intentPlaying) {
        chunk.pending = { url: fresh.url, expiresAt: fresh.expiresAt };
        this.scheduleSwap(chunk);
      } else {
        this.swapNow(chunk, fresh.url, fresh.expiresAt);
      }
    });
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
    const total = this.duration;
    const target = Math.max(0, Number.isFinite(total) ? Math.min(time, total) : time);
    let index = 0;
    while (index < this.chunks.length - 1) {
      const chunk = this.chunks[index];
      if (!chunk || !(chunk.duration > 0) || target < this.startOf(index) + chunk.duration) break;
      index += 1;
    }
    const local = target - this.startOf(index);
    this.isEnded = false;
    if (index !== this.active) this.activate(index, local);
    else {
      const element = this.chunks[index]?.element;
      if (element) element.currentTime = local;
    }
    this.emit('timeupdate');
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
    for (const chunk of this.chunks) this.disposeChunk(chunk);
    this.chunks = [];
    this.listeners.clear();
  }

  // --- internals -----------------------------------------------------------------------------------

  private startOf(index: number): number {
    let start = 0;
    for (let i = 0; i < index; i += 1) start += this.chunks[i]?.duration || 0;
    return start;
  }

  private replaceChunks(next: readonly MediaChunk[]): void {
    this.clearSwapTimer();
    for (const chunk of this.chunks) this.disposeChunk(chunk);
    const wasPlaying = this.intentPlaying;
    this.chunks = next.map((chunk, index) => this.createChunk(chunk, index === 0 ? 'auto' : 'metadata'));
    this.active = 0;
    this.intentPlaying = false;
    this.isEnded = false;
    this.buffering = false;
    this.recovering = false;
    this.failure = null;
    if (wasPlaying) this.emit('pause');
    this.emit('emptied');
    this.emit('durationchange');
  }

  private createChunk(source: MediaChunk, preload: 'auto' | 'metadata'): ChunkState {
    const element = document.createElement('audio');
    element.preload = preload;
    element.playbackRate = this.rate;
    element.preservesPitch = this.pitchKept;
    element.volume = this.volumeLevel;
    element.muted = this.isMuted;
    element.dataset['chunkId'] = source.id;
    element.src = source.url;
    this.options.container?.append(element);
    const chunk: ChunkState = {
      id: source.id,
      url: source.url,
      expiresAt: source.expiresAt,
      element,
      duration: Number.NaN,
      pending: null,
      retriedUrls: new Set(),
      resumeAt: null,
      detach: () => {},
    };
    const isActive = () => this.chunks[this.active] === chunk;
    const handlers: [string, () => void][] = [
      ['loadedmetadata', () => this.onMetadata(chunk)],
      ['durationchange', () => this.onMetadata(chunk)],
      ['ended', () => this.onChunkEnded(chunk)],
      ['error', () => void this.onElementError(chunk)],
      ['waiting', () => isActive() && this.setBuffering(true)],
      ['playing', () => isActive() && this.setBuffering(false)],
      ['canplay', () => isActive() && this.setBuffering(false)],
      ['timeupdate', () => isActive() && this.onTimeUpdate(chunk)],
      ...FORWARDED_EVENTS.filter((type) => type !== 'timeupdate').map((type): [string, () => void] => [
        type,
        () => isActive() && this.emit(type),
      ]),
    ];
    for (const [type, handler] of handlers) element.addEventListener(type, handler);
    chunk.detach = () => {
      for (const [type, handler] of handlers) element.removeEventListener(type, handler);
    };
    return chunk;
  }

  private disposeChunk(chunk: ChunkState): void {
    chunk.detach();
    chunk.element.pause();
    // Removing the source and calling load() is what makes the browser drop the connection.
    chunk.element.removeAttribute('src');
    chunk.element.load();
    chunk.element.remove();
  }

  private onMetadata(chunk: ChunkState): void {
    if (chunk.resumeAt !== null && chunk.element.readyState >= 1) {
      const resumeAt = chunk.resumeAt;
      chunk.resumeAt = null;
      if (Math.abs(chunk.element.currentTime - resumeAt) > 0.05) chunk.element.currentTime = resumeAt;
    }
    const duration = chunk.element.duration;
    if (!(duration > 0) || !Number.isFinite(duration) || duration === chunk.duration) return;
    const before = this.duration;
    chunk.duration = duration;
    const after = this.duration;
    if (Number.isFinite(after) && !(before === after)) {
      this.emit('durationchange');
      this.emit('loadedmetadata');
    } else this.notify();
  }

  private onTimeUpdate(chunk: ChunkState): void {
    const next = this.chunks[this.active + 1];
    const remaining = chunk.duration - chunk.element.currentTime;
    if (next && next.element.preload !== 'auto' && remaining < (this.options.preloadNextSeconds ?? 15)) {
      next.element.preload = 'auto';
    }
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
    previous?.element.pause();
    this.active = index;
    next.element.preload = 'auto';
    this.applyPendingSwap(next);
    next.element.currentTime = localTime;
    if (this.intentPlaying) {
      next.element.play().catch(() => {
        // Failures surface through the element's error event.
      });
    }
  }

  private setBuffering(buffering: boolean): void {
    const value = buffering && this.intentPlaying;
    if (value === this.buffering) return;
    this.buffering = value;
    this.notify();
  }

  private async onElementError(chunk: ChunkState): Promise<void> {
    const code = chunk.element.error?.code ?? 0;
    if (code === 0 || this.destroyed) return;
    const url = chunk.url;
    const expired = await this.urlExpired(chunk, url);
    // The chunk may have been swapped or destroyed while the storage was asked.
    if (this.destroyed || chunk.url !== url) return;
    const isActive = this.chunks[this.active] === chunk;
    if (expired && !chunk.retriedUrls.has(url)) {
      chunk.retriedUrls.add(url);
      if (isActive) this.recovering = true;
      this.notify();
      this.options.onUrlExpired?.(chunk.id);
      return;
    }
    if (!isActive) return;
    this.failure = { chunkId: chunk.id, code, expired };
    this.recovering = false;
    this.intentPlaying = false;
    this.buffering = false;
    this.emit('pause');
    this.emit('error');
  }

  private async urlExpired(chunk: ChunkState, url: string): Promise<boolean> {
    // A few seconds of slack: clocks differ, and a URL that expires now failed because of it.
    if (this.now() >= chunk.expiresAt - 5_000) return true;
    if (!this.options.isUrlExpired) return false;
    try {
      return (await this.options.isUrlExpired(url)) === true;
    } catch {
      return false;
    }
  }

  private scheduleSwap(chunk: ChunkState): void {
    this.clearSwapTimer();
    const lead = this.options.swapLeadMs ?? 30_000;
    const delay = Math.max(0, chunk.expiresAt - lead - this.now());
    this.swapTimer = setTimeout(() => {
      this.swapTimer = null;
      this.applyPendingSwap(chunk);
    }, delay);
  }

  private clearSwapTimer(): void {
    if (this.swapTimer !== null) clearTimeout(this.swapTimer);
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
    const isActive = this.chunks[this.active] === chunk;
    const position = element.currentTime;
    chunk.url = url;
    chunk.expiresAt = expiresAt;
    chunk.pending = null;
    this.failure = null;
    element.src = url;
    // Before metadata, currentTime sets where playback will start; resumeAt makes sure of it once the
    // new source has loaded, as not every engine keeps that start position across a source change.
    element.currentTime = position;
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
    // Starts are only meaningful once every chunk's length is known.
    const starts: number[] = [];
    if (Number.isFinite(this.duration)) {
      let start = 0;
      for (const chunk of this.chunks) {
        starts.push(start);
        start += chunk.duration;
      }
    }
    const active = this.chunks[this.active];
    return {
      currentTime: this.currentTime,
      duration: this.duration,
      chunkStarts: starts,
      playing: this.intentPlaying,
      buffering: this.buffering,
      ended: this.isEnded,
      rate: this.rate,
      volume: this.volumeLevel,
      muted: this.isMuted,
      ready: (active?.element.readyState ?? 0) >= 1,
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
