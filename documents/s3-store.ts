// The document store on S3-compatible object storage (AWS S3, Yandex Object
// Storage, MinIO, ...). Requests are signed with SigV4 by aws4fetch; keys are
// the same content addresses as on disk, so a retried put changes nothing.
import { AwsClient } from 'aws4fetch';
import { ConfigError } from '../infra/config';
import { DocumentNotFoundError, sha256Hex, storageKeyFor, type DocumentStore } from './store';

export interface S3Config {
  /** The service's base URL, e.g. https://storage.yandexcloud.net or http://127.0.0.1:9000. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * `s3://bucket?endpoint=https://host&region=ru-central1` with the keys in
 * S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY (never in the URL, which gets logged).
 */
export function s3ConfigFromUrl(url: string, env: NodeJS.ProcessEnv = process.env): S3Config {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`DOCUMENT_STORE_URL is not a valid s3:// URL: ${url}`);
  }
  const endpoint = parsed.searchParams.get('endpoint');
  if (!parsed.hostname || !endpoint) throw new ConfigError('DOCUMENT_STORE_URL: expected s3://<bucket>?endpoint=https://<host>[&region=<region>]');
  const accessKeyId = env.S3_ACCESS_KEY_ID;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new ConfigError('DOCUMENT_STORE_URL is s3://…: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  return { endpoint: endpoint.replace(/\/+$/, ''), bucket: parsed.hostname, region: parsed.searchParams.get('region') ?? 'us-east-1', accessKeyId, secretAccessKey };
}

export function createS3DocumentStore(config: S3Config): DocumentStore {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: 's3' });
  // Path-style addressing works with every S3-compatible service, virtual hosts need DNS.
  const objectUrl = (key: string) => `${config.endpoint}/${config.bucket}/${key}`;

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const key = storageKeyFor(sha256);
      const head = await client.fetch(objectUrl(key), { method: 'HEAD' });
      if (head.ok) return { key, sha256, size: bytes.byteLength };
      const response = await client.fetch(objectUrl(key), {
        method: 'PUT',
        body: Buffer.from(bytes),
        headers: { 'content-type': 'application/octet-stream', 'x-amz-content-sha256': sha256 },
      });
      if (!response.ok) throw new Error(`S3 PUT ${key} failed: ${response.status} ${await response.text()}`);
      return { key, sha256, size: bytes.byteLength };
    },
    async get(key) {
      const response = await client.fetch(objectUrl(key));
      if (response.status === 404) throw new DocumentNotFoundError(key);
      if (!response.ok) throw new Error(`S3 GET ${key} failed: ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
