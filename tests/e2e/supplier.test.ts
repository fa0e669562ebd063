// In Chromium (issue 18 item 5): the supplier of last resort logs in through the
// login page, finds the case handed over to its organisation on its own page,
// uploads the draft supply contract (PDF) with requisites and the account
// number; the applicant then sees the supplier's stage on the case page and
// downloads the same file from the case's documents.
import fs from 'node:fs/promises';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { cookiesOf } from '../support/api-client';
import { registeredApplicant, registeredStaff } from '../support/applicants';
import { completeIndividualForm, newDraftId, samplePdf } from '../support/applications';
import { launchBrowser } from '../support/browser';

/** A page under a loaded machine may take seconds to show what the API already has. */
const PAGE_MS = 20_000;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const appUrl = () => inject('appUrl');
const newContext = async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow', acceptDownloads: true });
  context.setDefaultTimeout(PAGE_MS);
  return context;
};

describe('the supplier of last resort in the browser', () => {
  it('uploads a draft supply contract that the applicant then downloads in the cabinet', async () => {
    const applicant = await registeredApplicant();
    const form = await completeIndividualForm(applicant.client, { supplierId: 'gp-center' });
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
    const supplier = await registeredStaff('supplier', 'gp-center');
    await expect.poll(async () => (await supplier.client.supplier.cases.query()).cases.some((c) => c.id === app.id), { timeout: 15_000 }).toBe(true);

    // The supplier logs in as a person would (on a phone-sized screen) and opens its page.
    const page = await (await newContext()).newPage();
    await page.goto(`${appUrl()}/login`);
    await page.getByLabel('Адрес электронной почты', { exact: true }).fill(supplier.email);
    await page.getByLabel('Пароль', { exact: true }).fill(supplier.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${appUrl()}/supplier`);
    const card = page.getByRole('region', { name: `Заявка ${app.number}` });
    await expect.poll(() => card.getByText('Ожидается проект договора').count(), { timeout: PAGE_MS }).toBe(1);
    await expect.poll(() => card.getByText(form.objectAddress).count(), { timeout: PAGE_MS }).toBe(1);

    const pdf = Buffer.from(samplePdf('Проект договора энергоснабжения № 77-001'));
    // Without the file and the account number the form says what is missing.
    await card.getByRole('button', { name: 'Разместить проект договора' }).click();
    await expect.poll(() => card.getByText('Выберите файл проекта договора (PDF)').count(), { timeout: PAGE_MS }).toBe(1);
    await card.getByLabel(/Проект договора энергоснабжения \(PDF/).setInputFiles({ name: 'Проект договора 77-001.pdf', mimeType: 'application/pdf', buffer: pdf });
    await card.getByLabel('Платёжные реквизиты гарантирующего поставщика').fill('АО «ЦЭСК», ИНН 7700000000, р/с 40702810900000000001, БИК 044525225');
    await card.getByLabel('Номер лицевого счёта потребителя').fill('ЛС-77001');
    await card.getByRole('button', { name: 'Разместить проект договора' }).click();
    await expect.poll(() => card.getByText('Проект договора размещён').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // The applicant sees the supplier's stage and downloads the draft from the case's documents.
    const posted = (await supplier.client.supplier.get.query({ id: app.id })).posted!;
    const context = await newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(applicant.client).get(SESSION_COOKIE)!, url: appUrl() }]);
    const mine = await context.newPage();
    await mine.goto(`${appUrl()}/applications/${app.id}`);
    await expect.poll(() => mine.getByText('ЛС-77001').count(), { timeout: PAGE_MS }).toBeGreaterThan(0);
    const link = mine.locator(`a[href="/api/documents/${posted.fileId}"]`).first();
    const [download] = await Promise.all([mine.waitForEvent('download'), link.click()]);
    expect(Buffer.compare(await fs.readFile((await download.path())!), pdf)).toBe(0);
  });
});
