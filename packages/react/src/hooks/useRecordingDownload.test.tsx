import { createRecordingClient } from '@ambient-audio/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useEffect, useRef, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RecordingClientProvider } from './RecordingClientProvider';
import { useRecordingDownload } from './useRecordingDownload';

const FILE = new Uint8Array(300_000).map((_, i) => i % 251);

function setup({ chunks = 1 } = {}) {
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    if (url.includes('/recording?')) {
      expect(url).toContain('download=true');
      return Response.json({
        recordings: Array.from({ length: chunks }, (_, i) => ({
          recording_id: `r${i + 1}`,
          presigned_url: `https://storage.example/r${i + 1}.wav?X-Amz-Signature=s${i}`,
          expires_at: Math.floor(Date.now() / 1000) + 3600,
          sequence_number: i + 1,
        })),
        is_streamable: false,
      });
    }
    // The storage (an ArrayBuffer body: jsdom's typed arrays are foreign to Node's fetch streams).
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return new Response(FILE.buffer.slice(0) as ArrayBuffer, {
      headers: { 'Content-Length': String(FILE.byteLength), 'Content-Type': 'audio/wav' },
    });
  });
  const client = createRecordingClient({ baseUrl: 'https://api.example', getToken: () => 'token', fetch });
  // Storage requests use the page's own fetch (never the API client's, which may add credentials).
  vi.stubGlobal('fetch', fetch);
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={client}>{children}</RecordingClientProvider>
    </QueryClientProvider>
  );
  return { fetch, wrapper };
}

describe('useRecordingDownload', () => {
  let created: string[];
  let revoked: string[];
  beforeEach(() => {
    created = [];
    revoked = [];
    // jsdom has no object URLs; count them instead.
    URL.createObjectURL = vi.fn(() => {
      const url = `blob:test/${created.length + 1}`;
      created.push(url);
      return url;
    });
    URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('save() fetches the file and saves it from the page’s own blob: URL, named after the session and date', async () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 24, 9, 30), toFake: ['Date'] });
    const { fetch, wrapper } = setup();
    const clicks: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    const { result } = renderHook(() => useRecordingDownload('visit-1'), { wrapper });
    await act(() => result.current.save());
    // Never a link to the presigned URL: the page cannot be navigated, whatever the storage answers.
    expect(clicks).toEqual([{ href: 'blob:test/1', download: 'visit-1-2026-11-24.wav' }]);
    expect(fetch.mock.calls.map(([url]) => String(url))).toEqual([
      'https://api.example/api/v1/ambient/session/visit-1/recording?download=true',
      'https://storage.example/r1.wav?X-Amz-Signature=s0',
    ]);
    expect(fetch.mock.calls[1]?.[1]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(result.current.saveState).toMatchObject({
      status: 'saved',
      method: 'memory',
      fileNames: ['visit-1-2026-11-24.wav'],
    });
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(result.current.file).toBeNull();
    vi.useRealTimers();
  });

  it('save() names chunks as parts, and takes the host’s names (made safe for any file system)', async () => {
    const { wrapper } = setup({ chunks: 2 });
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const { result } = renderHook(
      () =>
        useRecordingDownload('visit-1', {
          fileName: ({ sessionId, part, parts }) => `../${sessionId}: part ${part}/${parts}.wav`,
        }),
      { wrapper },
    );
    await act(() => result.current.save());
    expect(names).toEqual(['visit-1- part 1-2.wav', 'visit-1- part 2-2.wav']);
  });

  it('save() uses a URL that is fresh at the moment of the click', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 24, 9), toFake: ['Date'] });
    const { fetch, wrapper } = setup();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { result } = renderHook(() => useRecordingDownload('visit-1'), { wrapper });
    await act(() => result.current.save());
    const apiCalls = () => fetch.mock.calls.filter(([url]) => String(url).includes('/recording?')).length;
    expect(apiCalls()).toBe(1);
    // Within the URL's life: the cached one.
    vi.setSystemTime(Date.UTC(2026, 10, 24, 9, 30));
    await act(() => result.current.save());
    expect(apiCalls()).toBe(1);
    // Within its refresh margin (the hour-long URL is 2 minutes from expiry): a new one.
    vi.setSystemTime(Date.UTC(2026, 10, 24, 9, 58, 30));
    await act(() => result.current.save());
    expect(apiCalls()).toBe(2);
    vi.useRealTimers();
  });

  it('save() reports a refusal in its state, without the URL', async () => {
    const { fetch, wrapper } = setup();
    const answer = fetch.getMockImplementation();
    fetch.mockImplementation(async (input, init) => {
      if (!String(input).includes('/recording?'))
        return new Response('<Error><Code>NoSuchKey</Code></Error>', { status: 404 });
      return (answer as NonNullable<typeof answer>)(input, init);
    });
    const { result } = renderHook(() => useRecordingDownload('visit-1'), { wrapper });
    await act(() => result.current.save());
    expect(result.current.saveState.status).toBe('failed');
    expect(String(result.current.saveState.error?.message)).not.toMatch(/storage\.example|X-Amz/);
  });

  it('fetchFile() downloads every chunk with progress and gives playable object URLs, revoked on unmount', async () => {
    const { wrapper } = setup({ chunks: 2 });
    const { result, unmount } = renderHook(() => useRecordingDownload('visit-1'), { wrapper });
    let file: Awaited<ReturnType<typeof result.current.fetchFile>> = null;
    await act(async () => {
      file = await result.current.fetchFile();
    });
    expect(result.current.error).toBeNull();
    expect(result.current.progress).toEqual({ loaded: 600_000, total: 600_000 });
    expect(result.current.file?.chunks.map((c) => c.id)).toEqual(['r1', 'r2']);
    expect(result.current.file?.files.map((f) => f.size)).toEqual([300_000, 300_000]);
    expect(file).toBe(result.current.file);
    expect(created).toHaveLength(2);
    unmount();
    expect(revoked.sort()).toEqual(created.sort());
  });

  it('cancel() aborts a download in progress without reporting an error', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useRecordingDownload('visit-1'), { wrapper });
    let pending: Promise<unknown> = Promise.resolve();
    act(() => {
      pending = result.current.fetchFile();
      result.current.cancel();
    });
    await act(async () => {
      await pending;
    });
    await waitFor(() => expect(result.current.fetching).toBe(false));
    expect(result.current.error).toBeNull();
    expect(result.current.file).toBeNull();
  });

  /** What the not-streamable player does: start the download from an effect, once per mounted player. */
  function useDownloadOnMount(sessionId: string) {
    const download = useRecordingDownload(sessionId);
    const started = useRef(false);
    const { fetchFile } = download;
    useEffect(() => {
      if (started.current) return;
      started.current = true;
      void fetchFile();
    }, [fetchFile]);
    return download;
  }

  it('a download started in an effect survives StrictMode’s simulated unmount', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useDownloadOnMount('visit-1'), { wrapper });
    await waitFor(() => expect(result.current.file?.files[0]?.size).toBe(300_000));
    expect(result.current.progress).toEqual({ loaded: 300_000, total: 300_000 });
    expect(result.current.error).toBeNull();
  });

  it('a real unmount still cancels the download in progress', async () => {
    const { fetch, wrapper } = setup();
    const signals: AbortSignal[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = fetch.getMockImplementation();
    fetch.mockImplementation(async (input, init) => {
      if (!String(input).includes('/recording?') && init?.signal) {
        signals.push(init.signal);
        await held;
      }
      return (api as NonNullable<typeof api>)(input, init);
    });
    const { unmount } = renderHook(() => useDownloadOnMount('visit-1'), { wrapper });
    await waitFor(() => expect(signals).toHaveLength(1));
    unmount();
    await waitFor(() => expect(signals[0]?.aborted).toBe(true));
    release();
  });
});
