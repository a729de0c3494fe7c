import type * as DrawingModule from '../waveform/waveformDrawing';
import { loadOnce } from './loadOnce';

export type WaveformDrawing = typeof DrawingModule;

/**
 * The waveform's drawing (see `waveform/waveformDrawing.ts`), kept out of a host's first chunk. Without
 * it the player shows that it has no waveform.
 */
export const loadWaveformDrawing: () => Promise<WaveformDrawing> = loadOnce(
  () => import('../waveform/waveformDrawing'),
);
