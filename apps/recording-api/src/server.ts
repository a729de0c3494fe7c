import { serve, type ServerType } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Hono, type Context } from 'hono';
import type { AccessLogEntry } from './accessLog';
import { createCatalogue, findSession, type CatalogueSession } from './catalogue';
import { bodyStream } from './bodyStream';
import { Link, parseFaults, seededRandom, sleep, type Faults } from './faults';
import type { RecordingApiOptions } from './options';
import { parseRange } from './range';
import { createS3Backend } from './s3Backend';
import { UrlSigner } from './signer';

export interface RecordingApiStats {
  /** API requests per session id. */
  api: Record<string, number>;
  /** Storage requests per session id. */
  storage: Record<string, number>;
  storageBytes: number;
  /**
   * The same bytes by the request's `Sec-Fetch-Dest`: `audio` for a media element's reads, `empty`
   * for `fetch()` (a page's or a worker's), `other` for anything else or no header. A benchmark can
   * tell what a player's element read from what its own code read.
   */
  storageBytesByDest: Record<StorageDest, number>;
}

export type StorageDest = 'audio' | 'empty' | 'other';

const storageDest = (header: string | undefined): StorageDest =>
  header === 'audio' || header === 'empty' ? header : 'other';

export interface RecordingApi {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Replaces the faults, server-wide or for one session. */
  setFaults(faults: Faults, sessionId?: string): void;
  /** Moves the server's clock to `now() + ms` (signing, `expires_at`, expiry checks, `Date`). */
  setClockOffset(ms: number): void;
  /** Turns the storage's CORS on or off. */
  setCors(enabled: boolean): void;
  /**
   * The session (default `visit-processing`) answers 404 "still processing" again for `seconds`
   * (default the `processingSeconds` option), counted from this call on the server's clock.
   * Throws for an unknown session or a negative or non-finite `seconds`.
   */
  restartProcessing(sessionId?: string, seconds?: number): void;
  stats(): RecordingApiStats;
  /** Every access-log entry so far. */
  accessLog: readonly AccessLogEntry[];
  /** Closes every connection (held `apiHang` requests too) and the server; safe to call twice. */
  stop(): Promise<void>;
}

const SESSION_ID = /^[A-Za-z0-9._-]{1,128}$/;
const API_HEADERS = 'sdp_suki_token, sdp_provider_id, content-type, accept';
const ADMIN_BODY_LIMIT = 64 * 1024;
const FAR_SECONDS = 60 * 24 * 3600;

/** Starts the reference server: the vendor recording API and its presigned object storage. */
export async function startRecordingApi(options: RecordingApiOptions = {}): Promise<RecordingApi> {
  const now = options.now ?? Date.now;
  let clockOffsetMs = finite(options.clockOffsetMs ?? 0, 'clockOffsetMs');
  /** The server's clock: everything it signs, checks, logs and dates. */
  const serverNow = () => now() + clockOffsetMs;
  const startedAt = serverNow();
  const catalogue = createCatalogue();
  // Own entries only: a token such as `constructor` or `__proto__` must not find Object.prototype.
  const tokens = new Map(Object.entries(options.tokens ?? { 'dev-token': 'dev' }));
  const flavour = options.flavour ?? 's3';
  const signer = new UrlSigner(options.secret ?? randomBytes(32).toString('hex'), flavour);
  let cors = options.cors ?? true;
  const contentDisposition = options.contentDisposition ?? true;
  const processingSeconds = options.processingSeconds ?? 20;
  /** Until when (server clock, ms) a session answers 404 "still processing". */
  const processingUntil = new Map<string, number>(
    [...catalogue.values()]
      .filter((session) => session.state === 'processing')
      .map((session) => [session.id, startedAt + processingSeconds * 1000]),
  );
  const random = seededRandom(options.seed ?? 42);
  let serverFaults: Faults = { ...options.faults };
  const sessionFaults = new Map(Object.entries(options.sessionFaults ?? {}));
  const accessLog: AccessLogEntry[] = [];
  const stats: RecordingApiStats = {
    api: {},
    storage: {},
    storageBytes: 0,
    storageBytesByDest: { audio: 0, empty: 0, other: 0 },
  };
  let origin = '';
  const s3 = options.s3 ? createS3Backend(options.s3) : null;
  const link = new Link();
  /** Requests held by the `apiHang` fault; each releases itself on abort, all are released on stop. */
  const hanging = new Set<() => void>();

  /** Generated sessions (`visit-chunks-N`) are kept for a few ids, so storage requests stay cheap. */
  const generated = new Map<string, CatalogueSession>();
  const lookup = (id: string): CatalogueSession | undefined => {
    const known = catalogue.get(id) ?? generated.get(id);
    if (known) return known;
    const session = findSession(catalogue, id);
    if (session) {
      generated.set(id, session);
      if (generated.size > 8) generated.delete(generated.keys().next().value as string);
    }
    return session;
  };

  const faultsFor = (sessionId: string | null): Faults => ({
    ...serverFaults,
    ...(sessionId ? sessionFaults.get(sessionId) : undefined),
  });
  const log = (entry: Omit<AccessLogEntry, 'time'>) => {
    const full = { time: new Date(serverNow()).toISOString(), ...entry };
    accessLog.push(full);
    options.log?.(full);
  };
  const lifetimeSeconds = (session: CatalogueSession, download: boolean) => {
    if (session.lifetimeSeconds !== undefined) return session.lifetimeSeconds;
    if (options.ttlSeconds !== undefined) return options.ttlSeconds;
    if (download) return 3600;
    return session.durationSeconds > 900 ? Math.ceil(session.durationSeconds) + 600 : 900;
  };
  const expiresAtField = (expiresAt: number, signedAt: number): { expires_at?: number } => {
    switch (options.expiresAtField) {
      case 'omit':
        return {};
      case 'milliseconds':
        return { expires_at: expiresAt * 1000 };
      case 'microseconds':
        return { expires_at: expiresAt * 1_000_000 };
      case 'far':
        return { expires_at: Math.floor(signedAt / 1000) + FAR_SECONDS };
      default:
        return { expires_at: expiresAt };
    }
  };
  const restartProcessing = (sessionId = 'visit-processing', seconds = processingSeconds) => {
    if (!SESSION_ID.test(sessionId) || !lookup(sessionId)) throw new Error('Unknown session id');
    if (!Number.isFinite(seconds) || seconds < 0)
      throw new Error('seconds must be a finite number, 0 or more');
    processingUntil.set(sessionId, serverNow() + seconds * 1000);
  };
  /** Holds a request until the client gives up or the server stops. */
  const hang = (signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const release = () => {
        hanging.delete(release);
        signal.removeEventListener('abort', release);
        resolve();
      };
      hanging.add(release);
      signal.addEventListener('abort', release, { once: true });
    });

  const app = new Hono();

  // Every answer carries the server's clock, so a test can move it; API answers expose it to
  // browsers (Date is not a CORS-safelisted response header), as clients estimate clock skew from it.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Date', new Date(serverNow()).toUTCString());
    if (c.req.path.startsWith('/api/')) c.res.headers.set('Access-Control-Expose-Headers', 'Date');
  });

  app.get('/health', (c) => c.json({ ok: true }));

  app.options('/api/*', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Allow-Methods', 'GET, OPTIONS');
    c.header('Access-Control-Allow-Headers', API_HEADERS);
    c.header('Access-Control-Max-Age', '600');
    return c.body(null, 204);
  });

  app.get('/api/v1/ambient/session/:id/recording', async (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    const id = c.req.param('id');
    stats.api[id] = (stats.api[id] ?? 0) + 1;
    const faults = faultsFor(id);
    const latencyMs = (faults.latencyMs ?? 0) + (faults.apiLatencyMs ?? 0);
    if (latencyMs > 0) await sleep(latencyMs);
    if (faults.apiHang) {
      await hang(c.req.raw.signal);
      return c.body(null, 503);
    }
    const token = c.req.header('sdp_suki_token');
    const subject = token ? tokens.get(token) : undefined;
    const download = c.req.query('download') === 'true';
    const mode = download ? 'download' : 'stream';
    const record = (status: number) =>
      log({
        event: 'api',
        subject: subject ?? null,
        session: id,
        recording: null,
        mode,
        range: null,
        status,
      });
    const answer = (status: 400 | 401 | 404 | 410 | 503, detail: string) => {
      record(status);
      return c.json({ detail }, status);
    };
    if (faults.apiRedirectTo) {
      const { pathname, search } = new URL(c.req.url);
      const target = faults.apiRedirectTo.endsWith('/')
        ? `${faults.apiRedirectTo.slice(0, -1)}${pathname}${search}`
        : faults.apiRedirectTo;
      record(307);
      return c.body(null, 307, { Location: target });
    }
    if (!subject) return answer(401, 'Missing or invalid sdp_suki_token');
    if (!SESSION_ID.test(id)) return answer(400, 'Malformed ambient_session_id');
    if (faults.apiErrorRate && random() < faults.apiErrorRate)
      return answer(503, 'Service temporarily unavailable');
    const session = lookup(id);
    if (!session) return answer(404, 'Recording not found');
    if (session.state === 'expired')
      return answer(410, 'Recording is no longer available (retention is 7 days)');
    if (serverNow() < (processingUntil.get(id) ?? -Infinity)) {
      return answer(404, 'Recording not found; audio may still be processing');
    }

    const signedAt = serverNow();
    const ttl = lifetimeSeconds(session, download);
    const expiresAt = Math.floor(signedAt / 1000) + ttl;
    const items = await Promise.all(
      session.chunks.map(async (chunk) => {
        const path = `/storage/${session.id}/${chunk.recordingId}.wav`;
        log({
          event: 'mint',
          subject,
          session: id,
          recording: chunk.recordingId,
          mode,
          range: null,
          status: 200,
        });
        const presignedUrl =
          chunk.presignedUrl ??
          (s3
            ? await s3.presign(session.id, chunk.recordingId, ttl, download)
            : `${origin}${signer.sign({ path, signedAt, expiresInSeconds: ttl, download })}`);
        return {
          recording_id: chunk.recordingId,
          presigned_url: presignedUrl,
          ...expiresAtField(expiresAt, signedAt),
          sequence_number: chunk.sequence,
          ...(options.streamableField === 'item' || options.streamableField === 'both'
            ? { is_streamable: session.streamable }
            : {}),
        };
      }),
    );
    record(200);
    const body = {
      recordings: items,
      ...(options.streamableField === 'item' ? {} : { is_streamable: session.streamable }),
    };
    if (session.answerBytes !== undefined) {
      return c.body(paddedJson(body, session.answerBytes), 200, { 'Content-Type': 'application/json' });
    }
    return c.json(body);
  });

  app.on(['GET', 'HEAD', 'OPTIONS'], '/storage/:session/:file', async (c) => {
    const sessionId = c.req.param('session');
    const recordingId = c.req.param('file').replace(/\.wav$/, '');
    const corsHeaders: Record<string, string> = cors
      ? {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges, Content-Type',
        }
      : {};
    if (c.req.method === 'OPTIONS') {
      if (!cors) return c.body(null, 403);
      return c.body(null, 204, {
        ...corsHeaders,
        'Access-Control-Allow-Methods': 'GET, HEAD',
        'Access-Control-Allow-Headers': 'Range',
        'Access-Control-Max-Age': '600',
      });
    }
    stats.storage[sessionId] = (stats.storage[sessionId] ?? 0) + 1;
    const faults = faultsFor(sessionId);
    if (faults.latencyMs) await sleep(faults.latencyMs);
    const rangeHeader = c.req.header('Range') ?? null;
    const entry = {
      event: 'storage' as const,
      subject: null,
      session: sessionId,
      recording: recordingId,
      range: rangeHeader,
    };
    const xml = (
      status: 400 | 403 | 404 | 416,
      code: string,
      message: string,
      extra: Record<string, string> = {},
    ) => {
      log({ ...entry, mode: null, status });
      return c.body(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
        status,
        {
          ...corsHeaders,
          'Content-Type': 'application/xml',
          ...extra,
        },
      );
    };

    const requestUrl = new URL(c.req.url);
    const verified = signer.verify(requestUrl.pathname, requestUrl.search.slice(1));
    if (!verified)
      return xml(403, 'SignatureDoesNotMatch', 'The request signature is missing or does not match.');
    if (serverNow() >= verified.expiresAt) {
      return flavour === 's3'
        ? xml(403, 'AccessDenied', 'Request has expired')
        : xml(
            400,
            'ExpiredToken',
            'The provided token has expired. Request signature expired at: ' +
              new Date(verified.expiresAt).toISOString(),
          );
    }
    const session = lookup(sessionId);
    const chunk = session?.chunks.find((item) => item.recordingId === recordingId);
    if (!session || !chunk) return xml(404, 'NoSuchKey', 'The specified key does not exist.');
    const source = await chunk.source();
    const mode = verified.download ? 'download' : 'stream';
    const range = session.streamable
      ? parseRange(rangeHeader ?? undefined, source.size)
      : ({ kind: 'full' } as const);
    const headers: Record<string, string> = {
      ...corsHeaders,
      'Content-Type': session.contentType ?? 'audio/wav',
      'Cache-Control': 'private, max-age=0',
    };
    if (session.streamable) headers['Accept-Ranges'] = 'bytes';
    if (verified.download && contentDisposition)
      headers['Content-Disposition'] = `attachment; filename="${recordingId}.wav"`;
    if (range.kind === 'unsatisfiable')
      return xml(416, 'InvalidRange', 'The requested range is not satisfiable', {
        'Content-Range': `bytes */${source.size}`,
      });
    const [start, end, status] =
      range.kind === 'partial' ? [range.start, range.end, 206 as const] : [0, source.size, 200 as const];
    if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end - 1}/${source.size}`;
    headers['Content-Length'] = String(end - start);
    log({ ...entry, mode, status });
    if (c.req.method === 'HEAD') return c.body(null, status, headers);
    const dest = storageDest(c.req.header('Sec-Fetch-Dest'));
    const body = bodyStream(source, start, end, faults, link, (bytes) => {
      stats.storageBytes += bytes;
      stats.storageBytesByDest[dest] += bytes;
    });
    return c.body(body, status, headers);
  });

  if (options.admin) {
    const adminCors = { 'Access-Control-Allow-Origin': '*' };
    app.options('/admin/*', (c) =>
      c.body(null, 204, {
        ...adminCors,
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'content-type',
        'Access-Control-Max-Age': '600',
      }),
    );
    /** One admin command: a JSON object with only `allowed` keys, handled or refused with 400. */
    const command = (
      path: string,
      allowed: readonly string[],
      handle: (body: Record<string, unknown>) => string | Record<string, unknown>,
    ) =>
      app.post(path, async (c: Context) => {
        const refuse = (status: 400 | 413, error: string) => c.json({ error }, status, adminCors);
        const text = await c.req.text();
        if (text.length > ADMIN_BODY_LIMIT) return refuse(413, 'body too large');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return refuse(400, 'body must be JSON');
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          return refuse(400, 'body must be a JSON object');
        const unknown = Object.keys(body).find((key) => !allowed.includes(key));
        if (unknown !== undefined)
          return refuse(400, `unknown field ${JSON.stringify(unknown.slice(0, 64))}`);
        const result = handle(body as Record<string, unknown>);
        if (typeof result === 'string') return refuse(400, result);
        return c.json({ ok: true, ...result }, 200, adminCors);
      });
    const sessionIdOf = (body: Record<string, unknown>): string | undefined | null => {
      if (body.sessionId === undefined) return undefined;
      return typeof body.sessionId === 'string' && SESSION_ID.test(body.sessionId) ? body.sessionId : null;
    };

    command('/admin/cors', ['enabled'], (body) => {
      if (typeof body.enabled !== 'boolean') return 'enabled must be a boolean';
      cors = body.enabled;
      return { cors };
    });
    command('/admin/processing', ['sessionId', 'seconds'], (body) => {
      const sessionId = body.sessionId === undefined ? 'visit-processing' : sessionIdOf(body);
      if (!sessionId || !lookup(sessionId)) return 'sessionId must be a known session id';
      const seconds = body.seconds ?? processingSeconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0)
        return 'seconds must be a finite number, 0 or more';
      restartProcessing(sessionId, seconds);
      return { sessionId, seconds };
    });
    command('/admin/faults', ['sessionId', 'faults'], (body) => {
      const sessionId = sessionIdOf(body);
      if (sessionId === null) return 'sessionId must be a session id';
      if (body.faults === undefined) return 'faults is required';
      const parsed = parseFaults(body.faults);
      if ('error' in parsed) return parsed.error;
      setFaults(parsed.faults, sessionId);
      return {};
    });
  }

  function setFaults(faults: Faults, sessionId?: string) {
    if (sessionId) sessionFaults.set(sessionId, faults);
    else serverFaults = { ...faults };
  }

  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  origin = options.publicUrl?.replace(/\/+$/, '') ?? url;
  let stopped: Promise<void> | null = null;

  return {
    url,
    port,
    accessLog,
    setFaults,
    setClockOffset(ms) {
      clockOffsetMs = finite(ms, 'clock offset');
    },
    setCors(enabled) {
      cors = enabled;
    },
    restartProcessing,
    stats: () => structuredClone(stats),
    stop: () =>
      (stopped ??= new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const release of [...hanging]) release();
      })),
  };
}

function finite(value: number, name: string): number {
  if (!Number.isFinite(value)) throw new Error(`${name} must be a finite number`);
  return value;
}

/**
 * `body` as JSON padded to exactly `bytes` with a giant `padding` string field at the end, streamed
 * piece by piece (chunked, no Content-Length), never built as one string.
 */
function paddedJson(body: object, bytes: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const head = encoder.encode(`${JSON.stringify(body).slice(0, -1)},"padding":"`);
  const tail = encoder.encode('"}');
  const piece = new Uint8Array(256 * 1024).fill(0x78);
  let left = Math.max(0, bytes - head.byteLength - tail.byteLength);
  let stage: 'head' | 'padding' | 'tail' | 'done' = 'head';
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 'head') {
        controller.enqueue(head);
        stage = 'padding';
      } else if (stage === 'padding') {
        const size = Math.min(left, piece.byteLength);
        if (size > 0) controller.enqueue(piece.subarray(0, size));
        left -= size;
        if (left === 0) stage = 'tail';
      } else if (stage === 'tail') {
        controller.enqueue(tail);
        stage = 'done';
      } else {
        controller.close();
      }
    },
  });
}
