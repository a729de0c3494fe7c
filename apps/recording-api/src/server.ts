import { serve, type ServerType } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import type { AccessLogEntry } from './accessLog';
import { createCatalogue, type CatalogueSession } from './catalogue';
import { bodyStream } from './bodyStream';
import { Link, seededRandom, sleep, type Faults } from './faults';
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
}

export interface RecordingApi {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Replaces the faults, server-wide or for one session. */
  setFaults(faults: Faults, sessionId?: string): void;
  stats(): RecordingApiStats;
  /** Every access-log entry so far. */
  accessLog: readonly AccessLogEntry[];
  stop(): Promise<void>;
}

const SESSION_ID = /^[A-Za-z0-9._-]{1,128}$/;
const API_HEADERS = 'sdp_suki_token, sdp_provider_id, content-type, accept';

/** Starts the reference server: the vendor recording API and its presigned object storage. */
export async function startRecordingApi(options: RecordingApiOptions = {}): Promise<RecordingApi> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const catalogue = createCatalogue();
  const tokens = options.tokens ?? { 'dev-token': 'dev' };
  const flavour = options.flavour ?? 's3';
  const signer = new UrlSigner(options.secret ?? randomBytes(32).toString('hex'), flavour);
  const cors = options.cors ?? true;
  const processingMs = (options.processingSeconds ?? 20) * 1000;
  const random = seededRandom(options.seed ?? 42);
  let serverFaults: Faults = { ...options.faults };
  const sessionFaults = new Map(Object.entries(options.sessionFaults ?? {}));
  const accessLog: AccessLogEntry[] = [];
  const stats: RecordingApiStats = { api: {}, storage: {}, storageBytes: 0 };
  let origin = '';
  const s3 = options.s3 ? createS3Backend(options.s3) : null;
  const link = new Link();

  const faultsFor = (sessionId: string | null): Faults => ({
    ...serverFaults,
    ...(sessionId ? sessionFaults.get(sessionId) : undefined),
  });
  const log = (entry: Omit<AccessLogEntry, 'time'>) => {
    const full = { time: new Date(now()).toISOString(), ...entry };
    accessLog.push(full);
    options.log?.(full);
  };
  const lifetimeSeconds = (session: CatalogueSession, download: boolean) => {
    if (options.ttlSeconds !== undefined) return options.ttlSeconds;
    if (download) return 3600;
    return session.durationSeconds > 900 ? Math.ceil(session.durationSeconds) + 600 : 900;
  };

  const app = new Hono();

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
    if (faults.latencyMs) await sleep(faults.latencyMs);
    const token = c.req.header('sdp_suki_token');
    const subject = token ? tokens[token] : undefined;
    const download = c.req.query('download') === 'true';
    const mode = download ? 'download' : 'stream';
    const answer = (status: 400 | 401 | 404 | 410 | 503, detail: string) => {
      log({
        event: 'api',
        subject: subject ?? null,
        session: id,
        recording: null,
        mode,
        range: null,
        status,
      });
      return c.json({ detail }, status);
    };
    if (!subject) return answer(401, 'Missing or invalid sdp_suki_token');
    if (!SESSION_ID.test(id)) return answer(400, 'Malformed ambient_session_id');
    if (faults.apiErrorRate && random() < faults.apiErrorRate)
      return answer(503, 'Service temporarily unavailable');
    const session = catalogue.get(id);
    if (!session) return answer(404, 'Recording not found');
    if (session.state === 'expired')
      return answer(410, 'Recording is no longer available (retention is 7 days)');
    if (session.state === 'processing' && now() - startedAt < processingMs) {
      return answer(404, 'Recording not found; audio may still be processing');
    }

    const signedAt = now();
    const ttl = lifetimeSeconds(session, download);
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
        const expiresAt = Math.floor(signedAt / 1000) + ttl;
        const presignedUrl = s3
          ? await s3.presign(session.id, chunk.recordingId, ttl, download)
          : `${origin}${signer.sign({ path, signedAt, expiresInSeconds: ttl, download })}`;
        return {
          recording_id: chunk.recordingId,
          presigned_url: presignedUrl,
          ...(options.expiresAtField === 'omit'
            ? {}
            : { expires_at: options.expiresAtField === 'milliseconds' ? expiresAt * 1000 : expiresAt }),
          sequence_number: chunk.sequence,
          ...(options.streamableField === 'item' || options.streamableField === 'both'
            ? { is_streamable: session.streamable }
            : {}),
        };
      }),
    );
    log({ event: 'api', subject, session: id, recording: null, mode, range: null, status: 200 });
    return c.json({
      recordings: items,
      ...(options.streamableField === 'item' ? {} : { is_streamable: session.streamable }),
    });
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

    const path = new URL(c.req.url).pathname;
    const verified = signer.verify(path, new URL(c.req.url).searchParams);
    if (!verified)
      return xml(
        403,
        flavour === 's3' ? 'SignatureDoesNotMatch' : 'SignatureDoesNotMatch',
        'The request signature is missing or does not match.',
      );
    if (now() >= verified.expiresAt) {
      return flavour === 's3'
        ? xml(403, 'AccessDenied', 'Request has expired')
        : xml(
            400,
            'ExpiredToken',
            'The provided token has expired. Request signature expired at: ' +
              new Date(verified.expiresAt).toISOString(),
          );
    }
    const session = catalogue.get(sessionId);
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
    if (verified.download) headers['Content-Disposition'] = `attachment; filename="${recordingId}.wav"`;
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
    const body = bodyStream(source, start, end, faults, link, (bytes) => {
      stats.storageBytes += bytes;
    });
    return c.body(body, status, headers);
  });

  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  origin = options.publicUrl?.replace(/\/+$/, '') ?? url;

  return {
    url,
    port,
    accessLog,
    setFaults(faults, sessionId) {
      if (sessionId) sessionFaults.set(sessionId, faults);
      else serverFaults = { ...faults };
    },
    stats: () => structuredClone(stats),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
