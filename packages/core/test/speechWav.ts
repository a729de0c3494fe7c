import { wavBytes } from './wavBytes';

/**
 * A long 16 kHz mono 16-bit recording computed on demand, byte range by byte range (an hour costs no
 * memory), shaped like a visit: every 30 s, 20 s of speech (syllables of varying loudness) and 10 s
 * of near silence; minutes 20–21 are quiet speech, minutes 40–41 loud. `levelAt(second)` says which.
 */
export function speechWav(minutes: number) {
  const sampleRate = 16000;
  const dataBytes = minutes * 60 * sampleRate * 2;
  const header = wavBytes({ frames: 0, declaredDataSize: dataBytes });
  const size = 44 + dataBytes;
  const levelAt = (second: number): 'pause' | 'quiet' | 'loud' | 'speech' => {
    if (second % 30 >= 20) return 'pause';
    if (second >= 20 * 60 && second < 21 * 60) return 'quiet';
    if (second >= 40 * 60 && second < 41 * 60) return 'loud';
    return 'speech';
  };
  const gain = { pause: 0.002, quiet: 0.04, loud: 0.7, speech: 0.25 };
  const sampleAt = (i: number) => {
    const second = i / sampleRate;
    const syllable = 0.35 + 0.65 * Math.abs(Math.sin((Math.PI * second) / 0.2));
    const value = Math.sin(i / 3.1) * 0.6 + Math.sin(i / 11.7) * 0.4;
    return Math.round(value * gain[levelAt(second)] * syllable * 32767);
  };
  return {
    size,
    sampleRate,
    levelAt,
    read(start: number, end: number): Uint8Array {
      const out = new Uint8Array(end - start);
      const view = new DataView(out.buffer);
      for (let at = start; at < Math.min(end, 44); at += 1) out[at - start] = header[at] ?? 0;
      const first = Math.max(start, 44);
      for (let at = first - ((first - 44) % 2); at < end; at += 2) {
        const value = sampleAt((at - 44) / 2);
        if (at >= start && at + 1 < end) view.setInt16(at - start, value, true);
        else if (at >= start) out[at - start] = value & 0xff;
        else if (at + 1 < end) out[at + 1 - start] = (value >> 8) & 0xff;
      }
      return out;
    },
  };
}
