import { afterEach, describe, expect, it, vi } from 'vitest';
import { wavFile } from '../../test/wavFile';
import { ChunkedMediaElement, type MediaChunk } from './ChunkedMediaElement';

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

afterEach(() => {
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

  it('asks once for a fresh URL when an expired one fails, then resumes where it was', async () => {
    const expired = vi.fn();
    const m = create({ onUrlExpired: expired });
    const dead = blobUrl(2);
    URL.revokeObjectURL(dead);
    m.setChunks([{ id: 'chunk-1', url: dead, expiresAt: Date.now() - 1000 }]);
    await until(m, () => m.getSnapshot().recovering);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(expired).toHaveBeenCalledWith('chunk-1');
    expect(m.getSnapshot().failure).toBeNull();
    m.setChunks([{ id: 'chunk-1', url: blobUrl(2), expiresAt: Date.now() + 600_000 }]);
    await until(m, () => m.duration > 0);
    expect(m.getSnapshot().recovering).toBe(false);
  });

  it('reports a failure instead of looping when a URL that has not expired fails', async () => {
    const expired = vi.fn();
    const isUrlExpired = vi.fn(async () => false);
    const m = create({ onUrlExpired: expired, isUrlExpired });
    const dead = blobUrl(2);
    URL.revokeObjectURL(dead);
    m.setChunks([{ id: 'chunk-1', url: dead, expiresAt: Date.now() + 600_000 }]);
    const errored = new Promise((resolve) => m.addEventListener('error', resolve, { once: true }));
    await errored;
    expect(isUrlExpired).toHaveBeenCalledTimes(1);
    expect(expired).not.toHaveBeenCalled();
    expect(m.getSnapshot().failure).toMatchObject({ chunkId: 'chunk-1', expired: false });
    expect(m.error?.message).not.toContain('blob:');
  });

  it('stops fetching and removes its elements on destroy', async () => {
    const m = create();
    m.setChunks(chunks(2));
    await until(m, () => m.duration > 0);
    expect(document.querySelectorAll('audio')).toHaveLength(2);
    m.destroy();
    expect(document.querySelectorAll('audio')).toHaveLength(0);
  });
});
