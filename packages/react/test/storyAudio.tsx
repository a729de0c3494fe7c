import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { MediaChunk } from '../src/media/ChunkedMediaElement';
import type { WaveformPeaks } from '../src/media/useWaveformEngine';
import { wavFile } from './wavFile';

/** Speech-like peaks: syllables of varying loudness with pauses between phrases. */
export function speechPeaks(duration: number, buckets = 600): WaveformPeaks {
  const channel = new Float32Array(buckets);
  for (let i = 0; i < buckets; i += 1) {
    const phrase = Math.sin(i / 23) > -0.3 ? 1 : 0.05;
    const syllable = Math.abs(Math.sin(i / 2.3)) * (0.5 + 0.5 * Math.abs(Math.sin(i / 11)));
    channel[i] = Math.min(1, phrase * syllable * 0.9);
  }
  return { channels: [channel], duration };
}

/**
 * Generates short WAV files in the browser and hands their blob: URLs to a story, revoking them when
 * the story unmounts, so stories play real audio without a server.
 */
export function GeneratedChunks({
  seconds,
  children,
}: {
  seconds: readonly number[];
  children: (chunks: MediaChunk[]) => ReactNode;
}) {
  const [chunks, setChunks] = useState<MediaChunk[]>([]);
  const key = seconds.join(',');
  useEffect(() => {
    const made = key.split(',').map((s, i) => ({
      id: `recording-${i + 1}`,
      url: URL.createObjectURL(wavFile(Number(s), { frequency: 220 + i * 110 })),
      expiresAt: Date.now() + 15 * 60_000,
    }));
    // The URLs are an external resource owned by this effect: made here, revoked in its cleanup.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChunks(made);
    return () => made.forEach((chunk) => URL.revokeObjectURL(chunk.url));
  }, [key]);
  return chunks.length ? children(chunks) : null;
}
