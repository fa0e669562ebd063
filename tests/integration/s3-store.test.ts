// The document store against a real S3-compatible server (s3rver, in-process):
// SigV4-signed puts and gets, content addressing, idempotent retries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import S3rver from 's3rver';
import { createS3DocumentStore, s3ConfigFromUrl } from '../../documents/s3-store';
import { DocumentNotFoundError, type DocumentStore } from '../../documents/store';
import { isPortFree } from '../../infra/ports';

const PORT = 4569 + Number(process.env.TEST_PORT_OFFSET ?? 0);
let server: S3rver;
let store: DocumentStore;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-s3-'));

beforeAll(async () => {
  expect(await isPortFree(PORT)).toBe(true);
  server = new S3rver({ port: PORT, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'kabinet-docs', configs: [] }] });
  await server.run();
  // s3rver accepts its well-known development keys.
  store = createS3DocumentStore(s3ConfigFromUrl(`s3://kabinet-docs?endpoint=http://127.0.0.1:${PORT}&region=us-east-1`, { S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }));
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('S3 document store', () => {
  it('stores by content address and gives the same bytes back', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n% Акт об осуществлении ТП\n%%EOF\n');
    const first = await store.put(bytes);
    expect(first.key).toMatch(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
    expect(Buffer.from(await store.get(first.key)).equals(Buffer.from(bytes))).toBe(true);
    // A retried put finds the object and writes nothing new.
    expect(await store.put(bytes)).toEqual(first);
  });

  it('reports a missing object as DocumentNotFoundError and refuses wrong keys', async () => {
    await expect(store.get(`sha256/ab/ab${'0'.repeat(62)}`)).rejects.toThrow(DocumentNotFoundError);
    const forged = createS3DocumentStore(s3ConfigFromUrl(`s3://kabinet-docs?endpoint=http://127.0.0.1:${PORT}`, { S3_ACCESS_KEY_ID: 'UNKNOWN-KEY', S3_SECRET_ACCESS_KEY: 'S3RVER' }));
    await expect(forged.put(new Uint8Array([1, 2, 3]))).rejects.toThrow(/S3 PUT .* failed: 403/);
  });
});
