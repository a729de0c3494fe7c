import type * as CueTrackerModule from './cues/cueTracker';
import type * as ExtractorModule from './waveform/createWaveformExtractor';

/**
 * The parts of core a player needs only after it has mounted, each loaded on first use as a chunk
 * of its own: in a host's build they stay out of the first chunk, and the first audio waits for
 * none of them. A host that builds its own player awaits them where it needs them (a second call
 * resolves with the module already loaded).
 */

/** `createWaveformExtractor`: the waveform engine's worker glue (the worker itself is a file of its own). */
export const loadWaveformExtractor = (): Promise<typeof ExtractorModule> =>
  import('./waveform/createWaveformExtractor');

/** `CueTracker`: binds evidence cues to a media timeline. */
export const loadCueTracker = (): Promise<typeof CueTrackerModule> => import('./cues/cueTracker');
