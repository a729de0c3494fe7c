/** WAV bytes for tests: any format the contract lists, with optional extra chunks and odd sizes. */
export interface WavSpec {
  format?: 'pcm' | 'float' | 'extensible';
  bits?: 8 | 16 | 24 | 32;
  channels?: number;
  sampleRate?: number;
  frames?: number;
  /** Chunks written between fmt and data, e.g. an odd-sized LIST. */
  extraChunks?: { id: string; size: number }[];
  /** Overrides the data chunk's declared size (0 or 0xFFFFFFFF for streaming headers). */
  declaredDataSize?: number;
  /** Sample value at frame i, channel c, in [-1, 1]. */
  sample?: (frame: number, channel: number) => number;
  /** Write an RF64 file: sizes 0xFFFFFFFF in the RIFF and data headers, the true ones in `ds64`. */
  rf64?: boolean;
}

export function wavBytes(spec: WavSpec = {}): Uint8Array {
  const { format = 'pcm', channels = 1, sampleRate = 16000, frames = 1600, extraChunks = [] } = spec;
  const bits = format === 'float' ? 32 : (spec.bits ?? 16);
  const sample = spec.sample ?? ((i: number) => Math.sin(i / 10) * 0.5);
  const blockAlign = channels * (bits / 8);
  const fmtSize = format === 'extensible' ? 40 : 16;
  const extraBytes = extraChunks.reduce((sum, c) => sum + 8 + c.size + (c.size % 2), 0);
  const dataBytes = frames * blockAlign;
  const ds64Bytes = spec.rf64 ? 8 + 28 : 0;
  const total = 12 + ds64Bytes + 8 + fmtSize + extraBytes + 8 + dataBytes;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) =>
    [...text].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, spec.rf64 ? 'RF64' : 'RIFF');
  view.setUint32(4, spec.rf64 ? 0xffffffff : total - 8, true);
  ascii(8, 'WAVE');
  let at = 12;
  if (spec.rf64) {
    ascii(at, 'ds64');
    view.setUint32(at + 4, 28, true);
    view.setUint32(at + 8, total - 8, true); // RIFF size, low 32 bits
    view.setUint32(at + 16, dataBytes, true); // data size, low 32 bits
    view.setUint32(at + 24, frames, true); // sample count, low 32 bits
    at += 8 + 28;
  }
  ascii(at, 'fmt ');
  view.setUint32(at + 4, fmtSize, true);
  const tag = format === 'extensible' ? 0xfffe : format === 'float' ? 3 : 1;
  view.setUint16(at + 8, tag, true);
  view.setUint16(at + 10, channels, true);
  view.setUint32(at + 12, sampleRate, true);
  view.setUint32(at + 16, sampleRate * blockAlign, true);
  view.setUint16(at + 20, blockAlign, true);
  view.setUint16(at + 22, bits, true);
  if (format === 'extensible') {
    view.setUint16(at + 24, 22, true);
    view.setUint16(at + 26, bits, true);
    view.setUint32(at + 28, channels === 1 ? 4 : 3, true);
    view.setUint16(at + 32, 1, true); // sub-format GUID starts with PCM's tag
  }
  at += 8 + fmtSize;
  for (const chunk of extraChunks) {
    ascii(at, chunk.id);
    view.setUint32(at + 4, chunk.size, true);
    at += 8 + chunk.size + (chunk.size % 2);
  }
  ascii(at, 'data');
  view.setUint32(at + 4, spec.declaredDataSize ?? (spec.rf64 ? 0xffffffff : dataBytes), true);
  at += 8;
  for (let i = 0; i < frames; i += 1) {
    for (let c = 0; c < channels; c += 1) {
      const value = Math.max(-1, Math.min(1, sample(i, c)));
      if (format === 'float') view.setFloat32(at, value, true);
      else if (bits === 8) view.setUint8(at, Math.round(value * 127) + 128);
      else if (bits === 16) view.setInt16(at, Math.round(value * 32767), true);
      else if (bits === 24) {
        const v = Math.round(value * 8388607);
        view.setUint16(at, v & 0xffff, true);
        view.setInt8(at + 2, v >> 16);
      } else view.setInt32(at, Math.round(value * 2147483647), true);
      at += bits / 8;
    }
  }
  return bytes;
}
