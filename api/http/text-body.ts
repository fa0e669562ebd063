// Reading a small request body as text, for the endpoints outside tRPC that
// take JSON (the bank's payment notification, Temporal's codec server): the
// body is kept in memory only up to a limit. Uploads, which must drain and
// answer a refusal, use api/files/body.ts instead.
import type { IncomingMessage } from 'node:http';

/** The body as UTF-8 text, or null once it grows past `maxBytes` (reading stops there). */
export async function readTextBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
