// An appeal in Chromium from both sides, through the words on the screen: the
// applicant files it, the operator takes it and asks a question, the applicant
// replies, the operator answers from a template, the applicant confirms; then
// the Order 186 report counts it and its CSV downloads. Live refresh carries
// each step to the other side's open page. Real API, Temporal, Postgres, MailDev.
import fs from 'node:fs/promises';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { launchBrowser, snapshot } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const LIVE = { timeout: 20_000 };
const operator = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;

/** The smallest valid PNG (1×1): the upload endpoint sniffs the type from the bytes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function contextAs(sessionToken: string, width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
  await context.addCookies([{ name: 'kabinet_session', value: sessionToken, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

async function loginPage(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${inject('appUrl')}/login`);
  await page.getByLabel('Адрес электронной почты', { exact: true }).fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  return page;
}

/** The first and last day of this month in Moscow, as the report page defaults to. */
function thisMonth(): { from: string; to: string } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

const QUALITY = 'Качество обслуживания потребителей';
const ELECTRONIC = 'В электронной форме (личный кабинет)';

describe('appeals in the browser', () => {
  it('filed, clarified, answered from a template, confirmed; then counted in the report and downloaded as CSV', async () => {
    const app = inject('appUrl');
    const applicant = await registeredApplicant();
    const token = cookiesOf(applicant.client).get('kabinet_session');
    expect(token).toBeTruthy();

    // --- the applicant files the appeal -------------------------------------------------------
    const mine = await (await contextAs(token!)).newPage();
    await mine.goto(`${app}/appeals`);
    await mine.getByRole('heading', { name: 'Обращений пока нет' }).waitFor();
    await snapshot(mine, 'appeals-list-empty');
    await mine.getByRole('link', { name: 'Подать обращение' }).first().click();
    await mine.waitForURL('**/appeals/new');

    // An empty form is refused field by field, with the schema's words.
    await mine.getByRole('button', { name: 'Подать обращение' }).click();
    await expect.poll(() => mine.locator('#appeal-topic-error').textContent()).toBe('Выберите тему обращения');
    expect(await mine.locator('#appeal-kind-error').textContent()).toBe('Выберите вид обращения');
    expect(await mine.locator('#appeal-text-error').textContent()).toBe('Текст обращения: не короче 10 символов');

    await mine.getByLabel('Тема обращения').selectOption({ label: QUALITY });
    await mine.getByLabel('Вид обращения').selectOption({ label: 'Жалоба' });
    await mine.getByLabel('Текст обращения', { exact: true }).fill('По вечерам напряжение падает до 180 В, холодильник отключается. Прошу проверить линию.');
    await mine.getByLabel('Номер договора').fill('77-001234');
    await mine.getByLabel('Время возникновения проблемы').fill('с 10-го числа, ежедневно с 18 до 22 часов');
    await mine.getByLabel('Способ получения ответа').selectOption({ label: 'В личном кабинете' });
    await mine.getByLabel('Файлы (необязательно)').setInputFiles({ name: 'voltage.png', mimeType: 'image/png', buffer: PNG });
    await mine.locator('.file-list__name', { hasText: 'voltage.png' }).waitFor();
    // The first refusal's summary goes once every marked field has been put right.
    expect(await mine.getByText('Проверьте обращение: исправьте отмеченные поля.').count()).toBe(0);
    await snapshot(mine, 'appeals-new-filled');
    await mine.getByRole('button', { name: 'Подать обращение' }).click();

    const receipt = mine.getByText(/^Обращение ОБР-\d{4}-\d{6} зарегистрировано \d{2}\.\d{2}\.\d{4} в \d{2}:\d{2} \(мск\)$/);
    await receipt.waitFor();
    const number = (await receipt.textContent())!.match(/ОБР-\d{4}-\d{6}/)![0];
    await mine.getByRole('link', { name: 'Перейти к обращению' }).click();
    await mine.waitForURL(/\/appeals\/[0-9a-f-]{36}$/);
    const appealId = new URL(mine.url()).pathname.split('/').at(-1)!;
    await mine.getByRole('heading', { name: `Обращение ${number}` }).waitFor();
    expect(await mine.getByRole('heading', { name: 'Текст обращения' }).isVisible()).toBe(true);
    await mine.getByText('voltage.png').first().waitFor();

    // --- the operator takes it and asks a question --------------------------------------------
    const staff = await loginPage(operator.email, operator.password);
    await staff.goto(`${app}/staff/appeals`);
    await staff.getByLabel('Поиск').fill(number);
    await staff.getByRole('link', { name: number }).click();
    await staff.waitForURL(`**/staff/appeals/${appealId}`);
    await staff.getByRole('button', { name: 'Взять в работу' }).click();
    await staff.getByText('Выполнено: «Взять в работу»').waitFor();
    await staff.getByLabel('Вопрос заявителю').fill('Уточните, пожалуйста, адрес объекта и номер опоры, от которой подключён дом.');
    await staff.getByRole('button', { name: 'Запросить уточнение' }).click();
    await staff.getByText('Выполнено: «Запросить уточнение»').waitFor();

    // --- the applicant's open page shows the question and the reply form without a reload -----
    await mine.getByRole('button', { name: 'Ответить на уточнение' }).waitFor(LIVE);
    expect(await mine.locator('.quote').textContent()).toContain('номер опоры');
    await mine.getByLabel('Ваш ответ').fill('Деревня Сосновка, ул. Лесная, д. 7, опора № 12.');
    await mine.getByRole('button', { name: 'Ответить на уточнение' }).click();
    await mine.getByText('Выполнено: «Ответить на уточнение»').waitFor();

    // --- the operator answers from a template ----------------------------------------------------
    await staff.getByText('Ответ заявителя на уточнение').waitFor(LIVE);
    await staff.getByLabel('Шаблон ответа').selectOption({ label: 'Качество электроэнергии: измерения' });
    const answerField = staff.getByLabel('Текст ответа');
    const template = await answerField.inputValue();
    expect(template).toContain('{результаты}');
    // A template sent as it is would reach the applicant with braces in it: refused before sending.
    await staff.getByRole('button', { name: 'Дать ответ' }).click();
    await expect.poll(() => staff.locator('#appeal-act-answer-text-error').textContent()).toContain('Замените в ответе поля шаблона');
    await answerField.fill(
      template.replace('{результаты}', 'Напряжение вечером снижалось до 182 В').replace('{принятые меры}', 'Заменён ввод и отрегулирован трансформатор, напряжение восстановлено до 228 В.'),
    );
    await snapshot(staff, 'appeals-staff-case-answering');
    await staff.getByRole('button', { name: 'Дать ответ' }).click();
    await staff.getByText('Выполнено: «Дать ответ»').waitFor();

    // --- the applicant sees the answer and confirms ---------------------------------------------
    await mine.getByRole('button', { name: 'Подтвердить, что вопрос решён' }).waitFor(LIVE);
    expect(await mine.getByRole('button', { name: 'Не согласен с ответом' }).isVisible()).toBe(true);
    expect(await mine.locator('.message--answer').textContent()).toContain('напряжение восстановлено до 228 В');
    await snapshot(mine, 'appeals-case-answered');
    const phone = await (await contextAs(token!, 390)).newPage();
    await phone.goto(`${app}/appeals/${appealId}`);
    await phone.locator('.message--answer').waitFor();
    await snapshot(phone, 'appeals-case-answered-390');
    await phone.context().close();

    await mine.getByRole('button', { name: 'Подтвердить, что вопрос решён' }).click();
    await mine.getByText('Выполнено: «Подтвердить, что вопрос решён»').waitFor();
    expect(await mine.getByText('Обращение закрыто: действий по нему нет.').isVisible()).toBe(true);
    await mine.goto(`${app}/appeals`);
    const row = mine.getByRole('row').filter({ hasText: number });
    expect(await row.textContent()).toContain('Закрыто');
    expect(await row.textContent()).toContain('в срок');
    await snapshot(mine, 'appeals-list');

    // --- the staff history names who did what -----------------------------------------------------
    await staff.getByText('Заявитель подтвердил, что вопрос решён').first().waitFor(LIVE);
    const history = staff.getByRole('region', { name: 'История' });
    expect(await history.textContent()).toContain('Смирнова Анна Петровна (сотрудник сетевой организации)');
    await snapshot(staff, 'appeals-staff-case-closed');

    // --- the report counts it; the page and the CSV say what the API says -------------------------
    const period = thisMonth();
    const api = await (await loggedIn(operator.email, operator.password)).staffAppeals.report.query(period);
    const counted = api.rows.find((r) => r.topic === 'serviceQuality' && r.kind === 'complaint' && r.channel === 'electronic')!;
    expect(counted.onTime).toBeGreaterThanOrEqual(1);

    await staff.goto(`${app}/staff/appeals/report`);
    expect(await staff.getByLabel('Начало периода').inputValue()).toBe(period.from);
    expect(await staff.getByLabel('Конец периода').inputValue()).toBe(period.to);
    const line = staff.getByRole('row').filter({ hasText: QUALITY }).filter({ hasText: 'Жалоба' }).filter({ hasText: ELECTRONIC });
    await line.waitFor();
    expect(await line.locator('td.num').allTextContents()).toEqual([counted.total, counted.onTime, counted.late, counted.notAnswered].map(String));
    const total = api.rows.reduce((sum, r) => sum + r.total, 0);
    expect(await staff.getByRole('img', { name: /Диаграмма ответов на обращения/ }).getAttribute('aria-label')).toContain(`всего ${total}`);
    // Other tests on the shared stack file appeals too: find this topic's bar among all of them.
    const bars = await staff.locator('svg.chart rect title').allTextContents();
    expect(bars.some((t) => /: ответ в срок — \d+$/.test(t))).toBe(true);
    await snapshot(staff, 'appeals-report');

    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: 'Скачать CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`appeals-report-${period.from}_${period.to}.csv`);
    const bytes = await fs.readFile((await download.path())!);
    // Excel reads a CSV as UTF-8 only after the byte order mark.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(api.csv);

    // A period that ends before it starts is refused on the page, with the server's words.
    await staff.getByLabel('Начало периода').fill(period.to);
    await staff.getByLabel('Конец периода').fill(period.from);
    await staff.getByRole('button', { name: 'Сформировать' }).click();
    await expect.poll(() => staff.locator('#report-to-error').textContent()).toBe('Начало периода позже его конца');

    await staff.context().close();
    await mine.context().close();
  });

  it('a search still waiting when the operator opens a case stays behind on the list, not on the case page', async () => {
    const app = inject('appUrl');
    const applicant = await registeredApplicant();
    const appeal = await applicant.client.appeals.create.mutate({ id: crypto.randomUUID(), form: { topic: 'other', kind: 'question', text: 'Когда подключат мой дом к сети?', answerChannel: 'cabinet' } });
    const staff = await loginPage(operator.email, operator.password);
    await staff.goto(`${app}/staff/appeals?q=${appeal.number}`);
    await staff.getByRole('link', { name: appeal.number }).waitFor();
    // The case page (its code and its data) comes slowly, so the navigation is still under
    // way when the search's delay ends: the router would merge the query onto its address.
    await staff.route('**/*', async (route) => {
      await new Promise((r) => setTimeout(r, 1_500));
      await route.continue();
    });
    await staff.getByLabel('Поиск').fill(`${appeal.number} `);
    await staff.getByRole('link', { name: appeal.number }).click();
    await staff.getByRole('heading', { name: `Обращение ${appeal.number}` }).waitFor();
    await staff.waitForTimeout(1_000);
    expect(new URL(staff.url()).pathname).toBe(`/staff/appeals/${appeal.id}`);
    expect(new URL(staff.url()).search).toBe('');
    await staff.context().close();
  });
});
