import { parseWavHeader, type WavHeader } from '@ambient-audio/core';

/**
 * Real speech for the stories: the reference server's fixture, a 2¼-minute doctor–patient dialogue
 * (16 kHz mono 16-bit; transcript in visit-demo.transcript.json), served by Storybook from
 * apps/recording-api/fixtures (`staticDirs` in .storybook/main.ts) and sliced here, in the browser,
 * into the recordings a story needs.
 */
export const SPEECH_URL = '/fixtures/visit-demo.wav';

export interface Speech {
  /** The fixture's own header. */
  header: WavHeader;
  /** Its sample bytes (the `data` chunk). */
  samples: Uint8Array;
  /** Length of the dialogue, seconds. */
  seconds: number;
}

let speech: Promise<Speech> | null = null;

/** The fixture, fetched once per page. */
export function loadSpeech(): Promise<Speech> {
  speech ??= (async () => {
    const response = await fetch(SPEECH_URL);
    if (!response.ok) {
      throw new Error(`${SPEECH_URL} answered ${response.status}: see staticDirs in .storybook/main.ts`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const header = parseWavHeader(bytes, bytes.byteLength);
    const samples = bytes.subarray(header.dataOffset, header.dataOffset + header.dataBytes);
    return { header, samples, seconds: header.durationSeconds };
  })().catch((error: unknown) => {
    speech = null;
    throw error;
  });
  return speech;
}

/**
 * How long a recording (chunk) is: seconds, or `'rest'` for the rest of the dialogue from where
 * the previous chunk ended (`['rest']` is the whole dialogue as one file).
 */
export type ChunkLength = number | 'rest';

/** One WAV file made from the dialogue, read by byte range without being built whole. */
export interface SpeechFile {
  /** Bytes in the file: a 44-byte header and the samples. */
  size: number;
  seconds: number;
  /** Bytes [start, end) of the file. */
  read(start: number, end: number): Uint8Array<ArrayBuffer>;
}

const HEADER_BYTES = 44;

function wavHeader(format: WavHeader, dataBytes: number): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, format.encoding === 'float' ? 3 : 1, true);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.sampleRate * format.blockAlign, true);
  view.setUint16(32, format.blockAlign, true);
  view.setUint16(34, format.bitsPerSample, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  return bytes;
}

/**
 * Pauses (seconds) between the repeats of the dialogue in a recording longer than it: a long visit
 * is talk, then a quiet examination or typing, then talk again, so its waveform is not one comb.
 */
const PAUSES_SECONDS = [24, 41, 17, 33];

/**
 * The recording's timeline as bytes of samples: the dialogue, a pause, the dialogue again, another
 * pause, and so on for as long as a story asks.
 */
class Tape {
  readonly #samples: Uint8Array;
  readonly #pauses: number[];

  constructor({ header, samples }: Speech) {
    this.#samples = samples;
    this.#pauses = PAUSES_SECONDS.map(
      (seconds) => Math.round(seconds * header.sampleRate) * header.blockAlign,
    );
  }

  /** Where the dialogue section holding `byte` (or the next one, in a pause) ends. */
  dialogueEnd(byte: number): number {
    let start = 0;
    for (let cycle = 0; ; cycle += 1) {
      const end = start + this.#samples.byteLength;
      if (byte < end + this.#pause(cycle))
        return byte < end ? end : end + this.#pause(cycle) + this.#samples.byteLength;
      start = end + this.#pause(cycle);
    }
  }

  /** Copies `out.byteLength` bytes of the tape, from `byte` on, into `out`. */
  read(out: Uint8Array, byte: number): void {
    let start = 0;
    let cycle = 0;
    let written = 0;
    while (written < out.byteLength) {
      const at = byte + written;
      const end = start + this.#samples.byteLength;
      const pauseEnd = end + this.#pause(cycle);
      if (at >= pauseEnd) {
        start = pauseEnd;
        cycle += 1;
        continue;
      }
      const sectionEnd = at < end ? end : pauseEnd;
      const length = Math.min(out.byteLength - written, sectionEnd - at);
      // A pause is silence: the buffer is already zeros there.
      if (at < end) out.set(this.#samples.subarray(at - start, at - start + length), written);
      written += length;
    }
  }

  #pause(cycle: number): number {
    return this.#pauses[cycle % this.#pauses.length] ?? 0;
  }
}

/** A file of `frames` sample frames of the tape, from `startFrame` on. */
function speechFile(header: WavHeader, tape: Tape, startFrame: number, frames: number): SpeechFile {
  const dataBytes = frames * header.blockAlign;
  const head = wavHeader(header, dataBytes);
  const startByte = startFrame * header.blockAlign;
  return {
    size: HEADER_BYTES + dataBytes,
    seconds: frames / header.sampleRate,
    read(start, end) {
      const from = Math.max(0, start);
      const to = Math.min(end, HEADER_BYTES + dataBytes);
      const out = new Uint8Array(Math.max(0, to - from));
      const headBytes = Math.max(0, Math.min(HEADER_BYTES, to) - from);
      if (headBytes > 0) out.set(head.subarray(from, from + headBytes), 0);
      const dataFrom = Math.max(from, HEADER_BYTES);
      if (to > dataFrom) tape.read(out.subarray(dataFrom - from), startByte + dataFrom - HEADER_BYTES);
      return out;
    },
  };
}

/**
 * The chunks of a recording, end to end along the tape: together they play the dialogue in order
 * (and, past its end, again after a pause).
 */
export function speechChunks(source: Speech, lengths: readonly ChunkLength[]): SpeechFile[] {
  const { header } = source;
  const tape = new Tape(source);
  let startFrame = 0;
  return lengths.map((length) => {
    const frames =
      length === 'rest'
        ? tape.dialogueEnd(startFrame * header.blockAlign) / header.blockAlign - startFrame
        : Math.round(length * header.sampleRate);
    const file = speechFile(header, tape, startFrame, frames);
    startFrame += frames;
    return file;
  });
}

export const TRANSCRIPT_URL = '/fixtures/visit-demo.transcript.json';

/** A line of the dialogue's transcript, with when it is said (seconds). */
export interface TranscriptLine {
  speaker: 'clinician' | 'patient';
  text: string;
  start: number;
  end: number;
}

/** The dialogue's transcript (visit-demo.transcript.json), as a note-review screen would show it. */
export async function loadTranscript(): Promise<TranscriptLine[]> {
  const response = await fetch(TRANSCRIPT_URL);
  if (!response.ok) throw new Error(`${TRANSCRIPT_URL} answered ${response.status}`);
  const { lines } = (await response.json()) as { lines: TranscriptLine[] };
  return lines;
}
