// Fault 5: the API restarts while an applicant's case page is open. The page
// holds the live stream (/api/live); the API process is stopped, the case goes
// through every remaining stage while the page has no connection (the commands
// go to the workflow directly, with the API's own services), then the API
// process starts again on the same port. The page must reconnect by itself and show every
// missed event — the final stage, each history entry, the unread count —
// without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { actorOf, applicationWorkflowId, sendAction } from '../../api/applications/service';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { applicantActionSchemas, STAGE_DEFINITIONS, type ApplicantAction, type StaffAction } from '../../domain/application';
import { apiClient, cookiesOf } from '../support/api-client';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { launchBrowser, snapshot } from '../support/browser';
import { apiServices, createApplicants } from './support/cabinet';
import { startFaultStack, type FaultStack } from './support/fault-stack';
import { recordFault } from './support/outcome';
import { invoiceOf } from '../support/invoice-input';
import { staffInputSchema } from '../../domain/invoice';

/** Generous on a loaded 2-core machine: the browser retries every 3 s, then refetches. */
const CATCH_UP_MS = 60_000;

let stack: FaultStack;
let browser: Browser;
beforeAll(async () => {
  stack = await startFaultStack('api-restart');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Every remaining step of a connection, as staff and the applicant would take them. */
const STEPS: Array<{ by: 'staff'; action: StaffAction; input: object } | { by: 'applicant'; action: ApplicantAction; input: object }> = [
  { by: 'staff', action: 'acceptComplete', input: { comment: 'Сведения полные' } },
  { by: 'staff', action: 'postContractDocuments', input: { ...invoiceOf(50_000), tuRequirements: 'Установить прибор учёта на границе участка', connectionPoint: 'Опора № 12' } },
  { by: 'applicant', action: 'payInvoice', input: {} },
  { by: 'staff', action: 'recordGridTuDone', input: { comment: 'Мероприятия сетевой организации выполнены' } },
  { by: 'applicant', action: 'reportTuDone', input: { comment: 'Прибор учёта установлен' } },
  { by: 'staff', action: 'recordInspection', input: { passed: true } },
  { by: 'staff', action: 'recordConnection', input: { meterNumber: '011552123456789', meterType: 'Меркурий 201.8' } },
  { by: 'staff', action: 'issueAct', input: { comment: 'Акт подписан' } },
];

async function historyTitles(page: Page): Promise<string[]> {
  return page.locator('.history__title').allTextContents();
}

describe('API restart under a live status page', () => {
  it('reconnects by itself and shows every event it missed, without a reload', async () => {
    const { db, appUrl } = stack;
    const services = apiServices(stack);
    const [applicant] = await createApplicants(db, 1, 'live');
    const client = apiClient({ appUrl });
    await client.auth.login.mutate({ email: applicant!.email, password: applicant!.password });
    const app = await client.applications.submit.mutate({ draftId: newDraftId(), form: await completeIndividualForm(client) });

    const context = await browser.newContext({ locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    context.setDefaultTimeout(CATCH_UP_MS);
    await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(client).get(SESSION_COOKIE)!, url: appUrl }]);
    const page = await context.newPage();
    const liveAttempts = { failed: 0, opened: 0 };
    page.on('requestfailed', (request) => {
      if (request.url().endsWith('/api/live')) liveAttempts.failed += 1;
    });
    page.on('response', (response) => {
      if (response.url().endsWith('/api/live') && response.status() === 200) liveAttempts.opened += 1;
    });
    await page.goto(`${appUrl}/applications/${app.id}`);
    await expect.poll(() => historyTitles(page), { timeout: CATCH_UP_MS }).toContain('Заявка передана на проверку полноты сведений');
    await expect.poll(() => liveAttempts.opened, { timeout: CATCH_UP_MS }).toBe(1);
    const before = await historyTitles(page);
    // Survives only as long as the document does: a reload would wipe it.
    await page.evaluate(() => Object.assign(window, { faultMarker: 'same document' }));

    await stack.api.stop();
    const operator = (await db.User.findOne({ where: { email: DEMO_ACCOUNTS.find((a) => a.role === 'staff')!.email } }))!;
    for (const step of STEPS) {
      const input = step.by === 'staff' ? staffInputSchema(step.action).parse(step.input) : applicantActionSchemas[step.action].parse(step.input);
      await sendAction(services, app.id, step.action, actorOf(step.by === 'staff' ? operator : applicant!.user), input);
    }
    // The workflow ends after the last stage's projection and notifications: everything the page must catch up on exists now.
    expect(await services.temporal.workflow.getHandle(applicationWorkflowId(app.id)).result()).toBe('completed');
    const events = await db.CaseEvent.findAll({ where: { caseId: app.id }, order: [['seq', 'DESC']] });
    const unread = await db.Notification.count({ where: { userId: applicant!.user.id, readAt: null } });
    const missed = events.length - before.length;
    expect(missed).toBeGreaterThanOrEqual(STEPS.length);
    // Nothing reached the page while the API was down.
    expect(await historyTitles(page)).toEqual(before);
    const failedWhileDown = liveAttempts.failed;

    const restarting = Date.now();
    await stack.api.start();
    const restartedAt = Date.now();
    const finalTitle = STAGE_DEFINITIONS.completed.title;
    /** From the API answering again to the page showing everything. */
    let caughtUpMs = -1;
    let survived = false;
    try {
      await expect.poll(() => historyTitles(page), { timeout: CATCH_UP_MS, interval: 250 }).toEqual(events.map((e) => e.title));
      await page.getByText(finalTitle).first().waitFor();
      await page.getByRole('link', { name: `Уведомления (непрочитанных: ${unread})` }).waitFor();
      caughtUpMs = Date.now() - restartedAt;
      survived = true;
    } finally {
      await snapshot(page, 'fault-api-restart-live');
      const shown = await historyTitles(page);
      const lost = events.filter((e) => !shown.includes(e.title)).length;
      const duplicated = shown.length - new Set(shown).size - (events.length - new Set(events.map((e) => e.title)).size);
      recordFault({
        fault: 'API restart under a live page',
        survived,
        lost,
        duplicated: Math.max(0, duplicated),
        figures: { missedEvents: missed, unreadNotifications: unread, liveAttemptsFailedWhileDown: failedWhileDown, liveStreamsOpened: liveAttempts.opened, apiStartMs: restartedAt - restarting, caughtUpMs },
      });
    }
    expect(await page.evaluate(() => (window as unknown as { faultMarker?: string }).faultMarker)).toBe('same document');
    expect(liveAttempts.opened).toBe(2);
    await context.close();
  });
});
