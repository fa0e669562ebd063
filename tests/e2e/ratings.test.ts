// «Оценить качество» in Chromium: the applicant rates a completed stage of a
// real application on /rating, sees it saved and changes it; an operator opens
// «Оценки качества» from the menu and reads the average and the chart.
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { connectDb, type Db } from '../../db';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { applicationFormSchema } from '../../domain/application';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { launchBrowser, snapshot } from '../support/browser';

let browser: Browser;
let db: Db;
beforeAll(async () => {
  browser = await launchBrowser();
  db = connectDb(inject('databaseUrl'), { poolMax: 2 });
});
afterAll(async () => {
  await browser?.close();
  await db?.close();
});

const appUrl = () => inject('appUrl');
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const STAGE_TITLE = 'Этап 2. Проверка полноты сведений и документов';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

/** Picks a score in the criterion's fieldset, by the radio's visible name («4 Хорошо»). */
async function pick(form: Locator, criterion: string, option: string) {
  await form.getByRole('group', { name: criterion, exact: true }).getByRole('radio', { name: option, exact: true }).check();
}

/** No element wider than the screen: nothing to scroll sideways on a phone. */
async function fitsWidth(page: Page) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll<HTMLElement>('main *')].filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-wrap'));
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`) };
  });
  expect(overflow).toEqual({ scroll: 0, wide: [] });
}

describe('quality rating in the browser', () => {
  it('the applicant rates a completed stage and changes the rating; staff see the average and the distribution', async () => {
    // A real application, accepted by the operator: «Проверка полноты» is behind it.
    const applicant = await registeredApplicant();
    const form = applicationFormSchema.parse(await completeIndividualForm(applicant.client));
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} });

    const page = await newPage();
    await page.context().addCookies([{ name: SESSION_COOKIE, value: cookiesOf(applicant.client).get(SESSION_COOKIE)!, url: appUrl() }]);
    await page.goto(`${appUrl()}/`);
    await page.getByRole('navigation', { name: 'Разделы личного кабинета' }).getByRole('link', { name: 'Оценить качество', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Оценить качество' }).waitFor();

    const card = page.getByRole('region', { name: `${app.number} · ${STAGE_TITLE}`, exact: true });
    await card.waitFor();
    expect(await page.getByRole('region', { name: `${app.number} · Этап 1. Заявка подана и зарегистрирована`, exact: true }).count()).toBe(1);
    const ratingForm = card.getByRole('form', { name: `Оценка: ${app.number} · ${STAGE_TITLE}` });

    // Nothing chosen: every criterion says what is missing, and focus lands on the first.
    await ratingForm.getByRole('button', { name: 'Отправить оценку', exact: true }).click();
    await ratingForm.getByText('Поставьте оценку «Понятность информации» от 1 до 5').waitFor();
    await ratingForm.getByText('Поставьте оценку «Общая оценка» от 1 до 5').waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('radio');
    expect(await db.Rating.count({ where: { caseId: app.id } })).toBe(0);

    await pick(ratingForm, 'Понятность информации', '4 Хорошо');
    await pick(ratingForm, 'Соблюдение сроков', '5 Отлично');
    await pick(ratingForm, 'Компетентность сотрудников', '3 Средне');
    await pick(ratingForm, 'Общая оценка', '4 Хорошо');
    await ratingForm.getByLabel('Комментарий (необязательно)').fill('Проверили быстро, но не объяснили, что дальше.');
    await ratingForm.getByRole('button', { name: 'Отправить оценку', exact: true }).click();

    await card.getByRole('status').filter({ hasText: 'Оценка сохранена. Спасибо!' }).waitFor();
    const given = (term: string) => card.locator(`dt:text-is("${term}") + dd`);
    expect(await given('Понятность информации').textContent()).toBe('4 из 5 — Хорошо');
    expect(await given('Компетентность сотрудников').textContent()).toBe('3 из 5 — Средне');
    expect(await given('Комментарий').textContent()).toBe('Проверили быстро, но не объяснили, что дальше.');
    await snapshot(page, 'rating-saved');

    // Saved on the server: a fresh page shows it, with «Изменить оценку» while the window runs.
    await page.reload();
    await card.getByRole('button', { name: 'Изменить оценку', exact: true }).click();
    await pick(ratingForm, 'Общая оценка', '5 Отлично');
    await ratingForm.getByRole('button', { name: 'Отправить оценку', exact: true }).click();
    await card.getByRole('status').filter({ hasText: 'Оценка изменена.' }).waitFor();
    expect(await given('Общая оценка').textContent()).toBe('5 из 5 — Отлично');
    const rows = await db.Rating.findAll({ where: { caseId: app.id } });
    expect(rows.map((r) => [r.stage, r.clarity, r.timeliness, r.competence, r.overall])).toEqual([['completenessCheck', 4, 5, 3, 5]]);

    await page.setViewportSize({ width: 390, height: 844 });
    await card.getByRole('button', { name: 'Изменить оценку', exact: true }).click();
    await fitsWidth(page);
    await snapshot(page, 'rating-form-phone');

    // A day of its own, so the staff summary of that day holds exactly this rating.
    await db.sequelize.query("UPDATE ratings SET created_at = '2004-02-10T09:00:00Z' WHERE case_id = $1", { bind: [app.id] });

    const staff = await newPage();
    await staff.goto(`${appUrl()}/login`);
    await staff.getByLabel('Адрес электронной почты', { exact: true }).fill(staffAccount.email);
    await staff.getByLabel('Пароль', { exact: true }).fill(staffAccount.password);
    await staff.getByRole('button', { name: 'Войти' }).click();
    await staff.waitForURL((url) => url.pathname === '/');
    await staff.getByRole('navigation', { name: 'Разделы личного кабинета' }).getByRole('link', { name: 'Оценки качества', exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: 'Оценки качества' }).waitFor();
    await staff.getByLabel('Начало периода', { exact: true }).fill('2004-02-10');
    await staff.getByLabel('Конец периода', { exact: true }).fill('2004-02-10');
    await staff.getByRole('status').filter({ hasText: 'С 10.02.2004 по 10.02.2004: 1 оценка' }).waitFor();

    const table = staff.getByRole('table', { name: 'Средние оценки по этапам' });
    const row = table.getByRole('row', { name: new RegExp(`^${STAGE_TITLE}`) });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['1', '4,0', '5,0', '3,0', '5,0']);
    expect(await table.getByRole('row', { name: /^Всего/ }).getByRole('cell').allTextContents()).toEqual(['1', '4,0', '5,0', '3,0', '5,0']);

    const chart = staff.getByRole('img', { name: `${STAGE_TITLE}, Общая оценка: оценка 1 — 0, оценка 2 — 0, оценка 3 — 0, оценка 4 — 0, оценка 5 — 1` });
    expect(await chart.locator('title').allTextContents()).toEqual(['Оценка 1: 0 (0%)', 'Оценка 2: 0 (0%)', 'Оценка 3: 0 (0%)', 'Оценка 4: 0 (0%)', 'Оценка 5: 1 (100%)']);
    await staff.getByLabel('Критерий', { exact: true }).selectOption('competence');
    await staff.getByRole('img', { name: `${STAGE_TITLE}, Компетентность сотрудников: оценка 1 — 0, оценка 2 — 0, оценка 3 — 1, оценка 4 — 0, оценка 5 — 0` }).waitFor();
    await snapshot(staff, 'ratings-staff');

    // A period that ends before it starts is pointed out and not asked for.
    await staff.getByLabel('Начало периода', { exact: true }).fill('2004-02-11');
    await staff.getByText('Начало периода позже его конца').waitFor();
    expect(await staff.getByRole('table').count()).toBe(0);
  });
});
