import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useWaveformData } from './useWaveformData';

// The waveform's chunk cannot be fetched (offline, or a deploy removed it).
vi.mock('../waveform/waveformDrawing', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('useWaveformData without its lazy chunk', () => {
  it('says the waveform failed instead of waiting for it forever', async () => {
    const first = { chunks: [{ id: 'r1', url: 'https://storage.example/r1.wav', expiresAt: 4e12 }] };
    const { result } = renderHook(({ input }) => useWaveformData(input), {
      initialProps: { input: first },
    });
    await waitFor(() => expect(result.current.unavailable).toBe('failed'));
    expect(result.current.overview).toBeNull();
  });
});
