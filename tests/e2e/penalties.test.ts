// The grid late on its part of the ТУ, end to end: a case with the ТУ term
// shrunk to seconds, the applicant reports its part done, the workflow names
// the grid late and assesses the penalty through the activity; both case pages
// in Chromium show the «Неустойка» card with the sum and formula the rules give
// for the recorded basis as of today, the source and its ❓ mark; the staff
// queue names the late party and the report lists the case above the rules.
// Real API, Temporal, Postgres and MailDev.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { submitApplication } from '../../api/applications/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { applicationFormSchema } from '../../domain/application';
import { penaltyAsOf } from '../../domain/penalties';
import type { TermOverrides } from '../../domain/regulations';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm } from '../support/applications';
import { launchBrowser, snapshot } from '../support/browser';
import { useStackClients } from '../support/stack-clients';
import { invoiceOf } from '../support/invoice-input';

const stack = useStackClients();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const appUrl = () => inject('appUrl');
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\s]+/g, ' ').trim();
/** Whichever ТУ term the posted documents select, it lapses in seconds; every other term is the real one. */
const SHORT_TU: TermOverrides = Object.fromEntries(['tuFulfilment30wd', 'tuFulfilment4m', 'tuFulfilment6m', 'tuFulfilment1y', 'tuFulfilment2y'].map((k) => [k, { amount: 3, unit: 'seconds' }]));

async function pageWithSession(client: object): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(20_000);
  await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(client).get(SESSION_COOKIE)!, url: appUrl() }]);
  return context.newPage();
}

describe('the grid late on its part', () => {
  it('accrues the penalty the rules give, shown on both case pages and in the staff queue', async () => {
    const applicant = await registeredApplicant();
    const operator = await loggedIn(staffAccount.email, staffAccount.password);
    const form = applicationFormSchema.parse(await completeIndividualForm(applicant.client));
    const user = (await stack.db.User.findByPk(applicant.user.id))!;
    const app = await submitApplication(stack.services(SHORT_TU), user, randomUUID(), form);
    const act = (action: 'acceptComplete' | 'postContractDocuments', input: unknown) => operator.staffApplications.act.mutate({ id: app.id, action, input });
    await act('acceptComplete', {});
    await act('postContractDocuments', { ...invoiceOf(50_000), tuRequirements: 'Установить прибор учёта', connectionPoint: 'Опора № 1', constructionNeeded: false });
    await applicant.client.applications.act.mutate({ id: app.id, action: 'payInvoice', input: {} });
    // The applicant does its part in time; the grid does not, and the term lapses.
    await applicant.client.applications.act.mutate({ id: app.id, action: 'reportTuDone', input: {} });
    await expect.poll(async () => (await stack.db.Application.findByPk(app.id))?.lateParty, { timeout: 30_000 }).toBe('grid');

    const row = (await stack.db.Application.findByPk(app.id))!;
    const recorded = row.penalty!;
    // The activity recorded the grid's penalty on the contract's fee, doubled for a ≤15 kW household applicant.
    expect(recorded).toMatchObject({ party: 'grid', feeRub: 50_000, ratePercentPerDay: 0.25, multiplier: 2, capDays: null, until: null, mark: '❓', source: 'ПП 861 п.16 «в» (проверить редакцию)' });
    // The days count on the Moscow calendar: a page read across midnight (Moscow) shows one day more than
    // a figure computed before it, so each text is checked against the penalty at the instants around its reading.
    const asReadBetween = (text: string, since: number) => {
      const figures = [penaltyAsOf(recorded, since), penaltyAsOf(recorded, Date.now())];
      const shown = figures.find((f) => text.includes(plain(f.formula)));
      expect(shown, `one of ${figures.map((f) => f.formula).join(' | ')} in ${text}`).toBeDefined();
      return shown!;
    };

    const mine = await pageWithSession(applicant.client);
    const theirs = await pageWithSession(operator);
    for (const [page, url, name] of [
      [mine, `/applications/${app.id}`, 'penalty-applicant'],
      [theirs, `/staff/applications/${app.id}`, 'penalty-staff'],
    ] as const) {
      const since = Date.now();
      await page.goto(`${appUrl()}${url}`);
      const card = page.getByTestId('penalty-card');
      await card.waitFor();
      const text = plain(await card.textContent());
      expect(text).toContain('просрочка сетевой организации');
      const expected = asReadBetween(text, since);
      expect(text).toContain('ПП 861 п.16 «в» (проверить редакцию)');
      expect(text).toContain('❓');
      // The claim is offered once a day of delay has run (a term shrunk to seconds may still be on its last day).
      expect(await card.getByRole('link', { name: 'Скачать претензию (PDF)' }).count()).toBe(expected.days > 0 ? 1 : 0);
      await snapshot(page, name);
    }

    await theirs.goto(`${appUrl()}/staff/applications?q=${encodeURIComponent(app.number)}`);
    const queueRow = theirs.getByRole('row').filter({ hasText: app.number });
    await queueRow.waitFor();
    expect(plain(await queueRow.textContent())).toContain('просрочка сетевой организации');

    // The report of accrued penalties lists the case with its formula, above the rules with their source and mark.
    const reportSince = Date.now();
    await theirs.goto(`${appUrl()}/staff/penalties`);
    const reportRow = theirs.getByRole('row').filter({ hasText: app.number });
    await reportRow.waitFor();
    asReadBetween(plain(await reportRow.textContent()), reportSince);
    const rules = plain(await theirs.getByRole('table', { name: 'Правила расчёта неустойки' }).textContent());
    expect(rules).toContain('0,25 % общего размера платы');
    expect(rules).toContain('не более 365 дн.');
    expect(rules).toContain('ПП 861 п.16 «в» (проверить редакцию) ❓');
    await snapshot(theirs, 'penalty-report');
  }, 180_000);
});
