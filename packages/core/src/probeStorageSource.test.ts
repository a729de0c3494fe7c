import { describe, expect, it, vi } from 'vitest';
import { wavBytes } from '../test/wavBytes';
import { probeStorageSource } from './probeStorageSource';

const URL_ = 'https://storage.example/rec.wav?X-Amz-Signature=secret';

/** A storage answering every request with this response (or failing with this error). */
function storage(answer: () => Response | Promise<Response>) {
  const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => answer());
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls: fetch.mock.calls };
}

/** An endless body that counts what was pulled from it. */
function countingBody(chunk: Uint8Array) {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, pulled: () => pulled, cancelled: () => cancelled };
}

describe('probeStorageSource', () => {
  it('asks for the 12 bytes of the signature only, without credentials or the cache', async () => {
    const { fetch, calls } = storage(() => new Response(wavBytes().slice(0, 12), { status: 206 }));
    expect(await probeStorageSource(URL_, { fetch })).toBe('wav');
    expect(calls).toHaveLength(1);
    const init = calls[0]?.[1];
    expect(init?.headers).toEqual({ Range: 'bytes=0-11' });
    expect(init?.credentials).toBe('omit');
    expect(init?.cache).toBe('no-store');
  });

  it('knows a WAV from its RIFF/WAVE or RF64 signature', async () => {
    const long = wavBytes({ extraChunks: [{ id: 'LIST', size: 9_000 }] });
    const { fetch } = storage(() => new Response(long.slice(0, 12), { status: 206 }));
    expect(await probeStorageSource(URL_, { fetch })).toBe('wav');
    const rf64 = storage(() => new Response(wavBytes({ rf64: true }).slice(), { status: 206 }));
    expect(await probeStorageSource(URL_, { fetch: rf64.fetch })).toBe('wav');
  });

  it('says an error page, another format, another RIFF file or an empty answer is not a WAV', async () => {
    const page = storage(() => new Response('<!doctype html><title>Bad gateway</title>', { status: 200 }));
    expect(await probeStorageSource(URL_, { fetch: page.fetch })).toBe('not-wav');
    const mp3 = storage(
      () => new Response(new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
    );
    expect(await probeStorageSource(URL_, { fetch: mp3.fetch })).toBe('not-wav');
    const avi = wavBytes().slice(0, 12);
    avi.set([0x41, 0x56, 0x49, 0x20], 8);
    const riff = storage(() => new Response(avi, { status: 206 }));
    expect(await probeStorageSource(URL_, { fetch: riff.fetch })).toBe('not-wav');
    const empty = storage(() => new Response(new Uint8Array(0), { status: 206 }));
    expect(await probeStorageSource(URL_, { fetch: empty.fetch })).toBe('not-wav');
  });

  it('tells a storage that refuses the file from one that cannot answer now', async () => {
    for (const status of [403, 404, 416]) {
      const { fetch } = storage(() => new Response('no', { status }));
      expect(await probeStorageSource(URL_, { fetch })).toBe('not-wav');
    }
    for (const status of [500, 503, 429]) {
      const { fetch } = storage(() => new Response('busy', { status }));
      expect(await probeStorageSource(URL_, { fetch })).toBe('unreachable');
    }
    const offline = storage(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await probeStorageSource(URL_, { fetch: offline.fetch })).toBe('unreachable');
  });

  it('says a connection cut before the first bytes arrived is unreachable, and decides on what did arrive', async () => {
    // These bytes, then a reset.
    const cut = (bytes: Uint8Array) => {
      let sent = false;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent) return controller.error(new TypeError('network error'));
          sent = true;
          controller.enqueue(bytes);
        },
      });
    };
    const early = storage(() => new Response(cut(new Uint8Array([0x52, 0x49])), { status: 206 }));
    expect(await probeStorageSource(URL_, { fetch: early.fetch })).toBe('unreachable');
    const header = storage(() => new Response(cut(wavBytes().slice(0, 12)), { status: 206 }));
    expect(await probeStorageSource(URL_, { fetch: header.fetch })).toBe('wav');
    const page = storage(
      () => new Response(cut(new TextEncoder().encode('<!doctype html><p>')), { status: 200 }),
    );
    expect(await probeStorageSource(URL_, { fetch: page.fetch })).toBe('not-wav');
  });

  it('reads no more than the signature of a storage that ignores the Range, and lets go of the rest', async () => {
    const header = wavBytes({ frames: 100_000 }).slice(0, 1024);
    const stream = countingBody(header);
    const { fetch } = storage(() => new Response(stream.body, { status: 200 }));
    expect(await probeStorageSource(URL_, { fetch })).toBe('wav');
    expect(stream.pulled()).toBeLessThanOrEqual(1024 * 2);
    expect(stream.cancelled()).toBe(true);
  });

  it('ends its request when the caller aborts', async () => {
    const controller = new AbortController();
    const fetch = vi.fn(
      (_url: string | URL | Request, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const probe = probeStorageSource(URL_, {
      fetch: fetch as unknown as typeof globalThis.fetch,
      signal: controller.signal,
    });
    controller.abort();
    expect(await probe).toBe('unreachable');
  });
});
