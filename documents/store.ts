// Where document bytes live. Content-addressed by SHA-256: the key is derived
// from the bytes, so a retried put (an activity retry, a double click) lands on
// the same object instead of a second copy, and the checksum shown in the
// application card identifies the stored file.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../infra/config';
import { createS3DocumentStore, s3ConfigFromUrl } from './s3-store';

export interface StoredObject {
  /** `sha256/ab/abcdef…`: also a relative path, so every store can use it as is. */
  key: string;
  sha256: string;
  size: number;
}

export interface DocumentStore {
  put(bytes: Uint8Array): Promise<StoredObject>;
  /** Throws DocumentNotFoundError when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array>;
}

export class DocumentNotFoundError extends Error {
  override name = 'DocumentNotFoundError';
  constructor(readonly key: string) {
    super(`No document is stored under ${key}`);
  }
}

const KEY_RE = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function storageKeyFor(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

/** Keys come from the database; a strict shape keeps a tampered row from reading outside the store. */
function assertKey(key: string): void {
  const m = KEY_RE.exec(key);
  if (!m || !m[2]!.startsWith(m[1]!)) throw new DocumentNotFoundError(key);
}

export function createLocalDocumentStore(dir: string): DocumentStore {
  const root = path.resolve(dir);
  const fileOf = (key: string) => path.join(root, ...key.split('/'));

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const key = storageKeyFor(sha256);
      const file = fileOf(key);
      // Files only appear by rename, complete; one that exists already holds these bytes.
      if (await exists(file)) return { key, sha256, size: bytes.byteLength };
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temp = `${file}.${randomUUID()}.tmp`;
      try {
        const handle = await fs.open(temp, 'wx');
        try {
          await handle.writeFile(bytes);
          // Flushed before the rename, so a crash cannot leave a named but empty file.
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rename(temp, file);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
      return { key, sha256, size: bytes.byteLength };
    },

    async get(key) {
      assertKey(key);
      try {
        return new Uint8Array(await fs.readFile(fileOf(key)));
      } catch (error) {
        if (isErrno(error, 'ENOENT')) throw new DocumentNotFoundError(key);
        throw error;
      }
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

export interface DocumentStoreConfig {
  /** DATA_DIR: the local store defaults to `<dataDir>/documents`. */
  dataDir: string;
  /** DOCUMENT_STORE_URL: unset, a `file:` URL, a plain directory path, or `s3://bucket?endpoint=…`. */
  url?: string;
}

/** The store the configuration asks for; a configuration it cannot honour stops the start. */
export function createDocumentStore(config: DocumentStoreConfig): DocumentStore {
  const url = config.url?.trim();
  if (!url) return createLocalDocumentStore(path.join(config.dataDir, 'documents'));
  if (url.startsWith('s3://')) return createS3DocumentStore(s3ConfigFromUrl(url));
  if (url.startsWith('file:')) return createLocalDocumentStore(fileUrlToDir(url));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new ConfigError(`DOCUMENT_STORE_URL: unknown scheme in ${JSON.stringify(url.split('://')[0])}; use a directory (file:///path or /path)`);
  }
  return createLocalDocumentStore(path.resolve(url));
}

function fileUrlToDir(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    throw new ConfigError(`DOCUMENT_STORE_URL is not a valid file: URL (expected file:///absolute/path): ${url}`);
  }
}
