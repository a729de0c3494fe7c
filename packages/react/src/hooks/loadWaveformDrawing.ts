import type * as DrawingModule from '../waveform/waveformDrawing';

type WaveformDrawingModule = typeof DrawingModule;

/**
 * The waveform's drawing (see `waveform/waveformDrawing.ts`), kept out of a host's first chunk: one
 * import per page, started by the first player that mounts. A failed load (offline, or a deploy that
 * removed the old chunk) is forgotten, so a player mounted later tries again; the one that failed
 * shows that it has no waveform and does not retry by itself.
 */
let loading: Promise<WaveformDrawingModule> | null = null;
export function loadWaveformDrawing(): Promise<WaveformDrawingModule> {
  loading ??= import('../waveform/waveformDrawing').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

export type WaveformDrawing = WaveformDrawingModule;
