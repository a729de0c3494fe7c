import { urlExpiry } from '@ambient-audio/core';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { loadSpeech, speechChunks, type ChunkLength, type SpeechFile } from './speech';

/**
 * Object storage for the stories, on the page's own origin: msw handlers that answer presigned URLs
 * such as `/story-storage/<session>/<n>.wav?X-Amz-Date=…&X-Amz-Expires=900&X-Amz-Signature=story`
 * the way S3 does. The player streams through `<audio>` with Range requests and reads waveform
 * samples with `fetch` Range requests, so a Range is answered 206 with `Content-Range`, a request
 * without one 200 with the whole file; a bucket that cannot stream ignores Range (200, whole file).
 */

export const STORAGE_PATH = '/story-storage';
const SIGNATURE = 'story';
/** Bytes per piece of a streamed answer: an open-ended Range (`bytes=0-`) of a 38 MB file is built as it is read. */
const PIECE_BYTES = 64 * 1024;

export interface StorageOptions {
  /** false: the bucket ignores Range and always sends the whole file, as the player's download mode expects. */
  streamable?: boolean;
  /** Spread every whole-file answer over about this long, so a download shows its progress. */
  wholeFileMs?: number;
  /** Every request fails as a network error does (offline, the storage down). */
  unreachable?: boolean;
}

/** `YYYYMMDDTHHMMSSZ`, the form of SigV4's `X-Amz-Date`. */
function amzDate(at: number): string {
  return new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The presigned URL of chunk `index` (0-based) of a story's session, signed at `signedAt`. */
export function presignedUrl(
  session: string,
  index: number,
  { signedAt, expiresInSeconds, download }: { signedAt: number; expiresInSeconds: number; download: boolean },
): string {
  const file = `${index + 1}.wav`;
  const query = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `STORYBOOK/${amzDate(signedAt).slice(0, 8)}/us-east-1/s3/aws4_request`,
    'X-Amz-Date': amzDate(signedAt),
    'X-Amz-Expires': String(expiresInSeconds),
    'X-Amz-SignedHeaders': 'host',
    ...(download ? { 'response-content-disposition': `attachment; filename="${session}-${file}"` } : {}),
    'X-Amz-Signature': SIGNATURE,
  });
  return `${location.origin}${STORAGE_PATH}/${encodeURIComponent(session)}/${file}?${query}`;
}

function s3Error(status: number, code: string, message: string) {
  return new HttpResponse(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    {
      status,
      headers: { 'Content-Type': 'application/xml' },
    },
  );
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against a file of `size` bytes; null when unsatisfiable. */
function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    return suffix > 0 ? { start: Math.max(0, size - suffix), end: size - 1 } : null;
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start < size && start <= end ? { start, end } : null;
}

/** Bytes [start, end] of the file as a stream built piece by piece while it is read (or paced). */
function body(file: SpeechFile, start: number, end: number, paceMs: number): ReadableStream<Uint8Array> {
  const length = end - start + 1;
  const pieces = paceMs > 0 ? 24 : Math.ceil(length / PIECE_BYTES);
  const pieceBytes = Math.max(1, Math.ceil(length / pieces));
  let at = start;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (at > end) {
          controller.close();
          return;
        }
        if (paceMs > 0) await new Promise((resolve) => setTimeout(resolve, paceMs / pieces));
        const next = Math.min(end + 1, at + pieceBytes);
        controller.enqueue(file.read(at, next));
        at = next;
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * The storage handlers for one story's session: its chunks are cut from the dialogue in order
 * (`lengths`, as in `speechChunks`), and only URLs of this session with a valid, unexpired
 * signature are served.
 */
export function storageHandlers(
  session: string,
  lengths: readonly ChunkLength[],
  { streamable = true, wholeFileMs = 0, unreachable = false }: StorageOptions = {},
): HttpHandler[] {
  let files: Promise<SpeechFile[]> | null = null;
  const filesOf = () => (files ??= loadSpeech().then((speech) => speechChunks(speech, lengths)));
  return [
    http.get(`*${STORAGE_PATH}/${encodeURIComponent(session)}/:file`, async ({ request, params }) => {
      if (unreachable) return HttpResponse.error();
      const url = new URL(request.url);
      if (url.searchParams.get('X-Amz-Signature') !== SIGNATURE) {
        return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match.');
      }
      const expiresAt = urlExpiry(request.url);
      if (expiresAt === null || Date.now() > expiresAt) {
        return s3Error(403, 'AccessDenied', 'Request has expired');
      }
      const index = Number(/^(\d+)\.wav$/.exec(String(params['file']))?.[1] ?? 0) - 1;
      const file = (await filesOf())[index];
      if (!file) return s3Error(404, 'NoSuchKey', 'The specified key does not exist.');

      const headers: Record<string, string> = {
        'Content-Type': 'audio/wav',
        'Accept-Ranges': streamable ? 'bytes' : 'none',
        'Cache-Control': 'private, no-store',
      };
      const disposition = url.searchParams.get('response-content-disposition');
      if (disposition) headers['Content-Disposition'] = disposition;
      const rangeHeader = streamable ? request.headers.get('Range') : null;
      if (rangeHeader === null) {
        headers['Content-Length'] = String(file.size);
        return new HttpResponse(body(file, 0, file.size - 1, wholeFileMs), { status: 200, headers });
      }
      const range = parseRange(rangeHeader, file.size);
      if (!range) {
        return new HttpResponse(null, { status: 416, headers: { 'Content-Range': `bytes */${file.size}` } });
      }
      headers['Content-Range'] = `bytes ${range.start}-${range.end}/${file.size}`;
      headers['Content-Length'] = String(range.end - range.start + 1);
      return new HttpResponse(body(file, range.start, range.end, 0), { status: 206, headers });
    }),
  ];
}
