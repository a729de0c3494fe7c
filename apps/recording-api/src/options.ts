import type { AccessLog } from './accessLog';
import type { Faults } from './faults';
import type { S3BackendOptions } from './s3Backend';
import type { SignatureFlavour } from './signer';

export interface RecordingApiOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Listen address; 127.0.0.1 by default. */
  host?: string;
  /** Origin put into presigned URLs, when clients reach the server under another name. */
  publicUrl?: string;
  /** Accepted `sdp_suki_token` values and the subject each stands for. Default `{ 'dev-token': 'dev' }`. */
  tokens?: Record<string, string>;
  /** URL lifetime in seconds for both modes, instead of the documented policy. */
  ttlSeconds?: number;
  /** How long `visit-processing` answers 404 after the server starts. Default 20 s. */
  processingSeconds?: number;
  /** Expiry answers and URL parameters like S3 (403 AccessDenied) or GCS (400 ExpiredToken). Default s3. */
  flavour?: SignatureFlavour;
  /** CORS on the storage; false reproduces a bucket without CORS. Default true (`setCors` at runtime). */
  cors?: boolean;
  /** false: download URLs are served without `Content-Disposition: attachment`. Default true. */
  contentDisposition?: boolean;
  /**
   * `expires_at` in seconds (the contract), omitted (read it from the URL), wrongly in milliseconds
   * (× 1000) or microseconds (× 1e6), or `far`: in seconds but 60 days after signing (a lie: the URL
   * itself still expires per the policy).
   */
  expiresAtField?: 'seconds' | 'omit' | 'milliseconds' | 'microseconds' | 'far';
  /** `is_streamable` at the top level (official reference), on each item, or both. */
  streamableField?: 'top' | 'item' | 'both';
  /** Faults for every request. */
  faults?: Faults;
  /** Faults for one session's API and storage requests (merged over `faults`). */
  sessionFaults?: Record<string, Faults>;
  /** Seed of the 5xx fault generator. */
  seed?: number;
  /** Access log sink; default: kept in memory only (the CLI prints JSON lines). */
  log?: AccessLog;
  /** HMAC secret of the embedded signer; random per start by default. */
  secret?: string;
  /** Mint real SigV4 URLs for an S3-compatible store instead of serving the embedded storage. */
  s3?: S3BackendOptions;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * The server's clock is `now() + clockOffsetMs` (default 0): signing dates, `expires_at`, expiry
   * checks, processing windows, the access log and the `Date` header all use it. `setClockOffset`
   * changes it at runtime.
   */
  clockOffsetMs?: number;
  /** Serve the admin surface (`POST /admin/cors`, `/admin/processing`, `/admin/faults`). Default false. */
  admin?: boolean;
}
