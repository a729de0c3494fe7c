import type { AudioSource } from './audioSource';

/** The WAV layouts the catalogue serves, per the contract's Audio section. */
export interface WavFormat {
  encoding: 'pcm' | 'float';
  bits: 8 | 16 | 24 | 32;
  channels: number;
  sampleRate: number;
  /** Write WAVE_FORMAT_EXTENSIBLE instead of the plain format tag. */
  extensible?: boolean;
  /** An odd-sized LIST chunk (padded) between fmt and data. */
  listChunk?: boolean;
  /** RIFF and data sizes written as 0xFFFFFFFF, as by a recorder that streamed the file. */
  streamingHeader?: boolean;
  /** Changes the voices, so chunks and sessions sound (and look) different. */
  seed?: number;
}

/** Length of the synthesized pattern before it repeats; long enough that nobody notices. */
const PATTERN_SECONDS = 97;

/**
 * Deterministic speech-like audio: two voices taking turns, syllables at about 4.5 per second with
 * uneven loudness, pauses between phrases. A pattern of 97 s is rendered once per format and tiled,
 * so a two-hour file is served at memory speed from a few megabytes, computed on first use.
 */
export function synthesizedWav(format: WavFormat, seconds: number): AudioSource {
  const header = wavHeader(format, seconds);
  const blockAlign = format.channels * (format.bits / 8);
  const frames = Math.round(seconds * format.sampleRate);
  const dataBytes = frames * blockAlign;
  let pattern: Uint8Array | null = null;
  const patternBytes = () => (pattern ??= renderPattern(format, Math.min(seconds, PATTERN_SECONDS)));
  return {
    size: header.byteLength + dataBytes,
    async read(start, end) {
      const out = new Uint8Array(Math.max(0, end - start));
      let at = start;
      while (at < end) {
        if (at < header.byteLength) {
          const upto = Math.min(end, header.byteLength);
          out.set(header.subarray(at, upto), at - start);
          at = upto;
          continue;
        }
        const body = patternBytes();
        const offset = (at - header.byteLength) % body.byteLength;
        const take = Math.min(end - at, body.byteLength - offset);
        out.set(body.subarray(offset, offset + take), at - start);
        at += take;
      }
      return out;
    },
  };
}

function renderPattern(format: WavFormat, seconds: number): Uint8Array {
  const frames = Math.round(seconds * format.sampleRate);
  const bytesPerSample = format.bits / 8;
  const out = new Uint8Array(frames * format.channels * bytesPerSample);
  const view = new DataView(out.buffer);
  const seed = format.seed ?? 1;
  let noise = seed * 2654435761;
  for (let i = 0; i < frames; i += 1) {
    const t = i / format.sampleRate;
    const turn = Math.floor(t / 6.5);
    const inPhrase = t % 6.5;
    const pitch = (turn + seed) % 2 ? 118 : 205;
    const syllable = Math.floor(t * 4.5);
    const accent = 0.35 + 0.65 * fraction(Math.sin(syllable * 12.9898 + seed * 78.233) * 43758.5453);
    const shape = Math.max(0, Math.sin(Math.PI * fraction(t * 4.5))) ** 1.5;
    const envelope = inPhrase > 5.2 ? 0 : shape * accent;
    noise = (noise * 1664525 + 1013904223) >>> 0;
    const phase = 2 * Math.PI * pitch * t;
    const voice = 0.55 * Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.15 * Math.sin(3.1 * phase);
    const value = 0.8 * envelope * voice + 0.01 * (noise / 0xffffffff - 0.5);
    for (let c = 0; c < format.channels; c += 1) {
      const sample = c === 0 ? value : value * 0.8;
      writeSample(view, (i * format.channels + c) * bytesPerSample, sample, format);
    }
  }
  return out;
}

function fraction(x: number): number {
  return x - Math.floor(x);
}

function writeSample(view: DataView, at: number, value: number, format: WavFormat): void {
  const v = Math.max(-1, Math.min(1, value));
  if (format.encoding === 'float') return view.setFloat32(at, v, true);
  switch (format.bits) {
    case 8:
      return view.setUint8(at, Math.round(v * 127) + 128);
    case 16:
      return view.setInt16(at, Math.round(v * 32767), true);
    case 24: {
      const s = Math.round(v * 8388607);
      view.setUint16(at, s & 0xffff, true);
      return view.setInt8(at + 2, s >> 16);
    }
    default:
      return view.setInt32(at, Math.round(v * 2147483647), true);
  }
}

/** A RIFF/WAVE header for `seconds` of audio in `format`, with the chunks the format asks for. */
export function wavHeader(format: WavFormat, seconds: number): Uint8Array {
  const blockAlign = format.channels * (format.bits / 8);
  const dataBytes = Math.round(seconds * format.sampleRate) * blockAlign;
  const fmtSize = format.extensible ? 40 : 16;
  // LIST/INFO with one ISFT entry of 7 bytes: 19 bytes in all, odd on purpose (padded to 20).
  const software = 'ref-api';
  const listSize = format.listChunk ? 4 + 8 + software.length : 0;
  const listBytes = format.listChunk ? 8 + listSize + (listSize % 2) : 0;
  const size = 12 + 8 + fmtSize + listBytes + 8;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const ascii = (at: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(at + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, format.streamingHeader ? 0xffffffff : size - 8 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  const tag = format.encoding === 'float' ? 3 : 1;
  view.setUint16(20, format.extensible ? 0xfffe : tag, true);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, format.bits, true);
  if (format.extensible) {
    view.setUint16(36, 22, true);
    view.setUint16(38, format.bits, true);
    view.setUint32(40, format.channels === 2 ? 3 : 4, true);
    // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: the tag, then the fixed GUID tail.
    view.setUint16(44, tag, true);
    [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71].forEach((b, i) =>
      view.setUint8(46 + i, b),
    );
  }
  let at = 20 + fmtSize;
  if (format.listChunk) {
    ascii(at, 'LIST');
    view.setUint32(at + 4, listSize, true);
    ascii(at + 8, 'INFOISFT');
    view.setUint32(at + 16, software.length, true);
    ascii(at + 20, software);
    at += 8 + listSize + (listSize % 2);
  }
  ascii(at, 'data');
  view.setUint32(at + 4, format.streamingHeader ? 0xffffffff : dataBytes, true);
  return out;
}
