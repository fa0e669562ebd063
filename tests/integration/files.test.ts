// The file endpoints against the real database and sessions of the test stack,
// served by a server of their own (the same routes the cabinet mounts).
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { createFileRoutes, type DocumentAccessEvent } from '../../api/files/routes';
import { connectDb, type Db } from '../../db';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { ATTACHMENT_LABELS, UPLOAD_MAX_BYTES } from '../../domain/application';
import { renderStandardDocument } from '../../documents/pdf';
import { createLocalDocumentStore, type DocumentStore } from '../../documents/store';
import { apiClient, cookiesOf } from '../support/api-client';
import { individualRegistration, loggedIn, registeredApplicant } from '../support/applicants';
import { passwordFrom, waitForMail } from '../support/mail';

let db: Db;
let store: DocumentStore;
let storeDir: string;
let server: http.Server;
let base: string;
const accessEvents: DocumentAccessEvent[] = [];

beforeAll(async () => {
  db = connectDb(inject('databaseUrl'), { poolMax: 4 });
  storeDir = mkdtempSync(path.join(tmpdir(), 'kabinet-files-'));
  store = createLocalDocumentStore(storeDir);
  // The routes need the public URL, which needs the port: listen first, then answer.
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  const routes = createFileRoutes({ db, store, publicUrl: base, onDocumentAccess: (event) => accessEvents.push(event) });
  server.on('request', (req, res) => {
    if (!routes(req, res)) res.writeHead(404).end();
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
  rmSync(storeDir, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const sessionOf = (client: object) => `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE)}`;

/** A real 1×1 RGB PNG. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const pixels = zlib.deflateSync(Buffer.from([0, 0x1f, 0x6f, 0xb4]));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]));
}

function upload(cookie: string | null, bytes: Uint8Array, opts: { kind?: string; filename?: string; origin?: string } = {}) {
  const query = new URLSearchParams({ kind: opts.kind ?? 'sitePlan', filename: opts.filename ?? 'план участка.pdf' });
  return fetch(`${base}/api/uploads?${query}`, {
    method: 'POST',
    headers: { ...(cookie ? { cookie } : {}), origin: opts.origin ?? base, 'content-type': 'application/octet-stream' },
    // A copy typed on a plain ArrayBuffer, as fetch's BodyInit wants.
    body: new Uint8Array(bytes),
  });
}

const download = (cookie: string | null, id: string) => fetch(`${base}/api/documents/${id}`, { headers: cookie ? { cookie } : {} });

async function errorMessage(response: Response): Promise<string> {
  return ((await response.json()) as { error: { message: string } }).error.message;
}

interface Uploaded {
  id: string;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
}

describe('uploads', () => {
  it('stores a real PDF and PNG, records them for the applicant and gives them back byte for byte', async () => {
    const { client, user } = await registeredApplicant();
    const cookie = sessionOf(client);
    const pdf = await renderStandardDocument('instructions', 'individual15');
    const png = tinyPng();

    const pdfResponse = await upload(cookie, pdf, { kind: 'titleDocument', filename: 'Выписка ЕГРН.PDF' });
    expect(pdfResponse.status).toBe(201);
    const pdfUploaded = (await pdfResponse.json()) as Uploaded;
    expect(pdfUploaded).toMatchObject({ kind: 'titleDocument', filename: 'Выписка ЕГРН.pdf', mime: 'application/pdf', size: pdf.byteLength, sha256: sha(pdf) });

    const pngResponse = await upload(cookie, png, { kind: 'sitePlan', filename: 'C:\\scans\\план.pdf' });
    expect(pngResponse.status).toBe(201);
    const pngUploaded = (await pngResponse.json()) as Uploaded;
    // The type comes from the content: a PNG named .pdf is a PNG and is saved as one.
    expect(pngUploaded).toMatchObject({ mime: 'image/png', filename: 'план.pdf.png', sha256: sha(png) });

    const row = await db.Document.findByPk(pdfUploaded.id);
    expect(row).toMatchObject({ ownerId: user.id, caseId: null, stage: null, kind: 'titleDocument', title: ATTACHMENT_LABELS.titleDocument, source: 'applicant', sha256: sha(pdf) });
    expect(row!.storageKey).toBe(`sha256/${sha(pdf).slice(0, 2)}/${sha(pdf)}`);

    const got = await download(cookie, pdfUploaded.id);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toBe('private, no-store');
    expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Выписка ЕГРН.pdf')}`);
    expect(sha(new Uint8Array(await got.arrayBuffer()))).toBe(pdfUploaded.sha256);
    expect(accessEvents).toContainEqual({ userId: user.id, role: 'applicant', documentId: pdfUploaded.id, caseId: null });

    const gotPng = await download(cookie, pngUploaded.id);
    expect(gotPng.headers.get('content-type')).toBe('image/png');
    expect(sha(new Uint8Array(await gotPng.arrayBuffer()))).toBe(sha(png));
  });

  it('refuses what is not a PDF, JPEG or PNG, whatever its name', async () => {
    const { client } = await registeredApplicant();
    const response = await upload(sessionOf(client), new TextEncoder().encode('Это просто текст, а не PDF'), { filename: 'договор.pdf' });
    expect(response.status).toBe(415);
    expect(await errorMessage(response)).toBe('Допустимы только файлы PDF, JPEG и PNG; тип файла определяется по содержимому');
    expect((await upload(sessionOf(client), new Uint8Array(0))).status).toBe(400);
    // Executables renamed to .pdf and sent as PDFs.
    for (const magic of ['\x7fELF\x02\x01\x01', 'MZ\x90\x00\x03']) {
      const renamed = await upload(sessionOf(client), new Uint8Array(Buffer.from(`${magic}${'\0'.repeat(500)}`, 'latin1')), { filename: 'счёт.pdf' });
      expect(renamed.status).toBe(415);
    }
  });

  it('refuses a PDF that is only a header with garbage, or cut short, and stores nothing', async () => {
    const { client, user } = await registeredApplicant();
    const whole = await renderStandardDocument('instructions', 'individual15');
    for (const bytes of [new Uint8Array(Buffer.from('%PDF-1.7\n\u00ff\u00fe garbage', 'latin1')), whole.subarray(0, whole.byteLength - 2048)]) {
      const response = await upload(sessionOf(client), bytes);
      expect(response.status).toBe(422);
      expect(await errorMessage(response)).toBe('Файл PDF повреждён или загружен не полностью: откройте его на компьютере, сохраните заново и загрузите ещё раз');
    }
    expect(await db.Document.count({ where: { ownerId: user.id } })).toBe(0);
    expect((await upload(sessionOf(client), whole)).status).toBe(201);
  });

  it('refuses a file over the limit with a Russian message', async () => {
    const { client } = await registeredApplicant();
    const big = new Uint8Array(UPLOAD_MAX_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    big.set(new TextEncoder().encode('%%EOF\n'), UPLOAD_MAX_BYTES - 6);
    const response = await upload(sessionOf(client), big);
    expect(response.status).toBe(413);
    expect(await errorMessage(response)).toBe('Файл больше 10 МБ');
    // Exactly at the limit is allowed.
    expect((await upload(sessionOf(client), big.subarray(0, UPLOAD_MAX_BYTES))).status).toBe(201);

    // Streamed without a length: counted while it arrives.
    const chunk = new Uint8Array(1024 * 1024);
    chunk.set(new TextEncoder().encode('%PDF-1.4\n'));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 11) controller.enqueue(new Uint8Array(chunk));
        else controller.close();
      },
    });
    const streamed = await fetch(`${base}/api/uploads?kind=sitePlan&filename=big.pdf`, {
      method: 'POST',
      headers: { cookie: sessionOf(client), origin: base },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    // A declared length far over the limit is refused before the body is sent at all.
    const early = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${base}/api/uploads?kind=sitePlan`, {
        method: 'POST',
        headers: { cookie: sessionOf(client), origin: base, 'content-length': String(100 * 1024 * 1024) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on('error', reject);
      request.flushHeaders();
    });
    expect(early).toBe(413);
  });

  it('refuses without a session, from another origin, with an unknown kind or a temporary password', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
    const noSession = await upload(null, pdf);
    expect(noSession.status).toBe(401);
    expect(await errorMessage(noSession)).toBe('Войдите в личный кабинет');
    expect((await upload(`${SESSION_COOKIE}=forged-token`, pdf)).status).toBe(401);

    const { client } = await registeredApplicant();
    const foreign = await upload(sessionOf(client), pdf, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await errorMessage(foreign)).toContain('не со страницы личного кабинета');
    expect((await upload(sessionOf(client), pdf, { kind: 'passportScan' })).status).toBe(400);

    const input = individualRegistration();
    const fresh = apiClient();
    await fresh.auth.register.mutate(input);
    const [mail] = await waitForMail(input.email, 'Логин и пароль');
    await fresh.auth.login.mutate({ email: input.email, password: passwordFrom(mail!) });
    const temporary = await upload(sessionOf(fresh), pdf);
    expect(temporary.status).toBe(403);
    expect(await errorMessage(temporary)).toBe('Сначала смените временный пароль');
  });
});

describe('downloads', () => {
  it('lets the owner, the applicant of the case and staff read a document; anyone else gets 404', async () => {
    const owner = await registeredApplicant();
    const stranger = await registeredApplicant();
    const uploaded = (await (await upload(sessionOf(owner.client), tinyPng())).json()) as Uploaded;

    const foreign = await download(sessionOf(stranger.client), uploaded.id);
    expect(foreign.status).toBe(404);
    expect(await errorMessage(foreign)).toBe('Документ не найден');
    // The same answer as for an id that does not exist: existence is not revealed.
    expect((await download(sessionOf(stranger.client), randomUUID())).status).toBe(404);
    expect((await download(sessionOf(stranger.client), 'not-a-uuid')).status).toBe(404);
    expect((await download(null, uploaded.id)).status).toBe(401);

    const demo = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
    const staff = await loggedIn(demo.email, demo.password);
    expect((await download(sessionOf(staff), uploaded.id)).status).toBe(200);
    expect(accessEvents.some((e) => e.documentId === uploaded.id && e.role === 'staff')).toBe(true);

    // A document posted to a case is readable by that case's applicant, not by others.
    const caseId = randomUUID();
    const stored = await store.put(await renderStandardDocument('contractTerms', 'individual15'));
    const documentId = randomUUID();
    const now = new Date();
    await db.Application.create({
      id: caseId,
      number: `ТП-1999-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      applicantId: stranger.user.id,
      applicantName: 'Петров Пётр Петрович',
      category: 'individual15',
      objectName: 'Тестовый объект',
      objectAddress: 'Тестовый адрес',
      maxPowerKw: 15,
      stage: 'withdrawn',
      status: 'withdrawn',
      whoActs: 'nobody',
      stageStartedAt: now,
      deadlineAt: null,
      deadlineTerm: null,
      overdueSince: null,
      submittedAt: now,
      contractConcludedAt: null,
      finishedAt: now,
      annulReason: null,
      lastSeq: 1,
    });
    try {
      await db.Document.create({
        id: documentId,
        ownerId: null,
        caseId,
        stage: 'awaitingPayment',
        kind: 'contractTerms',
        title: 'Условия типового договора',
        filename: 'Условия договора.pdf',
        mime: 'application/pdf',
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        source: 'system',
        idempotencyKey: null,
      });
      const mine = await download(sessionOf(stranger.client), documentId);
      expect(mine.status).toBe(200);
      expect(sha(new Uint8Array(await mine.arrayBuffer()))).toBe(stored.sha256);
      expect(accessEvents).toContainEqual({ userId: stranger.user.id, role: 'applicant', documentId, caseId });
      expect((await download(sessionOf(owner.client), documentId)).status).toBe(404);
    } finally {
      await db.Document.destroy({ where: { id: documentId } });
      await db.Application.destroy({ where: { id: caseId } });
    }
  });
});

describe('standard documents', () => {
  it('are public PDFs for each category', async () => {
    for (const kind of ['contractTerms', 'instructions']) {
      const response = await fetch(`${base}/api/standard-documents/${kind}?category=upTo150`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(sha(bytes)).toBe(sha(await renderStandardDocument(kind as 'contractTerms' | 'instructions', 'upTo150')));
    }
    expect((await fetch(`${base}/api/standard-documents/instructions?category=vip`)).status).toBe(400);
    expect((await fetch(`${base}/api/standard-documents/invoice?category=upTo150`)).status).toBe(404);
  });
});
