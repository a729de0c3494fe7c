import { createRecordingClient } from '@ambient-audio/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
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

  it('save() hands the download URL to the browser without holding the file', async () => {
    const { fetch, wrapper } = setup();
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.href);
    });
    const { result } = renderHook(() => useRecordingDownload('visit-1'), { wrapper });
    await act(() => result.current.save());
    expect(clicks).toEqual(['https://storage.example/r1.wav?X-Amz-Signature=s0']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(result.current.file).toBeNull();
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
});
