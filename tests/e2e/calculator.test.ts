// The calculator in Chromium without logging in, on the seeded sample tariff
// (2026 set, VAT 22 %), and the admin's tariff upload with its row report.
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { launchBrowser, snapshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU' });
  return context.newPage();
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
/** Text as a reader sees it: no-break spaces are spaces. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const text = async (page: Page, selector: string) => plain(await page.locator(selector).first().textContent());
/** The cells of each body row of the first table matching the selector. */
const cells = async (page: Page, selector: string) =>
  (await page.locator(selector).first().evaluate((table: HTMLTableElement) => [...table.tBodies[0]!.rows].map((tr) => [...tr.cells].map((td) => td.textContent ?? '')))).map((r) => r.map(plain));
const rows = (page: Page) => cells(page, '.fee-table');

describe('the connection cost calculator', () => {
  it('opens without login and shows a 15 kW household connection line by line, capped at 7 000 ₽/kW', async () => {
    const page = await newPage();
    await page.goto(`${inject('appUrl')}/calculator`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Калькулятор стоимости технологического присоединения');
    expect(page.url()).toMatch(/\/calculator$/);

    await field(page, 'Регион').selectOption({ label: 'Регион-образец (образец)' });
    await field(page, 'Категория заявителя').selectOption('individual15');
    await field(page, 'Максимальная мощность, кВт').fill('15');
    await field(page, 'Территория').selectOption('urban');
    await field(page, 'Расстояние до существующих сетей, м').fill('150');
    await page.getByLabel('Нужно строительство сетей').check();
    await field(page, 'Воздушная линия, м').fill('150');
    await field(page, 'Прибор учёта').selectOption('1ph');
    await page.getByRole('button', { name: 'Рассчитать' }).click();

    await expect.poll(() => text(page, '.fee-table tfoot td')).toBe('105 000,00 ₽');
    const lines = await rows(page);
    // C1 19 745; C2·L 0,15 × 2 332 446 = 349 866,90; C8 2 155,09; VAT 81 788,74; cap 105 000 − 453 555,73 = −348 555,73
    expect(lines.map(([, amount]) => amount)).toEqual(['19 745,00 ₽', '349 866,90 ₽', '2 155,09 ₽', '81 788,74 ₽', expect.stringMatching(/^[-−]348 555,73 ₽$/)]);
    expect(lines[0]![0]).toBe('C1 — подготовка и выдача технических условий, проверка их выполнения, 19 745 ₽ за присоединениеКурская область, 2024');
    expect(lines[1]![0]).toMatch(/^C2·L — строительство воздушных линий, 0,15 км × 2 332 446 ₽\/км/);
    expect(lines[2]![0]).toMatch(/^C8·Q — средства учёта: однофазный прибор учёта, 1 шт. × 2 155,09 ₽/);
    expect(lines[3]![0]).toBe('НДС 22 %');
    expect(lines[4]![0]).toBe('Ограничение платы: физическое лицо до 15 кВт, не больше 7 000 ₽ × 15 кВт = 105 000,00 ₽');

    const rule = plain(await page.getByText('Какое правило применено').locator('..').textContent());
    expect(rule).toContain('Льготная ставка для физических лиц до 15 кВт: не больше 7 000 ₽ за кВт');
    expect(rule).toContain('вместо 453 555,73 ₽ по стандартизированным ставкам');
    const tariff = await text(page, '.dl');
    expect(tariff).toContain('Регион-образец образец');
    expect(tariff).toContain('с 01.01.2026');
    expect(tariff).toContain('Курская область, 2024');
    await snapshot(page, 'calculator-individual-15kw');

    // A preferential group: the sum follows the input without another click.
    await field(page, 'Льготная категория').selectOption('largeFamily');
    await expect.poll(() => text(page, '.fee-table tfoot td')).toBe('15 000,00 ₽');
    expect(plain(await page.getByText('Какое правило применено').locator('..').textContent())).toContain(
      'Льготный тариф: не больше 1 000 ₽ за кВт для льготных категорий граждан (многодетные семьи)',
    );
    await page.context().close();
  });

  it('charges a company without construction P = C1 + C8·Q, and says what is wrong in the input', async () => {
    const page = await newPage(420);
    await page.goto(`${inject('appUrl')}/calculator`);
    await field(page, 'Регион').selectOption({ label: 'Регион-образец (образец)' });
    await field(page, 'Категория заявителя').selectOption('upTo150');
    await field(page, 'Максимальная мощность, кВт').fill('200');
    await field(page, 'Территория').selectOption('rural');
    await field(page, 'Расстояние до существующих сетей, м').fill('10');
    await field(page, 'Прибор учёта').selectOption('3ph-direct');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect.poll(() => page.locator('#calc-maxPowerKw-error').textContent()).toBe('Для выбранной категории мощность должна быть не больше 150 кВт');
    expect(await page.locator('.fee-table').count()).toBe(0);

    await field(page, 'Максимальная мощность, кВт').fill('50');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    // 19 745 + 10 903,35 + VAT 22 % (4 343,90 + 2 398,74) = 37 390,99
    await expect.poll(() => text(page, '.fee-table tfoot td')).toBe('37 390,99 ₽');
    expect((await rows(page)).map(([label, amount]) => [label!.split(' ')[0], amount])).toEqual([
      ['C1', '19 745,00 ₽'],
      ['C8·Q', '10 903,35 ₽'],
      ['НДС', '6 742,64 ₽'],
    ]);
    expect(plain(await page.getByText('Какое правило применено').locator('..').textContent())).toContain('P = C1 + C8·Q');
    await snapshot(page, 'calculator-company-phone');
    await page.context().close();
  });
});

describe('tariff upload by an admin', () => {
  it('shows the row report for a bad file, then loads a good one', async () => {
    const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
    const page = await newPage();
    await page.goto(`${inject('appUrl')}/login`);
    await field(page, 'Адрес электронной почты').fill(admin.email);
    await field(page, 'Пароль').fill(admin.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('navigation').getByRole('link', { name: 'Тарифы' }).click();
    await page.waitForURL('**/admin/tariffs');
    await expect.poll(() => page.getByText('Регион-образец').first().isVisible()).toBe(true);

    const region = `Область e2e ${Date.now()}`;
    await field(page, 'Регион').fill(region);
    await field(page, 'Название набора').fill('Ставки e2e');
    await field(page, 'Действует с').fill('2026-01-01');
    await field(page, 'Решение органа регулирования').fill('Постановление № 1/2026');
    await field(page, 'Источник ставок').fill('Тест в браузере');
    const header = 'category;territory;voltage;item;rate;vatIncluded';
    await field(page, 'Или вставьте содержимое файла').fill([header, '*;*;*;C1;19745;нет', '*;*;*;C8.1;много;нет', '*;*;*;C1;1;нет'].join('\n'));
    await page.getByRole('button', { name: 'Проверить и загрузить' }).click();

    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Набор не загружен' }).isVisible()).toBe(true);
    const report = await cells(page, 'table');
    expect(report).toEqual([
      ['3', 'rate', 'много', expect.stringContaining('Ставка — число рублей')],
      ['4', 'item', 'C1', 'Повторяет строку 2: та же ставка C1 для тех же категории, территории и напряжения'],
    ]);

    await field(page, 'Или вставьте содержимое файла').fill([header, '*;*;*;C1;19745;нет', '*;*;*;C8.1;2155,09;нет'].join('\n'));
    await page.getByRole('button', { name: 'Проверить и загрузить' }).click();
    await expect.poll(async () => plain(await page.getByRole('status').filter({ hasText: 'Набор тарифов загружен' }).textContent().catch(() => ''))).toContain(`${region}: ставок — 2`);
    await expect.poll(() => page.getByRole('heading', { name: 'Ставки e2e' }).isVisible()).toBe(true);
    await snapshot(page, 'admin-tariffs');
    await page.context().close();
  });
});
