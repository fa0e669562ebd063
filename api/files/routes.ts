// File endpoints beside tRPC (which speaks JSON, not bytes): applicants upload
// attachments, users download the documents of their cases, anyone downloads
// the standard forms. Bytes live in the DocumentStore, metadata in `documents`.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Db } from '../../db';
import type { Document, UserRecord } from '../../db/models';
import { ATTACHMENT_KINDS, ATTACHMENT_LABELS, CATEGORIES, sniffUploadType, UPLOAD_MAX_BYTES, type AttachmentKind, type Category } from '../../domain/application';
import { inGroup } from '../../domain/roles';
import { canActForApplicant } from '../../domain/case-access';
import { DOC_TITLES, isStandardDocKind, type StandardDocKind } from '../../documents/kinds';
import { renderStandardDocument } from '../../documents/pdf';
import { DocumentNotFoundError, sha256Hex, type DocumentStore } from '../../documents/store';
import { isCrossSiteRequest } from '../http/csrf';
import { requireSession } from '../http/session';
import { isCompletePdf, readUpload, refuse, sendFile, sendJson } from './body';
import { sanitizeFilename } from './names';
import { SUPPLY_CONTRACT_KIND, SUPPLY_CONTRACT_TITLE } from '../../activities/supplier';
import { penaltyClaimPdf } from '../applications/penalties';
import { disclosurePdf } from '../transparency/service';


export const UPLOADS_PATH = '/api/uploads';
export const DOCUMENTS_PATH = '/api/documents/';
export const STANDARD_DOCUMENTS_PATH = '/api/standard-documents/';
/** `/api/penalty-claims/<application id>`: the grid's penalty claim, rendered for the day (api/applications/penalties.ts). */
export const PENALTY_CLAIM_PATH = '/api/penalty-claims/';
/** `/api/disclosures/<ГГГГ-QN>.pdf`: the quarterly disclosure report, public (api/transparency/service.ts). */
export const DISCLOSURE_PATH = '/api/disclosures/';

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

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const MESSAGES = {
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
  supplierKind: `Гарантирующий поставщик загружает только проект договора энергоснабжения (kind=${SUPPLY_CONTRACT_KIND})`,
  supplierPdf: 'Проект договора энергоснабжения загружается файлом PDF (подписанным квалифицированной электронной подписью)',
} as const;

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export function createFileRoutes(deps: FileRoutesDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  const allowedOrigins = new Set([new URL(deps.publicUrl).origin]);
  // The standard forms depend only on (kind, category) and render deterministically: 8 files, made once.
  const standardCache = new Map<string, Promise<Uint8Array>>();

  /** The logged-in user allowed into the cabinet, or null with the refusal already sent. */
  async function authenticate(req: IncomingMessage, res: ServerResponse): Promise<UserRecord | null> {
    const check = await requireSession(deps, req, res);
    if (check.ok) return check.user;
    await refuse(req, res, check.status, check.message);
    return null;
  }

  const upload: Handler = async (req, res, url) => {
    if (req.method !== 'POST') return refuse(req, res, 405, MESSAGES.method, { allow: 'POST' });
    if (isCrossSiteRequest(req, allowedOrigins)) return refuse(req, res, 403, MESSAGES.crossSite);
    const user = await authenticate(req, res);
    if (!user) return;
    const kind = url.searchParams.get('kind');
    // A supplier of last resort uploads only its draft supply contract, a PDF (same size and content rules).
    const bySupplier = inGroup(user.role, 'suppliers');
    if (bySupplier ? kind !== SUPPLY_CONTRACT_KIND : !isAttachmentKind(kind)) return refuse(req, res, 400, bySupplier ? MESSAGES.supplierKind : MESSAGES.unknownKind);

    const body = await readUpload(req, UPLOAD_MAX_BYTES);
    if (body.kind === 'aborted') return;
    if (body.kind === 'tooLarge') return sendJson(res, 413, { error: { message: MESSAGES.tooLarge } }, body.drained ? {} : { connection: 'close' });
    const bytes = body.bytes;
    if (bytes.byteLength === 0) return sendJson(res, 400, { error: { message: MESSAGES.empty } });
    const mime = sniffUploadType(bytes.subarray(0, 16));
    if (!mime) return sendJson(res, 415, { error: { message: MESSAGES.badType } });
    if (mime === 'application/pdf' && !isCompletePdf(bytes)) return sendJson(res, 422, { error: { message: MESSAGES.brokenPdf } });
    if (bySupplier && mime !== 'application/pdf') return sendJson(res, 415, { error: { message: MESSAGES.supplierPdf } });

    const stored = await deps.store.put(bytes);
    const filename = sanitizeFilename(url.searchParams.get('filename'), mime);
    const row = await deps.db.Document.create({
      id: randomUUID(),
      ownerId: user.id,
      caseId: null,
      stage: null,
      kind: bySupplier ? SUPPLY_CONTRACT_KIND : (kind as AttachmentKind),
      title: bySupplier ? SUPPLY_CONTRACT_TITLE : ATTACHMENT_LABELS[kind as AttachmentKind],
      filename,
      mime,
      size: stored.size,
      sha256: stored.sha256,
      storageKey: stored.key,
      // A staff member uploading on a visitor's behalf is not the applicant.
      source: bySupplier ? 'supplier' : inGroup(user.role, 'applicants') ? 'applicant' : 'staff',
      idempotencyKey: null,
    });
    sendJson(res, 201, { id: row.id, kind, filename, mime, size: row.size, sha256: row.sha256 });
  };

  async function mayRead(user: UserRecord, doc: Document): Promise<boolean> {
    // Staff, admins and auditors see every case's documents (the rule of the staff and audit screens).
    if (doc.ownerId === user.id || inGroup(user.role, 'readers')) return true;
    if (!doc.caseId) return false;
    // A case's documents are read by whoever may act on the case (its applicant, its organisation's employees).
    const owner = (await deps.db.Application.findByPk(doc.caseId)) ?? (await deps.db.Appeal.findByPk(doc.caseId));
    return owner !== null && canActForApplicant(user, owner);
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

  const penaltyClaim: Handler = async (req, res, url) => {
    if (req.method !== 'GET') return refuse(req, res, 405, MESSAGES.method, { allow: 'GET' });
    const user = await authenticate(req, res);
    if (!user) return;
    const id = url.pathname.slice(PENALTY_CLAIM_PATH.length);
    // Another applicant's case is answered exactly like a missing one.
    if (!UUID_RE.test(id)) return sendJson(res, 404, { error: { message: MESSAGES.notFound } });
    const result = await penaltyClaimPdf(deps.db, user, id);
    if (!result.ok) return sendJson(res, result.status, { error: { message: result.message } });
    sendFile(res, result.pdf, 'application/pdf', result.filename, { disposition: 'attachment', cache: 'private, no-store' });
  };

  const disclosure: Handler = async (req, res, url) => {
    if (req.method !== 'GET') return refuse(req, res, 405, MESSAGES.method, { allow: 'GET' });
    const result = await disclosurePdf(deps.db, url.pathname.slice(DISCLOSURE_PATH.length).replace(/\.pdf$/, ''));
    if (!result) return sendJson(res, 404, { error: { message: MESSAGES.notFound } });
    sendFile(res, result.pdf, 'application/pdf', result.filename, { disposition: 'attachment', cache: 'public, max-age=600' });
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
      path === UPLOADS_PATH
        ? upload
        : path.startsWith(DOCUMENTS_PATH)
          ? download
          : path.startsWith(STANDARD_DOCUMENTS_PATH)
            ? standard
            : path.startsWith(PENALTY_CLAIM_PATH)
              ? penaltyClaim
              : path.startsWith(DISCLOSURE_PATH)
                ? disclosure
                : undefined;
    if (!handler) return false;
    handler(req, res, url).catch((error: unknown) => {
      deps.log?.error({ err: error, url: req.url }, 'file request failed');
      if (!res.headersSent) sendJson(res, 500, { error: { message: MESSAGES.internal } });
      else res.destroy();
    });
    return true;
  };
}

function isAttachmentKind(value: unknown): value is AttachmentKind {
  return (ATTACHMENT_KINDS as readonly unknown[]).includes(value);
}

function isCategory(value: unknown): value is Category {
  return (CATEGORIES as readonly unknown[]).includes(value);
}
