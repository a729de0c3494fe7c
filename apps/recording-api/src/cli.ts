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
    'expires-at': { type: 'string', default: 'seconds' },
    'streamable-field': { type: 'string', default: 'top' },
    'latency-ms': { type: 'string' },
    'bandwidth-bps': { type: 'string' },
    'link-bps': { type: 'string' },
    'api-error-rate': { type: 'string' },
    'drop-after-bytes': { type: 'string' },
    'quiet-log': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`pnpm recording-api [--port 8787] [--ttl-seconds N] [--processing-seconds N] [--flavour s3|gcs]
  [--no-cors] [--expires-at seconds|omit|milliseconds] [--streamable-field top|item|both]
  [--latency-ms N] [--bandwidth-bps N] [--link-bps N] [--api-error-rate 0..1] [--drop-after-bytes N] [--public-url URL] [--quiet-log]`);
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
    bandwidthBytesPerSecond: number(values['bandwidth-bps']),
    linkBandwidthBytesPerSecond: number(values['link-bps']),
    apiErrorRate: number(values['api-error-rate']),
    dropAfterBytes: number(values['drop-after-bytes']),
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
  expiresAtField: oneOf(values['expires-at'], ['seconds', 'omit', 'milliseconds'] as const, 'expires-at'),
  streamableField: oneOf(values['streamable-field'], ['top', 'item', 'both'] as const, 'streamable-field'),
  faults,
  ...(values['quiet-log'] ? {} : { log: jsonLinesToStdout }),
});

console.log(`Reference recording API on ${api.url}  (header sdp_suki_token: dev-token)`);
console.log(`Sessions: ${[...createCatalogue().keys()].join(', ')}`);

const stop = () => {
  void api.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
