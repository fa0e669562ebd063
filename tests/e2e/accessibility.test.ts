// axe-core over the main page of every role (issue 21): visitor, applicant, staff,
// auditor and admin. No serious or critical violation may remain; the full report
// (every violation of any impact, per page) is kept as tests/.artifacts/axe-report.json.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { cookiesOf } from '../support/api-client';
import { legalRegistration, loggedIn, registeredApplicant, registeredStaff } from '../support/applicants';
import { uniqueEmail, waitForMail } from '../support/mail';
import { invitationLinkFrom } from '../support/organisations';
import { launchBrowser } from '../support/browser';
import { completeIndividualForm, newDraftId, samplePdf, upload } from '../support/applications';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core');
const ARTIFACT = path.resolve(import.meta.dirname, '..', '.artifacts', 'axe-report.json');

const PAGES: Record<'visitor' | 'applicant' | 'staff' | 'auditor' | 'admin' | 'supplier', string[]> = {
  visitor: ['/', '/login', '/register', '/forgot-password', '/calculator', '/outages', '/open-data/lead-times', '/open-data/disclosures', '/open-data/capacity'],
  applicant: ['/', '/applications', '/applications/new', '/appeals', '/appeals/new', '/notifications', '/rating', '/profile', '/representation', '/calculator', '/outages'],
  staff: ['/staff/applications', '/staff/appeals', '/staff/appeals/report', '/staff/ratings', '/staff/penalties', '/staff/register-visitor', '/staff/outages', '/staff/departments', '/staff/powers-of-attorney'],
  auditor: ['/audit', '/audit/access-log', '/staff/applications'],
  admin: ['/admin/users', '/admin/tariffs', '/admin/calendars', '/admin/capacity', '/admin/payment-requisites', '/admin/departments'],
  supplier: ['/supplier'],
};

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; html: string; failureSummary?: string }>;
}

let browser: Browser;
const report: Array<{ role: string; path: string; violations: AxeViolation[] }> = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true });
  fs.writeFileSync(ARTIFACT, JSON.stringify({ generatedAt: new Date().toISOString(), pages: report }, null, 2));
  await browser?.close();
});

async function pageFor(client: object | null): Promise<Page> {
  // The cabinet's CSP allows no inline script; axe is injected as one, so this test context bypasses it (tests/e2e/security-csp.test.ts checks the policy).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow', bypassCSP: true });
  context.setDefaultTimeout(20_000);
  if (client) await context.addCookies([{ name: SESSION_COOKIE, value: cookiesOf(client).get(SESSION_COOKIE)!, url: inject('appUrl') }]);
  return context.newPage();
}

/** Opens the page, waits for its heading and for its data (no spinner), runs axe; the serious and critical violations. */
async function audit(page: Page, role: string, pathname: string): Promise<string[]> {
  await page.goto(`${inject('appUrl')}${pathname}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expect.poll(() => page.locator('.spinner').count(), { timeout: 15_000 }).toBe(0);
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
  });
  report.push({ role, path: pathname, violations });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${role} ${pathname}: ${v.id} (${v.impact}) — ${v.help}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const SESSIONS: Record<keyof typeof PAGES, () => Promise<object | null>> = {
  visitor: async () => null,
  applicant: async () => (await registeredApplicant()).client,
  staff: () => loggedIn(demo('staff').email, demo('staff').password),
  auditor: () => loggedIn(demo('auditor').email, demo('auditor').password),
  admin: () => loggedIn(demo('admin').email, demo('admin').password),
  supplier: async () => (await registeredStaff('supplier')).client,
};

describe('accessibility (axe-core)', () => {
  for (const role of Object.keys(PAGES) as Array<keyof typeof PAGES>) {
    it(`finds no serious or critical violation on the main pages of the ${role}`, async () => {
      const page = await pageFor(await SESSIONS[role]());
      const problems: string[] = [];
      for (const pathname of PAGES[role]) problems.push(...(await audit(page, role, pathname)));
      expect(problems).toEqual([]);
    });
  }

  it('finds no serious or critical violation on a department’s queue and its workload (issue 20)', async () => {
    const staff = await loggedIn(demo('staff').email, demo('staff').password);
    const reception = (await staff.departments.list.query()).find((d) => d.code === 'reception')!;
    expect(await audit(await pageFor(staff), 'staff', `/staff/departments/${reception.id}`)).toEqual([]);
    const admin = await loggedIn(demo('admin').email, demo('admin').password);
    expect(await audit(await pageFor(admin), 'admin', `/staff/departments/${reception.id}/workload`)).toEqual([]);
  });

  it('finds no serious or critical violation on the organisation pages (its administrator’s, with an invitation waiting, and the invitee’s)', async () => {
    const admin = await registeredApplicant(legalRegistration());
    const email = uniqueEmail('axe-invitee');
    await admin.client.organisation.invite.mutate({ email, lastName: 'Доступнова', firstName: 'Анна' });
    const [letter] = await waitForMail(email, 'Приглашение в личный кабинет организации');
    const problems = [
      ...(await audit(await pageFor(admin.client), 'company admin', '/organisation')),
      ...(await audit(await pageFor(null), 'invitee', invitationLinkFrom(letter!).path)),
    ];
    expect(problems).toEqual([]);
  });

  it('finds no serious or critical violation on the case pages with their conversation, and on «Сообщения», for the applicant and for staff', async () => {
    const applicant = await registeredApplicant();
    const filed = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form: await completeIndividualForm(applicant.client) });
    const appeal = await applicant.client.appeals.create.mutate({ id: crypto.randomUUID(), form: { topic: 'other', kind: 'question', text: 'Когда подключат мой дом к сети?', answerChannel: 'cabinet' } });
    const staff = await loggedIn(demo('staff').email, demo('staff').password);
    const file = await upload(applicant.client, 'other', samplePdf('Фото'), 'Фото.pdf');
    for (const caseId of [filed.id, appeal.id]) {
      await applicant.client.conversations.post.mutate({ caseId, text: 'Вопрос по делу', attachmentIds: caseId === filed.id ? [file.id] : [] });
      await staff.conversations.post.mutate({ caseId, text: 'Внутренняя заметка для коллег', internal: true });
      await staff.conversations.post.mutate({ caseId, text: 'Ответ заявителю' });
    }
    const mine = await pageFor(applicant.client);
    const theirs = await pageFor(staff);
    const problems: string[] = [];
    for (const pathname of [`/applications/${filed.id}`, `/appeals/${appeal.id}`, '/messages']) {
      problems.push(...(await audit(mine, 'applicant', pathname)));
      // axe ran with the conversation on screen (its loading state is a spinner the audit waits out).
      if (pathname !== '/messages') expect(await mine.getByText('Ответ заявителю').count()).toBe(1);
    }
    for (const pathname of [`/staff/applications/${filed.id}`, `/staff/appeals/${appeal.id}`, '/messages']) {
      problems.push(...(await audit(theirs, 'staff', pathname)));
      if (pathname !== '/messages') expect(await theirs.getByText('Внутренняя заметка для коллег').count()).toBe(1);
    }
    expect(problems).toEqual([]);
  });
});
