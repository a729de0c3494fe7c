import type { RecordingClient, RecordingMode, RecordingSet } from '@ambient-audio/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WaveSurfer from 'wavesurfer.js';
import { wavFile } from '../test/wavFile';
import { RecordingClientProvider } from './hooks/RecordingClientProvider';
import { RecordingPlayer } from './RecordingPlayer';
import './styles.css';
import { recordingSet } from '../test/recordingSet';

const fileUrl = URL.createObjectURL(wavFile(2, { sampleRate: 8000 }));

function countingClient(streamable = true) {
  const calls = new Map<string, number>();
  const client: RecordingClient = {
    async getRecording(sessionId, options) {
      const mode: RecordingMode = options?.mode ?? 'stream';
      calls.set(`${sessionId}:${mode}`, (calls.get(`${sessionId}:${mode}`) ?? 0) + 1);
      const set: RecordingSet = recordingSet(
        sessionId,
        mode,
        [{ id: `${sessionId}-1`, url: fileUrl, sequence: 1, expiresAt: Date.now() + 600_000, streamable }],
        Date.now(),
      );
      return set;
    },
  };
  return { client, calls };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('many players on one page', () => {
  it('fetches only for players scrolled into view, and once per session however many show it', async () => {
    const { client, calls } = countingClient();
    const queryClient = new QueryClient();
    const sessions = Array.from({ length: 50 }, (_, i) => `visit-${i + 1}`);
    const { container } = render(
      <QueryClientProvider client={queryClient}>
        <RecordingClientProvider client={client}>
          <div data-testid="list" style={{ height: 600, overflow: 'auto' }}>
            <RecordingPlayer sessionId="visit-1" />
            {sessions.map((id) => (
              <div key={id} style={{ height: 160 }}>
                <RecordingPlayer sessionId={id} />
              </div>
            ))}
          </div>
        </RecordingClientProvider>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(calls.get('visit-1:stream')).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const fetched = [...calls.keys()];
    // The viewport (600 px, with a 200 px margin) holds a handful of the 160 px rows, not fifty.
    expect(fetched.length).toBeGreaterThan(2);
    expect(fetched.length).toBeLessThan(10);
    expect(calls.get('visit-1:stream')).toBe(1);
    expect(calls.has('visit-50:stream')).toBe(false);

    const list = container.querySelector<HTMLElement>('[data-testid="list"]');
    await act(async () => {
      list?.scrollTo({ top: list.scrollHeight });
    });
    await waitFor(() => expect(calls.get('visit-50:stream')).toBe(1));
    expect([...calls.values()].every((count) => count === 1)).toBe(true);
    queryClient.clear();
  });
});

describe('player lifecycle', () => {
  it('mounting and unmounting 100 players leaves no worker, timer, object URL, wavesurfer or fetching media behind', async () => {
    const workers = { created: 0, terminated: 0 };
    const RealWorker = window.Worker;
    vi.stubGlobal(
      'Worker',
      class extends RealWorker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          workers.created += 1;
        }
        override terminate() {
          workers.terminated += 1;
          super.terminate();
        }
      },
    );
    const objectUrls = new Set<string>();
    const realCreate = URL.createObjectURL.bind(URL);
    const realRevoke = URL.revokeObjectURL.bind(URL);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = realCreate(blob);
      objectUrls.add(url);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
      objectUrls.delete(url);
      realRevoke(url);
    });
    const timers = new Set<number>();
    const realSetTimeout = window.setTimeout.bind(window);
    const realClearTimeout = window.clearTimeout.bind(window);
    const realSetInterval = window.setInterval.bind(window);
    const realClearInterval = window.clearInterval.bind(window);
    vi.spyOn(window, 'setTimeout').mockImplementation(((handler: () => void, ms?: number) => {
      const id: number = realSetTimeout(() => {
        timers.delete(id);
        handler();
      }, ms);
      timers.add(id);
      return id;
    }) as typeof window.setTimeout);
    vi.spyOn(window, 'clearTimeout').mockImplementation((id) => {
      timers.delete(id as number);
      realClearTimeout(id);
    });
    vi.spyOn(window, 'setInterval').mockImplementation(((handler: () => void, ms?: number) => {
      const id: number = realSetInterval(handler, ms);
      timers.add(id);
      return id;
    }) as typeof window.setInterval);
    vi.spyOn(window, 'clearInterval').mockImplementation((id) => {
      timers.delete(id as number);
      realClearInterval(id);
    });
    const wavesurfers = { created: 0, destroyed: 0 };
    const create = WaveSurfer.create.bind(WaveSurfer);
    vi.spyOn(WaveSurfer, 'create').mockImplementation((options) => {
      const ws = create(options);
      wavesurfers.created += 1;
      ws.on('destroy', () => {
        wavesurfers.destroyed += 1;
      });
      return ws;
    });
    const audios: HTMLAudioElement[] = [];
    const realCreateElement = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation(((
      tag: string,
      options?: ElementCreationOptions,
    ) => {
      const element = realCreateElement(tag, options);
      if (tag === 'audio') audios.push(element as HTMLAudioElement);
      return element;
    }) as typeof document.createElement);

    for (let round = 0; round < 5; round += 1) {
      // Half the players stream with a progressive waveform, half download first (object URLs).
      const { client } = countingClient(round % 2 === 0);
      const queryClient = new QueryClient();
      const view = render(
        <QueryClientProvider client={queryClient}>
          <RecordingClientProvider client={client}>
            {Array.from({ length: 20 }, (_, i) => (
              <RecordingPlayer key={i} sessionId={`visit-${round}-${i}`} lazy={false} />
            ))}
          </RecordingClientProvider>
        </QueryClientProvider>,
      );
      // Wait until every player has drawn its waveform, so each has its wavesurfer, worker and media.
      await waitFor(
        () => {
          const drawn = [...view.container.querySelectorAll('.aa-waveform > div')].filter((host) =>
            host.shadowRoot?.querySelector('canvas'),
          );
          expect(drawn).toHaveLength(20);
        },
        { timeout: 20_000 },
      );
      view.unmount();
      // The app's own cache timers (TanStack's garbage collection) are the app's to clear.
      queryClient.clear();
    }
    await new Promise((resolve) => realSetTimeout(resolve, 200));

    expect(wavesurfers.created).toBe(100);
    expect(wavesurfers.destroyed).toBe(100);
    expect(workers.created).toBeGreaterThan(0);
    expect(workers.terminated).toBe(workers.created);
    expect([...objectUrls]).toEqual([]);
    expect(timers.size).toBe(0);
    expect(audios.length).toBeGreaterThanOrEqual(100);
    expect(audios.filter((audio) => audio.isConnected || audio.hasAttribute('src'))).toEqual([]);
    expect(audios.filter((audio) => audio.networkState === HTMLMediaElement.NETWORK_LOADING)).toEqual([]);
  }, 90_000);
});
