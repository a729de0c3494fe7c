import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wavFile } from '../test/wavFile';
import type { MediaChunk } from '@ambient-audio/core';
import type { PlayerEvent, PlayerHandle } from './playerEvents';
import { defaultLabels } from './labels';
import './styles.css';
import { WaveformPlayer } from './WaveformPlayer';

const urls: string[] = [];
afterEach(() => {
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

function chunk(id: string, seconds: number, frequency = 440): MediaChunk {
  const url = URL.createObjectURL(wavFile(seconds, { frequency }));
  urls.push(url);
  return { id, url, expiresAt: Date.now() + 600_000 };
}

const peaks = (duration: number) => ({
  channels: [Float32Array.from({ length: 200 }, (_, i) => Math.sin(i / 5) * 0.8)],
  duration,
});

describe('WaveformPlayer in Chromium', () => {
  it('draws the waveform from peaks, plays, and reports what the listener did without any URL', async () => {
    const events: PlayerEvent[] = [];
    const { container } = render(
      <WaveformPlayer chunks={[chunk('rec-1', 4)]} peaks={peaks(4)} onPlayerEvent={(e) => events.push(e)} />,
    );
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '4'));
    await waitFor(() => {
      const host = container.querySelector('.aa-waveform > div');
      expect(host?.shadowRoot?.querySelector('canvas')).toBeTruthy();
    });

    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument());
    await waitFor(() => expect(Number(slider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(1), {
      timeout: 4000,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByRole('button', { name: 'Play' })).toBeInTheDocument();

    slider.focus();
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '0'));
    expect(events.map((e) => e.type)).toEqual(['play', 'pause', 'seek']);
    expect(events.every((e) => e.recordingId === 'rec-1')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('blob:');
  });

  it('re-renders only its clock and slider while it plays, never the whole player', async () => {
    // skipBack is read by the player's own render, position by the slider's.
    const skipBack = vi.fn(defaultLabels.skipBack);
    const position = vi.fn(defaultLabels.position);
    render(<WaveformPlayer chunks={[chunk('rec-1', 6)]} peaks={peaks(6)} labels={{ skipBack, position }} />);
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    await userEvent.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument());
    const playerRenders = skipBack.mock.calls.length;
    const sliderRenders = position.mock.calls.length;
    await waitFor(() => expect(Number(slider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(4), {
      timeout: 8000,
    });
    // Four seconds of play: the slider spoke each half second (twice per render in StrictMode)...
    expect(position.mock.calls.length - sliderRenders).toBeGreaterThanOrEqual(6);
    // ...while the player itself did not re-render with the position (it did at every timeupdate).
    expect(skipBack.mock.calls.length - playerRenders).toBeLessThanOrEqual(6);
  });

  it('plays a multi-chunk recording as one timeline with the boundaries marked', async () => {
    const { container } = render(
      <WaveformPlayer
        chunks={[chunk('a', 2, 300), chunk('b', 2, 500), chunk('c', 2, 700)]}
        peaks={peaks(6)}
      />,
    );
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '6'));
    await waitFor(() => expect(container.querySelectorAll('.aa-marker')).toHaveLength(2));
    slider.focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '5'));
    expect(slider).toHaveAttribute('aria-valuetext', '5 seconds of 6 seconds');
  });

  it('keeps the speed with pitch, changes it with < and >, and seeks from the page through its handle', async () => {
    const ref = createRef<PlayerHandle>();
    const { container } = render(<WaveformPlayer ref={ref} chunks={[chunk('rec-1', 8)]} peaks={peaks(8)} />);
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '8'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Playback speed' }), '1.5×');
    const audio = container.querySelector('audio');
    expect(audio?.playbackRate).toBe(1.5);
    expect(audio?.preservesPitch).toBe(true);
    slider.focus();
    await userEvent.keyboard('>');
    expect(audio?.playbackRate).toBe(1.75);
    await userEvent.keyboard('<<');
    expect(audio?.playbackRate).toBe(1.25);

    const seen = vi.fn();
    const unsubscribe = ref.current?.subscribe(seen);
    ref.current?.seek(6);
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '6'));
    expect(seen).toHaveBeenCalledWith(6);
    unsubscribe?.();
  });

  it('shows a plain track and a note when there is no waveform', async () => {
    const { container } = render(
      <WaveformPlayer chunks={[chunk('rec-1', 2)]} waveform={false} note="Waveform unavailable" />,
    );
    await waitFor(() =>
      expect(screen.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuemax', '2'),
    );
    expect(container.querySelector('.aa-track')).toBeTruthy();
    expect(screen.getByText('Waveform unavailable')).toBeInTheDocument();
  });
});
