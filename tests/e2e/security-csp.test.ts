// The cabinet keeps working under its strict Content-Security-Policy: every
// main page of every role loads in Chromium without a single CSP violation
// (DOM `securitypolicyviolation` events and console reports).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { applicationWorkflowId } from '../../api/applications/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { launchBrowser } from '../support/browser';
import { watchPage } from '../support/page-guards';

let browser: Browser;
let applicationId: string;
let appealId: string;
let applicantToken: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const applicant = await registeredApplicant();
  applicantToken = cookiesOf(applicant.client).get(SESSION_COOKIE)!;
  applicationId = (await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form: await completeIndividualForm(applicant.client) })).id;
  appealId = (
    await applicant.client.appeals.create.mutate({
      id: newDraftId(),
      form: { topic: 'serviceQuality', kind: 'complaint', text: 'Напряжение по вечерам падает до 180 В.', answerChannel: 'cabinet' },
    })
  ).id;
});
afterAll(() => browser?.close());

const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

/** A page of a browser holding this session (or none). */
async function pageAs(token: string | null): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
  if (token) await context.addCookies([{ name: SESSION_COOKIE, value: token, url: inject('appUrl') }]);
  return context.newPage();
}

async function tokenOf(role: string): Promise<string> {
  return cookiesOf(await loggedIn(demo(role).email, demo(role).password)).get(SESSION_COOKIE)!;
}

/** Opens each path, waits until it has rendered its heading and settled, and collects what went wrong. */
async function visit(page: Page, paths: string[]): Promise<Record<string, string[]>> {
  const watch = await watchPage(page);
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(`${inject('appUrl')}${path}`);
    await page.locator('main h1').first().waitFor({ timeout: 20_000 });
    // Lazy chunks, live updates and data-driven parts arrive after the heading.
    await page.waitForTimeout(700);
    const problems = await watch.problems();
    if (problems.length) found[path] = problems;
  }
  await page.context().close();
  return found;
}

describe('the cabinet under its Content-Security-Policy', () => {
  it('the public pages, with the policy actually in force', async () => {
    const page = await pageAs(null);
    const response = await page.goto(`${inject('appUrl')}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await visit(page, ['/', '/login', '/register', '/forgot-password', '/calculator', '/outages'])).toEqual({});
  });

  it("the applicant's pages", async () => {
    const paths = ['/', '/applications', '/applications/new', `/applications/${applicationId}`, '/appeals', '/appeals/new', `/appeals/${appealId}`, '/notifications', '/rating', '/profile'];
    expect(await visit(await pageAs(applicantToken), paths)).toEqual({});
  });

  it("staff, admin and auditor's pages", async () => {
    const staff = ['/', `/staff/applications`, `/staff/applications/${applicationId}`, '/staff/appeals', `/staff/appeals/${appealId}`, '/staff/appeals/report', '/staff/penalties', '/staff/outages', '/staff/register-visitor', '/staff/ratings', '/notifications'];
    expect(await visit(await pageAs(await tokenOf('staff')), staff)).toEqual({});
    expect(await visit(await pageAs(await tokenOf('admin')), ['/admin/users', '/admin/tariffs'])).toEqual({});
    const audit = ['/audit', `/audit/cases/${applicationWorkflowId(applicationId)}`, '/audit/access-log'];
    expect(await visit(await pageAs(await tokenOf('auditor')), audit)).toEqual({});
  });
});
