// A temporary connection in Chromium (issue 18 item 4): the applicant picks the
// kind first in the web form and gives its own fields (the permanent case it is
// tied to, the supply period, a mobile object); staff move the case through
// the stages through the API, as an operator's forms would; the applicant's
// page reaches the end by itself and the act it downloads names the temporary
// connection with its period.
import { readFile } from 'node:fs/promises';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { ATTACHMENT_LABELS, STAGE_DEFINITIONS } from '../../domain/application';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { connectionActTitle } from '../../documents/kinds';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { samplePdf } from '../support/applications';
import { invoiceOf } from '../support/invoice-input';
import { pdfPlainText } from '../support/pdf-qr';
import { launchBrowser, snapshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const LIVE_MS = 20_000;
const appUrl = () => inject('appUrl');
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const summary = (page: Page, term: string) => page.getByRole('region', { name: 'Сводка' }).locator(`dt:text-is("${term}") + dd`);

const UPLOADS = [
  { kind: 'sitePlan', name: 'План участка.pdf' },
  { kind: 'titleDocument', name: 'Выписка ЕГРН.pdf' },
  { kind: 'idCopy', name: 'Паспорт.pdf' },
] as const;

async function fillTemporaryApplication(page: Page) {
  await page.getByRole('form', { name: 'Заявка на технологическое присоединение' }).waitFor();
  // The kind first; its own fields appear only then.
  await expect(field(page, 'Номер заявки или договора на постоянное присоединение').count()).resolves.toBe(0);
  await field(page, 'Вид присоединения').selectOption('temporary');
  await field(page, 'Номер заявки или договора на постоянное присоединение').fill('ТП-2026-000042');
  await field(page, 'Дата заявки или договора').fill('2026-11-20');
  await field(page, 'Электроснабжение по временной схеме с').fill('2027-01-10');
  await field(page, 'Электроснабжение по временной схеме по').fill('2027-06-30');
  await page.getByRole('checkbox', { name: 'Передвижной объект' }).check();
  await field(page, 'Категория заявителя').selectOption('individual15');
  await field(page, 'Причина обращения').selectOption('new');
  await field(page, 'Серия паспорта').fill('4510');
  await field(page, 'Номер паспорта').fill('123456');
  await field(page, 'Кем выдан').fill('ОВД района Сокол г. Москвы');
  await field(page, 'Дата выдачи').fill('2015-06-01');
  await field(page, 'Наименование объекта').fill('Строительный вагончик');
  await field(page, 'Адрес объекта').fill('Московская обл., г. Истра, ул. Садовая, д. 5');
  await field(page, 'Кадастровый номер земельного участка').fill('50:08:0040229:123');
  await field(page, 'Максимальная мощность, кВт').fill('15');
  await field(page, 'Уровень напряжения').selectOption('0.4');
  await field(page, 'Категория надёжности').selectOption('III');
  await field(page, 'Характер нагрузки').fill('Бытовая, на время строительства');
  await field(page, 'Территория').selectOption('urban');
  await field(page, 'Расстояние до существующих сетей, м').fill('40');
  await field(page, 'Планируемый срок ввода в эксплуатацию').fill('2027-01-10');
  await field(page, 'Гарантирующий поставщик').selectOption('gp-center');
  for (const file of UPLOADS) {
    await field(page, ATTACHMENT_LABELS[file.kind]).setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: Buffer.from(samplePdf(file.kind)) });
    await page.getByRole('list', { name: `Приложенные файлы: ${ATTACHMENT_LABELS[file.kind]}` }).getByText(file.name, { exact: true }).waitFor();
  }
}

describe('temporary connection in the browser', () => {
  it('is filed in the web form with its own fields and runs to its act, which names the temporary connection', { timeout: 300_000 }, async () => {
    const applicant = await registeredApplicant();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow', acceptDownloads: true });
    context.setDefaultTimeout(LIVE_MS);
    await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(applicant.client).get(SESSION_COOKIE)!, url: appUrl() }]);
    const page = await context.newPage();
    await page.goto(`${appUrl()}/applications/new`);
    await fillTemporaryApplication(page);

    // A period longer than the configured maximum is refused on its field, in words.
    await field(page, 'Электроснабжение по временной схеме по').fill('2028-06-30');
    await page.getByRole('button', { name: 'Подать заявку', exact: true }).click();
    await page.getByText(/Временное присоединение — не дольше \d+ месяцев/).first().waitFor();
    await field(page, 'Электроснабжение по временной схеме по').fill('2027-06-30');

    await page.getByRole('button', { name: 'Подать заявку', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Заявка ТП-\d{4}-\d{6} зарегистрирована/ }).waitFor();
    await page.getByRole('link', { name: 'Перейти к заявке' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const id = /\/applications\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)![1]!;

    // Staff move the case through the stages (the same actions the staff forms send); the applicant pays and reports its part.
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const staff = (action: Parameters<typeof operator.staffApplications.act.mutate>[0]['action'], input: unknown) => operator.staffApplications.act.mutate({ id, action, input });
    const mine = (action: Parameters<typeof applicant.client.applications.act.mutate>[0]['action'], input: unknown) => applicant.client.applications.act.mutate({ id, action, input });
    const filed = await operator.staffApplications.get.query({ id });
    // What the browser filed: the kind and its own fields, as staff read them.
    expect(filed.form).toMatchObject({ connectionKind: 'temporary', temporary: { permanentNumber: 'ТП-2026-000042', permanentDate: '2026-11-20', supplyFrom: '2027-01-10', supplyTo: '2027-06-30', mobile: true } });
    await staff('acceptComplete', {});
    await staff('postContractDocuments', { ...invoiceOf(30_000), tuRequirements: 'Установить временный щит учёта 0,4 кВ', connectionPoint: 'Опора № 3 ВЛ-0,4 кВ' });
    await mine('payInvoice', {});
    await mine('reportTuDone', {});
    await staff('recordGridTuDone', {});
    await staff('recordInspection', { passed: true });
    await staff('recordConnection', { meterNumber: '011552123456789' });
    await staff('issueAct', {});

    await expect.poll(() => summary(page, 'Этап').textContent(), { timeout: LIVE_MS }).toBe(STAGE_DEFINITIONS.completed.title);
    await snapshot(page, 'temporary-connection-completed');

    // The act (at 0.4 kV the notice of п. 7) is downloaded from the «Документы» card and names the temporary connection.
    const title = connectionActTitle(0.4);
    const documents = page.getByRole('region', { name: 'Документы', exact: true });
    const row = documents.locator('li, tr').filter({ hasText: title }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Скачать', exact: true }).click()]);
    const text = pdfPlainText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain('Вид присоединения Временное технологическое присоединение передвижного объекта на период с 10.01.2027 по 30.06.2027');
    expect(text).toContain('Временное технологическое присоединение осуществлено');
    await context.close();
  });
});
