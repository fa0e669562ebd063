// Paying in parts in Chromium (issue 18 item 3, «Done when»): a 100 kW legal
// entity chooses рассрочка in the form, sees the schedule once the invoice is
// posted, pays the first part (test payments) and the contract is concluded —
// the case page shows «Договор заключён» and the ТУ stage. The grid's steps go
// through the real API, as the staff forms are covered elsewhere.
import { createRequire } from 'node:module';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { ATTACHMENT_LABELS, STAGE_DEFINITIONS } from '../../domain/application';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf } from '../support/api-client';
import { legalRegistration, loggedIn, registeredApplicant } from '../support/applicants';
import { samplePdf } from '../support/applications';
import { launchBrowser } from '../support/browser';
import { invoiceOf } from '../support/invoice-input';

const require = createRequire(import.meta.url);
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

async function fillLegalEntityForm(page: Page) {
  await page.getByRole('form', { name: 'Заявка на технологическое присоединение' }).waitFor();
  await field(page, 'Категория заявителя').selectOption('upTo150');
  await field(page, 'Причина обращения').selectOption('new');
  await field(page, 'Наименование объекта').fill('Склад');
  await field(page, 'Адрес объекта').fill('г. Тверь, ул. Лесная, д. 1');
  await field(page, 'Кадастровый номер земельного участка').fill('69:40:0100100:12');
  await field(page, 'Максимальная мощность, кВт').fill('100');
  await field(page, 'Уровень напряжения').selectOption('10');
  await field(page, 'Категория надёжности').selectOption('III');
  await field(page, 'Характер нагрузки').fill('Складское освещение и вентиляция');
  await field(page, 'Территория').selectOption('urban');
  await field(page, 'Расстояние до существующих сетей, м').fill('400');
  await field(page, 'Планируемый срок ввода в эксплуатацию').fill('2027-06-01');
  await field(page, 'Порядок оплаты').selectOption('instalments');
  // The choice is explained where it is made, with its ◐ note.
  await page.getByText(/Рассрочка: 5 % — аванс в течение 5 рабочих дней/).waitFor();
  await page.getByText(/◐ Порядок оплаты частями взят из действующих форм заявок/).waitFor();
  await field(page, 'Срок рассрочки').selectOption('8');
  await field(page, 'Гарантирующий поставщик').selectOption('gp-center');
  for (const kind of ['sitePlan', 'titleDocument', 'registryExtract'] as const) {
    const name = `${kind}.pdf`;
    await field(page, ATTACHMENT_LABELS[kind]).setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(samplePdf(kind)) });
    await page.getByRole('list', { name: `Приложенные файлы: ${ATTACHMENT_LABELS[kind]}` }).getByText(name, { exact: true }).waitFor();
  }
}

describe('paying in parts in the browser', () => {
  it('a 100 kW legal entity chooses рассрочка, sees the schedule, pays the first part and the contract is concluded', { timeout: 180_000 }, async () => {
    const applicant = await registeredApplicant(legalRegistration());
    // bypassCSP: axe is injected as an inline script at the end (tests/e2e/accessibility.test.ts does the same).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow', bypassCSP: true });
    context.setDefaultTimeout(LIVE_MS);
    await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(applicant.client).get(SESSION_COOKIE)!, url: appUrl() }]);
    const page = await context.newPage();

    await page.goto(`${appUrl()}/applications/new`);
    await fillLegalEntityForm(page);
    // Near the network at 0,4 kV paying in parts is not offered, and the page says why.
    await field(page, 'Уровень напряжения').selectOption('0.4');
    await field(page, 'Расстояние до существующих сетей, м').fill('150');
    await page.getByText('При напряжении до 0,4 кВ и расстоянии до сетей не более 200 м (город) оплата частями не предоставляется').first().waitFor();
    await field(page, 'Уровень напряжения').selectOption('10');
    await field(page, 'Расстояние до существующих сетей, м').fill('400');
    await field(page, 'Порядок оплаты').selectOption('instalments');

    await page.getByRole('button', { name: 'Подать заявку', exact: true }).click();
    const success = page.getByRole('status').filter({ hasText: /Заявка ТП-\d{4}-\d{6} зарегистрирована/ });
    await success.waitFor();
    await page.getByRole('link', { name: 'Перейти к заявке' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;

    // The grid accepts and posts the documents with a 100 000 ₽ invoice.
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    await operator.staffApplications.act.mutate({ id: caseId, action: 'acceptComplete', input: {} });
    await operator.staffApplications.act.mutate({ id: caseId, action: 'postContractDocuments', input: { ...invoiceOf(100_000), tuRequirements: 'Построить ЛЭП 10 кВ до границы участка', connectionPoint: 'ПС 110/10 кВ «Южная», яч. 7' } });

    // The schedule on the case page: the 5 % advance due now, eight quarterly parts after the act.
    const schedule = page.getByRole('region', { name: 'График платежей' });
    await schedule.waitFor();
    const rows = schedule.getByRole('row');
    await expect.poll(() => rows.count()).toBe(1 + 9);
    expect(await rows.nth(1).textContent()).toMatch(/Аванс, 5 %5\s000\s₽/);
    expect(await rows.nth(1).textContent()).toContain('Ожидает оплаты');
    expect(await rows.nth(2).textContent()).toMatch(/1-й квартальный платёж.*в т\. ч\. проценты.*3 месяца после акта о ТП/);
    expect(await schedule.textContent()).toContain('Договор заключается первым платежом');

    // Paying the first part concludes the contract.
    const pay = page.getByRole('region', { name: 'Оплатить счёт' });
    // What the button pays is the first part, not the whole invoice.
    expect(await pay.textContent()).toMatch(/Первый платёж по графику: 5\s000\s₽/);
    await pay.getByRole('button', { name: 'Оплатить (тестовый платёж)', exact: true }).click();
    await expect.poll(() => summary(page, 'Этап').textContent(), { timeout: LIVE_MS }).toBe(STAGE_DEFINITIONS.tuFulfilment.title);
    await expect.poll(() => summary(page, 'Договор заключён').count()).toBe(1);
    await expect.poll(async () => (await rows.nth(1).textContent()) ?? '').toContain('Оплачен');
    await page.getByText('Внесён первый платёж по графику, договор заключён').first().waitFor();
    // The next part is offered, marked as a test payment.
    await page.getByRole('region', { name: 'Оплатить платёж по графику' }).getByRole('button', { name: 'Оплатить платёж № 2 (тестовый платёж)' }).waitFor();

    // The page with the schedule passes axe: no serious or critical violation.
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const serious = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null }> }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(serious).toEqual([]);
    await context.close();
  });
});
