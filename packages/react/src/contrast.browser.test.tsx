import type { MediaChunk } from '@ambient-audio/core';
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { wavFile } from '../test/wavFile';
import './styles.css';
import { WaveformPlayer } from './WaveformPlayer';

const urls: string[] = [];
afterEach(() => {
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

type Rgb = [number, number, number];

/** A computed colour (`rgb(...)`, `rgba(...)` or `#rrggbb`) as 0..255 channels and an alpha. */
function parse(color: string): { rgb: Rgb; alpha: number } {
  const probe = document.createElement('span');
  probe.style.color = color;
  document.body.append(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  const parts =
    /rgba?\(([^)]+)\)/
      .exec(computed)?.[1]
      ?.split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number) ?? [];
  return { rgb: [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0], alpha: parts[3] ?? 1 };
}

/** Source over destination, per channel in sRGB, as a canvas and the page composite it. */
const blend = (top: Rgb, alpha: number, bottom: Rgb): Rgb =>
  top.map((c, i) => c * alpha + (bottom[i] ?? 0) * (1 - alpha)) as Rgb;

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

function chunk(): MediaChunk {
  const url = URL.createObjectURL(wavFile(2));
  urls.push(url);
  return { id: 'rec-1', url, expiresAt: Date.now() + 600_000 };
}

describe('contrast, computed from the styles in Chromium', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: 3:1 for every graphic and border, 4.5:1 for text`, async () => {
      const { container } = render(
        <WaveformPlayer
          chunks={[chunk()]}
          theme={theme}
          peaks={{ channels: [new Float32Array(100).fill(0.5)], duration: 2 }}
          cues={[{ id: 'c', start: 0, end: 1, label: 'A sentence.' }]}
          onDownload={() => {}}
        />,
      );
      await waitFor(() =>
        expect(screen.getByRole('slider', { name: 'Seek' })).toHaveAttribute('aria-valuemax', '2'),
      );
      const player = container.querySelector('.aa-player') as HTMLElement;
      const style = getComputedStyle(player);
      const variable = (name: string) => style.getPropertyValue(name).trim();
      const background = parse(style.backgroundColor).rgb;
      const envelopeOpacity = Number(variable('--aa-envelope-opacity'));
      const wave = parse(variable('--aa-wave')).rgb;
      const progress = parse(variable('--aa-progress')).rgb;
      const checks: [string, Rgb, number][] = [
        ['loudness bars', wave, 3],
        // The peak envelope is the bar colour at --aa-envelope-opacity, over the background.
        ['peak envelope', blend(wave, envelopeOpacity, background), 3],
        ['played bars', progress, 3],
        ['played envelope', blend(progress, envelopeOpacity, background), 3],
        ['playhead', parse(variable('--aa-cursor')).rgb, 3],
        ['cue band', parse(variable('--aa-cue')).rgb, 3],
        ['overview window', parse(variable('--aa-overview-window')).rgb, 3],
        ['focus ring', parse(variable('--aa-focus')).rgb, 3],
        ['player border', parse(style.borderTopColor).rgb, 3],
        [
          'button border',
          parse(getComputedStyle(container.querySelector('.aa-button') as Element).borderTopColor).rgb,
          3,
        ],
        [
          'select border',
          parse(getComputedStyle(container.querySelector('.aa-select') as Element).borderTopColor).rgb,
          3,
        ],
        [
          'play button',
          parse(getComputedStyle(container.querySelector('.aa-play') as Element).backgroundColor).rgb,
          3,
        ],
        ['text', parse(style.color).rgb, 4.5],
        [
          'muted text',
          parse(getComputedStyle(container.querySelector('.aa-time') as Element).color).rgb,
          4.5,
        ],
      ];
      const failing = checks
        .map(([what, color, needed]) => [what, contrast(color, background), needed] as const)
        .filter(([, ratio, needed]) => ratio < needed)
        .map(([what, ratio, needed]) => `${what}: ${ratio.toFixed(2)}:1 < ${needed}:1`);
      expect(failing).toEqual([]);
      // The play button's icon on its fill.
      const play = getComputedStyle(container.querySelector('.aa-play') as Element);
      expect(contrast(parse(play.color).rgb, parse(play.backgroundColor).rgb)).toBeGreaterThanOrEqual(4.5);
      // Bars, envelope and played bars stay apart from one another, not only from the background.
      expect(contrast(wave, blend(wave, envelopeOpacity, background))).toBeGreaterThanOrEqual(1.5);
    });
  }
});
