import { afterEach, describe, expect, it, vi } from 'vitest';
import { wavBytes } from '../../test/wavBytes';
import { clock, type TimerHandle } from '../clock';
import { ChunkedMediaElement, type MediaChunk } from './ChunkedMediaElement';

/** A short tone as a WAV Blob, its pitch telling the chunks apart. */
function wavFile(seconds: number, { frequency = 440, sampleRate = 8000 } = {}): Blob {
  const bytes = wavBytes({
    sampleRate,
    frames: Math.round(seconds * sampleRate),
    sample: (i) => Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 0.4,
  });
  return new Blob([bytes as BlobPart], { type: 'audio/wav' });
}

const urls: string[] = [];
const media: ChunkedMediaElement[] = [];

function blobUrl(seconds: number, frequency = 440): string {
  const url = URL.createObjectURL(wavFile(seconds, { frequency }));
  urls.push(url);
  return url;
}

function chunks(count: number, seconds = 1): MediaChunk[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `chunk-${i + 1}`,
    url: blobUrl(seconds, 300 + i * 100),
    expiresAt: Date.now() + 600_000,
  }));
}

function create(options: ConstructorParameters<typeof ChunkedMediaElement>[0] = {}) {
  const m = new ChunkedMediaElement({ container: document.body, ...options });
  media.push(m);
  return m;
}

function until(media: ChunkedMediaElement, check: () => boolean, timeout = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('condition not reached'));
    }, timeout);
    const unsubscribe = media.subscribe(() => {
      if (check()) {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  });
}

/** The library's clock held still: its timers wait until the test fires them. */
function manualClock(now: number) {
  const timers = new Map<number, { callback: () => void; delay: number }>();
  let next = 1;
  restores.push(
    clock.setProvider({
      now: () => now,
      setTimeout: (callback, delay) => {
        timers.set(next, { callback, delay });
        return next++ as unknown as TimerHandle;
      },
      clearTimeout: (handle) => void timers.delete(handle as unknown as number),
    }),
  );
  return {
    delays: () => [...timers.values()].map((timer) => timer.delay),
    /** Runs the timer of this delay (it must be the only one). */
    fire(delay: number) {
      const due = [...timers].filter(([, timer]) => timer.delay === delay);
      expect(due).toHaveLength(1);
      const [handle, timer] = due[0] ?? [];
      if (handle === undefined || !timer) return;
      timers.delete(handle);
      timer.callback();
    },
  };
}

/** A page that is not audio: Chromium reports it as it does a connection lost before the metadata. */
function notAudioUrl(): string {
  const url = URL.createObjectURL(new Blob(['<!doctype html><title>502</title>'], { type: 'text/html' }));
  urls.push(url);
  return url;
}

/**
 * Makes the `<audio>` elements created from now on load a page that is not audio whatever their
 * `src`, where `broken(load)` says so (load counts from 0): Chromium fails such a load as it does a
 * connection dropped before the metadata (MEDIA_ERR_SRC_NOT_SUPPORTED at HAVE_NOTHING).
 */
function breakLoads(broken: (load: number) => boolean): { loads: () => number; restore: () => void } {
  const page = notAudioUrl();
  const src = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'src');
  if (!src?.get || !src.set) throw new Error('HTMLMediaElement has no src accessor');
  const { get, set } = src;
  const create_ = document.createElement.bind(document);
  let loads = 0;
  const spy = vi
    .spyOn(document, 'createElement')
    .mockImplementation((tag: string, options?: ElementCreationOptions) => {
      const element = create_(tag, options);
      if (tag === 'audio' && broken(loads++)) {
        Object.defineProperty(element, 'src', {
          configurable: true,
          get: () => get.call(element),
          set: () => set.call(element, page),
        });
      }
      return element;
    });
  return { loads: () => loads, restore: () => spy.mockRestore() };
}

const restores: (() => void)[] = [];

afterEach(() => {
  for (const restore of restores.splice(0)) restore();
  vi.restoreAllMocks();
  for (const m of media.splice(0)) m.destroy();
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

describe('ChunkedMediaElement in Chromium', () => {
  it('adds the chunks up into one timeline and plays across the boundaries to the end', async () => {
    const m = create();
    const ended = vi.fn();
    m.addEventListener('ended', ended);
    m.setChunks(chunks(3, 0.6));
    await until(m, () => m.duration > 0);
    expect(m.duration).toBeCloseTo(1.8, 1);
    expect(m.getSnapshot().chunkStarts).toHaveLength(3);
    m.seek(0.45);
    await m.play();
    await until(m, () => m.currentTime > 0.75);
    expect(m.getSnapshot().playing).toBe(true);
    await until(m, () => m.ended);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(m.paused).toBe(true);
    expect(m.currentTime).toBeCloseTo(1.8, 1);
  });

  it('seeks into a later chunk and keeps time, rate and volume there', async () => {
    const m = create();
    m.setChunks(chunks(3));
    await until(m, () => m.duration > 0);
    m.playbackRate = 1.5;
    m.volume = 0.4;
    m.seek(2.5);
    await until(m, () => Math.abs(m.currentTime - 2.5) < 0.05);
    const active = document.querySelector<HTMLAudioElement>('audio[data-chunk-id="chunk-3"]');
    expect(active?.playbackRate).toBe(1.5);
    expect(active?.volume).toBeCloseTo(0.4);
  });

  it('swaps a fresher URL in while paused without moving the position', async () => {
    const swapped = vi.fn();
    const m = create({ onUrlSwapped: swapped });
    const [first] = chunks(1, 3);
    if (!first) throw new Error('no chunk');
    m.setChunks([first]);
    await until(m, () => m.duration > 0);
    m.seek(1.5);
    await until(m, () => Math.abs(m.currentTime - 1.5) < 0.05);
    m.setChunks([{ ...first, url: blobUrl(3), expiresAt: Date.now() + 900_000 }]);
    expect(swapped).toHaveBeenCalledWith('chunk-1');
    await until(m, () => m.getSnapshot().ready && Math.abs(m.currentTime - 1.5) < 0.05);
    expect(m.src).toBe('');
  });

  it('never hands an expired URL to an element: it asks for a fresh one, then resumes where it was', async () => {
    const expired = vi.fn();
    const m = create({ onUrlExpired: expired });
    m.setChunks([{ id: 'chunk-1', url: blobUrl(2), expiresAt: Date.now() - 1000 }]);
    expect(m.getSnapshot().recovering).toBe(true);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(expired).toHaveBeenCalledWith('chunk-1');
    expect(document.querySelectorAll('audio')).toHaveLength(0);
    expect(m.getSnapshot().failure).toBeNull();
    m.setChunks([{ id: 'chunk-1', url: blobUrl(2), expiresAt: Date.now() + 600_000 }]);
    await until(m, () => m.duration > 0);
    expect(m.getSnapshot().recovering).toBe(false);
  });

  it('keeps asking for a fresh URL with backoff while none comes, never in a storm', () => {
    vi.useFakeTimers();
    try {
      const expired = vi.fn();
      const m = create({ onUrlExpired: expired, random: () => 0.5 });
      m.setChunks([{ id: 'chunk-1', url: 'https://storage.example/a.wav', expiresAt: Date.now() - 1 }]);
      const calls = () => expired.mock.calls.length;
      expect(calls()).toBe(1);
      vi.advanceTimersByTime(1_000);
      expect(calls()).toBe(2);
      vi.advanceTimersByTime(2_000);
      expect(calls()).toBe(3);
      // Then 4, 8, 16, and every 30 s: about a dozen asks in five minutes.
      vi.advanceTimersByTime(5 * 60_000);
      expect(calls()).toBeLessThanOrEqual(16);
      expect(calls()).toBeGreaterThanOrEqual(10);
      m.destroy();
      vi.advanceTimersByTime(60_000);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a file it cannot decode as a failure after one more load, keeps Play from pretending, and tries again on request', async () => {
    const now = Date.UTC(2030, 0, 1);
    const timers = manualClock(now);
    const expired = vi.fn();
    const isUrlExpired = vi.fn(async () => false);
    const m = create({ onUrlExpired: expired, isUrlExpired });
    const failed = () => new Promise((resolve) => m.addEventListener('error', resolve, { once: true }));
    m.setChunks([{ id: 'chunk-1', url: notAudioUrl(), expiresAt: now + 600_000 }]);
    // Not yet a failure: the browser says the same of a connection lost before the metadata.
    await vi.waitFor(() => expect(timers.delays()).toEqual([1_000]));
    expect(m.getSnapshot().failure).toBeNull();
    const failure = failed();
    timers.fire(1_000);
    await failure;
    expect(timers.delays()).toEqual([]);
    expect(expired).not.toHaveBeenCalled();
    expect(m.getSnapshot().failure).toMatchObject({ chunkId: 'chunk-1', kind: 'decode' });
    expect(m.error?.message).not.toContain('blob:');
    await m.play();
    expect(m.getSnapshot().playing).toBe(false);
    expect(m.getSnapshot().failure).not.toBeNull();
    m.retry();
    expect(m.getSnapshot().failure).toBeNull();
    await vi.waitFor(() => expect(timers.delays()).toEqual([1_000]));
    const again = failed();
    timers.fire(1_000);
    await again;
    expect(m.getSnapshot().failure?.kind).toBe('decode');
  });

  it('loads a source again when the browser could not open it before its metadata, and plays', async () => {
    const now = Date.UTC(2030, 0, 1);
    const timers = manualClock(now);
    // The first element's load fails as a connection dropped before the metadata does; the next works.
    const { loads } = breakLoads((load) => load === 0);
    const m = create();
    m.setChunks([{ id: 'chunk-1', url: blobUrl(1), expiresAt: now + 600_000 }]);
    await vi.waitFor(() => expect(timers.delays()).toEqual([1_000]));
    timers.fire(1_000);
    await until(m, () => m.duration > 0);
    expect(loads()).toBe(2);
    expect(m.getSnapshot().failure).toBeNull();
    expect(m.duration).toBeCloseTo(1, 1);
  });

  it('says a source lost before its metadata on every load is the network, not the file, when the storage serves a WAV or cannot be asked; Try again and Play load it again', async () => {
    for (const answer of ['wav', 'unreachable'] as const) {
      const now = Date.UTC(2030, 0, 1);
      const timers = manualClock(now);
      const { loads, restore } = breakLoads(() => true);
      const probeSource = vi.fn(async () => answer);
      const m = create({ probeSource, isUrlExpired: async () => false });
      const url = blobUrl(1);
      m.setChunks([{ id: 'chunk-1', url, expiresAt: now + 600_000 }]);
      await vi.waitFor(() => expect(timers.delays()).toEqual([1_000]));
      expect(probeSource).not.toHaveBeenCalled();
      const failed = new Promise((resolve) => m.addEventListener('error', resolve, { once: true }));
      timers.fire(1_000);
      await failed;
      expect(probeSource).toHaveBeenCalledTimes(1);
      expect(probeSource).toHaveBeenCalledWith(url);
      expect(m.getSnapshot().failure).toMatchObject({ chunkId: 'chunk-1', kind: 'network' });
      // Retry, and Play too, load it again with a fresh count of retries, as after any network failure.
      const loadsBefore = loads();
      if (answer === 'wav') m.retry();
      else m.play().catch(() => {});
      expect(m.getSnapshot().failure).toBeNull();
      expect(loads()).toBe(loadsBefore + 1);
      restore();
      for (const undo of restores.splice(0)) undo();
      m.destroy();
    }
  });

  it('keeps a few <audio> elements alive however many chunks there are', async () => {
    const m = create();
    let most = 0;
    const count = () => {
      most = Math.max(most, document.querySelectorAll('audio').length, m.elementCount);
    };
    const unsubscribe = m.subscribe(count);
    m.setChunks(chunks(40, 0.3));
    count();
    await until(m, () => m.duration > 0, 20_000);
    expect(m.duration).toBeCloseTo(12, 0);
    expect(m.getSnapshot().chunkStarts).toHaveLength(40);
    m.seek(11.5);
    await m.play();
    await until(m, () => m.ended, 8_000);
    unsubscribe();
    expect(most).toBeLessThanOrEqual(4);
    expect(document.querySelectorAll('audio').length).toBeLessThanOrEqual(2);
  });

  it('stops fetching and removes its elements on destroy', async () => {
    const m = create();
    m.setChunks(chunks(2));
    await until(m, () => m.duration > 0);
    expect(document.querySelectorAll('audio').length).toBeGreaterThanOrEqual(1);
    m.destroy();
    expect(document.querySelectorAll('audio')).toHaveLength(0);
  });
});
