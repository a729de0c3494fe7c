import type { MediaChunk } from '@ambient-audio/core';
import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { wavFile } from '../../test/wavFile';
import { useWaveformData, type WaveformBudget, type WaveformProgress } from './useWaveformData';

const urls: string[] = [];
afterEach(() => {
  for (const url of urls.splice(0)) URL.revokeObjectURL(url);
});

// Ten minutes of 8 kHz 16-bit mono: 9.6 MB, whose default budget (an eighth) is 1.2 MB.
const SECONDS = 600;
const FILE_BYTES = SECONDS * 8000 * 2;

function chunks(): MediaChunk[] {
  const url = URL.createObjectURL(wavFile(SECONDS, { sampleRate: 8000 }));
  urls.push(url);
  return [{ id: 'rec-1', url, expiresAt: Date.now() + 600_000 }];
}

async function overviewWith(budget: WaveformBudget | undefined): Promise<WaveformProgress> {
  const progress: WaveformProgress[] = [];
  const input = { chunks: chunks() };
  const { result, unmount } = renderHook(() =>
    useWaveformData(input, { budget, onProgress: (p) => progress.push(p) }),
  );
  result.current.setDurations([SECONDS]);
  await waitFor(() => expect(progress.at(-1)?.complete).toBe(true), { timeout: 15_000 });
  unmount();
  return progress.at(-1) as WaveformProgress;
}

describe('useWaveformData budget in Chromium', () => {
  it('reads at most the host’s byte budget for the streamed overview', async () => {
    const last = await overviewWith(96 * 1024);
    expect(last.exact).toBe(false);
    // Plus the header read (a few kilobytes) once; nothing near the file’s 9.6 MB.
    expect(last.bytesFetched).toBeGreaterThan(48 * 1024);
    expect(last.bytesFetched).toBeLessThanOrEqual(96 * 1024 + 8192);
  });

  it('never reads more than an eighth of the recording by default', async () => {
    const last = await overviewWith(undefined);
    expect(last.exact).toBe(false);
    expect(last.bytesFetched).toBeLessThanOrEqual(FILE_BYTES / 8 + 8192);
  });

  it('reads every byte when the host asks for the whole file, and the overview is exact', async () => {
    const last = await overviewWith('whole-file');
    expect(last.exact).toBe(true);
    expect(last.bytesFetched).toBeGreaterThanOrEqual(FILE_BYTES);
  });
});
