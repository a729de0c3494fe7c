import { createRecordingClient, RecordingAuthError, type RecordingClient } from '@ambient-audio/core';
import { QueryClient, QueryClientProvider, focusManager } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingQueryOptions } from './recordingQueryOptions';
import { RecordingClientProvider } from './RecordingClientProvider';
import { useRecording } from './useRecording';

const MINUTE = 60_000;
const START = Date.UTC(2026, 10, 24, 9);

/** A fake vendor API: each call answers with the next scripted status; 200s mint URLs valid for `ttl`. */
function fakeApi(script: (number | 'hang')[], ttlMs = 15 * MINUTE) {
  const signals: AbortSignal[] = [];
  let calls = 0;
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    if (init?.signal) signals.push(init.signal);
    const step = script[Math.min(calls, script.length - 1)] ?? 200;
    calls += 1;
    if (step === 'hang') {
      return new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    if (step !== 200) return new Response('{}', { status: step });
    const expiresAt = Math.floor((Date.now() + ttlMs) / 1000);
    return Response.json({
      recordings: [
        {
          recording_id: 'r1',
          presigned_url: `https://storage.example/o.wav?sig=${calls}`,
          expires_at: expiresAt,
          sequence_number: 1,
        },
      ],
      is_streamable: true,
    });
  });
  const client = createRecordingClient({ baseUrl: 'https://api.example', getToken: () => 'token', fetch });
  return { client, fetch, signals };
}

function setup(client: RecordingClient) {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={client}>{children}</RecordingClientProvider>
    </QueryClientProvider>
  );
  return { queryClient, wrapper };
}

const fast = {
  retry: {
    processingBaseDelayMs: 1_000,
    processingMaxDelayMs: 1_000,
    transientBaseDelayMs: 100,
    random: () => 0.5,
  },
};

describe('useRecording', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fetches a fresh URL before the old one expires, and not in a loop', async () => {
    const { client, fetch } = fakeApi([200]);
    const { wrapper } = setup(client);
    const { result } = renderHook(() => useRecording('visit-1'), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(result.current.state.status).toBe('ready');
    const first =
      result.current.state.status === 'ready' ? result.current.state.recording.recordings[0]?.url : '';

    await act(() => vi.advanceTimersByTimeAsync(12 * MINUTE));
    expect(fetch).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1.5 * MINUTE));
    expect(fetch).toHaveBeenCalledTimes(2);
    const second =
      result.current.state.status === 'ready' ? result.current.state.recording.recordings[0]?.url : '';
    expect(second).not.toBe(first);

    // An hour later: one refresh per ~13 minutes, nowhere near a loop.
    await act(() => vi.advanceTimersByTimeAsync(60 * MINUTE));
    expect(fetch.mock.calls.length).toBeLessThanOrEqual(7);
    expect(result.current.state.status).toBe('ready');
  });

  it('refreshes at the planned instant however often the page re-renders (10×/s for an hour)', async () => {
    const { client, fetch } = fakeApi([200]);
    const calledAt: number[] = [];
    const answer = fetch.getMockImplementation();
    fetch.mockImplementation(async (input, init) => {
      calledAt.push(Date.now());
      return (answer as NonNullable<typeof answer>)(input, init);
    });
    const { wrapper } = setup(client);
    const { rerender } = renderHook(
      ({ tick }) => useRecording('visit-1', { mode: 'stream', enabled: tick >= 0 }),
      {
        wrapper,
        initialProps: { tick: 0 },
      },
    );
    // A page whose time display re-renders the player ten times a second.
    for (let tick = 1; tick <= 36_000; tick += 1) {
      await act(() => vi.advanceTimersByTimeAsync(100));
      rerender({ tick });
    }
    // 15-minute URLs, refreshed a 2-minute margin before they expire: at 13, 26, 39 and 52 minutes.
    expect(calledAt.length).toBeLessThanOrEqual(6);
    const intervals = calledAt.slice(1).map((at, i) => at - (calledAt[i] ?? 0));
    for (const interval of intervals) expect(Math.abs(interval - 13 * MINUTE)).toBeLessThanOrEqual(1_000);
    expect(intervals).toHaveLength(4);
  });

  it('backs off while the API is down after a planned refresh, instead of asking every second', async () => {
    const { client, fetch } = fakeApi([200, ...Array.from({ length: 200 }, () => 503)], 15 * MINUTE);
    const { wrapper } = setup(client);
    renderHook(() => useRecording('visit-1', fast), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(13 * MINUTE + 10));
    const atRefresh = fetch.mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(9 * MINUTE));
    const beforeLastMinute = fetch.mock.calls.length;
    await act(() => vi.advanceTimersByTimeAsync(MINUTE));
    // Each attempt is up to four requests (three retries); attempts wait 5 s at first, then half the
    // outage so far, up to a minute: about 80 requests in ten minutes (asking every second would be
    // some 600), and a single attempt in the tenth minute.
    expect(fetch.mock.calls.length - atRefresh).toBeLessThanOrEqual(100);
    expect(fetch.mock.calls.length - beforeLastMinute).toBeLessThanOrEqual(8);
    expect(fetch.mock.calls.length - atRefresh).toBeGreaterThan(4);
  });

  it('turns processing into ready without a reload, saying when it looks again', async () => {
    const { client, fetch } = fakeApi([404, 404, 200]);
    const { wrapper } = setup(client);
    const { result } = renderHook(() => useRecording('uploaded', fast), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(10));
    const state = result.current.state;
    expect(state.status).toBe('processing');
    // The exact time the next check is scheduled for (1 s backoff here).
    const next = state.status === 'processing' ? state.nextRetryAt : null;
    expect(next).toBeGreaterThan(Date.now());
    expect(next).toBeLessThanOrEqual(Date.now() + 1_000);
    await act(() => vi.advanceTimersByTimeAsync(2_100));
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(result.current.state.status).toBe('ready');
  });

  it('ends an unknown session (404 for ever) in not-found after the bounded wait, and stops asking', async () => {
    const { client, fetch } = fakeApi([404]);
    const { wrapper } = setup(client);
    const { result } = renderHook(() => useRecording('typo-in-the-id'), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(result.current.state.status).toBe('processing');
    // The default policy polls for at most two minutes.
    await act(() => vi.advanceTimersByTimeAsync(3 * MINUTE));
    expect(result.current.state.status).toBe('not-found');
    const asked = fetch.mock.calls.length;
    expect(asked).toBeLessThanOrEqual(15);
    await act(() => vi.advanceTimersByTimeAsync(30 * MINUTE));
    expect(fetch.mock.calls.length).toBe(asked);
  });

  it('asks for a gone (410) recording once and never again', async () => {
    const { client, fetch } = fakeApi([410]);
    const { wrapper } = setup(client);
    const first = renderHook(() => useRecording('old-visit'), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(first.result.current.state.status).toBe('gone');
    renderHook(() => useRecording('old-visit'), { wrapper });
    await act(async () => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
      await vi.advanceTimersByTimeAsync(60 * MINUTE);
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(first.result.current.state.status).toBe('gone');
  });

  it('surfaces 401 as an auth error, without retrying, not even on focus', async () => {
    const { client, fetch } = fakeApi([401]);
    const { wrapper } = setup(client);
    const { result } = renderHook(() => useRecording('visit-1'), { wrapper });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000);
      focusManager.setFocused(false);
      focusManager.setFocused(true);
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(result.current.state).toMatchObject({ status: 'error', auth: true });
    expect(result.current.state.status === 'error' && result.current.state.error).toBeInstanceOf(
      RecordingAuthError,
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shares one request between two components showing one session', async () => {
    const { client, fetch } = fakeApi([200]);
    const { wrapper } = setup(client);
    const a = renderHook(() => useRecording('visit-1'), { wrapper });
    const b = renderHook(() => useRecording('visit-1'), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(a.result.current.state).toEqual(b.result.current.state);
  });

  it('is served from the cache that a prefetch filled', async () => {
    const { client, fetch } = fakeApi([200]);
    const { wrapper, queryClient } = setup(client);
    await queryClient.prefetchQuery(recordingQueryOptions(client, 'visit-1', 'stream'));
    const { result } = renderHook(() => useRecording('visit-1'), { wrapper });
    expect(result.current.state.status).toBe('ready');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('withdraws a URL once it expires, even when every refresh fails', async () => {
    const { client } = fakeApi([200, 503, 503, 503, 503, 503, 503, 503, 503], 20_000);
    const { wrapper } = setup(client);
    const { result } = renderHook(() => useRecording('visit-1', fast), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(result.current.state.status).toBe('ready');
    await act(() => vi.advanceTimersByTimeAsync(21_000));
    expect(result.current.state.status).not.toBe('ready');
  });

  it('keeps the old URL while it is valid when a refresh fails', async () => {
    const { client, fetch } = fakeApi([200, 503, 503, 503, 503, 503]);
    const { wrapper } = setup(client);
    const { result } = renderHook(() => useRecording('visit-1', fast), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(10));
    await act(async () => {
      void result.current.refresh().catch(() => {});
      await vi.advanceTimersByTimeAsync(5_000);
    });
    expect(fetch.mock.calls.length).toBeGreaterThan(1);
    expect(result.current.state.status).toBe('ready');
  });

  it('cancels the request when the last component unmounts', async () => {
    const { client, signals } = fakeApi(['hang']);
    const { wrapper } = setup(client);
    const { unmount } = renderHook(() => useRecording('visit-1'), { wrapper });
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(signals).toHaveLength(1);
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(signals[0]?.aborted).toBe(true);
  });

  it('does nothing while disabled', async () => {
    const { client, fetch } = fakeApi([200]);
    const { wrapper } = setup(client);
    const { result, rerender } = renderHook(({ enabled }) => useRecording('visit-1', { enabled }), {
      wrapper,
      initialProps: { enabled: false },
    });
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(fetch).not.toHaveBeenCalled();
    rerender({ enabled: true });
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(result.current.state.status).toBe('ready');
  });
});
