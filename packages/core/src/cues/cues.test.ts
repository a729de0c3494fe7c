import { afterEach, describe, expect, it, vi } from 'vitest';
import { activeCueAt, nextCue, prepareCues, previousCue, type Cue } from './cues';
import { CueTracker, type CueMedia } from './cueTracker';

const cue = (id: string, start: number, end: number): Cue => ({ id, start, end, label: `Sentence ${id}` });

describe('prepareCues', () => {
  it('leaves out bad cues, naming them by id, and sorts the rest', () => {
    const { cues, rejected, unsorted } = prepareCues(
      [
        cue('b', 10, 20),
        cue('a', 0, 5),
        cue('negative', -1, 3),
        cue('backwards', 30, 25),
        cue('a', 40, 45),
        cue('late', 200, 210),
        { id: 'nan', start: Number.NaN, end: 1, label: '' },
        null,
      ],
      120,
    );
    expect(cues.map((c) => c.id)).toEqual(['a', 'b']);
    expect(unsorted).toBe(true);
    expect(rejected).toEqual([
      { id: 'negative', problem: 'negative' },
      { id: 'backwards', problem: 'end-before-start' },
      { id: 'a', problem: 'duplicate-id' },
      { id: 'late', problem: 'beyond-duration' },
      { id: 'nan', problem: 'not-a-cue' },
      { id: '', problem: 'not-a-cue' },
    ]);
  });

  it('trims a cue that runs past the end, and keeps cues when the duration is not known yet', () => {
    expect(prepareCues([cue('x', 100, 130)], 120).cues[0]?.end).toBe(120);
    expect(prepareCues([cue('x', 500, 530)]).cues).toHaveLength(1);
  });
});

describe('activeCueAt', () => {
  const cues = [cue('a', 0, 5), cue('b', 5, 10), cue('c', 12, 20)];

  it('is stable at the boundary of touching cues: the next one from the instant it starts', () => {
    expect(activeCueAt(cues, 4.999)?.id).toBe('a');
    expect(activeCueAt(cues, 5)?.id).toBe('b');
    expect(activeCueAt(cues, 9.999)?.id).toBe('b');
  });

  it('is null between cues and outside them', () => {
    expect(activeCueAt(cues, 10)).toBeNull();
    expect(activeCueAt(cues, 11.5)).toBeNull();
    expect(activeCueAt(cues, 20)).toBeNull();
    expect(activeCueAt([], 3)).toBeNull();
  });

  it('answers overlapping cues with the one that started last, and ties with the first listed', () => {
    const overlapping = prepareCues([cue('long', 0, 60), cue('inner', 10, 15), cue('twin', 10, 12)]).cues;
    expect(activeCueAt(overlapping, 5)?.id).toBe('long');
    expect(activeCueAt(overlapping, 11)?.id).toBe('twin');
    expect(activeCueAt(overlapping, 13)?.id).toBe('inner');
    expect(activeCueAt(overlapping, 30)?.id).toBe('long');
  });

  it('works on the session timeline across chunk boundaries (times are the whole timeline’s)', () => {
    // Chunks of 30 s: a sentence from 28 s to 34 s spans the first boundary.
    const spanning = [cue('s1', 28, 34), cue('s2', 34, 61)];
    expect(activeCueAt(spanning, 29.9)?.id).toBe('s1');
    expect(activeCueAt(spanning, 30.1)?.id).toBe('s1');
    expect(activeCueAt(spanning, 60.5)?.id).toBe('s2');
  });

  it('finds the cue among 500 in a handful of steps', () => {
    const many = Array.from({ length: 500 }, (_, i) => cue(`s${i}`, i * 14, i * 14 + 12));
    expect(activeCueAt(many, 14 * 321 + 6)?.id).toBe('s321');
    expect(activeCueAt(many, 14 * 321 + 13)).toBeNull();
  });
});

describe('next and previous', () => {
  const cues = [cue('a', 0, 5), cue('b', 5, 10), cue('c', 12, 20)];
  it('steps like a media player’s tracks', () => {
    expect(nextCue(cues, 0)?.id).toBe('b');
    expect(nextCue(cues, 13)).toBeNull();
    expect(previousCue(cues, 13)?.id).toBe('b');
    expect(previousCue(cues, 16)?.id).toBe('c');
    expect(previousCue(cues, 0.5)).toBeNull();
  });
});

/** A media timeline that plays on the faked clock. */
interface FakeMedia extends Omit<CueMedia, 'playbackRate' | 'paused'> {
  time: number;
  paused: boolean;
  playbackRate: number;
  listeners: Map<string, Set<() => void>>;
  tick(ms: number): void;
}

function fakeMedia(): FakeMedia {
  const listeners = new Map<string, Set<() => void>>();
  const fire = (type: string) => listeners.get(type)?.forEach((listener) => listener());
  const media = {
    time: 0,
    paused: true,
    playbackRate: 1,
    listeners,
    get currentTime() {
      return media.time;
    },
    play: async () => {
      media.paused = false;
    },
    pause: () => {
      media.paused = true;
      fire('pause');
    },
    addEventListener: (type: string, listener: () => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)?.add(listener);
    },
    removeEventListener: (type: string, listener: () => void) => listeners.get(type)?.delete(listener),
    // Time moves with the clock; timeupdate fires every 250 ms, as browsers fire it.
    tick(ms: number) {
      for (let step = 0; step < ms; step += 10) {
        vi.advanceTimersByTime(10);
        if (!media.paused) media.time += 0.01 * media.playbackRate;
        if (step % 250 === 0) fire('timeupdate');
      }
    },
  };
  return media;
}

describe('CueTracker', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tells its subscribers when the active cue changes, and only then', () => {
    vi.useFakeTimers();
    const media = fakeMedia();
    const tracker = new CueTracker(media, { seek: (t) => void (media.time = t) });
    tracker.setCues([cue('a', 0, 5), cue('b', 5, 10)]);
    const changes: (string | null)[] = [];
    tracker.subscribe(() => changes.push(tracker.getActive()?.id ?? null));
    void media.play();
    media.tick(12_000);
    expect(changes).toEqual(['b', null]);
    tracker.destroy();
  });

  it('plays one cue and stops within a few hundredths of a second of its end, at any speed', () => {
    vi.useFakeTimers();
    for (const rate of [1, 1.75]) {
      const media = fakeMedia();
      media.playbackRate = rate;
      const tracker = new CueTracker(media, { seek: (t) => void (media.time = t) });
      tracker.setCues([cue('a', 0, 5), cue('b', 5, 8.4), cue('c', 9, 12)]);
      expect(tracker.play('b', { stopAtEnd: true })?.id).toBe('b');
      expect(media.time).toBe(5);
      media.tick(6_000);
      expect(media.paused).toBe(true);
      expect(Math.abs(media.time - 8.4)).toBeLessThan(0.05);
      tracker.destroy();
      expect(vi.getTimerCount()).toBe(0);
    }
  });

  it('forgets the stop when the listener seeks elsewhere, and ignores unknown ids', () => {
    vi.useFakeTimers();
    const media = fakeMedia();
    const tracker = new CueTracker(media, { seek: (t) => void (media.time = t) });
    tracker.setCues([cue('a', 0, 5), cue('b', 20, 25)]);
    tracker.play('a', { stopAtEnd: true });
    media.tick(1_000);
    media.time = 40;
    media.tick(6_000);
    expect(media.paused).toBe(false);
    expect(tracker.play('missing')).toBeNull();
    tracker.destroy();
  });
});
