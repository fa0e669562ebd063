// Reading an upload's body and answering requests whose body we refuse: at most
// UPLOAD_MAX_BYTES kept in memory whatever the client declares or sends, and a
// refusal sent only after the body was drained so the client sees it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UPLOAD_MAX_BYTES } from '../../domain/application';
import { contentDisposition } from './names';

/**
 * A body over the limit is still read to its end (and thrown away) so the
 * client, which is still sending, gets our 413 instead of a reset connection;
 * past this much we stop listening and close.
 */
export const DRAIN_MAX_BYTES = 4 * UPLOAD_MAX_BYTES;

/**
 * A PDF that readers will open: `%PDF-x.y`, and the end-of-file marker within
 * the last 1024 bytes, where Acrobat looks for it. A header with garbage behind
 * it, or a file cut short in transfer, has none.
 */
export function isCompletePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.byteLength - 1024))).toString('latin1');
  return /^%PDF-\d\.\d/.test(head) && tail.includes('%%EOF');
}

export type Upload = { kind: 'ok'; bytes: Uint8Array } | { kind: 'tooLarge'; drained: boolean } | { kind: 'aborted' };

/** Reads the body, keeping at most `limit` bytes in memory whatever the client declares or sends. */
export function readUpload(req: IncomingMessage, limit: number): Promise<Upload> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Upload) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const declared = Number(req.headers['content-length']);
    if (declared > DRAIN_MAX_BYTES) {
      req.pause();
      return settle({ kind: 'tooLarge', drained: false });
    }
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_MAX_BYTES) {
        req.pause();
        return settle({ kind: 'tooLarge', drained: false });
      }
      if (size > limit) chunks = [];
      else chunks.push(chunk);
    });
    req.on('end', () => settle(size > limit ? { kind: 'tooLarge', drained: true } : { kind: 'ok', bytes: new Uint8Array(Buffer.concat(chunks, size)) }));
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('close', () => settle({ kind: 'aborted' }));
  });
}

/** Reads and discards the rest of the body (see DRAIN_MAX_BYTES); false if it was too long to wait for. */
function drain(req: IncomingMessage): Promise<boolean> {
  if (req.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_MAX_BYTES) {
        req.pause();
        resolve(false);
      }
    });
    req.on('end', () => resolve(true));
    req.on('error', () => resolve(false));
    req.on('close', () => resolve(false));
  });
}

/** Sends a refusal once the body is read (or closes the connection if it is too long to wait for). */
export async function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  const drained = await drain(req);
  if (res.destroyed) return;
  sendJson(res, status, { error: { message } }, drained ? headers : { ...headers, connection: 'close' });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

export function sendFile(res: ServerResponse, bytes: Uint8Array, mime: string, filename: string, opts: { disposition: 'attachment' | 'inline'; cache: string }) {
  res.writeHead(200, {
    'content-type': mime,
    'content-length': String(bytes.byteLength),
    'content-disposition': contentDisposition(opts.disposition, filename),
    'x-content-type-options': 'nosniff',
    'cache-control': opts.cache,
  });
  res.end(bytes);
}
