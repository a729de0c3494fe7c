import type * as Core from '@ambient-audio/core';
import type { Cue, MediaChunk } from '@ambient-audio/core';
import { act, render, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wavFile } from '../test/wavFile';
import { usePlayerControls, type PlayerControls } from './hooks/usePlayerControls';
import './styles.css';
import { WaveformPlayer } from './WaveformPlayer';

// The cue tracker's chunk arrives only when the test lets it.
const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open: () => open(), opened, loads: 0 };
});
vi.mock('@ambient-audio/core', async (importOriginal) => {
  const actual = await importOriginal<typeof Core>();
  return {
    ...actual,
    loadCueTracker: () => {
      gate.loads += 1;
      return gate.opened.then(() => actual.loadCueTracker());
    },
  };
});

const urls: string[] = [];
afterEach(() => {
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

const cues: Cue[] = [
  { id: 's1', start: 0, end: 1.5, label: 'Ten-day cough.' },
  { id: 's3', start: 3.5, end: 5, label: 'Follow up in 3 months.' },
];

const seen: { controls: PlayerControls | null } = { controls: null };
function Note({ chunks, withCues = true }: { chunks: MediaChunk[]; withCues?: boolean }) {
  const player = usePlayerControls();
  const { attach } = player;
  useEffect(() => {
    seen.controls = player;
  });
  return (
    <WaveformPlayer
      ref={attach}
      chunks={chunks}
      peaks={{ channels: [Float32Array.from({ length: 120 }, () => 0.5)], duration: 6 }}
      {...(withCues ? { cues } : {})}
    />
  );
}

describe('a cue asked for while the cue tracker still loads', () => {
  it('plays once the tracker is there, from that cue, instead of being dropped', async () => {
    const url = URL.createObjectURL(wavFile(6, { sampleRate: 8000 }));
    urls.push(url);
    render(<Note chunks={[{ id: 'rec-1', url, expiresAt: Number.POSITIVE_INFINITY }]} />);
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    expect(seen.controls?.handle?.playCue('s3', { stopAtEnd: true })).toBe(true);
    // An id the player was not given is refused at once, tracker or not.
    expect(seen.controls?.handle?.playCue('nope')).toBe(false);
    expect(Number(slider.getAttribute('aria-valuenow'))).toBeLessThan(1);

    await act(async () => gate.open());
    await waitFor(() => expect(Number(slider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(3.5), {
      timeout: 5000,
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument());
  });

  it('is not loaded for a player without cues, and is once cues come', async () => {
    const url = URL.createObjectURL(wavFile(6, { sampleRate: 8000 }));
    urls.push(url);
    const chunks = [{ id: 'rec-1', url, expiresAt: Number.POSITIVE_INFINITY }];
    const before = gate.loads;
    const { rerender } = render(<Note chunks={chunks} withCues={false} />);
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    // Nothing to follow on every timeupdate, so no tracker, and no chunk fetched for one.
    expect(gate.loads).toBe(before);
    rerender(<Note chunks={chunks} />);
    await waitFor(() => expect(gate.loads).toBeGreaterThan(before));
  });
});
