import type { RecordingClient, RecordingSet } from '@ambient-audio/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preloadDownloads } from './hooks/loadDownloadActions';
import type * as DownloadActionsModule from './hooks/loadDownloadActions';
import { RecordingClientProvider } from './hooks/RecordingClientProvider';
import { RecordingPlayer } from './RecordingPlayer';
import { recordingSet } from '../test/recordingSet';

// What the player starts once its media can play (the waveform's reads start with it): observed here.
vi.mock('./hooks/loadDownloadActions', async (importOriginal) => ({
  ...(await importOriginal<typeof DownloadActionsModule>()),
  preloadDownloads: vi.fn(),
}));

const now = Date.UTC(2026, 10, 24, 12);

function answer(streamable: boolean): RecordingSet {
  return recordingSet(
    'visit-1',
    'stream',
    [{ id: 'r1', url: 'https://storage.example/r1.wav', sequence: 1, expiresAt: now + 600_000, streamable }],
    now,
  );
}

/** A client whose answer the test hands over when it chooses. */
function heldClient(set: RecordingSet) {
  let deliver: () => void = () => {};
  const client: RecordingClient = {
    getRecording: vi.fn(
      () =>
        new Promise<RecordingSet>((resolve) => {
          deliver = () => resolve(set);
        }),
    ),
  };
  return { client, deliver: () => deliver() };
}

function renderPlayer(client: RecordingClient, queryClient = new QueryClient(), autoPlay = false) {
  return render(
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={client}>
        <RecordingPlayer sessionId="visit-1" lazy={false} autoPlay={autoPlay} />
      </RecordingClientProvider>
    </QueryClientProvider>,
  );
}

/** A player mounted on a held answer, its request sent; TanStack Query's timers are the test's. */
async function mountHeld(streamable: boolean, queryClient = new QueryClient(), autoPlay = false) {
  vi.useFakeTimers({ now });
  const held = heldClient(answer(streamable));
  const { container } = renderPlayer(held.client, queryClient, autoPlay);
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
  return { ...held, container, queryClient };
}

/** Lets the answer be stored, and nothing timed run (TanStack Query's re-render waits for a timer). */
async function storeAnswer(deliver: () => void) {
  await act(async () => {
    deliver();
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
  });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('RecordingPlayer starts the audio as the API answers', () => {
  it('hands the URL to an <audio> before TanStack Query re-renders the player', async () => {
    const { client, deliver, container } = await mountHeld(true);
    expect(client.getRecording).toHaveBeenCalled();
    expect(container.querySelector('audio')).toBeNull();

    // The answer is stored; TanStack Query's re-render waits for its next timer tick, still held.
    await storeAnswer(deliver);
    expect(screen.getByText('Loading recording…')).toBeInTheDocument();
    const started = container.querySelector('audio');
    expect(started?.getAttribute('src')).toBe('https://storage.example/r1.wav');

    // Then the player renders around that same element (StrictMode's double effects included): one
    // <audio>, not a second request.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20);
    });
    expect(screen.getByRole('slider', { name: 'Seek' })).toBeInTheDocument();
    expect(container.querySelectorAll('audio')).toHaveLength(1);
    expect(container.querySelector('audio')).toBe(started);
  });

  it('with autoPlay, starts playing then too, as a bare <audio autoplay> would', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const { deliver, container } = await mountHeld(true, new QueryClient(), true);
    expect(play).not.toHaveBeenCalled();

    await storeAnswer(deliver);
    expect(screen.getByText('Loading recording…')).toBeInTheDocument();
    expect(play.mock.contexts).toContain(container.querySelector('audio'));
  });

  it('without autoPlay, loads early but waits for the listener', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const { deliver } = await mountHeld(true);
    await storeAnswer(deliver);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20);
    });
    expect(screen.getByRole('slider', { name: 'Seek' })).toBeInTheDocument();
    expect(play).not.toHaveBeenCalled();
  });

  it('starts the background work at once when the early audio can already play as the player mounts', async () => {
    vi.mocked(preloadDownloads).mockClear();
    const { deliver, container } = await mountHeld(true);
    await storeAnswer(deliver);
    // The audio got ahead of the player's render: its `canplay` has been and gone.
    const audio = container.querySelector('audio') as HTMLAudioElement;
    Object.defineProperty(audio, 'readyState', { configurable: true, get: () => 4 });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(20);
    });
    expect(screen.getByRole('slider', { name: 'Seek' })).toBeInTheDocument();
    // Not 1.5 s later, by the fallback for a browser that will not buffer.
    expect(preloadDownloads).toHaveBeenCalled();
  });

  it('streams nothing early for a recording that cannot stream', async () => {
    const { deliver, container } = await mountHeld(false);
    await storeAnswer(deliver);
    expect(container.querySelector('audio')).toBeNull();
  });

  it('lets go of the audio when the streaming player leaves the screen (a refresh says it cannot stream)', async () => {
    const { client, deliver, container, queryClient } = await mountHeld(true);
    await act(async () => {
      deliver();
      await vi.advanceTimersByTimeAsync(20);
    });
    expect(screen.getByRole('slider', { name: 'Seek' })).toBeInTheDocument();
    expect(container.querySelectorAll('audio')).toHaveLength(1);

    vi.mocked(client.getRecording).mockResolvedValue(answer(false));
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('offline'));
    await act(async () => {
      void queryClient.refetchQueries();
      await vi.advanceTimersByTimeAsync(20);
    });
    expect(screen.queryByRole('slider', { name: 'Seek' })).toBeNull();
    expect(container.querySelectorAll('audio')).toHaveLength(0);
  });
});
