// Script payloads typed by an applicant (name, application fields, appeal
// text, file names) and by staff (comments, questions) stay text wherever they
// are shown: the applicant's and the staff's pages, notifications, the audit
// timeline, e-mails and PDFs. Since the CSP would block an injected script
// anyway, «inert» is checked directly: the literal text is on the page, no
// element or handler was created from it, no dialog opened, no CSP violation.
// Then refused uploads: a renamed executable, an oversize file, a broken PDF.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { applicationWorkflowId } from '../../api/applications/service';
import { appealWorkflowId } from '../../api/appeals/service';
import { DocumentNotFoundError, createDocumentStore } from '../../documents/store';
import { connectDb, type Db } from '../../db';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { ATTACHMENT_LABELS, UPLOAD_MAX_BYTES } from '../../domain/application';
import { cookiesOf } from '../support/api-client';
import { individualRegistration, loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId, samplePdf, upload } from '../support/applications';
import { launchBrowser, snapshot } from '../support/browser';
import { waitForMail } from '../support/mail';
import { watchPage } from '../support/page-guards';
import { testEnv } from '../support/test-env';

const SCRIPT = '<script>window.__xss=1</script>';
const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '"><svg onload=window.__xss=1>';
const JS_LINK = 'javascript:window.__xss=1';

const NAME = { lastName: SCRIPT, firstName: IMG, middleName: SVG };
const DISPLAY_NAME = `${SCRIPT} ${IMG} ${SVG}`;
const OBJECT_NAME = `Дом ${SVG}`;
const ADDRESS = `г. Истра, ${IMG}`;
const STAGES_PLAN = `${JS_LINK} ${SCRIPT}`;
const FILE_NAME = `${IMG}.pdf`;
/** What the upload keeps of that name: quotes and angle brackets are not allowed in file names. */
const STORED_FILE_NAME = 'img src=x onerror=window.__xss=1.pdf';
const COMMENT = `${SVG} ${JS_LINK}`;
const APPEAL_TEXT = `Жалоба: ${SCRIPT} ${IMG} ${SVG} ${JS_LINK}`;
const QUESTION = `Уточните, пожалуйста: ${IMG}`;
const REPLY = `${SCRIPT} ${SVG}`;

const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const app = () => inject('appUrl');

let browser: Browser;
let db: Db;
let applicant: Awaited<ReturnType<typeof registeredApplicant>>;
let application: { id: string; number: string };
let appeal: { id: string; number: string };

/** Submits an application carrying the payloads; the first attachment has a payload file name. */
async function submitPayloadApplication() {
  const form = await completeIndividualForm(applicant.client, { objectName: OBJECT_NAME, objectAddress: ADDRESS, loadNature: SCRIPT, stagesPlan: STAGES_PLAN });
  const named = await upload(applicant.client, 'sitePlan', samplePdf('план'), FILE_NAME);
  form.attachments = [named, ...(form.attachments ?? []).filter((a) => a.kind !== 'sitePlan')];
  return applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
}

beforeAll(async () => {
  browser = await launchBrowser();
  db = connectDb(inject('databaseUrl'), { poolMax: 2 });
  applicant = await registeredApplicant({ ...individualRegistration(), ...NAME });
  application = await submitPayloadApplication();
  const operator = await loggedIn(demo('staff').email, demo('staff').password);
  await operator.staffApplications.act.mutate({ id: application.id, action: 'acceptComplete', input: { comment: COMMENT } });

  appeal = await applicant.client.appeals.create.mutate({
    id: newDraftId(),
    form: { topic: 'serviceQuality', kind: 'complaint', text: APPEAL_TEXT, contractNumber: SVG, problemTime: IMG, answerChannel: 'cabinet' },
  });
  await operator.staffAppeals.act.mutate({ id: appeal.id, action: 'take', input: {} });
  await operator.staffAppeals.act.mutate({ id: appeal.id, action: 'requestClarification', input: { question: QUESTION } });
  await applicant.client.appeals.act.mutate({ id: appeal.id, action: 'reply', input: { text: REPLY } });
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
});

async function pageWithSession(token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  await context.addCookies([{ name: SESSION_COOKIE, value: token, url: app() }]);
  return context.newPage();
}

const sessionOf = async (role: string) => cookiesOf(await loggedIn(demo(role).email, demo(role).password)).get(SESSION_COOKIE)!;

/** Opens each page, waits until every expected text is shown literally, then requires that nothing was injected. */
async function showsAsText(page: Page, pages: Record<string, string[]>, shot: string) {
  const watch = await watchPage(page);
  for (const [pagePath, texts] of Object.entries(pages)) {
    await page.goto(`${app()}${pagePath}`);
    for (const text of texts) {
      await expect.poll(() => page.locator('body').textContent(), { timeout: 20_000, message: `«${text}» on ${pagePath}` }).toContain(text);
    }
    expect(await watch.problems(), pagePath).toEqual([]);
  }
  await snapshot(page, shot);
  await page.context().close();
}

describe('script payloads stay text', () => {
  it('for the applicant: home, applications, the case, the appeal, notifications', async () => {
    await showsAsText(
      await pageWithSession(cookiesOf(applicant.client).get(SESSION_COOKIE)!),
      {
        '/': [DISPLAY_NAME],
        '/applications': [ADDRESS],
        [`/applications/${application.id}`]: [OBJECT_NAME, ADDRESS],
        [`/appeals/${appeal.id}`]: [APPEAL_TEXT, SVG, IMG, QUESTION, REPLY],
        '/notifications': [QUESTION],
      },
      'xss-applicant',
    );
  });

  it('for staff: lists, inbox, the case with its fields, files and comments, the appeal, notifications', async () => {
    const page = await pageWithSession(await sessionOf('staff'));
    // A fresh case, so its notification is surely among the newest of the shared staff feed.
    const fresh = await submitPayloadApplication();
    await showsAsText(
      page,
      {
        '/staff/applications': [DISPLAY_NAME, ADDRESS],
        [`/staff/applications/${application.id}`]: [DISPLAY_NAME, OBJECT_NAME, ADDRESS, SCRIPT, STAGES_PLAN, STORED_FILE_NAME, COMMENT],
        '/staff/appeals': [DISPLAY_NAME],
        [`/staff/appeals/${appeal.id}`]: [DISPLAY_NAME, APPEAL_TEXT, SVG, IMG, QUESTION, REPLY],
        '/notifications': [`Новая заявка ${fresh.number}: ${OBJECT_NAME}`],
      },
      'xss-staff',
    );
  });

  it('for the auditor: the timelines of both cases', async () => {
    await showsAsText(
      await pageWithSession(await sessionOf('auditor')),
      {
        [`/audit/cases/${applicationWorkflowId(application.id)}`]: [COMMENT],
        [`/audit/cases/${appealWorkflowId(appeal.id)}`]: [QUESTION, REPLY],
      },
      'xss-audit',
    );
  });

  it('in e-mails: the HTML part escapes it, the text part keeps it literally', async () => {
    const escaped = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const letters = [
      // The applicant's name in the credentials letter.
      { mail: (await waitForMail(applicant.email, 'Логин и пароль'))[0]!, payload: DISPLAY_NAME },
      // The staff's question in the applicant's notification.
      { mail: (await waitForMail(applicant.email, `${appeal.number}: `)).find((m) => m.text.includes(QUESTION))!, payload: QUESTION },
      // The applicant's object name in the staff (admin) letter about the new case.
      { mail: (await waitForMail(demo('admin').email, application.number)).find((m) => m.text.includes(OBJECT_NAME))!, payload: OBJECT_NAME },
    ];
    for (const { mail, payload } of letters) {
      expect(mail, payload).toBeDefined();
      expect(mail.text).toContain(payload);
      const html = mail.html ?? '';
      expect(html).toContain(escaped(payload));
      // The only markup is the letter's own: paragraphs, line breaks and its wrapper.
      expect(html.match(/<[a-z]+/gi)!.filter((tag) => !['<div', '<p', '<br'].includes(tag.toLowerCase()))).toEqual([]);
    }
  });

  it('in the PDF of the case: written as the literal text, with no script in the file', async () => {
    const token = cookiesOf(applicant.client).get(SESSION_COOKIE)!;
    let receipt: { id: string } | undefined;
    await expect
      .poll(async () => (receipt = (await applicant.client.applications.get.query({ id: application.id })).documents.find((d) => d.kind === 'registrationReceipt')), { timeout: 20_000 })
      .toBeDefined();
    const response = await fetch(`${app()}/api/documents/${receipt!.id}`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-xss-')), 'receipt.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(ADDRESS);
    expect(bytes.toString('latin1')).not.toMatch(/\/JavaScript|\/JS\b|\/OpenAction|\/Launch/);
  });
});

describe('refused uploads', () => {
  const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(2000, 0x90)]);
  const MZ = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 0), Buffer.from('This program cannot be run in DOS mode.', 'latin1')]);
  const BROKEN_PDF = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37) % 256))]);
  // A real PDF cut off in transfer: the end (xref, trailer, %%EOF) is missing.
  const TRUNCATED_PDF = Buffer.from(samplePdf('обрезанный файл').subarray(0, 40));
  const BAD_TYPE = 'Допустимы только файлы PDF, JPEG и PNG; тип файла определяется по содержимому';
  const BROKEN = 'Файл PDF повреждён или загружен не полностью: откройте его на компьютере, сохраните заново и загрузите ещё раз';
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

  it('a renamed executable, a broken or truncated PDF and an oversize file get a Russian message under the control, and nothing is stored', async () => {
    const owner = await registeredApplicant();
    const page = await pageWithSession(cookiesOf(owner.client).get(SESSION_COOKIE)!);
    const watch = await watchPage(page);
    await page.goto(`${app()}/applications/new`);
    await page.getByLabel('Категория заявителя', { exact: true }).selectOption('individual15');
    const control = page.getByLabel(ATTACHMENT_LABELS.sitePlan, { exact: true });
    const errorOf = async () => page.locator(`#${await control.getAttribute('id')}-error`).textContent();

    const refused = [
      { name: 'план участка.pdf', buffer: ELF, message: BAD_TYPE },
      { name: 'выписка.pdf', buffer: MZ, message: BAD_TYPE },
      { name: 'скан.pdf', buffer: BROKEN_PDF, message: BROKEN },
      { name: 'договор.pdf', buffer: TRUNCATED_PDF, message: BROKEN },
    ];
    for (const file of refused) {
      await control.setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer });
      await expect.poll(errorOf, { message: file.name }).toBe(file.message);
    }
    const big = Buffer.alloc(UPLOAD_MAX_BYTES + 1);
    big.write('%PDF-1.4\n');
    big.write('%%EOF\n', UPLOAD_MAX_BYTES - 5);
    await control.setInputFiles({ name: 'большой.pdf', mimeType: 'application/pdf', buffer: big });
    await expect.poll(errorOf).toBe('Файл больше 10 МБ: «большой.pdf»');
    // The browser's own check aside, the server refuses it too.
    const direct = await page.evaluate(async (size) => {
      const body = new Uint8Array(size);
      body.set(new TextEncoder().encode('%PDF-1.4\n'));
      const response = await fetch('/api/uploads?kind=sitePlan&filename=big.pdf', { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } });
      return { status: response.status, body: (await response.json()) as unknown };
    }, UPLOAD_MAX_BYTES + 1);
    expect(direct).toEqual({ status: 413, body: { error: { message: 'Файл больше 10 МБ' } } });

    // Nothing of the refused files reached the database or the document store.
    expect(await db.Document.count({ where: { ownerId: owner.user.id } })).toBe(0);
    const env = testEnv();
    const store = createDocumentStore({ dataDir: env.DATA_DIR, url: env.DOCUMENT_STORE_URL });
    for (const bytes of [...refused.map((f) => f.buffer), big]) {
      const key = `sha256/${sha(bytes).slice(0, 2)}/${sha(bytes)}`;
      await expect(store.get(key)).rejects.toBeInstanceOf(DocumentNotFoundError);
    }

    // A good file with a payload for a name is taken, and listed as text.
    await control.setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: Buffer.from(samplePdf('хороший файл')) });
    await page.getByRole('list', { name: `Приложенные файлы: ${ATTACHMENT_LABELS.sitePlan}` }).getByText(STORED_FILE_NAME, { exact: true }).waitFor();
    expect(await db.Document.count({ where: { ownerId: owner.user.id } })).toBe(1);
    expect(await watch.problems()).toEqual([]);
    await snapshot(page, 'uploads-refused');
    await page.context().close();
  });
});
