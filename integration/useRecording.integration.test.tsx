import { createRecordingClient } from '@ambient-audio/core';
import { RecordingClientProvider, recordingQueryOptions, useRecording } from '@ambient-audio/react';
import { startRecordingApi, type RecordingApi, type RecordingApiOptions } from '@ambient-audio/recording-api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The hooks against the reference server over real HTTP (127.0.0.1, a port each test picks): the
 * same code a host runs, meeting the contract's answers rather than a fake.
 */
const servers: RecordingApi[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function setup(options: RecordingApiOptions = {}, token = 'dev-token') {
  const api = await startRecordingApi(options);
  servers.push(api);
  const client = createRecordingClient({ baseUrl: api.url, getToken: () => token });
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={client}>{children}</RecordingClientProvider>
    </QueryClientProvider>
  );
  return { api, client, queryClient, wrapper };
}

describe('useRecording against the reference server', () => {
  it('reads a ready session: sorted chunks, presigned URLs, expiry in ms', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(() => useRecording('visit-multichunk'), { wrapper });
    await waitFor(() => expect(result.current.state.status).toBe('ready'));
    const state = result.current.state;
    if (state.status !== 'ready') throw new Error('not ready');
    expect(state.recording.recordings.map((r) => r.sequence)).toEqual([1, 2, 3]);
    expect(state.recording.recordings[0]?.url).toMatch(/X-Amz-Signature=/);
    expect(state.recording.recordings[0]?.expiresAt).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it('turns processing into ready without a reload', async () => {
    const { wrapper, api } = await setup({ processingSeconds: 1.5 });
    const { result } = renderHook(
      () =>
        useRecording('visit-processing', {
          retry: { processingBaseDelayMs: 500, processingMaxDelayMs: 500 },
        }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.state.status).toBe('processing'));
    await waitFor(() => expect(result.current.state.status).toBe('ready'), { timeout: 5_000 });
    expect(api.stats().api['visit-processing']).toBeGreaterThanOrEqual(2);
  });

  it('asks for a gone recording once, even with two components', async () => {
    const { wrapper, api } = await setup();
    const a = renderHook(() => useRecording('visit-expired'), { wrapper });
    await waitFor(() => expect(a.result.current.state.status).toBe('gone'));
    const b = renderHook(() => useRecording('visit-expired'), { wrapper });
    expect(b.result.current.state.status).toBe('gone');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.stats().api['visit-expired']).toBe(1);
  });

  it('surfaces a refused token as auth, asked once', async () => {
    const { wrapper, api } = await setup({}, 'not-a-token');
    const { result } = renderHook(() => useRecording('visit-demo'), { wrapper });
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'error', auth: true }));
    expect(api.stats().api['visit-demo']).toBe(1);
  });

  it('shares one request between components, and serves a prefetched cache', async () => {
    const { wrapper, api, client, queryClient } = await setup();
    await queryClient.prefetchQuery(recordingQueryOptions(client, 'visit-demo'));
    const a = renderHook(() => useRecording('visit-demo'), { wrapper });
    const b = renderHook(() => useRecording('visit-demo'), { wrapper });
    expect(a.result.current.state.status).toBe('ready');
    expect(b.result.current.state.status).toBe('ready');
    const c = renderHook(() => useRecording('visit-5min'), { wrapper });
    const d = renderHook(() => useRecording('visit-5min'), { wrapper });
    await waitFor(() => expect(c.result.current.state.status).toBe('ready'));
    expect(d.result.current.state.status).toBe('ready');
    expect(api.stats().api).toEqual({ 'visit-demo': 1, 'visit-5min': 1 });
  });
});
