// A visitor without an account (issue 21): from the landing page the calculator, the
// outage schedule, the lead-time dashboard and the disclosures open by links; the
// dashboard shows the figures of cases this test wrote into the read models, equal
// to a direct computation from their histories; the quarter's disclosure report
// equals a hand count of the same cases.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CATEGORY_LABELS } from '../../domain/application';
import { calendarInForce } from '../../db/read-models/calendars';
import { quarterLabel } from '../../domain/transparency';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { launchBrowser, snapshot } from '../support/browser';
import { useStackClients } from '../support/stack-clients';
import { expectedLeadTimes, randomOldQuarter, seedQuarter, type Seeded } from '../support/transparency-seed';
import { stageTitle } from '../../web/src/features/transparency/wording';

const stack = useStackClients();
let browser: Browser;
let seeded: Seeded;
beforeAll(async () => {
  browser = await launchBrowser();
  seeded = await seedQuarter(stack.db, (await registeredApplicant()).user.id, randomOldQuarter(2001));
});
afterAll(() => browser?.close());

const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const tableRows = async (page: Page, caption: string) =>
  (
    await page
      .locator('table', { has: page.locator('caption', { hasText: caption }) })
      .first()
      .evaluate((table: HTMLTableElement) => [...table.tBodies[0]!.rows].map((tr) => [...tr.cells].map((td) => td.textContent ?? '')))
  ).map((r) => r.map(plain));
const days = (n: number | null) => (n === null ? '—' : String(n).replace('.', ','));
const share = (n: number | null) => (n === null ? '—' : `${String(Math.round(n * 1000) / 10).replace('.', ',')} %`);

async function fromLanding(page: Page, link: string, heading: string) {
  await page.goto(`${inject('appUrl')}/`);
  await expect.poll(() => h1(page)).toBe('Личный кабинет');
  await page.getByRole('link', { name: link, exact: true }).click();
  await expect.poll(() => h1(page)).toBe(heading);
}

describe('a visitor from the landing page', () => {
  it('opens the calculator, the outages, the dashboard and the disclosures by links, and sees the figures of known cases', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' })).newPage();
    await fromLanding(page, 'Калькулятор стоимости присоединения', 'Калькулятор стоимости технологического присоединения');
    await fromLanding(page, 'График плановых отключений', 'График плановых отключений');
    expect(page.url()).toMatch(/\/outages$/);

    await fromLanding(page, 'Сроки присоединения', 'Сроки технологического присоединения');
    // The quarter of the test's cases, as a link to it would carry it.
    await page.goto(`${page.url()}?quarter=${seeded.quarter}`);
    const caption = `Длительность этапов за ${quarterLabel(seeded.quarter)}`;
    await expect.poll(() => page.locator('caption', { hasText: caption }).count(), { timeout: 15_000 }).toBe(1);
    const expected = expectedLeadTimes(seeded, await calendarInForce(stack.db)).rows;
    expect(expected.length).toBeGreaterThan(5);
    expect(await tableRows(page, caption)).toEqual(
      expected.map((r) => [
        stageTitle(r.stage),
        r.category === 'all' ? 'Все категории' : CATEGORY_LABELS[r.category],
        String(r.count),
        days(r.medianWorkingDays),
        days(r.p90WorkingDays),
        days(r.statutoryWorkingDays),
        `${r.late} из ${r.withTerm} (${share(r.lateShare)})`,
      ]),
    );
    expect(await page.locator('svg.lead-chart[role="img"]').count()).toBe(2);
    expect(await page.getByRole('img', { name: /Фактическая длительность этапов/ }).getAttribute('aria-label')).toContain('медиана');
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать CSV' }).click();
    expect((await csv).suggestedFilename()).toBe(`Сроки присоединения ${seeded.quarter}.csv`);
    await snapshot(page, 'transparency-lead-times');

    await fromLanding(page, 'Раскрытие информации', 'Раскрытие информации о технологическом присоединении');
    await page.goto(`${page.url()}?quarter=${seeded.quarter}`);
    const reportCaption = `Заявки, договоры и присоединения за ${quarterLabel(seeded.quarter)} по диапазонам мощности`;
    await expect.poll(() => page.locator('caption', { hasText: reportCaption }).count(), { timeout: 15_000 }).toBe(1);
    // By hand (tests/support/transparency-seed.ts): received, kW, annulled, withdrawn, contracts, kW, fees, connected, kW.
    expect(await tableRows(page, reportCaption)).toEqual([
      ['до 15 кВт включительно', '3', '30', '0', '0', '2', '25', '91 667,17 ₽', '1', '15'],
      ['свыше 15 до 150 кВт включительно', '2', '250', '1', '0', '2', '250', '550 000,10 ₽', '0', '0'],
      ['свыше 150 до 670 кВт включительно', '1', '400', '0', '0', '1', '400', '1 234 567,89 ₽', '1', '400'],
      ['свыше 670 кВт', '1', '1 000', '0', '1', '1', '1 000', '2 000 000,01 ₽', '0', '0'],
    ]);
    const total = await page.locator('tfoot tr').first().evaluate((tr: HTMLTableRowElement) => [...tr.cells].map((c) => c.textContent ?? ''));
    expect(total.map(plain)).toEqual(['Итого', '7', '1 680', '1', '1', '6', '1 675', '3 876 235,17 ₽', '2', '415']);
    // The same cases by the voltage of their forms (one has no form row).
    expect(await tableRows(page, `Заявки, договоры и присоединения за ${quarterLabel(seeded.quarter)} по уровням напряжения`)).toEqual([
      ['НН (до 1 кВ)', '3', '30', '0', '0', '2', '25', '91 667,17 ₽', '1', '15'],
      ['СН-2 (от 1 до 20 кВ)', '1', '100', '0', '0', '1', '100', '250 000,10 ₽', '0', '0'],
      ['СН-1 (35 кВ)', '1', '400', '0', '0', '1', '400', '1 234 567,89 ₽', '1', '400'],
      ['ВН (110 кВ и выше)', '1', '1 000', '0', '1', '1', '1 000', '2 000 000,01 ₽', '0', '0'],
      ['Напряжение в заявке не указано', '1', '150', '1', '0', '1', '150', '300 000,00 ₽', '0', '0'],
    ]);
    expect(await page.getByRole('columnheader', { name: 'Уровень напряжения' }).count()).toBe(1);
    await expect.poll(() => page.getByText('уровни тарифного регулирования', { exact: false }).count()).toBe(1);
    await expect.poll(() => page.getByText('(❓)').count()).toBeGreaterThan(0);
    const pdf = await page.request.get(`${inject('appUrl')}/api/disclosures/${seeded.quarter}.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const csv2 = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Скачать CSV' }).click();
    const saved = await (await csv2).path();
    const bytes = readFileSync(saved);
    // UTF-8 with the BOM Excel needs to read Cyrillic.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('уровень напряжения;ВН (110 кВ и выше);1;1000;0;1;1;1000;2000000,01;0;0');
    await snapshot(page, 'transparency-disclosures');
  });
});

describe('free transformer capacity', () => {
  it('is loaded by an admin on its page and found by a visitor by settlement from the landing page', async () => {
    const town = `Посёлок-${randomUUID().slice(0, 8)}`;
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    await adminContext.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(await loggedIn(admin.email, admin.password)).get(SESSION_COOKIE)!, url: inject('appUrl') }]);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${inject('appUrl')}/admin/capacity`);
    await expect.poll(() => h1(adminPage)).toBe('Свободная мощность центров питания');
    await adminPage.getByLabel('Данные на дату').fill('2026-10-01');
    await adminPage.getByLabel('Источник данных').fill('Диспетчерская служба, проверка');
    await adminPage.getByLabel('Или вставьте содержимое файла').fill(`settlement;centre;voltage;freeMva;note\n${town};ПС 35/10 кВ Лесная;10;1,25;\n${town};ТП-7;0,4;0,16;резерв\n`);
    await adminPage.getByRole('button', { name: 'Проверить и загрузить' }).click();
    await expect.poll(() => adminPage.getByText('Данные загружены').count()).toBe(1);

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' })).newPage();
    await fromLanding(page, 'Свободная мощность', 'Свободная мощность центров питания');
    await page.getByLabel('Населённый пункт').fill(town);
    await page.getByRole('button', { name: 'Найти' }).click();
    const caption = `Свободная мощность центров питания — «${town}»`;
    await expect.poll(() => page.locator('caption', { hasText: caption }).count(), { timeout: 15_000 }).toBe(1);
    expect(await tableRows(page, caption)).toEqual([
      [town, 'ПС 35/10 кВ Лесная', '10 кВ', '1,250 МВА', '—'],
      [town, 'ТП-7', '0,4 кВ', '0,160 МВА', 'резерв'],
    ]);
  });
});

describe('what a visitor typed', () => {
  it('is kept from the calculator and the outage search into the first application after registering', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await fromLanding(page, 'Калькулятор стоимости присоединения', 'Калькулятор стоимости технологического присоединения');
    await page.getByLabel('Категория заявителя', { exact: true }).selectOption('individual15');
    await page.getByLabel('Максимальная мощность, кВт', { exact: true }).fill('12');
    await page.getByLabel('Расстояние до существующих сетей, м', { exact: true }).fill('80');
    await expect.poll(() => page.getByText('будут подставлены в новую заявку').count()).toBe(1);
    await fromLanding(page, 'График плановых отключений', 'График плановых отключений');
    await page.getByLabel('Населённый пункт', { exact: true }).fill('Истра');
    await page.getByLabel('Улица', { exact: true }).fill('Садовая');
    await page.waitForTimeout(600);

    // Registered (by e-mail, as every applicant) and signed in within the same tab.
    const applicant = await registeredApplicant();
    await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(applicant.client).get(SESSION_COOKIE)!, url: inject('appUrl') }]);
    await page.goto(`${inject('appUrl')}/applications/new`);
    await expect.poll(() => page.getByLabel('Максимальная мощность, кВт').inputValue(), { timeout: 15_000 }).toBe('12');
    expect(await page.getByLabel('Адрес объекта').inputValue()).toBe('Истра, Садовая');
    expect(await page.getByLabel('Расстояние до существующих сетей, м').inputValue()).toBe('80');

    // Taken once: the next new application starts blank.
    await page.goto(`${inject('appUrl')}/applications/new`);
    await expect.poll(() => page.getByLabel('Максимальная мощность, кВт').inputValue(), { timeout: 15_000 }).toBe('');
  });
});
