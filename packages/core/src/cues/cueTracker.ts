import { clock, type TimerHandle } from '../clock';
import { activeCueAt, nextCue, previousCue, type Cue } from './cues';

/** The part of the media timeline a cue tracker needs (a `ChunkedMediaElement`, or an `<audio>`). */
export interface CueMedia {
  readonly currentTime: number;
  readonly paused: boolean;
  readonly playbackRate: number;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface CueTrackerOptions {
  /** Moves the timeline (the player's own seek, so it is reported and followed). */
  seek: (time: number) => void;
}

export interface PlayCueOptions {
  /** Pause at the cue's end: play just this sentence. */
  stopAtEnd?: boolean;
}

/**
 * Which cue is being heard, as a store: `getActive()` and `subscribe()` change only when the active
 * cue does (not on every time update), so a note whose sentences subscribe redraws two sentences per
 * change, not the whole note four times a second. Also plays one cue and stops at its end, steps to
 * the next or previous cue, and owns its one timer (`destroy()`).
 */
export class CueTracker {
  private cues: readonly Cue[] = [];
  private active: Cue | null = null;
  private stopAt: { cue: Cue; timer: TimerHandle | null } | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly onTime = () => this.update();
  private readonly onPause = () => this.cancelStop();
  private readonly onRate = () => this.armStop();

  constructor(
    private readonly media: CueMedia,
    private readonly options: CueTrackerOptions,
  ) {
    media.addEventListener('timeupdate', this.onTime);
    media.addEventListener('seeked', this.onTime);
    media.addEventListener('pause', this.onPause);
    media.addEventListener('ratechange', this.onRate);
  }

  setCues(cues: readonly Cue[]): void {
    this.cues = cues;
    if (this.stopAt && !cues.includes(this.stopAt.cue)) this.cancelStop();
    this.update();
  }

  getCues = (): readonly Cue[] => this.cues;

  getActive = (): Cue | null => this.active;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Plays a cue from its start; with `stopAtEnd`, pauses at its end. Returns the cue, or null for an unknown id. */
  play(id: string, { stopAtEnd = false }: PlayCueOptions = {}): Cue | null {
    const cue = this.cues.find((candidate) => candidate.id === id) ?? null;
    if (!cue) return null;
    this.cancelStop();
    this.options.seek(cue.start);
    if (stopAtEnd) {
      this.stopAt = { cue, timer: null };
      this.armStop();
    }
    if (this.media.paused) this.media.play().catch(() => {});
    this.update();
    return cue;
  }

  /** The cue after the one being heard (or after the position). */
  next(): Cue | null {
    return nextCue(this.cues, this.active ? this.active.start : this.media.currentTime);
  }

  /** The cue before: the start of the current one unless it just began, then the one before. */
  previous(): Cue | null {
    return previousCue(this.cues, this.media.currentTime);
  }

  destroy(): void {
    this.cancelStop();
    this.media.removeEventListener('timeupdate', this.onTime);
    this.media.removeEventListener('seeked', this.onTime);
    this.media.removeEventListener('pause', this.onPause);
    this.media.removeEventListener('ratechange', this.onRate);
    this.listeners.clear();
  }

  private update(): void {
    const time = this.media.currentTime;
    const stop = this.stopAt;
    if (stop && (time < stop.cue.start - 0.5 || time > stop.cue.end + 0.5)) {
      // The listener went elsewhere: the sentence is no longer the one to stop at.
      this.cancelStop();
    } else if (stop && time >= stop.cue.end - 0.02) {
      this.cancelStop();
      this.media.pause();
    }
    const next = activeCueAt(this.cues, time);
    if (next === this.active) return;
    this.active = next;
    for (const listener of this.listeners) listener();
  }

  /** Time updates come four times a second; a timer stops playback at the cue's end, on time. */
  private armStop(): void {
    const stop = this.stopAt;
    if (!stop) return;
    clock.clearTimeout(stop.timer);
    const rate = this.media.playbackRate > 0 ? this.media.playbackRate : 1;
    const remaining = ((stop.cue.end - this.media.currentTime) / rate) * 1000;
    stop.timer = clock.setTimeout(
      () => {
        if (this.stopAt !== stop) return;
        stop.timer = null;
        // Seeking or buffering may have delayed it: check the position, and wait again if early.
        const time = this.media.currentTime;
        if (time > stop.cue.end + 0.5 || time < stop.cue.start - 0.5) this.cancelStop();
        else if (time >= stop.cue.end - 0.05) {
          this.cancelStop();
          this.media.pause();
          this.update();
        } else this.armStop();
      },
      Math.max(10, remaining),
    );
  }

  private cancelStop(): void {
    if (this.stopAt) clock.clearTimeout(this.stopAt.timer);
    this.stopAt = null;
  }
}
