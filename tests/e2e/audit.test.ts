// The demo auditor in Chromium: finds a case by its number, reads its timeline
// (with the staff member who acted), downloads the raw history, replays it and
// checks the read model. The case is made through the real API beforehand.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { applicationWorkflowId } from '../../api/applications/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { launchBrowser, snapshot } from '../support/browser';

const staff = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const auditor = DEMO_ACCOUNTS.find((a) => a.role === 'auditor')!;
const COMMENT = 'Комплект документов полный, проверено в браузерном тесте аудита';

let browser: Browser;
let filed: { id: string; number: string };
beforeAll(async () => {
  browser = await launchBrowser();
  const applicant = await registeredApplicant();
  filed = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form: await completeIndividualForm(applicant.client) });
  const operator = await loggedIn(staff.email, staff.password);
  await operator.staffApplications.act.mutate({ id: filed.id, action: 'acceptComplete', input: { comment: COMMENT } });
});
afterAll(() => browser?.close());

describe('the auditor in the browser', () => {
  it('finds a case, reads its timeline, downloads its history and replays it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', acceptDownloads: true });
    const page = await context.newPage();
    const workflowId = applicationWorkflowId(filed.id);
    await page.goto(`${inject('appUrl')}/login`);
    await page.getByLabel('Адрес электронной почты', { exact: true }).fill(auditor.email);
    await page.getByLabel('Пароль', { exact: true }).fill(auditor.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.getByRole('navigation').getByRole('link', { name: 'Аудит', exact: true }).click();
    await page.waitForURL('**/audit');
    await page.getByLabel('Номер', { exact: true }).fill(filed.number);
    await page.getByRole('button', { name: 'Найти' }).click();
    await expect.poll(() => page.getByRole('table').textContent(), { timeout: 20_000 }).toContain(filed.number);
    await expect.poll(() => page.getByRole('table').textContent()).toContain('Совпадает');
    await snapshot(page, 'audit-search');

    await page.getByRole('link', { name: filed.number }).click();
    await page.waitForURL(`**/audit/cases/${workflowId}`);
    await expect.poll(() => page.locator('main').textContent(), { timeout: 20_000 }).toContain(`История ${filed.number}`);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Принять заявку как полную');
    expect(main).toContain('Сотрудник: Смирнова Анна Петровна');
    expect(main).toContain(COMMENT);
    expect(main).toContain('SHA-256');
    await snapshot(page, 'audit-timeline');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Скачать историю (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${workflowId}.json`);
    const history = historyFromJSON(JSON.parse(fs.readFileSync((await download.path())!, 'utf8')));
    expect(history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe('connectionApplicationWorkflow');
    expect(await page.getByRole('link', { name: 'Открыть в Temporal UI' }).getAttribute('href')).toMatch(new RegExp(`/namespaces/default/workflows/${workflowId}$`));

    await page.getByRole('button', { name: 'Проверить воспроизведение' }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 90_000 }).toContain('Детерминировано');
    await page.getByRole('button', { name: 'Сверить витрину' }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 30_000 }).toContain('Расхождений нет');
    await snapshot(page, 'audit-verified');

    await page.getByRole('navigation').getByRole('link', { name: 'Журнал доступа' }).click();
    await expect.poll(() => page.getByRole('table').textContent(), { timeout: 20_000 }).toContain('Скачивание истории');
    await context.close();
  });
});
