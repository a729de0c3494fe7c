export { startRecordingApi, type RecordingApi, type RecordingApiStats } from './server';
export type { RecordingApiOptions } from './options';
export { parseFaults, type Faults } from './faults';
export type { AccessLog, AccessLogEntry } from './accessLog';
export {
  chunkedSession,
  createCatalogue,
  findSession,
  hostileUrls,
  HUGE_BODY_BYTES,
  type CatalogueChunk,
  type CatalogueSession,
} from './catalogue';
export { createS3Backend, type S3Backend, type S3BackendOptions } from './s3Backend';
