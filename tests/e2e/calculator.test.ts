// The calculator in Chromium without logging in, on the seeded sample tariff
// (2026 set, VAT 22 %), and the admin's tariff upload with its row report.
import { createRequire } from 'node:module';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { launchBrowser, snapshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function newPage(width = 1280, opts: { bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU', ...opts });
  return context.newPage();
}

/** Serious and critical axe-core findings on the page as it is now (axe is injected as a script: the context must bypass the CSP). */
async function axeFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core') });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: Array<{ html: string }> };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
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

describe('a power increase and a line segment', () => {
  it('charges 10 → 15 kW on 5 kW and prices a cable segment laid by ГНБ, on a phone', async () => {
    const page = await newPage(390, { bypassCSP: true });
    await page.goto(`${inject('appUrl')}/calculator`);
    await field(page, 'Регион').selectOption({ label: 'Регион-образец (образец)' });
    await field(page, 'Категория заявителя').selectOption('individual15');
    await field(page, 'Максимальная мощность, кВт').fill('15');
    await field(page, 'Ранее присоединённая мощность, кВт').fill('10');
    await field(page, 'Территория').selectOption('urban');
    await field(page, 'Расстояние до существующих сетей, м').fill('150');
    await page.getByLabel('Нужно строительство сетей').check();
    await page.getByRole('button', { name: 'Добавить участок линии' }).click();
    // Focus lands on the new segment's first field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('calc-seg0_lineType');
    const segment = page.getByRole('group', { name: 'Участок 1' });
    await segment.getByLabel('Тип линии').selectOption('plastic');
    await segment.getByLabel('Способ прокладки').selectOption('hdd');
    await segment.getByLabel('Сечение, мм²').fill('70');
    await segment.getByLabel('Длина, м').fill('150');
    await field(page, 'Прибор учёта').selectOption('1ph');
    await page.getByRole('button', { name: 'Рассчитать' }).click();

    // Standardized: C1 19 745 + C3 0,15 × 5 069 113 = 760 366,95 + C8 2 155,09 + VAT 22 % 172 098,75 = 954 365,79;
    // capped at 7 000 ₽ × 5 kW (the increment, not 15 kW) = 35 000.
    await expect.poll(() => text(page, '.fee-table tfoot td')).toBe('35 000,00 ₽');
    const lines = await rows(page);
    expect(lines[0]).toEqual(['Мощность, на которую рассчитана плата (прирост): 15 кВт − 10 кВт ранее присоединённой', '5 кВт']);
    expect(lines[2]).toEqual([
      'C3·L — участок 1: КЛ, кабель с пластмассовой или резиновой изоляцией, горизонтальное наклонно-направленное бурение (ГНБ), 70 мм²; 0,15 км × 5 069 113 ₽/кмставка 0,4 кВ одного из регионов',
      '760 366,95 ₽',
    ]);
    expect(lines.at(-1)).toEqual(['Ограничение платы: физическое лицо до 15 кВт, не больше 7 000 ₽ × 5 кВт (прирост: 15 − 10 кВт) = 35 000,00 ₽', expect.stringMatching(/^[-−]919 365,79 ₽$/)]);
    expect(plain(await page.getByText('Какое правило применено').locator('..').textContent())).toContain('Увеличение мощности: плата рассчитана на прирост 5 кВт');
    // The page fits a phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The expanded form (segment, laying method) and the result pass axe as the main pages do.
    expect(await axeFindings(page)).toEqual([]);
    await snapshot(page, 'calculator-power-increase-phone');

    // A previous power not below the total is refused on its field.
    await field(page, 'Ранее присоединённая мощность, кВт').fill('15');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect.poll(() => page.locator('#calc-previousPowerKw-error').textContent()).toMatch(/^Ранее присоединённая мощность должна быть меньше максимальной/);
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

    // The good file in the new format: a C3 row for a cable laid by ГНБ, 50–100 мм², as regional decisions split it (образец).
    const detailed = 'category;territory;voltage;item;lineType;laying;crossSection;rate;vatIncluded;note';
    await field(page, 'Или вставьте содержимое файла').fill(
      [detailed, '*;*;*;C1;;;;19745;нет;', '*;*;*;C8.1;;;;2155,09;нет;', '*;город;0,4;C3;plastic;ГНБ;50–100;7 600 000;нет;образец'].join('\n'),
    );
    await page.getByRole('button', { name: 'Проверить и загрузить' }).click();
    await expect.poll(async () => plain(await page.getByRole('status').filter({ hasText: 'Набор тарифов загружен' }).textContent().catch(() => ''))).toContain(`${region}: ставок — 3`);
    await expect.poll(() => page.getByRole('heading', { name: 'Ставки e2e' }).isVisible()).toBe(true);
    await page.getByRole('region', { name: `${region}: Ставки e2e` }).getByRole('button', { name: 'Показать ставки' }).click();
    await expect
      .poll(() => page.getByRole('cell', { name: 'КЛ, кабель с пластмассовой или резиновой изоляцией; горизонтальное наклонно-направленное бурение (ГНБ); сечение свыше 50 до 100 мм² включительно' }).isVisible())
      .toBe(true);
    await snapshot(page, 'admin-tariffs');

    // The calculator prices a ГНБ segment by that row at once.
    await page.goto(`${inject('appUrl')}/calculator`);
    await field(page, 'Регион').selectOption(region);
    await field(page, 'Категория заявителя').selectOption('upTo150');
    await field(page, 'Максимальная мощность, кВт').fill('50');
    await field(page, 'Территория').selectOption('urban');
    await field(page, 'Расстояние до существующих сетей, м').fill('100');
    await page.getByLabel('Нужно строительство сетей').check();
    await page.getByRole('button', { name: 'Добавить участок линии' }).click();
    const segment = page.getByRole('group', { name: 'Участок 1' });
    await segment.getByLabel('Тип линии').selectOption('plastic');
    await segment.getByLabel('Способ прокладки').selectOption('hdd');
    await segment.getByLabel('Сечение, мм²').fill('70');
    await segment.getByLabel('Длина, м').fill('100');
    await field(page, 'Прибор учёта').selectOption('none');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    // C1 19 745 + C3 0,1 км × 7 600 000 = 760 000; VAT 22 % 4 343,90 + 167 200 = 171 543,90; total 951 288,90
    await expect.poll(() => text(page, '.fee-table tfoot td')).toBe('951 288,90 ₽');
    expect((await rows(page)).map(([, amount]) => amount)).toEqual(['19 745,00 ₽', '760 000,00 ₽', '171 543,90 ₽']);

    // Trench instead of ГНБ: the set has no such row, and the page says so in words.
    await segment.getByLabel('Способ прокладки').selectOption('trench');
    await page.getByRole('button', { name: 'Рассчитать' }).click();
    await expect.poll(async () => plain(await page.getByRole('alert').filter({ hasText: 'Расчёт невозможен' }).textContent().catch(() => ''))).toContain('нет ставки C3 (строительство кабельных линий: КЛ, кабель с пластмассовой или резиновой изоляцией; в траншее;');
    await page.context().close();
  });
});
