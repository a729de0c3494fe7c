import { ColumnQuality, type MediaChunk, type WaveformDetail } from '@ambient-audio/core';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wavFile } from '../test/wavFile';
import type { WaveformView } from './hooks/useWaveformEngine';
import './styles.css';
import type { WaveformLoudness } from './waveform/displayColumns';
import { WaveformPlayer } from './WaveformPlayer';

const urls: string[] = [];
afterEach(() => {
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

function chunk(seconds: number): MediaChunk {
  const url = URL.createObjectURL(wavFile(seconds, { sampleRate: 4000 }));
  urls.push(url);
  return { id: 'rec-1', url, expiresAt: Date.now() + 600_000 };
}

/** An overview of 480 sampled columns: loud and quiet minutes in turn. */
function loudness(duration: number): WaveformLoudness {
  const peak = new Float32Array(480);
  const rms = new Float32Array(480);
  for (let c = 0; c < 480; c += 1) {
    const loud = Math.floor(((c / 480) * duration) / 60) % 2 === 0;
    peak[c] = loud ? 0.8 : 0.05;
    rms[c] = loud ? 0.25 : 0.01;
  }
  return { duration, peak, rms, quality: new Uint8Array(480).fill(ColumnQuality.sampled) };
}

/** wavesurfer's canvases, in its shadow root: the gestures come with the module that draws them. */
function waveformCanvases(container: HTMLElement): HTMLCanvasElement[] {
  const host = container.querySelector('.aa-waveform');
  return [...(host?.querySelector('*')?.shadowRoot?.querySelectorAll('canvas') ?? [])];
}

describe('WaveformPlayer zoom in Chromium', () => {
  it('zooms with the buttons and keys, announces the level, and asks for the visible window’s detail', async () => {
    const views: WaveformView[] = [];
    const { container } = render(
      <div style={{ width: 800 }}>
        <WaveformPlayer
          chunks={[chunk(600)]}
          loudness={loudness(600)}
          onViewChange={(view) => views.push(view)}
        />
      </div>,
    );
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '600'), { timeout: 8000 });
    const zoomIn = screen.getByRole('button', { name: 'Zoom in' });
    const zoomOut = screen.getByRole('button', { name: 'Zoom out' });
    expect(zoomOut).toBeDisabled();

    await userEvent.click(zoomIn);
    await waitFor(() => expect(views.at(-1)).toMatchObject({ zoomed: true, length: 300 }));
    expect(container.querySelector('.aa-overview')).not.toBeNull();
    expect(container.textContent).toContain('Waveform zoomed to 5 minutes of 10 minutes.');

    // `+` while focus is in the player; down to about ten seconds across, and no further.
    slider.focus();
    for (let i = 0; i < 8; i += 1) await userEvent.keyboard('+');
    await waitFor(() => expect(views.at(-1)?.length).toBe(10));
    expect(zoomIn).toBeDisabled();
    expect(container.textContent).toContain('Waveform zoomed to 10 seconds of 10 minutes.');
    // The slider keeps working: keys still move the position.
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuenow', '600'));
    // ...and the view followed the playhead to the end.
    await waitFor(() => expect(views.at(-1)?.start).toBeGreaterThan(580));

    for (let i = 0; i < 8; i += 1) await userEvent.keyboard('-');
    await waitFor(() => expect(views.at(-1)).toMatchObject({ zoomed: false, length: 600 }));
    expect(container.querySelector('.aa-overview')).toBeNull();
    expect(container.textContent).toContain('Waveform shows the whole recording.');
  });

  it('draws each zoom step once, in a task of its own after the key press', async () => {
    const { container } = render(
      <div style={{ width: 800 }}>
        <WaveformPlayer chunks={[chunk(600)]} loudness={loudness(600)} />
      </div>,
    );
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '600'), { timeout: 8000 });
    const canvases = () => waveformCanvases(container);
    await waitFor(() => expect(canvases().length).toBeGreaterThan(0));
    // The loudness renderer's level pass fills the first bar at x = 0 at full opacity once per
    // waveform canvas it draws (the envelope pass runs at the theme's lower opacity, and wavesurfer's
    // played-part mask is a full-width rectangle); the overview strip's canvas, outside wavesurfer's
    // shadow root, is not counted.
    const fills: HTMLCanvasElement[] = [];
    const original = CanvasRenderingContext2D.prototype.fillRect;
    const fill = vi.spyOn(CanvasRenderingContext2D.prototype, 'fillRect').mockImplementation(function (
      this: CanvasRenderingContext2D,
      x: number,
      y: number,
      w: number,
      h: number,
    ) {
      const inWaveform = this.canvas.getRootNode() instanceof ShadowRoot || !this.canvas.isConnected;
      if (inWaveform && x === 0 && w < this.canvas.width && this.globalAlpha === 1) fills.push(this.canvas);
      original.call(this, x, y, w, h);
    });
    slider.focus();
    fireEvent.keyDown(slider, { key: '+' });
    // The view is the player's at once; the canvases are not drawn in the key's task.
    expect(container.textContent).toContain('Waveform zoomed to 5 minutes of 10 minutes.');
    expect(fills).toHaveLength(0);
    // The drawing is one task: once it has begun, it is done.
    await waitFor(() => expect(fills.length).toBeGreaterThan(0));
    // wavesurfer keeps a played-part copy of every canvas: half of them are drawn by the renderer,
    // each once.
    expect(fills.length * 2).toBe(canvases().length);
    expect(new Set(fills).size).toBe(fills.length);
    fill.mockRestore();
  });

  it('Ctrl+wheel zooms around the pointer; a click in the zoomed view seeks within it', async () => {
    const views: WaveformView[] = [];
    const { container } = render(
      <div style={{ width: 600 }}>
        <WaveformPlayer
          chunks={[chunk(600)]}
          loudness={loudness(600)}
          onViewChange={(view) => views.push(view)}
        />
      </div>,
    );
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '600'), { timeout: 8000 });
    await waitFor(() => expect(waveformCanvases(container).length).toBeGreaterThan(0));
    const box = slider.getBoundingClientRect();
    for (let i = 0; i < 6; i += 1) {
      slider.dispatchEvent(
        new WheelEvent('wheel', {
          deltaY: -100,
          ctrlKey: true,
          clientX: box.left + box.width * 0.75,
          clientY: box.top + 10,
          bubbles: true,
          cancelable: true,
        }),
      );
    }
    await waitFor(() => expect(views.at(-1)?.zoomed).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const view = views.at(-1) as WaveformView;
    // The time under the pointer (three quarters in, 450 s) stays three quarters in.
    expect(view.start + view.length * 0.75).toBeCloseTo(450, -1);
    await userEvent.pointer({
      target: slider,
      coords: { clientX: box.left + box.width / 2, clientY: box.top + 10 },
      keys: '[MouseLeft]',
    });
    const now = Number(slider.getAttribute('aria-valuenow'));
    expect(Math.abs(now - (view.start + view.length / 2))).toBeLessThanOrEqual(2);
  });

  it('pans a zoomed view with a horizontal scroll, and nothing in it scrolls by itself', async () => {
    const views: WaveformView[] = [];
    const { container } = render(
      <div style={{ width: 600 }}>
        <WaveformPlayer
          chunks={[chunk(600)]}
          loudness={loudness(600)}
          onViewChange={(view) => views.push(view)}
        />
      </div>,
    );
    const slider = await screen.findByRole('slider', { name: 'Seek' });
    await waitFor(() => expect(slider).toHaveAttribute('aria-valuemax', '600'), { timeout: 8000 });
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    await waitFor(() => expect(views.at(-1)).toMatchObject({ zoomed: true, length: 150 }));
    const before = (views.at(-1) as WaveformView).start;
    const box = slider.getBoundingClientRect();
    // Half the width to the right: half the window later.
    slider.dispatchEvent(new WheelEvent('wheel', { deltaX: box.width / 2, bubbles: true, cancelable: true }));
    await waitFor(() => expect((views.at(-1) as WaveformView).start).toBeCloseTo(before + 75, 0));
    // A vertical wheel without Ctrl is the page's: it scrolls the page, not the waveform.
    const event = new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true });
    slider.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    // wavesurfer's own scroll container takes no scroll of its own (no unreachable scroll region).
    const host = container.querySelector('.aa-waveform > div');
    const scroller = host?.shadowRoot?.querySelector<HTMLElement>('.scroll');
    expect(scroller && getComputedStyle(scroller).overflowX).toBe('hidden');
  });

  it('draws exact detail where it is given and keeps sampled columns drawn as sampled', async () => {
    const detail: WaveformDetail = {
      start: 100,
      binsPerSecond: 100,
      peak: new Float32Array(2000).fill(0.5),
      rms: new Float32Array(2000).fill(0.2),
      known: new Uint8Array(2000).fill(1),
      complete: true,
      exact: true,
      bytesFetched: 0,
    };
    const onViewChange = vi.fn();
    const { container } = render(
      <div style={{ width: 800 }}>
        <WaveformPlayer
          chunks={[chunk(600)]}
          loudness={loudness(600)}
          detail={detail}
          onViewChange={onViewChange}
        />
      </div>,
    );
    await waitFor(
      () => expect(screen.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuemax', '600'),
      {
        timeout: 8000,
      },
    );
    await waitFor(() => {
      const host = container.querySelector('.aa-waveform > div');
      expect(host?.shadowRoot?.querySelector('canvas')).toBeTruthy();
    });
    expect(onViewChange).toHaveBeenCalled();
  });
});
