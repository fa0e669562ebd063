// Issue 18 «done when», in Chromium: a 15 kW household applicant's invoice total
// equals the public calculator's result for the same inputs, and the downloaded
// invoice's QR decodes to the payee and the sum. The operator posts
// the documents with the scope in the staff form (the invoice computed live),
// the applicant reads the calculator and the case page's «Счёт: расчёт платы».
import fs from 'node:fs/promises';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { STAFF_ACTIONS } from '../../domain/application';
import { moscowDate } from '../../domain/calendar';
import { formatKop } from '../../domain/money';
import { DEMO_ACCOUNTS, SAMPLE_PAYMENT_REQUISITES } from '../../db/seed-demo';
import { parsePaymentQrPayload } from '../../domain/payment-qr';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { launchBrowser, snapshot } from '../support/browser';
import { qrCodesInPdf } from '../support/pdf-qr';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const LIVE_MS = 20_000;
const appUrl = () => inject('appUrl');
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(LIVE_MS);
  return context;
}

async function staffPage(): Promise<Page> {
  const page = await (await newContext()).newPage();
  await page.goto(`${appUrl()}/login`);
  await page.getByLabel('Адрес электронной почты', { exact: true }).fill(staffAccount.email);
  await page.getByLabel('Пароль', { exact: true }).fill(staffAccount.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

type FormFacts = Parameters<typeof completeIndividualForm>[1];

/** An individual's application filed and accepted through the API: these tests are about the money. */
async function acceptedApplication(facts: FormFacts) {
  const applicant = await registeredApplicant();
  const form = await completeIndividualForm(applicant.client, facts);
  const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
  const operator = await loggedIn(staffAccount.email, staffAccount.password);
  await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} });
  return { applicant, form, app };
}

const POST = STAFF_ACTIONS.postContractDocuments.label;

/**
 * The operator's «Разместить…» form on the staff case page: `scope` fills the construction
 * scope after the region and «Требуется строительство»; returns the live invoice total the
 * form showed, and `post` sends the form once the ТУ fields are filled.
 */
async function staffPostsDocuments(appId: string, scope: (card: Locator) => Promise<void>, meter: string) {
  const staff = await staffPage();
  await staff.goto(`${appUrl()}/staff/applications/${appId}`);
  const card = staff.locator('form').filter({ has: staff.getByRole('button', { name: POST, exact: true }) });
  await card.getByLabel('Регион тарифов', { exact: true }).selectOption({ label: 'Регион-образец (образец)' });
  await card.getByLabel('Требуется строительство', { exact: true }).check();
  await scope(card);
  await card.getByLabel('Прибор учёта', { exact: true }).selectOption(meter);
  const previewTotal = card.getByTestId('invoice-total');
  await previewTotal.waitFor();
  const staffSaw = plain(await previewTotal.textContent());
  return {
    staff,
    staffSaw,
    async post(tuRequirements: string, connectionPoint: string) {
      await card.getByLabel('Мероприятия по техническим условиям', { exact: true }).fill(tuRequirements);
      await card.getByLabel('Точка присоединения', { exact: true }).fill(connectionPoint);
      await card.getByRole('button', { name: POST, exact: true }).click();
      await expect.poll(() => staff.getByRole('status').filter({ hasText: `Выполнено: «${POST}»` }).count(), { timeout: LIVE_MS }).toBe(1);
    },
  };
}

describe('the computed invoice in the cabinet', () => {
  it('a 15 kW household invoice equals the public calculator for the same inputs', async () => {
    const { applicant, app } = await acceptedApplication({ maxPowerKw: 15, territory: 'urban', distanceToNetworkM: 120 });

    // The operator decides the scope; the form shows the invoice computed from the tariff before posting.
    const { staff, staffSaw, post } = await staffPostsDocuments(app.id, (card) => card.getByLabel('Воздушная линия, м', { exact: true }).fill('120'), '1ph');
    await snapshot(staff, 'invoice-staff-preview');
    await post('Построить ВЛ-0,4 кВ до границы участка, установить прибор учёта', 'Опора № 12 ВЛ-0,4 кВ Ф-3');

    // The applicant computes the same connection on the public calculator.
    const context = await newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(applicant.client).get(SESSION_COOKIE)!, url: appUrl() }]);
    const page = await context.newPage();
    await page.goto(`${appUrl()}/calculator`);
    const field = (name: string) => page.getByLabel(name, { exact: true });
    await field('Регион').selectOption({ label: 'Регион-образец (образец)' });
    await field('Категория заявителя').selectOption('individual15');
    await field('Максимальная мощность, кВт').fill('15');
    await field('Территория').selectOption('urban');
    await field('Расстояние до существующих сетей, м').fill('120');
    await page.getByLabel('Нужно строительство сетей').check();
    await field('Воздушная линия, м').fill('120');
    await field('Прибор учёта').selectOption('1ph');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await page.locator('.fee-table tfoot td').first().waitFor();
    const calculatorTotal = plain(await page.locator('.fee-table tfoot td').first().textContent());

    // The case page shows the invoice with its lines; its total is the calculator's.
    await page.goto(`${appUrl()}/applications/${app.id}`);
    const invoiceCard = page.getByRole('region', { name: 'Счёт: расчёт платы' });
    await invoiceCard.waitFor();
    const invoiceTotal = plain(await invoiceCard.getByTestId('invoice-total').textContent());
    expect(invoiceTotal).toBe(calculatorTotal);
    expect(staffSaw).toBe(calculatorTotal);
    // 15 kW × 7 000 ₽/kW: the ≤15 kW cap of the sample set.
    expect(invoiceTotal).toBe('105 000,00 ₽');
    const codes = await invoiceCard.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes).toEqual(['C1', 'C2', 'C8', 'VAT', 'CAP']);
    expect(plain(await invoiceCard.textContent())).toContain('НДС 22 %');
    await snapshot(page, 'invoice-applicant-case');

    // The applicant downloads the invoice from the case documents; its QR (ГОСТ Р 56042-2014) pays the grid that sum.
    const invoiceLink = page.getByRole('listitem').filter({ hasText: 'Счёт на оплату' }).getByRole('link', { name: 'Скачать' }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), invoiceLink.click()]);
    const qr = qrCodesInPdf(new Uint8Array(await fs.readFile((await download.path())!)));
    expect(qr).toHaveLength(1);
    const { fields } = parsePaymentQrPayload(qr[0]!);
    // The payee is the requisites version in force when the invoice was issued: the sample
    // unless another test's admin saved one meanwhile (the fuzz and requisites tests do).
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const versions = await (await loggedIn(admin.email, admin.password)).paymentRequisites.history.query();
    const payee = versions.find((v) => v.name === fields.Name && v.account === fields.PersonalAcc) ?? SAMPLE_PAYMENT_REQUISITES;
    expect(fields).toMatchObject({
      Name: payee.name,
      PersonalAcc: payee.account,
      BIC: payee.bik,
      CorrespAcc: payee.correspondentAccount,
      PayeeINN: payee.inn,
      KPP: payee.kpp,
      Sum: String(105_000_00),
    });
    expect(fields.Purpose).toContain(`по заявке ${app.number}`);
  });

  it('staff post line segments and a substation with its details; the invoice prices them as the calculator does', async () => {
    const { applicant, form, app } = await acceptedApplication({ category: 'individualUpTo150', maxPowerKw: 60, territory: 'urban', distanceToNetworkM: 300 });
    // The same scope fields as the calculator's: a cable segment in a trench and a one-transformer substation.
    const { staffSaw, post } = await staffPostsDocuments(
      app.id,
      async (card) => {
        await card.getByRole('button', { name: 'Добавить участок линии' }).click();
        const segment = card.getByRole('group', { name: 'Участок 1' });
        await segment.getByLabel('Тип линии', { exact: true }).selectOption('plastic');
        await segment.getByLabel('Способ прокладки', { exact: true }).selectOption('trench');
        await segment.getByLabel('Сечение, мм²', { exact: true }).fill('70');
        await segment.getByLabel('Длина, м', { exact: true }).fill('280');
        await card.getByLabel('Трансформаторная подстанция (ставка C5)', { exact: true }).check();
        await card.getByLabel('Тип трансформаторной подстанции', { exact: true }).selectOption('single');
        await card.getByLabel('Мощность трансформаторов, кВА', { exact: true }).fill('250');
      },
      '3ph-direct',
    );
    await post('Проложить КЛ-0,4 кВ в траншее, построить КТП 250 кВА, установить прибор учёта', 'РУ-0,4 кВ новой КТП');

    // The calculator, asked through the API with the same facts and scope, gives the same total.
    const calculator = await applicant.client.calculator.calculate.query({
      region: 'Регион-образец',
      date: moscowDate(Date.parse(app.submittedAt)),
      category: form.category,
      maxPowerKw: form.maxPowerKw,
      voltageKv: form.voltageKv,
      reliability: form.reliability,
      territory: form.territory,
      distanceToNetworkM: form.distanceToNetworkM,
      constructionNeeded: true,
      lineSegments: [{ lineType: 'plastic', layingMethod: 'trench', crossSectionMm2: 70, lengthM: 280 }],
      transformerSubstation: true,
      transformerSubstationType: 'single',
      transformerSubstationKva: 250,
      meteringType: '3ph-direct',
    });
    const expected = plain(formatKop(Math.round(calculator.totalRub * 100), { kopecks: 'always' }));

    const context = await newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(applicant.client).get(SESSION_COOKIE)!, url: appUrl() }]);
    const page = await context.newPage();
    await page.goto(`${appUrl()}/applications/${app.id}`);
    const invoiceCard = page.getByRole('region', { name: 'Счёт: расчёт платы' });
    await invoiceCard.waitFor();
    expect(plain(await invoiceCard.getByTestId('invoice-total').textContent())).toBe(expected);
    expect(staffSaw).toBe(expected);
    const codes = await invoiceCard.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    // Up to 150 kW the sample set prices substations per kW (C5-7), lines per metre of the segment.
    expect(codes).toEqual(['C1', 'C3', 'C5-7', 'C8', 'VAT']);
    expect(plain(await invoiceCard.textContent())).toContain('в траншее');
  });
});
