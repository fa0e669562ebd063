// In Chromium (issue 20, item 6): the principal uploads a power of attorney on
// «Представители»; staff confirm it on «Доверенности»; the representative picks
// the principal as the applicant on «Подать заявку», files, and pays the invoice
// on the case page; the case is the principal's and its history names the
// representative; the principal revokes, and the representative's open case
// page loses the case.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { addCalendarDays, moscowDate } from '../../domain/calendar';
import { STAGE_DEFINITIONS } from '../../domain/application';
import { cookiesOf, type apiClient } from '../support/api-client';
import { individualRegistration, loggedIn, registeredApplicant } from '../support/applicants';
import { fillApplication } from '../support/application-page';
import { samplePdf } from '../support/applications';
import { launchBrowser, snapshot } from '../support/browser';
import { invoiceOf } from '../support/invoice-input';
import { uniqueEmail } from '../support/mail';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const appUrl = () => inject('appUrl');
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;

async function pageOf(client: ReturnType<typeof apiClient>): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(20_000);
  await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(client).get(SESSION_COOKIE)!, url: appUrl() }]);
  return context.newPage();
}

const summary = (page: Page, term: string) => page.getByRole('region', { name: 'Сводка' }).locator(`dt:text-is("${term}") + dd`);

describe('a representative in the browser', () => {
  it('authorised by a verified power of attorney, files and pays for the principal; revoked, loses the case at once', async () => {
    const [principal, representative] = await Promise.all([
      registeredApplicant({ ...individualRegistration(uniqueEmail('e2e-principal')), lastName: 'Доверова', firstName: 'Анна', middleName: 'Павловна' }),
      registeredApplicant({ ...individualRegistration(uniqueEmail('e2e-representative')), lastName: 'Поверенный', firstName: 'Илья', middleName: 'Сергеевич' }),
    ]);
    const today = moscowDate(Date.now());

    // The principal authorises the representative on «Представители».
    const principalPage = await pageOf(principal.client);
    await principalPage.goto(`${appUrl()}/`);
    await principalPage.getByRole('navigation', { name: 'Разделы личного кабинета' }).getByRole('link', { name: 'Представители' }).click();
    await principalPage.getByRole('heading', { level: 1, name: 'Представители' }).waitFor();
    const grant = principalPage.getByRole('region', { name: 'Выдать доверенность' });
    await grant.getByLabel('Электронная почта представителя').fill(representative.email);
    await grant.getByLabel('Номер доверенности').fill('77 АА 1234567');
    await grant.getByLabel('Дата выдачи').fill(addCalendarDays(today, -2));
    await grant.getByLabel('Действует до (включительно)').fill(addCalendarDays(today, 365));
    // Without the scan the form says what is missing and sends nothing.
    await grant.getByRole('button', { name: 'Отправить на проверку' }).click();
    await expect.poll(() => grant.getByText('Загрузите скан или файл доверенности').count()).toBeGreaterThan(0);
    await grant.getByLabel('Скан доверенности').setInputFiles({ name: 'Доверенность.pdf', mimeType: 'application/pdf', buffer: Buffer.from(samplePdf('доверенность')) });
    await grant.getByRole('list', { name: 'Приложенные файлы: Скан доверенности' }).getByText('Доверенность.pdf', { exact: true }).waitFor();
    await grant.getByRole('button', { name: 'Отправить на проверку' }).click();
    await expect.poll(() => grant.getByText('Доверенность № 77 АА 1234567 (представитель: Поверенный Илья Сергеевич) отправлена на проверку', { exact: false }).count()).toBe(1);
    await expect.poll(() => principalPage.getByRole('region', { name: 'Выданные доверенности' }).getByText('На проверке').count()).toBe(1);

    // Staff compare the scan and confirm.
    const staffPage = await pageOf(await loggedIn(staffAccount.email, staffAccount.password));
    await staffPage.goto(`${appUrl()}/staff/powers-of-attorney`);
    const card = staffPage.getByRole('region', { name: 'Доверова Анна Павловна → Поверенный Илья Сергеевич' });
    await card.getByRole('link', { name: 'Открыть скан доверенности № 77 АА 1234567' }).waitFor();
    await card.getByRole('button', { name: 'Подтвердить' }).click();
    await expect.poll(() => staffPage.getByText('Доверенность № 77 АА 1234567 подтверждена', { exact: false }).count()).toBe(1);

    // The representative files for the principal: «Заявитель» is the principal, the power of attorney goes with it.
    const page = await pageOf(representative.client);
    await page.goto(`${appUrl()}/applications/new`);
    await page.getByLabel('Подать от имени', { exact: true }).selectOption({ label: 'Доверова Анна Павловна (доверенность № 77 АА 1234567)' });
    await page.getByText('Заявитель (доверитель)').waitFor();
    await fillApplication(page);
    await snapshot(page, 'representative-files-for-principal');
    await page.getByRole('button', { name: 'Подать заявку', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /Заявка ТП-\d{4}-\d{6} зарегистрирована/ }).waitFor();
    await page.getByRole('link', { name: 'Перейти к заявке' }).click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    const caseId = new URL(page.url()).pathname.split('/').at(-1)!;
    expect((await stack.db.Application.findByPk(caseId))!.applicantId).toBe(principal.user.id);
    expect((await principal.client.applications.list.query({})).items.map((a) => a.id)).toContain(caseId);

    // The grid posts the invoice; the representative pays it on the case page and the contract is concluded.
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    await operator.staffApplications.act.mutate({ id: caseId, action: 'acceptComplete', input: {} });
    await operator.staffApplications.act.mutate({ id: caseId, action: 'postContractDocuments', input: { ...invoiceOf(48_000), tuRequirements: 'Установить прибор учёта на границе участка', connectionPoint: 'Опора № 3 ВЛ-0,4 кВ' } });
    const pay = page.getByRole('region', { name: 'Оплатить счёт' });
    await pay.getByRole('button', { name: 'Оплатить (тестовый платёж)', exact: true }).click();
    await expect.poll(() => summary(page, 'Этап').textContent()).toBe(STAGE_DEFINITIONS.tuFulfilment.title);
    expect((await principal.client.applications.get.query({ id: caseId })).summary.contractConcludedAt).not.toBeNull();
    const [paid] = await stack.db.sequelize.query<{ actor_name: string }>(`SELECT actor_name FROM case_events WHERE case_id = $1 AND type = 'paid'`, { bind: [caseId], type: QueryTypes.SELECT });
    expect(paid?.actor_name).toBe('Поверенный Илья Сергеевич, представитель по доверенности № 77 АА 1234567 (доверитель: Доверова Анна Павловна)');

    // The principal revokes on «Представители»; the representative's cabinet no longer opens the case.
    await principalPage.reload();
    principalPage.once('dialog', (dialog) => void dialog.accept());
    await principalPage.getByRole('button', { name: 'Отозвать доверенность № 77 АА 1234567' }).click();
    await expect.poll(() => principalPage.getByText('Доверенность № 77 АА 1234567 отозвана', { exact: false }).count()).toBe(1);
    await page.reload();
    await page.getByText('Заявка не найдена', { exact: false }).first().waitFor();
  });
});
