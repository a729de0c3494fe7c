import type { RecordingClient, RecordingSet } from '@ambient-audio/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RecordingClientProvider } from './hooks/RecordingClientProvider';
import { RecordingPlayer } from './RecordingPlayer';
import { recordingSet } from '../test/recordingSet';

describe('RecordingPlayer error containment', () => {
  it('keeps a failure inside the player: the page stays usable and the listener can retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const now = Date.UTC(2026, 10, 24, 12);
    vi.spyOn(Date, 'now').mockReturnValue(now);
    const set: RecordingSet = recordingSet(
      'visit-1',
      'stream',
      [
        {
          id: 'r1',
          url: 'https://storage.example/r1.wav',
          sequence: 1,
          expiresAt: now + 600_000,
          streamable: true,
        },
      ],
      now,
    );
    const client: RecordingClient = { getRecording: vi.fn(async () => set) };
    // A host bug while rendering the player: here, a translation function that throws.
    const labels = {
      position: () => {
        throw new Error('missing translation');
      },
    };
    const audit = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RecordingClientProvider client={client}>
          <button type="button">Sign note</button>
          <RecordingPlayer sessionId="visit-1" onAuditEvent={audit} labels={labels} />
        </RecordingClientProvider>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('The recording could not be loaded.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign note' })).toBeEnabled();
    expect(audit).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', sessionId: 'visit-1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('The recording could not be loaded.')).toBeInTheDocument();
    vi.restoreAllMocks();
  });
});
