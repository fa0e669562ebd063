// «График плановых отключений» in Chromium against the real stack: the operator
// loads a schedule from CSV (a bad file is refused whole with its row report),
// corrects and cancels outages; a visitor without login finds an outage and
// takes it to a calendar; an applicant subscribes to addresses. Every test has
// a settlement of its own, so runs and parallel suites never see each other's rows.
import { readFile } from 'node:fs/promises';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { OUTAGE_CSV_COLUMNS, parseOutageCsv } from '../../domain/outages';
import { apiClient, cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { launchBrowser, snapshot } from '../support/browser';

let browser: Browser;
let staffCookie: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const staff = await loggedIn(staffAccount.email, staffAccount.password);
  staffCookie = cookiesOf(staff).get(SESSION_COOKIE)!;
});
afterAll(() => browser?.close());

const appUrl = () => inject('appUrl');
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;

const RUN = Date.now().toString(36);
let towns = 0;
const uniqueTown = () => `Светлогорье-${RUN}-${++towns}`;

const DAY_MS = 86_400_000;
/** A Moscow calendar day (UTC+3 all year) as ГГГГ-ММ-ДД, counted from today. */
const isoDay = (days: number) => new Date(Date.now() + days * DAY_MS + 3 * 3_600_000).toISOString().slice(0, 10);
/** The same day as staff write it and the schedule shows it: ДД.ММ.ГГГГ. */
const ruDay = (days: number) => isoDay(days).split('-').reverse().join('.');

const HEADER = OUTAGE_CSV_COLUMNS.join(';');
const csvRow = (town: string, streets: string, day: number, from: string, to: string, reason = 'Замена опор ВЛ-0,4 кВ') =>
  ['Истринский', town, `"${streets}"`, ruDay(day), from, to, reason, 'ВЛ-0,4 кВ Ф-3 от ТП-112'].join(';');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

async function importAsStaff(text: string) {
  const staff = await loggedIn(staffAccount.email, staffAccount.password);
  expect(await staff.outages.import.mutate({ csv: text })).toMatchObject({ errors: [] });
  return staff;
}

const found = (town: string) => apiClient().outages.search.query({ settlement: town, includeCancelled: true });

async function newPage(opts: { width?: number; cookie?: string; timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, locale: 'ru-RU', timezoneId: opts.timezoneId ?? 'Europe/Moscow', acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  if (opts.cookie) await context.addCookies([{ name: SESSION_COOKIE, value: opts.cookie, url: appUrl() }]);
  return context.newPage();
}

/** Text as a reader sees it: no-break spaces are spaces. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
/** The cells of each body row of a table. */
const cells = async (table: Locator) =>
  (await table.evaluate((t: HTMLTableElement) => [...t.tBodies[0]!.rows].map((tr) => [...tr.cells].map((td) => td.textContent ?? '')))).map((r) => r.map(plain));

/** No element wider than the screen: nothing to scroll sideways on a phone. */
async function fitsWidth(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // A table's header row is clipped away on a phone (its labels move into the cells).
    const wide = [...document.querySelectorAll<HTMLElement>('main *')].filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('thead'));
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`) };
  });
  expect(overflow).toEqual({ scroll: 0, wide: [] });
}

async function downloadText(page: Page, link: Locator): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFile((await download.path())!, 'utf8');
}

const scheduleTable = (page: Page) => page.getByRole('table', { name: 'Плановые отключения электроэнергии' });
const staffItem = (page: Page, name: string) => page.getByRole('article', { name, exact: true });

describe('the outage schedule in the browser', () => {
  it('the operator uploads a CSV: a file with bad rows is refused whole with a row report, a clean one is loaded', async () => {
    const town = uniqueTown();
    const page = await newPage({ cookie: staffCookie });
    await page.goto(`${appUrl()}/`);
    await page.getByRole('navigation', { name: 'Разделы личного кабинета' }).getByRole('link', { name: 'Отключения (сотрудники)', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Ведение графика плановых отключений' }).waitFor();

    // The template is what the import expects: the columns, an example row, a BOM for Excel.
    const template = await downloadText(page, page.getByRole('link', { name: 'Скачать шаблон CSV' }));
    expect(template.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true);
    expect(parseOutageCsv(template)).toMatchObject({ errors: [], outages: [expect.objectContaining({ settlement: 'г. Истра' })] });

    const bad = csv(
      csvRow(town, 'ул. Садовая: 1, 3, 5–9; ул. Лесная', 3, '10:00', '16:00'),
      csvRow(town, 'ул. Заречная', 4, '10:00', '16:00', ''),
      csvRow(town, 'ул. Новая: 2', 5, '25:00', '16:00'),
    );
    await page.getByLabel('Файл CSV', { exact: true }).setInputFiles({ name: 'график.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await expect.poll(() => page.getByLabel('Или вставьте содержимое файла').inputValue()).toContain(town);
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'График не загружен: ничего не сохранено' }).waitFor();
    expect(await cells(page.getByRole('table', { name: 'Ошибки в файле' }))).toEqual([
      ['3', 'Причина', 'Укажите причину отключения'],
      ['4', 'Начало', 'Время в формате ЧЧ:ММ, например 10:00'],
    ]);
    // The good first row was not kept either.
    expect(await found(town)).toEqual([]);
    await snapshot(page, 'outages-staff-import-report');

    const good = csv(
      csvRow(town, 'ул. Садовая: 1, 3, 5–9; ул. Лесная', 3, '10:00', '16:00'),
      csvRow(town, 'ул. Заречная', 4, '09:30', '12:00', 'Ремонт КЛ-10 кВ'),
      csvRow(town, 'ул. Новая: 2', 5, '13:00', '16:00'),
    );
    await page.getByLabel('Или вставьте содержимое файла').fill(good);
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'График загружен' }).textContent()).toContain('Загружено: 3');
    expect(await page.getByRole('table', { name: 'Ошибки в файле' }).count()).toBe(0);
    expect((await found(town)).map((o) => o.streetsText)).toEqual(['ул. Садовая: 1, 3, 5–9; ул. Лесная', 'ул. Заречная', 'ул. Новая: 2']);

    await page.getByLabel('Населённый пункт', { exact: true }).fill(town);
    await staffItem(page, `${ruDay(4)}, 09:30–12:00 — ${town}`).waitFor();
    // The filter applies after typing settles: other suites' outages may show until then.
    await expect.poll(() => page.getByRole('list', { name: 'Предстоящие отключения' }).getByRole('article').count(), { timeout: 10_000 }).toBe(3);
    await snapshot(page, 'outages-staff-1280');
    await page.setViewportSize({ width: 390, height: 900 });
    await fitsWidth(page);
    await snapshot(page, 'outages-staff-390');
    await page.context().close();
  });

  it('a visitor without login finds the outages of a settlement in Moscow time and downloads them for a calendar', async () => {
    const town = uniqueTown();
    const staff = await importAsStaff(
      csv(
        csvRow(town, 'ул. Садовая: 1, 3, 5–9; ул. Лесная', 2, '10:00', '16:00'),
        csvRow(town, 'ул. Заречная', 5, '09:30', '12:00', 'Ремонт КЛ-10 кВ'),
        // Beyond the default 30 days: not shown until the dates are widened.
        csvRow(town, 'ул. Новая', 40, '10:00', '12:00'),
      ),
    );
    const [, moved] = await found(town);
    await staff.outages.cancel.mutate({ id: moved!.id, reason: 'Работы перенесены' });

    // A browser in Vladivostok still sees the company's (Moscow) times.
    const page = await newPage({ timezoneId: 'Asia/Vladivostok' });
    await page.goto(`${appUrl()}/outages`);
    await page.getByRole('heading', { level: 1, name: 'График плановых отключений' }).waitFor();
    expect(page.url()).toMatch(/\/outages$/);
    expect(await page.getByLabel('С даты', { exact: true }).inputValue()).toBe(isoDay(0));
    expect(await page.getByLabel('По дату', { exact: true }).inputValue()).toBe(isoDay(30));

    await page.getByLabel('Населённый пункт', { exact: true }).fill(`${town}-нет-такого`);
    await page.getByRole('heading', { name: 'Плановых отключений не найдено' }).waitFor();

    await page.getByLabel('Населённый пункт', { exact: true }).fill(town);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Найдено' }).textContent()).toContain('Найдено 1 отключение');
    expect(await cells(scheduleTable(page))).toEqual([[ruDay(2), '10:00–16:00', 'Истринский', town, 'ул. Садовая: 1, 3, 5–9ул. Лесная — вся улица', 'Замена опор ВЛ-0,4 кВ', 'ВЛ-0,4 кВ Ф-3 от ТП-112']]);

    await page.getByLabel('Показать отменённые').check();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Найдено' }).textContent()).toContain('Найдено 2 отключения');
    const [, cancelled] = await cells(scheduleTable(page));
    expect(cancelled!.slice(0, 2)).toEqual([`${ruDay(5)}Отменено`, '09:30–12:00']);
    expect(cancelled![5]).toBe('Ремонт КЛ-10 кВОтменено: Работы перенесены');
    await snapshot(page, 'outages-public-1280');

    const link = page.getByRole('link', { name: 'Скачать в календарь (.ics)' });
    const href = new URL((await link.getAttribute('href'))!, appUrl());
    expect(Object.fromEntries(href.searchParams)).toEqual({ settlement: town, from: isoDay(0), to: isoDay(30) });
    const ics = (await downloadText(page, link)).replace(/\r\n /g, '');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(`SUMMARY:Плановое отключение: ${town}`);
    expect(ics).toContain(`DTSTART:${isoDay(2).replaceAll('-', '')}T070000Z`);
    expect(ics).toContain('STATUS:CANCELLED');

    await page.getByLabel('По дату', { exact: true }).fill(isoDay(45));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Найдено' }).textContent()).toContain('Найдено 3 отключения');
    await page.getByLabel('С даты', { exact: true }).fill(isoDay(50));
    await expect.poll(() => page.getByLabel('По дату', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(plain(await page.locator('main').textContent())).toContain('Дата «по» не может быть раньше даты «с»');

    // Anonymous visitors are offered a login to subscribe.
    const subscription = page.getByRole('region', { name: 'Подписка на уведомления' });
    expect(plain(await subscription.textContent())).toContain('Войдите в личный кабинет, чтобы подписаться');

    const phone = await newPage({ width: 390, timezoneId: 'Asia/Vladivostok' });
    await phone.goto(`${appUrl()}/outages?settlement=${encodeURIComponent(town)}`);
    await expect.poll(() => phone.getByRole('status').filter({ hasText: 'Найдено' }).textContent()).toContain('Найдено 1 отключение');
    await fitsWidth(phone);
    await snapshot(phone, 'outages-public-390');
    await phone.context().close();
    await page.context().close();
  });

  it('an applicant subscribes to an address typed in and to the address of an application, and unsubscribes', async () => {
    const town = uniqueTown();
    const applicant = await registeredApplicant();
    const form = await completeIndividualForm(applicant.client, { objectAddress: `Московская обл., ${town}, ул. Садовая, д. 5` });
    await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });

    const page = await newPage({ cookie: cookiesOf(applicant.client).get(SESSION_COOKIE)! });
    await page.goto(`${appUrl()}/`);
    await page.getByRole('navigation', { name: 'Разделы личного кабинета' }).getByRole('link', { name: 'График плановых отключений', exact: true }).click();
    const card = page.getByRole('region', { name: 'Подписка на уведомления' });
    await card.waitFor();
    expect(plain(await card.textContent())).toContain('Мы напомним за 24 часа до отключения по e-mail и в разделе «Уведомления».');
    const mine = card.getByRole('list', { name: 'Ваши подписки' });
    const newSubscription = card.getByRole('form', { name: 'Новая подписка' });

    await card.getByText('Подписок пока нет').waitFor();
    await newSubscription.getByRole('button', { name: 'Подписаться', exact: true }).click();
    await expect.poll(() => newSubscription.getByLabel('Населённый пункт или СНТ').getAttribute('aria-invalid')).toBe('true');
    expect(plain(await newSubscription.textContent())).toContain('Укажите населённый пункт или СНТ');
    expect(await applicant.client.outages.subscriptions.query()).toEqual([]);

    await newSubscription.getByLabel('Населённый пункт или СНТ', { exact: true }).fill(town);
    await newSubscription.getByLabel('Улица', { exact: true }).fill('ул. Лесная');
    await newSubscription.getByLabel('Дом', { exact: true }).fill('12');
    await newSubscription.getByRole('button', { name: 'Подписаться', exact: true }).click();
    await mine.getByText(`${town}, ул. Лесная, д. 12`, { exact: true }).waitFor();
    expect(await newSubscription.getByLabel('Населённый пункт или СНТ', { exact: true }).inputValue()).toBe('');

    const suggestion = card.getByRole('list', { name: 'Адреса ваших заявок' }).getByRole('listitem').filter({ hasText: town });
    // «Уточнить адрес» puts the parts read from the application's address into the form to correct.
    await suggestion.getByRole('button', { name: 'Уточнить адрес' }).click();
    expect(await Promise.all(['Населённый пункт или СНТ', 'Улица', 'Дом'].map((l) => newSubscription.getByLabel(l, { exact: true }).inputValue()))).toEqual([town, 'ул. Садовая', '5']);
    await suggestion.getByRole('button', { name: 'Подписаться на этот адрес' }).click();
    await mine.getByText(`${town}, ул. Садовая, д. 5`, { exact: true }).waitFor();
    await suggestion.getByText('Вы подписаны').waitFor();
    expect(await newSubscription.getByLabel('Улица', { exact: true }).inputValue()).toBe('');
    expect((await applicant.client.outages.subscriptions.query()).map(({ settlement, street, house }) => ({ settlement, street, house }))).toEqual([
      { settlement: town, street: 'ул. Лесная', house: '12' },
      { settlement: town, street: 'ул. Садовая', house: '5' },
    ]);
    await snapshot(page, 'outages-subscriptions-1280');

    await mine.getByRole('listitem').filter({ hasText: 'ул. Лесная' }).getByRole('button', { name: 'Отписаться' }).click();
    await expect.poll(() => mine.getByRole('listitem').count()).toBe(1);
    expect((await applicant.client.outages.subscriptions.query()).map((s) => s.street)).toEqual(['ул. Садовая']);

    await page.setViewportSize({ width: 390, height: 900 });
    await fitsWidth(page);
    await snapshot(page, 'outages-subscriptions-390');
    await page.context().close();
  });

  it('the operator corrects an outage time and cancels another; the schedule shows both after a reload', async () => {
    const town = uniqueTown();
    await importAsStaff(csv(csvRow(town, 'ул. Заречная: 2, 4', 3, '10:00', '16:00'), csvRow(town, 'ул. Полевая', 6, '11:00', '15:00')));
    const [first, second] = await found(town);
    const page = await newPage({ cookie: staffCookie });
    await page.goto(`${appUrl()}/staff/outages`);
    await page.getByLabel('Населённый пункт', { exact: true }).fill(town);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Показано' }).textContent()).toBe('Показано: 2');

    const editing = staffItem(page, `${ruDay(3)}, 10:00–16:00 — ${town}`);
    await editing.getByRole('button', { name: 'Изменить' }).click();
    const editor = editing.getByRole('form', { name: 'Изменение отключения' });
    await editor.getByLabel('Окончание', { exact: true }).fill('09:00');
    await editor.getByRole('button', { name: 'Сохранить изменения' }).click();
    await expect.poll(() => editor.getByLabel('Окончание', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(plain(await editor.textContent())).toContain('Окончание должно быть позже начала');
    expect((await found(town))[0]!.endsAt).toBe(first!.endsAt);
    await snapshot(page, 'outages-staff-edit-error');

    await editor.getByLabel('Окончание', { exact: true }).fill('17:30');
    await editor.getByRole('button', { name: 'Сохранить изменения' }).click();
    const edited = staffItem(page, `${ruDay(3)}, 10:00–17:30 — ${town}`);
    await edited.getByText('Изменения сохранены.').waitFor();
    expect((await found(town))[0]!.endsAt).toBe(new Date(`${isoDay(3)}T14:30:00Z`).toISOString());

    const cancelling = staffItem(page, `${ruDay(6)}, 11:00–15:00 — ${town}`);
    await cancelling.getByRole('button', { name: 'Отменить' }).click();
    const confirm = cancelling.getByRole('form', { name: 'Отмена отключения' });
    await confirm.getByRole('button', { name: 'Подтвердить отмену' }).click();
    await expect.poll(() => confirm.getByLabel('Причина отмены').getAttribute('aria-invalid')).toBe('true');
    expect(plain(await confirm.textContent())).toContain('Укажите причину отмены');
    expect((await found(town))[1]!.status).toBe('planned');
    await confirm.getByLabel('Причина отмены').fill('Работы перенесены на весну');
    await snapshot(page, 'outages-staff-cancel-confirm');
    await confirm.getByRole('button', { name: 'Подтвердить отмену' }).click();
    await cancelling.getByText('Отменено', { exact: true }).waitFor();
    expect(await cancelling.getByRole('button', { name: 'Изменить' }).count()).toBe(0);
    expect((await found(town)).find((o) => o.id === second!.id)).toMatchObject({ status: 'cancelled', cancelReason: 'Работы перенесены на весну' });

    await page.reload();
    await page.getByLabel('Населённый пункт', { exact: true }).fill(town);
    await staffItem(page, `${ruDay(3)}, 10:00–17:30 — ${town}`).waitFor();
    const reloaded = staffItem(page, `${ruDay(6)}, 11:00–15:00 — ${town}`);
    await reloaded.getByText('Отменено', { exact: true }).waitFor();
    await reloaded.getByText('Работы перенесены на весну', { exact: true }).waitFor();
    await snapshot(page, 'outages-staff-changed-1280');
    await page.setViewportSize({ width: 390, height: 900 });
    await fitsWidth(page);
    await snapshot(page, 'outages-staff-changed-390');
    await page.context().close();
  });
});
