// File endpoints beside tRPC (which speaks JSON, not bytes): applicants upload
// attachments, users download the documents of their cases, anyone downloads
// the standard forms. Bytes live in the DocumentStore, metadata in `documents`.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { validateSessionToken } from '../../auth/sessions';
import type { Db } from '../../db';
import type { Document, UserRecord } from '../../db/models';
import type { Role } from '../../domain/account';
import { ATTACHMENT_KINDS, ATTACHMENT_LABELS, CATEGORIES, sniffUploadType, UPLOAD_MAX_BYTES, type AttachmentKind, type Category, type UploadMime } from '../../domain/application';
import { DOC_TITLES, isStandardDocKind, type StandardDocKind } from '../../documents/kinds';
import { renderStandardDocument } from '../../documents/pdf';
import { DocumentNotFoundError, sha256Hex, type DocumentStore } from '../../documents/store';
import { clearedSessionCookie, parseCookies, SESSION_COOKIE, sessionCookie } from '../http/cookies';
import { isCrossSiteRequest } from '../http/csrf';

export const UPLOADS_PATH = '/api/uploads';
export const DOCUMENTS_PATH = '/api/documents/';
export const STANDARD_DOCUMENTS_PATH = '/api/standard-documents/';

export interface DocumentAccessEvent {
  userId: string;
  role: string;
  documentId: string;
  caseId: string | null;
}

export interface FileRoutesDeps {
  db: Db;
  store: DocumentStore;
  publicUrl: string;
  /** Called for every granted download, before the bytes go out; a throw or a rejected promise refuses the download (audit fails closed). */
  onDocumentAccess?: (event: DocumentAccessEvent) => unknown;
  log?: Pick<Logger, 'error'>;
}

/** Roles that see every case's documents (the rule of the staff and audit screens). */
const ALL_DOCUMENTS_ROLES: readonly Role[] = ['staff', 'auditor', 'admin'];

/**
 * A body over the limit is still read to its end (and thrown away) so the
 * client, which is still sending, gets our 413 instead of a reset connection;
 * past this much we stop listening and close.
 */
const DRAIN_MAX_BYTES = 4 * UPLOAD_MAX_BYTES;

const EXTENSIONS: Record<UploadMime, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
};
const FILENAME_MAX = 150;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const MESSAGES = {
  unauthorized: 'Войдите в личный кабинет',
  passwordChange: 'Сначала смените временный пароль',
  crossSite: 'Запрос отклонён: он отправлен не со страницы личного кабинета',
  unknownKind: `Неизвестный вид документа. Допустимые значения: ${ATTACHMENT_KINDS.join(', ')}`,
  tooLarge: `Файл больше ${UPLOAD_MAX_BYTES / 1024 / 1024} МБ`,
  empty: 'Файл пустой',
  badType: 'Допустимы только файлы PDF, JPEG и PNG; тип файла определяется по содержимому',
  brokenPdf: 'Файл PDF повреждён или загружен не полностью: откройте его на компьютере, сохраните заново и загрузите ещё раз',
  notFound: 'Документ не найден',
  badCategory: `Укажите категорию заявителя: ${CATEGORIES.join(', ')}`,
  unavailable: 'Файл документа временно недоступен. Попробуйте позже или обратитесь в сетевую организацию',
  internal: 'Внутренняя ошибка сервиса. Попробуйте ещё раз через несколько минут',
  method: 'Метод не поддерживается',
} as const;

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export function createFileRoutes(deps: FileRoutesDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  const allowedOrigins = new Set([new URL(deps.publicUrl).origin]);
  const secure = deps.publicUrl.startsWith('https://');
  // The standard forms depend only on (kind, category) and render deterministically: 8 files, made once.
  const standardCache = new Map<string, Promise<Uint8Array>>();

  /** The logged-in user allowed into the cabinet, or null with the refusal already sent. */
  async function authenticate(req: IncomingMessage, res: ServerResponse): Promise<UserRecord | null> {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    const session = token ? await validateSessionToken(deps.db, token) : null;
    if (token && !session) res.setHeader('set-cookie', clearedSessionCookie(secure));
    if (!session) {
      await refuse(req, res, 401, MESSAGES.unauthorized);
      return null;
    }
    if (session.renewed && token) res.setHeader('set-cookie', sessionCookie(token, session.expiresAt, secure));
    if (session.user.mustChangePassword) {
      await refuse(req, res, 403, MESSAGES.passwordChange);
      return null;
    }
    return session.user;
  }

  const upload: Handler = async (req, res, url) => {
    if (req.method !== 'POST') return refuse(req, res, 405, MESSAGES.method, { allow: 'POST' });
    if (isCrossSiteRequest(req, allowedOrigins)) return refuse(req, res, 403, MESSAGES.crossSite);
    const user = await authenticate(req, res);
    if (!user) return;
    const kind = url.searchParams.get('kind');
    if (!isAttachmentKind(kind)) return refuse(req, res, 400, MESSAGES.unknownKind);

    const body = await readUpload(req, UPLOAD_MAX_BYTES);
    if (body.kind === 'aborted') return;
    if (body.kind === 'tooLarge') return sendJson(res, 413, { error: { message: MESSAGES.tooLarge } }, body.drained ? {} : { connection: 'close' });
    const bytes = body.bytes;
    if (bytes.byteLength === 0) return sendJson(res, 400, { error: { message: MESSAGES.empty } });
    const mime = sniffUploadType(bytes.subarray(0, 16));
    if (!mime) return sendJson(res, 415, { error: { message: MESSAGES.badType } });
    if (mime === 'application/pdf' && !isCompletePdf(bytes)) return sendJson(res, 422, { error: { message: MESSAGES.brokenPdf } });

    const stored = await deps.store.put(bytes);
    const filename = sanitizeFilename(url.searchParams.get('filename'), mime);
    const row = await deps.db.Document.create({
      id: randomUUID(),
      ownerId: user.id,
      caseId: null,
      stage: null,
      kind,
      title: ATTACHMENT_LABELS[kind],
      filename,
      mime,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      // A staff member uploading on a visitor's behalf is not the applicant.
      source: user.role === 'applicant' ? 'applicant' : 'staff',
      idempotencyKey: null,
    });
    sendJson(res, 201, { id: row.id, kind, filename, mime, size: row.size, sha256: row.sha256 });
  };

  async function mayRead(user: UserRecord, doc: Document): Promise<boolean> {
    if (doc.ownerId === user.id || ALL_DOCUMENTS_ROLES.includes(user.role)) return true;
    if (!doc.caseId) return false;
    const where = { id: doc.caseId, applicantId: user.id };
    return (await deps.db.Application.count({ where })) + (await deps.db.Appeal.count({ where })) > 0;
  }

  const download: Handler = async (req, res, url) => {
    if (req.method !== 'GET') return refuse(req, res, 405, MESSAGES.method, { allow: 'GET' });
    const user = await authenticate(req, res);
    if (!user) return;
    const id = url.pathname.slice(DOCUMENTS_PATH.length);
    const doc = UUID_RE.test(id) ? await deps.db.Document.findByPk(id) : null;
    // A document one may not read is reported exactly like a missing one: ids are not to be probed.
    if (!doc || !(await mayRead(user, doc))) return sendJson(res, 404, { error: { message: MESSAGES.notFound } });

    let bytes: Uint8Array;
    try {
      bytes = await deps.store.get(doc.storageKey);
    } catch (error) {
      if (!(error instanceof DocumentNotFoundError)) throw error;
      deps.log?.error({ documentId: doc.id, key: doc.storageKey }, 'document bytes are missing from the store');
      return sendJson(res, 500, { error: { message: MESSAGES.unavailable } });
    }
    // The checksum is shown in the case card: never hand out bytes that do not match it.
    if (sha256Hex(bytes) !== doc.sha256) {
      deps.log?.error({ documentId: doc.id, key: doc.storageKey }, 'stored document does not match its SHA-256');
      return sendJson(res, 500, { error: { message: MESSAGES.unavailable } });
    }
    await deps.onDocumentAccess?.({ userId: user.id, role: user.role, documentId: doc.id, caseId: doc.caseId });
    sendFile(res, bytes, doc.mime, doc.filename, { disposition: 'attachment', cache: 'private, no-store' });
  };

  const standard: Handler = async (req, res, url) => {
    if (req.method !== 'GET') return refuse(req, res, 405, MESSAGES.method, { allow: 'GET' });
    const kind = url.pathname.slice(STANDARD_DOCUMENTS_PATH.length);
    if (!isStandardDocKind(kind)) return sendJson(res, 404, { error: { message: MESSAGES.notFound } });
    const category = url.searchParams.get('category');
    if (!isCategory(category)) return sendJson(res, 400, { error: { message: MESSAGES.badCategory } });
    const bytes = await standardDocument(kind, category);
    // Public and unchanging between deploys: cacheable, and shown in the browser rather than saved.
    sendFile(res, bytes, 'application/pdf', `${DOC_TITLES[kind]}.pdf`, { disposition: 'inline', cache: 'public, max-age=3600' });
  };

  function standardDocument(kind: StandardDocKind, category: Category): Promise<Uint8Array> {
    const key = `${kind}:${category}`;
    let pending = standardCache.get(key);
    if (!pending) {
      pending = renderStandardDocument(kind, category);
      standardCache.set(key, pending);
      pending.catch(() => standardCache.delete(key));
    }
    return pending;
  }

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const handler =
      path === UPLOADS_PATH ? upload : path.startsWith(DOCUMENTS_PATH) ? download : path.startsWith(STANDARD_DOCUMENTS_PATH) ? standard : undefined;
    if (!handler) return false;
    handler(req, res, url).catch((error: unknown) => {
      deps.log?.error({ err: error, url: req.url }, 'file request failed');
      if (!res.headersSent) sendJson(res, 500, { error: { message: MESSAGES.internal } });
      else res.destroy();
    });
    return true;
  };
}

// --- helpers ------------------------------------------------------------------

function isAttachmentKind(value: unknown): value is AttachmentKind {
  return (ATTACHMENT_KINDS as readonly unknown[]).includes(value);
}

function isCategory(value: unknown): value is Category {
  return (CATEGORIES as readonly unknown[]).includes(value);
}

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

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function sendFile(res: ServerResponse, bytes: Uint8Array, mime: string, filename: string, opts: { disposition: 'attachment' | 'inline'; cache: string }) {
  res.writeHead(200, {
    'content-type': mime,
    'content-length': String(bytes.byteLength),
    'content-disposition': contentDisposition(opts.disposition, filename),
    'x-content-type-options': 'nosniff',
    'cache-control': opts.cache,
  });
  res.end(bytes);
}

/** RFC 6266: an ASCII fallback for old clients, the real (Cyrillic) name in filename*. */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The name the file is saved under: no directories, no control or bidi
 * characters (U+202E makes «scan‮fdp.exe» look like a PDF), no characters
 * Windows refuses, a bounded length, and an extension that matches the real
 * type so the file opens in the right program.
 */
export function sanitizeFilename(raw: string | null, mime: UploadMime): string {
  const extensions = EXTENSIONS[mime];
  let name = (raw ?? '').normalize('NFC');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"*:<>?|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const lower = name.toLowerCase();
  const hasExtension = extensions.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
  let stem = hasExtension ? name.slice(0, name.lastIndexOf('.')) : name;
  const ext = hasExtension ? name.slice(name.lastIndexOf('.')).toLowerCase() : extensions[0]!;
  stem = [...stem].slice(0, FILENAME_MAX - ext.length).join('').trim();
  return `${stem || 'документ'}${ext}`;
}

type Upload = { kind: 'ok'; bytes: Uint8Array } | { kind: 'tooLarge'; drained: boolean } | { kind: 'aborted' };

/** Reads the body, keeping at most `limit` bytes in memory whatever the client declares or sends. */
function readUpload(req: IncomingMessage, limit: number): Promise<Upload> {
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

async function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  const drained = await drain(req);
  if (res.destroyed) return;
  sendJson(res, status, { error: { message } }, drained ? headers : { ...headers, connection: 'close' });
}
