import type { WaveformPeaks } from './useWaveformEngine';

export interface ChunkPeaks {
  /** One array per channel, values in [0, 1]. */
  peaks: readonly Float32Array[];
  duration: number;
}

/**
 * One waveform over a multi-chunk recording: each chunk's peaks placed by time on a shared timeline
 * of `buckets` columns (mono: the loudest channel), so chunks of different lengths line up with the
 * player's continuous time. Null until every chunk's duration is known.
 */
export function combinePeaks(chunks: readonly (ChunkPeaks | null)[], buckets = 1024): WaveformPeaks | null {
  if (chunks.length === 0 || chunks.some((chunk) => !chunk || !(chunk.duration > 0))) return null;
  const known = chunks as readonly ChunkPeaks[];
  if (known.length === 1 && known[0])
    return { channels: [loudest(known[0].peaks)], duration: known[0].duration };
  const total = known.reduce((sum, chunk) => sum + chunk.duration, 0);
  const out = new Float32Array(buckets);
  let index = 0;
  let start = 0;
  for (let b = 0; b < buckets; b += 1) {
    const time = ((b + 0.5) / buckets) * total;
    while (index < known.length - 1 && time >= start + (known[index]?.duration ?? 0)) {
      start += known[index]?.duration ?? 0;
      index += 1;
    }
    const chunk = known[index];
    if (!chunk) continue;
    const channel = loudest(chunk.peaks);
    const local = Math.min(
      channel.length - 1,
      Math.floor(((time - start) / chunk.duration) * channel.length),
    );
    out[b] = channel[Math.max(0, local)] ?? 0;
  }
  return { channels: [out], duration: total };
}

function loudest(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1 && channels[0]) return channels[0];
  const length = channels[0]?.length ?? 0;
  const out = new Float32Array(length);
  for (const channel of channels)
    for (let i = 0; i < length; i += 1) out[i] = Math.max(out[i] ?? 0, channel[i] ?? 0);
  return out;
}
