import { parseArgs } from 'node:util';
import { jsonLinesToStdout } from './accessLog';
import { createCatalogue } from './catalogue';
import { startRecordingApi } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'public-url': { type: 'string' },
    'ttl-seconds': { type: 'string' },
    'processing-seconds': { type: 'string', default: '20' },
    flavour: { type: 'string', default: 's3' },
    'no-cors': { type: 'boolean', default: false },
    'no-content-disposition': { type: 'boolean', default: false },
    'clock-offset-ms': { type: 'string' },
    'expires-at': { type: 'string', default: 'seconds' },
    'streamable-field': { type: 'string', default: 'top' },
    'latency-ms': { type: 'string' },
    'api-latency-ms': { type: 'string' },
    'bandwidth-bps': { type: 'string' },
    'link-bps': { type: 'string' },
    'api-error-rate': { type: 'string' },
    'drop-after-bytes': { type: 'string' },
    'api-hang': { type: 'boolean', default: false },
    'api-redirect-to': { type: 'string' },
    admin: { type: 'boolean', default: false },
    'quiet-log': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`pnpm recording-api [options]

  --port N                    listen port (default 8787); --host ADDR (default 127.0.0.1)
  --public-url URL            origin written into presigned URLs
  --ttl-seconds N             URL lifetime for both modes, instead of the documented policy
  --processing-seconds N      how long visit-processing answers 404 after start (default 20)
  --flavour s3|gcs            URL parameters and expiry answers (default s3)
  --no-cors                   storage without CORS (a bucket without a CORS policy)
  --no-content-disposition    download URLs served without Content-Disposition: attachment
  --expires-at seconds|omit|milliseconds|microseconds|far
                              expires_at per the contract, missing, x1000, x1e6, or 60 days ahead
  --streamable-field top|item|both
                              where is_streamable goes (default top)
  --clock-offset-ms N         the server's clock runs N ms ahead (negative: behind)
  --latency-ms N              added to every API and storage response
  --api-latency-ms N          added to API responses only (storage answers at once)
  --bandwidth-bps N           per-response storage bandwidth cap, bytes/s
  --link-bps N                shared storage link cap, bytes/s
  --api-error-rate 0..1       share of API requests answered 503 (seeded)
  --drop-after-bytes N        storage responses cut after N body bytes
  --api-hang                  the API never answers
  --api-redirect-to URL       the API answers 307 to URL (path and query appended if URL ends with /)
  --admin                     serve POST /admin/cors, /admin/processing, /admin/faults (demo only)
  --quiet-log                 do not print the access log
  --help                      this text`);
  process.exit(0);
}

const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const oneOf = <T extends string>(value: string, allowed: readonly T[], flag: string): T => {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  console.error(`--${flag} must be one of ${allowed.join(', ')}`);
  process.exit(2);
};

const faults = Object.fromEntries(
  Object.entries({
    latencyMs: number(values['latency-ms']),
    apiLatencyMs: number(values['api-latency-ms']),
    bandwidthBytesPerSecond: number(values['bandwidth-bps']),
    linkBandwidthBytesPerSecond: number(values['link-bps']),
    apiErrorRate: number(values['api-error-rate']),
    dropAfterBytes: number(values['drop-after-bytes']),
    apiHang: values['api-hang'] ? true : undefined,
    apiRedirectTo: values['api-redirect-to'],
  }).filter(([, value]) => value !== undefined),
);

const api = await startRecordingApi({
  port: Number(values.port),
  host: values.host,
  ...(values['public-url'] ? { publicUrl: values['public-url'] } : {}),
  ...(values['ttl-seconds'] ? { ttlSeconds: Number(values['ttl-seconds']) } : {}),
  processingSeconds: Number(values['processing-seconds']),
  flavour: oneOf(values.flavour, ['s3', 'gcs'] as const, 'flavour'),
  cors: !values['no-cors'],
  contentDisposition: !values['no-content-disposition'],
  ...(values['clock-offset-ms'] ? { clockOffsetMs: Number(values['clock-offset-ms']) } : {}),
  admin: values.admin,
  expiresAtField: oneOf(
    values['expires-at'],
    ['seconds', 'omit', 'milliseconds', 'microseconds', 'far'] as const,
    'expires-at',
  ),
  streamableField: oneOf(values['streamable-field'], ['top', 'item', 'both'] as const, 'streamable-field'),
  faults,
  ...(values['quiet-log'] ? {} : { log: jsonLinesToStdout }),
});

console.log(`Reference recording API on ${api.url}  (header sdp_suki_token: dev-token)`);
console.log(`Sessions: ${[...createCatalogue().keys()].join(', ')}, visit-chunks-N (N 2..10000)`);
if (values.admin) console.log('Admin surface on: POST /admin/cors, /admin/processing, /admin/faults');

const stop = () => {
  void api.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
