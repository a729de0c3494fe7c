import { recordingSet } from '../test/recordingSet';
import {
  RecordingAuthError,
  RecordingGoneError,
  RecordingProcessingError,
  type RecordingClient,
  type RecordingMode,
  type RecordingSet,
} from '@ambient-audio/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wavFile } from '../test/wavFile';
import { RecordingClientProvider } from './hooks/RecordingClientProvider';
import { RecordingPlayer, type AuditEvent } from './RecordingPlayer';
import './styles.css';

const urls: string[] = [];
afterEach(() => {
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

function blobUrl(seconds: number): string {
  const url = URL.createObjectURL(wavFile(seconds, { sampleRate: 16000 }));
  urls.push(url);
  return url;
}

function set(
  sessionId: string,
  mode: RecordingMode,
  streamable: boolean,
  url: string,
  expiresAt = Date.now() + 600_000,
): RecordingSet {
  return recordingSet(
    sessionId,
    mode,
    [{ id: 'rec-1', url, sequence: 1, expiresAt, streamable }],
    Date.now(),
  );
}

/** A client that answers from a script: a function of (call number, mode). */
function fakeClient(
  answer: (call: number, mode: RecordingMode) => RecordingSet | Error,
): RecordingClient & { calls: RecordingMode[] } {
  const calls: RecordingMode[] = [];
  return {
    calls,
    async getRecording(_sessionId, options) {
      const mode = options?.mode ?? 'stream';
      calls.push(mode);
      const result = answer(calls.length, mode);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

function renderPlayer(client: RecordingClient, props: Partial<Parameters<typeof RecordingPlayer>[0]> = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retryDelay: 10 } } });
  return render(
    <QueryClientProvider client={queryClient}>
      <RecordingClientProvider client={client}>
        <RecordingPlayer sessionId="visit-1" {...props} />
      </RecordingClientProvider>
    </QueryClientProvider>,
  );
}

describe('RecordingPlayer in Chromium', () => {
  it('streams, draws the waveform, plays, and audits with the session id but never a URL', async () => {
    const url = blobUrl(6);
    const audit: AuditEvent[] = [];
    const { container } = renderPlayer(
      fakeClient(() => set('visit-1', 'stream', true, url)),
      {
        onAuditEvent: (event) => audit.push(event),
      },
    );
    expect(screen.getByRole('region', { name: 'Loading recording…' })).toBeInTheDocument();
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    await waitFor(() =>
      expect(container.querySelector('.aa-waveform > div')?.shadowRoot?.querySelector('canvas')).toBeTruthy(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(Number(slider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(1), {
      timeout: 4000,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(audit.map((e) => e.type)).toEqual(['play', 'pause']);
    expect(audit[0]).toMatchObject({ sessionId: 'visit-1', recordingId: 'rec-1' });
    expect(JSON.stringify(audit)).not.toContain('blob:');
  });

  it('swaps in a fresher URL from the cache without losing the position', async () => {
    const audit: AuditEvent[] = [];
    const client = fakeClient((call) =>
      set('visit-1', 'stream', true, blobUrl(8), Date.now() + 6_000 + call),
    );
    const { container } = renderPlayer(client, {
      onAuditEvent: (event) => audit.push(event),
      initialTime: 3,
    });
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '3'));
    const first = container.querySelector('audio')?.src;
    await waitFor(() => expect(audit.some((e) => e.type === 'url-refreshed')).toBe(true), { timeout: 9000 });
    expect(container.querySelector('audio')?.src).not.toBe(first);
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '3'));
    expect(client.calls.length).toBeLessThanOrEqual(3);
  }, 15_000);

  it('downloads a recording that cannot stream, shows progress, then plays it with the exact waveform', async () => {
    const url = blobUrl(4);
    const client = fakeClient((_call, mode) => set('visit-1', mode, false, url));
    const { container } = renderPlayer(client);
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '4'));
    expect(client.calls).toEqual(['stream', 'download']);
    expect(container.querySelector('audio')?.src.startsWith('blob:')).toBe(true);
    await waitFor(() =>
      expect(container.querySelector('.aa-waveform > div')?.shadowRoot?.querySelector('canvas')).toBeTruthy(),
    );
  });

  it('shows processing, gone and auth states, and retries on request', async () => {
    const processing = renderPlayer(fakeClient(() => new RecordingProcessingError('visit-1')));
    await screen.findByText('The recording is still being processed.');
    processing.unmount();

    const gone = fakeClient(() => new RecordingGoneError('visit-1'));
    const goneView = renderPlayer(gone);
    await screen.findByText('This recording is no longer available.');
    expect(screen.queryByRole('button')).toBeNull();
    expect(gone.calls).toHaveLength(1);
    goneView.unmount();

    const answer = vi.fn((call: number) =>
      call === 1 ? new RecordingAuthError(401) : set('visit-1', 'stream', true, blobUrl(2)),
    );
    renderPlayer(fakeClient(answer));
    await screen.findByText(/Sign in again/);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('slider', { name: 'Seek' });
  });
});
