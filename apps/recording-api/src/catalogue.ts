import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSource, memorySource, type AudioSource } from './audioSource';
import { seededRandom } from './faults';
import { synthesizedWav, wavHeader, type WavFormat } from './wavSynth';

/** One stored object of a session: a chunk of its audio. */
export interface CatalogueChunk {
  recordingId: string;
  sequence: number;
  source: () => Promise<AudioSource>;
  /** A fixed `presigned_url` answered instead of a signed storage URL (hostile answers). */
  presignedUrl?: string;
}

export interface CatalogueSession {
  id: string;
  /** Audio length in seconds (sets the streaming URL lifetime per the documented policy). */
  durationSeconds: number;
  chunks: CatalogueChunk[];
  /** `ready`; `processing`: 404 until processingSeconds after start; `expired`: 410 (older than 7 days). */
  state: 'ready' | 'processing' | 'expired';
  /** false: `is_streamable: false` and the storage ignores Range. */
  streamable: boolean;
  /** What the storage says the object is; audio/wav unless a scenario lies about it. */
  contentType?: string;
  /** URL lifetime in seconds whatever the mode and `ttlSeconds` (hostile answers: 15 minutes). */
  lifetimeSeconds?: number;
  /** The API answer is padded to exactly this many bytes with a giant `padding` field, streamed. */
  answerBytes?: number;
  description: string;
}

const speech16k: WavFormat = { encoding: 'pcm', bits: 16, channels: 1, sampleRate: 16000 };

/** Each chunk's source is made on first use and kept, so a session costs nothing until it is asked for. */
function once(make: () => Promise<AudioSource>): () => Promise<AudioSource> {
  let source: Promise<AudioSource> | null = null;
  return () => (source ??= make());
}

function synthesized(id: string, seconds: number, format: WavFormat, description: string): CatalogueSession {
  return {
    id,
    durationSeconds: seconds,
    state: 'ready',
    streamable: true,
    description,
    chunks: [
      { recordingId: `${id}-1`, sequence: 1, source: once(async () => synthesizedWav(format, seconds)) },
    ],
  };
}

// Path arithmetic rather than `new URL(…, import.meta.url)`: a DOM test environment (jsdom) swaps
// the global URL class, which node:url's fileURLToPath does not accept.
const demoWav = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'visit-demo.wav');

/** The presigned URLs of the `hostile-url-*` sessions: schemes a player must never hand to a media element. */
export const hostileUrls = {
  'hostile-url-javascript': 'javascript:alert(document.domain)//',
  'hostile-url-vbscript': 'vbscript:msgbox(1)',
  'hostile-url-data': 'data:audio/wav;base64,UklGRg==',
  'hostile-url-file': 'file:///etc/passwd',
  'hostile-url-ftp': 'ftp://example.com/a.wav',
  'hostile-url-blob': 'blob:https://example.com/0b0e4d0e-0000-4000-8000-000000000000',
} as const;

/** Size of the `hostile-huge-body` answer: 50 MiB of JSON. */
export const HUGE_BODY_BYTES = 50 * 1024 * 1024;

const CHUNKED = /^visit-chunks-([1-9]\d{0,4})$/;
export const CHUNKED_MIN = 2;
export const CHUNKED_MAX = 10_000;
const CHUNK_SECONDS = 2;

/** One 2-second source shared by every chunk of every `visit-chunks-N` session: no memory per chunk. */
const sharedChunk = once(async () => synthesizedWav(speech16k, CHUNK_SECONDS));

/**
 * `visit-chunks-N` (N an integer 2..10000, no leading zero): a ready, streamable session of N chunks
 * of 2 s each, recording ids `visit-chunks-N-<seq>`, listed in a shuffled order seeded by N (the
 * same on every run) with sequence numbers 1..N. Null for any other id.
 */
export function chunkedSession(id: string): CatalogueSession | null {
  const match = CHUNKED.exec(id);
  const count = Number(match?.[1]);
  if (!match || count < CHUNKED_MIN || count > CHUNKED_MAX) return null;
  const order = Array.from({ length: count }, (_, i) => i + 1);
  const random = seededRandom(count);
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return {
    id,
    durationSeconds: count * CHUNK_SECONDS,
    state: 'ready',
    streamable: true,
    description: `${count} chunks of ${CHUNK_SECONDS} s, 16 kHz mono 16-bit, listed shuffled`,
    chunks: order.map((sequence) => ({ recordingId: `${id}-${sequence}`, sequence, source: sharedChunk })),
  };
}

/** A catalogue session, or a generated one (`visit-chunks-N`); undefined when the id is unknown. */
export function findSession(
  catalogue: Map<string, CatalogueSession>,
  id: string,
): CatalogueSession | undefined {
  return catalogue.get(id) ?? chunkedSession(id) ?? undefined;
}

/** The fixed session ids the reference server knows, per the contract's scenarios. */
export function createCatalogue(): Map<string, CatalogueSession> {
  const sessions: CatalogueSession[] = [
    {
      id: 'visit-demo',
      durationSeconds: 136.52,
      state: 'ready',
      streamable: true,
      description: 'A 2¼-minute primary-care dialogue, two synthesized voices (fixtures/visit-demo.*)',
      chunks: [
        { recordingId: '01KFJZTJWZH28GRHQXVCGW4Y47', sequence: 1, source: once(() => fileSource(demoWav)) },
      ],
    },
    synthesized('visit-5min', 5 * 60, speech16k, '5 minutes, 16 kHz mono 16-bit'),
    synthesized('visit-60min', 60 * 60, speech16k, '60 minutes, 16 kHz mono 16-bit (115 MB)'),
    synthesized('visit-120min', 120 * 60, speech16k, '120 minutes, 16 kHz mono 16-bit (230 MB)'),
    synthesized(
      'visit-60min-stereo',
      60 * 60,
      { encoding: 'pcm', bits: 16, channels: 2, sampleRate: 44100 },
      '60 minutes, 44.1 kHz stereo 16-bit (635 MB)',
    ),
    {
      id: 'visit-multichunk',
      durationSeconds: 90,
      state: 'ready',
      streamable: true,
      description: 'Three chunks of 30 s each, listed out of order',
      chunks: [3, 1, 2].map((sequence) => ({
        recordingId: `visit-multichunk-${sequence}`,
        sequence,
        source: once(async () => synthesizedWav({ ...speech16k, seed: sequence + 1 }, 30)),
      })),
    },
    {
      ...synthesized('visit-processing', 45, speech16k, 'Uploaded audio still processing: 404, then ready'),
      state: 'processing',
    },
    { ...synthesized('visit-expired', 60, speech16k, 'Older than 7 days: 410'), state: 'expired' },
    {
      ...synthesized(
        'visit-not-streamable',
        40,
        speech16k,
        'is_streamable: false; the storage ignores Range',
      ),
      streamable: false,
    },
    synthesized('wav-24bit', 20, { ...speech16k, bits: 24 }, '24-bit PCM'),
    synthesized('wav-float32', 20, { ...speech16k, encoding: 'float', bits: 32 }, '32-bit float'),
    synthesized(
      'wav-stereo-44k',
      20,
      { encoding: 'pcm', bits: 16, channels: 2, sampleRate: 44100 },
      '44.1 kHz stereo',
    ),
    synthesized('wav-extensible', 20, { ...speech16k, extensible: true }, 'WAVE_FORMAT_EXTENSIBLE'),
    synthesized('wav-list-chunk', 20, { ...speech16k, listChunk: true }, 'odd-sized LIST chunk before data'),
    synthesized(
      'wav-streaming-header',
      20,
      { ...speech16k, streamingHeader: true },
      'RIFF and data sizes 0xFFFFFFFF',
    ),
    // Bad audio, for hardening: the player must say something clear and stay bounded.
    {
      ...synthesized('bad-truncated', 60, speech16k, 'Header claims 60 s; the file stops after 8 s'),
      chunks: [
        {
          recordingId: 'bad-truncated-1',
          sequence: 1,
          source: once(async () => memorySource(await synthesizedWav(speech16k, 60).read(0, 44 + 8 * 32000))),
        },
      ],
    },
    {
      ...synthesized('bad-not-wav', 30, speech16k, 'An HTML error page stored where the WAV should be'),
      chunks: [
        {
          recordingId: 'bad-not-wav-1',
          sequence: 1,
          source: once(async () =>
            memorySource(
              new TextEncoder().encode(
                `<!doctype html><title>502</title>${'<p>Bad gateway</p>'.repeat(4000)}`,
              ),
            ),
          ),
        },
      ],
    },
    {
      ...synthesized('bad-lying-header', 30, speech16k, 'Header sizes claim 2 GB of data in a 30 s file'),
      chunks: [
        {
          recordingId: 'bad-lying-header-1',
          sequence: 1,
          source: once(async () => {
            const body = await synthesizedWav(speech16k, 30).read(44, 44 + 30 * 32000);
            const header = wavHeader(speech16k, 30);
            new DataView(header.buffer).setUint32(40, 2_000_000_000, true);
            const out = new Uint8Array(header.byteLength + body.byteLength);
            out.set(header);
            out.set(body, header.byteLength);
            return memorySource(out);
          }),
        },
      ],
    },
    {
      ...synthesized('bad-content-type', 20, speech16k, 'A valid WAV served as text/plain'),
      contentType: 'text/plain',
    },
    // Hostile answers, for hardening: the player must refuse them and say something clear.
    ...Object.entries(hostileUrls).map(([id, presignedUrl]): CatalogueSession => ({
      ...synthesized(id, 2, speech16k, `presigned_url ${presignedUrl}`),
      lifetimeSeconds: 900,
      chunks: [{ recordingId: `${id}-1`, sequence: 1, presignedUrl, source: sharedChunk }],
    })),
    {
      ...synthesized(
        'hostile-huge-body',
        2,
        speech16k,
        'A 200 answer of 50 MiB: valid shape, giant padding field',
      ),
      answerBytes: HUGE_BODY_BYTES,
    },
  ];
  return new Map(sessions.map((session) => [session.id, session]));
}
