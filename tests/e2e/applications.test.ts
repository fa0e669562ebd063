// The whole connection-application path in Chromium: the applicant files the
// form with real uploads, an operator in a second browser moves the case
// through every stage with the staff forms, the applicant pays and reports the
// ТУ done, watches the page change by itself (SSE), downloads every document
// and reads the notifications. Real API, Temporal, Postgres and MailDev.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { ATTACHMENT_LABELS, STAFF_ACTIONS, STAGE_DEFINITIONS, type Stage } from '../../domain/application';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf } from '../support/api-client';
import { registeredApplicant } from '../support/applicants';
import { fillApplication, UPLOADS } from '../support/application-page';
import { launchBrowser, snapshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Long enough for a workflow step, its PDFs and the live event to reach the page. */
const LIVE_MS = 20_000;
const PHONE = { width: 390, height: 844 };

const appUrl = () => inject('appUrl');
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;

async function newContext(width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? PHONE.height : 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow', acceptDownloads: true });
  context.setDefaultTimeout(LIVE_MS);
  return context;
}

/** A fresh applicant already logged in: the session cookie of the API client goes into the browser. */
async function applicantPage(width = 1280) {
  const applicant = await registeredApplicant();
  const context = await newContext(width);
  await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(applicant.client).get(SESSION_COOKIE)!, url: appUrl() }]);
  return { applicant, page: await context.newPage() };
}

/** The operator logs in through the login page, as a person would. */
async function staffPage(): Promise<Page> {
  const page = await (await newContext()).newPage();
  await page.goto(`${appUrl()}/login`);
  await page.getByLabel('Адрес электронной почты', { exact: true }).fill(staffAccount.email);
  await page.getByLabel('Пароль', { exact: true }).fill(staffAccount.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');


// --- page helpers ----------------------------------------------------------------------

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** A value of the «Сводка» card, e.g. «Этап». */
const summary = (page: Page, term: string) => page.getByRole('region', { name: 'Сводка' }).locator(`dt:text-is("${term}") + dd`);

const stageTitle = (stage: Stage) => STAGE_DEFINITIONS[stage].title;

async function showsStage(page: Page, stage: Stage) {
  await expect.poll(() => summary(page, 'Этап').textContent(), { timeout: LIVE_MS }).toBe(stageTitle(stage));
}

/** Marks the open document: the mark is gone if anything reloads the page. */
async function markPage(page: Page) {
  await page.evaluate(() => Reflect.set(window, '__e2eStillOpen', true));
}
async function stillSamePage(page: Page) {
  expect(await page.evaluate(() => Reflect.get(window, '__e2eStillOpen'))).toBe(true);
}

const staffAction = (page: Page, action: keyof typeof STAFF_ACTIONS) => page.getByRole('region', { name: STAFF_ACTIONS[action].label });

/** Submits one staff form and waits for the staff page to confirm it. */
async function act(page: Page, action: keyof typeof STAFF_ACTIONS, fill: (form: Locator) => Promise<void> = async () => undefined) {
  const form = staffAction(page, action);
  await fill(form);
  await form.getByRole('button', { name: STAFF_ACTIONS[action].label, exact: true }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: `Выполнено: «${STAFF_ACTIONS[action].label}»` }).count(), { timeout: LIVE_MS }).toBe(1);
}

/** The case number in the heading is on one line (a phone used to break it at a hyphen). */
async function numberOnOneLine(page: Page) {
  expect(await page.getByRole('heading', { level: 1 }).locator('.case-number').evaluate((el) => el.getClientRects().length)).toBe(1);
}

/** No element wider than the screen: nothing to scroll sideways on a phone. */
async function fitsWidth(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('main *')].filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-wrap'));
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className} «${(el.textContent ?? '').slice(0, 40)}»`) };
  });
  expect(overflow).toEqual({ scroll: 0, wide: [] });
}


/** Submits and returns the number shown at once, without leaving the page. */
async function submitApplication(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Подать заявку', exact: true }).click();
  const success = page.getByRole('status').filter({ hasText: /Заявка ТП-\d{4}-\d{6} зарегистрирована/ });
  await success.waitFor();
  const number = /ТП-\d{4}-\d{6}/.exec((await success.textContent()) ?? '')?.[0];
  expect(number).toBeDefined();
  return number!;
}

interface Downloaded {
  group: string;
  filename: string;
  bytes: Buffer;
}

/** Clicks every «Скачать» of the «Документы» card and keeps what the browser saved. */
async function downloadAll(page: Page): Promise<Downloaded[]> {
  const out: Downloaded[] = [];
  const groups = page.getByRole('region', { name: 'Документы', exact: true }).locator('section.doc-group');
  for (let g = 0; g < (await groups.count()); g++) {
    const group = groups.nth(g);
    const title = (await group.getByRole('heading').textContent()) ?? '';
    const links = group.getByRole('link', { name: 'Скачать', exact: true });
    for (let i = 0; i < (await links.count()); i++) {
      // A live refresh can replace the list just as it is clicked; one more click is what a person would do.
      const attempt = () => Promise.all([page.waitForEvent('download', { timeout: 10_000 }), links.nth(i).click()]).then(([d]) => d);
      const download = await attempt()
        .catch(attempt)
        .catch((e: unknown) => {
          throw new Error(`«Скачать» №${i + 1} in «${title}» started no download (${page.url()})`, { cause: e });
        });
      const file = await download.path();
      out.push({ group: title, filename: download.suggestedFilename(), bytes: await fs.readFile(file) });
    }
  }
  return out;
}

// --- the path ----------------------------------------------------------------------------

describe('connection application in the browser', () => {
  it('goes from the form to the act: staff forms, test payment, live page, documents and notifications', { timeout: 300_000 }, async () => {
    const { applicant, page } = await applicantPage();

    // (1) The form, with uploads, submitted at once with its number.
    await page.goto(`${appUrl()}/applications/new`);
    await fillApplication(page);
    const number = await submitApplication(page);
    await page.getByRole('link', { name: 'Перейти к заявке' }).click();
    await page.getByRole('heading', { level: 1, name: `Заявка ${number}` }).waitFor();
    for (const heading of ['Сводка', 'Действия', 'Ход рассмотрения', 'Документы', 'История']) await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    await showsStage(page, 'completenessCheck');
    const caseId = /\/applications\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    expect(caseId).toBeDefined();
    const actions = page.locator('section[aria-labelledby="case-actions-title"]');
    // Only withdrawal is open to the applicant while the grid checks the application.
    await expect.poll(() => actions.getByRole('button').allTextContents()).toEqual(['Отозвать заявку']);
    await markPage(page);

    // (2) The operator finds it in the queue by its number.
    const staff = await staffPage();
    await staff.goto(`${appUrl()}/staff/applications`);
    await field(staff, 'Поиск').fill(number);
    await staff.getByRole('link', { name: number, exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: `Заявка ${number}` }).waitFor();
    expect(new URL(staff.url()).pathname).toBe(`/staff/applications/${caseId}`);

    // Accept; (4) the applicant's open page follows by itself.
    await act(staff, 'acceptComplete', (form) => form.getByLabel('Комментарий', { exact: true }).fill('Сведения полные'));
    await showsStage(page, 'preparingDocuments');
    await showsStage(staff, 'preparingDocuments');
    // (3) Nothing to pay yet.
    expect(await page.getByRole('button', { name: 'Оплатить (тестовый платёж)' }).count()).toBe(0);

    await act(staff, 'postContractDocuments', async (form) => {
      // The invoice is computed from the tariff (issue 18); the operator corrects it with a reason.
      await form.getByLabel('Регион тарифов', { exact: true }).selectOption({ label: 'Регион-образец (образец)' });
      await form.getByLabel('Требуется строительство', { exact: true }).check();
      await form.getByLabel('Воздушная линия, м', { exact: true }).fill('120');
      await form.getByLabel('Прибор учёта', { exact: true }).selectOption('1ph');
      await form.getByTestId('invoice-total').waitFor();
      await form.getByLabel('Скорректировать сумму счёта', { exact: true }).check();
      await form.getByLabel('Сумма к оплате, ₽', { exact: true }).fill('55 000,50');
      await form.getByLabel('Причина корректировки', { exact: true }).fill('Часть линии построена заявителем');
      await form.getByLabel('Мероприятия по техническим условиям', { exact: true }).fill('Установить вводное устройство и прибор учёта на границе участка');
      await form.getByLabel('Точка присоединения', { exact: true }).fill('Опора № 12 ВЛ-0,4 кВ Ф-3 от ТП-105');
    });
    await showsStage(page, 'awaitingPayment');
    await showsStage(staff, 'awaitingPayment');

    // (3) The test payment appears under its warning, with the amount the operator set.
    const pay = page.getByRole('region', { name: 'Оплатить счёт' });
    await pay.getByRole('alert').filter({ hasText: 'Тестовый режим: деньги не списываются' }).waitFor();
    // Intl writes the thousands with a no-break space.
    expect(await pay.textContent()).toMatch(/Сумма счёта: 55\s000,50\s₽/);
    expect(await page.getByRole('button', { name: 'Сообщить о выполнении своей части ТУ' }).count()).toBe(0);
    await stillSamePage(page);
    await pay.getByRole('button', { name: 'Оплатить (тестовый платёж)', exact: true }).click();
    await showsStage(page, 'tuFulfilment');
    await page.getByRole('status').filter({ hasText: 'Готово.' }).waitFor();
    await expect.poll(() => summary(page, 'Договор заключён').count()).toBe(1);
    // The operator's page follows the applicant's payment too.
    await showsStage(staff, 'tuFulfilment');
    expect(await staffAction(staff, 'confirmPayment').count()).toBe(0);

    // The applicant's part and the grid's part are recorded apart; the check follows both.
    const report = page.getByRole('region', { name: 'Сообщить о выполнении своей части ТУ' });
    await report.getByRole('button', { name: 'Сообщить о выполнении своей части ТУ', exact: true }).click();
    await expect.poll(() => report.count(), { timeout: LIVE_MS }).toBe(0);
    await showsStage(page, 'tuFulfilment');
    await act(staff, 'recordGridTuDone', (form) => form.getByLabel('Комментарий', { exact: true }).fill('Опора установлена, ввод смонтирован'));
    await showsStage(page, 'inspection');

    await act(staff, 'recordInspection', (form) => form.getByLabel('Осмотр пройден: технические условия выполнены', { exact: true }).check());
    await showsStage(page, 'actualConnection');

    await act(staff, 'recordConnection', async (form) => {
      await form.getByLabel('Заводской номер прибора учёта', { exact: true }).fill('011552123456789');
      await form.getByLabel('Тип прибора учёта', { exact: true }).fill('Меркурий 201.8');
    });
    await showsStage(page, 'actPosting');

    await act(staff, 'issueAct', (form) => form.getByLabel('Комментарий', { exact: true }).fill('Акт подписан'));
    await showsStage(page, 'completed');
    await expect.poll(() => actions.textContent(), { timeout: LIVE_MS }).toContain('Заявка закрыта: действий по ней нет.');
    // (4) All of the above reached the applicant's page without a reload.
    await stillSamePage(page);
    expect(new URL(page.url()).pathname).toBe(`/applications/${caseId}`);
    const history = page.getByRole('region', { name: 'История' });
    for (const text of ['Осмотр проведён, замечаний нет', 'Прибор учёта: Меркурий 201.8, № 011552123456789', 'Комментарий: Акт подписан', 'Комментарий: Сведения полные']) {
      await expect.poll(() => history.textContent(), { timeout: LIVE_MS }).toContain(text);
    }

    // (5) Every document listed downloads; the grid's are PDFs, the applicant's are the very files sent.
    const view = await applicant.client.applications.get.query({ id: caseId! });
    const documents = page.getByRole('region', { name: 'Документы', exact: true });
    await expect.poll(() => documents.locator('li.doc').count(), { timeout: LIVE_MS }).toBe(view.documents.length + 2);
    const downloads = await downloadAll(page);
    const own = downloads.filter((d) => d.group === 'Документы заявителя');
    const standard = downloads.filter((d) => d.group === 'Типовые документы');
    const stages = downloads.filter((d) => d.group !== 'Документы заявителя' && d.group !== 'Типовые документы');
    expect(downloads).toHaveLength(view.documents.length + 2);
    expect(own.map((d) => sha256(d.bytes)).sort()).toEqual(UPLOADS.map((u) => sha256(u.buffer)).sort());
    expect(stages.map((d) => sha256(d.bytes)).sort()).toEqual(view.documents.filter((d) => d.source === 'system').map((d) => d.sha256).sort());
    // Registration receipt, contract terms, ТУ, invoice, instructions, payment, inspection, meter admission, act.
    expect(stages).toHaveLength(9);
    expect(standard).toHaveLength(2);
    for (const file of [...stages, ...standard]) {
      expect(file.bytes.subarray(0, 5).toString('latin1'), file.filename).toBe('%PDF-');
      expect(file.filename).toMatch(/\.pdf$/);
    }

    // (6) Notifications: one per event, then all read.
    const expected = [
      'Заявка подана и зарегистрирована',
      'Заявка передана на проверку полноты сведений',
      'Заявка принята как полная',
      'Размещены условия договора, технические условия, счёт и инструкция',
      'Счёт оплачен, договор заключён',
      'Заявитель сообщил о выполнении своей части ТУ',
      'Осмотр проведён, замечаний нет',
      'Фактическое присоединение выполнено, прибор учёта допущен',
      'Акт об осуществлении технологического присоединения выдан',
    ];
    const unread = await applicant.client.notifications.unreadCount.query();
    expect(unread).toBeGreaterThanOrEqual(expected.length);
    const nav = page.getByRole('navigation', { name: 'Разделы личного кабинета' });
    await nav.getByRole('link', { name: `Уведомления (непрочитанных: ${unread})`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Уведомления' }).waitFor();
    const entries = page.locator('li.notif');
    await expect.poll(() => entries.count()).toBe(unread);
    const titles = await page.locator('.notif__title').allTextContents();
    for (const title of expected) expect(titles).toContain(title);
    expect(await page.locator('li.notif', { hasText: 'Новое' }).count()).toBe(unread);
    for (const link of await page.getByRole('link', { name: `Заявка ${number}`, exact: true }).all()) expect(await link.getAttribute('href')).toBe(`/applications/${caseId}`);

    // One read by its own button, then the rest at once.
    await entries.first().getByRole('button', { name: 'Прочитано', exact: true }).click();
    await nav.getByRole('link', { name: `Уведомления (непрочитанных: ${unread - 1})`, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Отметить все как прочитанные', exact: true }).click();
    await nav.getByRole('link', { name: 'Уведомления', exact: true }).waitFor();
    expect(await nav.locator('.nav-badge').count()).toBe(0);
    await page.getByRole('status').filter({ hasText: 'Все уведомления прочитаны' }).waitFor();
    expect(await page.locator('li.notif', { hasText: 'Новое' }).count()).toBe(0);
    expect(await applicant.client.notifications.unreadCount.query()).toBe(0);

    // The closed case on a phone: documents, timeline and history must fit the screen.
    await page.setViewportSize(PHONE);
    await page.goto(`${appUrl()}/applications/${caseId}`);
    await showsStage(page, 'completed');
    await snapshot(page, 'application-case-completed-phone');
    await fitsWidth(page);
    await numberOnOneLine(page);

    await staff.context().close();
    await page.context().close();
  });

  it('fits a phone: the form and a fresh case at 390 px', { timeout: 120_000 }, async () => {
    const { page } = await applicantPage(PHONE.width);
    await page.goto(`${appUrl()}/applications/new`);
    await page.getByRole('form', { name: 'Заявка на технологическое присоединение' }).waitFor();
    await snapshot(page, 'application-form-phone');
    await fitsWidth(page);

    // An empty submission shows Russian messages at the fields, on a phone too.
    await page.getByRole('button', { name: 'Подать заявку', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Проверьте заявку: исправьте отмеченные поля.' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(`Приложите: ${ATTACHMENT_LABELS.sitePlan}`);
    await snapshot(page, 'application-form-errors-phone');
    await fitsWidth(page);

    await fillApplication(page);
    await snapshot(page, 'application-form-filled-phone');
    await fitsWidth(page);
    const number = await submitApplication(page);
    await page.getByRole('link', { name: 'Перейти к заявке' }).click();
    await page.getByRole('heading', { level: 1, name: `Заявка ${number}` }).waitFor();
    await showsStage(page, 'completenessCheck');
    await snapshot(page, 'application-case-phone');
    await fitsWidth(page);
    await numberOnOneLine(page);
    await page.context().close();
  });
});
