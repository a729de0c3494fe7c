export { startRecordingApi, type RecordingApi, type RecordingApiStats } from './server';
export type { RecordingApiOptions } from './options';
export type { Faults } from './faults';
export type { AccessLog, AccessLogEntry } from './accessLog';
export { createCatalogue, type CatalogueSession } from './catalogue';
export { createS3Backend, type S3Backend, type S3BackendOptions } from './s3Backend';
