import type { Cue, MediaChunk } from '@ambient-audio/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wavFile } from '../test/wavFile';
import { useIsActiveCue, usePlayerControls, type PlayerControls } from './hooks/usePlayerControls';
import type { PlayerEvent } from './playerEvents';
import './styles.css';
import { WaveformPlayer } from './WaveformPlayer';

const urls: string[] = [];
afterEach(() => {
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
  vi.restoreAllMocks();
});

function chunk(seconds: number): MediaChunk {
  const url = URL.createObjectURL(wavFile(seconds, { sampleRate: 8000 }));
  urls.push(url);
  return { id: 'rec-1', url, expiresAt: Date.now() + 600_000 };
}

const cues: Cue[] = [
  { id: 's1', start: 0, end: 1.5, label: 'Ten-day cough.' },
  { id: 's2', start: 1.5, end: 3, label: 'BP 132/84.' },
  { id: 's3', start: 3.5, end: 5, label: 'Follow up in 3 months.' },
];

const commits: Record<string, number> = {};

function Sentence({ controls, cue }: { controls: PlayerControls; cue: Cue }) {
  const heard = useIsActiveCue(controls, cue.id);
  useEffect(() => {
    commits[cue.id] = (commits[cue.id] ?? 0) + 1;
  });
  return (
    <button
      type="button"
      aria-current={heard || undefined}
      onClick={() => controls.playCue(cue.id, { stopAtEnd: true })}
    >
      {cue.label}
    </button>
  );
}

function Note({ onEvent, extraCues = [] }: { onEvent?: (event: PlayerEvent) => void; extraCues?: Cue[] }) {
  const controls = usePlayerControls();
  const { attach } = controls;
  return (
    <>
      {cues.map((cue) => (
        <Sentence key={cue.id} controls={controls} cue={cue} />
      ))}
      <WaveformPlayer
        ref={attach}
        chunks={[chunk(6)]}
        peaks={{ channels: [Float32Array.from({ length: 120 }, () => 0.5)], duration: 6 }}
        cues={[...cues, ...extraCues]}
        {...(onEvent ? { onPlayerEvent: onEvent } : {})}
      />
    </>
  );
}

describe('cues in Chromium', () => {
  it('the heard sentence carries aria-current, and only the two sentences that changed re-render', async () => {
    for (const key of Object.keys(commits)) commits[key] = 0;
    render(<Note />);
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    const mounted = { ...commits };
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(
      () =>
        expect(screen.getByRole('button', { name: 'BP 132/84.' })).toHaveAttribute('aria-current', 'true'),
      {
        timeout: 5000,
      },
    );
    expect(screen.getByRole('button', { name: 'Ten-day cough.' })).not.toHaveAttribute('aria-current');
    await waitFor(
      () =>
        expect(screen.getByRole('button', { name: 'Follow up in 3 months.' })).toHaveAttribute(
          'aria-current',
        ),
      {
        timeout: 5000,
      },
    );
    // s1 became active then inactive, s2 the same, s3 became active: one commit per change, not one
    // per time update (which would be a dozen or more over these seconds).
    expect((commits['s1'] ?? 0) - (mounted['s1'] ?? 0)).toBeLessThanOrEqual(2);
    expect((commits['s2'] ?? 0) - (mounted['s2'] ?? 0)).toBeLessThanOrEqual(2);
    expect((commits['s3'] ?? 0) - (mounted['s3'] ?? 0)).toBeLessThanOrEqual(1);
  });

  it('playCue with stopAtEnd plays one sentence and stops within 0.3 s of its end, audited with the cue id', async () => {
    const events: PlayerEvent[] = [];
    render(<Note onEvent={(event) => events.push(event)} />);
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    await userEvent.click(screen.getByRole('button', { name: 'BP 132/84.' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument(), {
      timeout: 5000,
    });
    const audio = document.querySelector('audio');
    expect(Math.abs((audio?.currentTime ?? 0) - 3)).toBeLessThanOrEqual(0.3);
    const play = events.find((event) => event.type === 'play');
    expect(play).toMatchObject({ cueId: 's2' });
    // The audit trail carries the id, never the sentence.
    expect(JSON.stringify(events)).not.toContain('BP 132');
  });

  it('N and P step through the sentences, each announced', async () => {
    const { container } = render(<Note />);
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    slider.focus();
    await userEvent.keyboard('n');
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '2'));
    expect(container.textContent).toContain('Sentence 2 of 3: BP 132/84.');
    await userEvent.keyboard('N');
    await waitFor(() => expect(Number(slider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(3));
    expect(container.textContent).toContain('Sentence 3 of 3: Follow up in 3 months.');
    await userEvent.keyboard('n');
    expect(container.textContent).toContain('No more sentences in that direction.');
    await userEvent.keyboard('p');
    await waitFor(() => expect(container.textContent).toContain('Sentence 2 of 3'));
  });

  it('takes cues given after it has loaded at once, not at some later render', async () => {
    const chunks = [chunk(6)];
    const peaks = { channels: [Float32Array.from({ length: 120 }, () => 0.5)], duration: 6 };
    const { rerender, container } = render(<WaveformPlayer chunks={chunks} peaks={peaks} />);
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    // The note's sentences arrive later than the audio (a paused player: nothing else re-renders it).
    rerender(<WaveformPlayer chunks={chunks} peaks={peaks} cues={cues} />);
    await waitFor(() => expect(container.querySelectorAll('.aa-cue')).toHaveLength(3));
    slider.focus();
    await userEvent.keyboard('n');
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '2'));
    expect(container.textContent).toContain('Sentence 2 of 3: BP 132/84.');
  });

  it('leaves bad cues out with one development warning naming the cue, and still plays the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <Note
        extraCues={[
          { id: 'bad-negative', start: -2, end: 1, label: 'secret note text' },
          { id: 'bad-backwards', start: 4, end: 3, label: 'secret note text' },
          { id: 's1', start: 5, end: 5.5, label: 'duplicate' },
        ]}
      />,
    );
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    const messages = warn.mock.calls.map((call) => String(call[0]));
    expect(messages.filter((m) => m.includes('bad-negative'))).toHaveLength(1);
    expect(messages.filter((m) => m.includes('bad-backwards'))).toHaveLength(1);
    expect(messages.some((m) => m.includes('"s1"') && m.includes('duplicate-id'))).toBe(true);
    expect(messages.join('\n')).not.toContain('secret note text');
    // The cue lane is drawn once its chunk has loaded.
    await waitFor(() => expect(document.querySelectorAll('.aa-cue')).toHaveLength(3));
  });
});
