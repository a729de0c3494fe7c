import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wavBytes } from './wavBytes';

export interface RangeServerOptions {
  /** Total file size. */
  size: number;
  /** Bytes of the file in [start, end). */
  read: (start: number, end: number) => Uint8Array;
  /** Answer this instead of the file, e.g. an expiry error; return null to serve normally. */
  intercept?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Serve whole files only (a storage that ignores Range). */
  ignoreRange?: boolean;
  /** Drop the connection after this many body bytes of a response. */
  dropAfterBytes?: number;
  /** Leave out `Content-Range` (a bucket that does not expose it to the page behaves alike). */
  hideContentRange?: boolean;
  /** Milliseconds to wait before answering each request (latency, so requests overlap). */
  delayMs?: number;
}

export interface RangeServer {
  url: string;
  /** Body bytes sent so far, requests answered, their Range headers and URLs, and the most at once. */
  stats: { bytes: number; requests: number; ranges: string[]; paths: string[]; maxInFlight: number };
  close(): Promise<void>;
}

/** A small Range-capable file server on 127.0.0.1 for tests, with a byte counter. */
export async function startRangeServer(options: RangeServerOptions): Promise<RangeServer> {
  const stats = { bytes: 0, requests: 0, ranges: [] as string[], paths: [] as string[], maxInFlight: 0 };
  let inFlight = 0;
  const server = createServer((request, response) => {
    stats.requests += 1;
    stats.paths.push(request.url ?? '');
    inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    response.on('close', () => {
      inFlight -= 1;
    });
    if (options.delayMs) {
      const timer = setTimeout(() => answer(request, response), options.delayMs);
      response.on('close', () => clearTimeout(timer));
    } else answer(request, response);
  });

  function answer(request: IncomingMessage, response: ServerResponse) {
    if (options.intercept?.(request, response)) return;
    const range = options.ignoreRange ? undefined : request.headers.range;
    stats.ranges.push(range ?? '');
    let start = 0;
    let end = options.size;
    const headers: Record<string, string> = {
      'Content-Type': 'audio/wav',
      'Access-Control-Allow-Origin': '*',
    };
    if (range) {
      const match = /^bytes=(\d+)-(\d*)$/.exec(range);
      start = Number(match?.[1] ?? 0);
      end = match?.[2] ? Math.min(options.size, Number(match[2]) + 1) : options.size;
      if (!match || start >= options.size) {
        response.writeHead(416, { 'Content-Range': `bytes */${options.size}` }).end();
        return;
      }
      if (!options.hideContentRange) headers['Content-Range'] = `bytes ${start}-${end - 1}/${options.size}`;
    }
    headers['Content-Length'] = String(end - start);
    response.writeHead(range ? 206 : 200, headers);
    const body = options.read(start, end);
    if (options.dropAfterBytes !== undefined && body.byteLength > options.dropAfterBytes) {
      stats.bytes += options.dropAfterBytes;
      response.write(body.subarray(0, options.dropAfterBytes), () => response.destroy());
      return;
    }
    stats.bytes += body.byteLength;
    response.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bucket/recording.wav?X-Amz-Signature=secret-signature`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A long 16 kHz mono 16-bit WAV computed on demand, byte range by byte range, so an hour-long
 * file costs no memory: speech-like bursts with a loud marker at a known time.
 */
export function longWav(minutes: number): { size: number; read: (start: number, end: number) => Uint8Array } {
  const sampleRate = 16000;
  const dataBytes = minutes * 60 * sampleRate * 2;
  // 44 bytes of header declaring the whole length; the samples are computed per range below.
  const header = wavBytes({ frames: 0, declaredDataSize: dataBytes });
  const size = 44 + dataBytes;
  const sampleAt = (i: number) => {
    const second = i / sampleRate;
    const loud = Math.floor(second / 2) % 2 === 0 ? 0.6 : 0.1;
    return Math.round(Math.sin(i / 7) * loud * 32767);
  };
  return {
    size,
    read(start, end) {
      const out = new Uint8Array(end - start);
      const outView = new DataView(out.buffer);
      for (let at = start; at < Math.min(end, 44); at += 1) out[at - start] = header[at] ?? 0;
      const first = Math.max(start, 44);
      for (let at = first - ((first - 44) % 2); at < end; at += 2) {
        const value = sampleAt((at - 44) / 2);
        if (at >= start && at + 1 < end) outView.setInt16(at - start, value, true);
        else if (at >= start) out[at - start] = value & 0xff;
        else if (at + 1 < end) out[at + 1 - start] = (value >> 8) & 0xff;
      }
      return out;
    },
  };
}
