import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { CatalogueSession } from './catalogue';

/** Any S3-compatible store the API mints real SigV4 presigned URLs for, instead of its own storage. */
export interface S3BackendOptions {
  endpoint?: string;
  region?: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style URLs (`endpoint/bucket/key`), as local stores such as s3rver or MinIO need. */
  forcePathStyle?: boolean;
  /** Prefix of the object keys; the key is `{prefix}{session}/{recording}.wav`. */
  keyPrefix?: string;
}

export interface S3Backend {
  presign(
    sessionId: string,
    recordingId: string,
    expiresInSeconds: number,
    download: boolean,
  ): Promise<string>;
  /** Uploads the catalogue's audio for these sessions (for a staging bucket, or a test). */
  seed(sessions: readonly CatalogueSession[]): Promise<void>;
}

export function createS3Backend(options: S3BackendOptions): S3Backend {
  const client = new S3Client({
    region: options.region ?? 'us-east-1',
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
  });
  const key = (sessionId: string, recordingId: string) =>
    `${options.keyPrefix ?? ''}${sessionId}/${recordingId}.wav`;
  return {
    presign(sessionId, recordingId, expiresInSeconds, download) {
      const command = new GetObjectCommand({
        Bucket: options.bucket,
        Key: key(sessionId, recordingId),
        ...(download ? { ResponseContentDisposition: `attachment; filename="${recordingId}.wav"` } : {}),
      });
      return getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    },
    async seed(sessions) {
      for (const session of sessions) {
        for (const chunk of session.chunks) {
          const source = await chunk.source();
          const body = await source.read(0, source.size);
          await client.send(
            new PutObjectCommand({
              Bucket: options.bucket,
              Key: key(session.id, chunk.recordingId),
              Body: body,
              ContentType: 'audio/wav',
            }),
          );
        }
      }
    },
  };
}
