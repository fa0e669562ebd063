// The penalty of п.16 «в» on the read side, against the real stack: a
// snapshot whose grid is 12 days late is assessed by the real assessPenalty
// activity and projected by the real projection (as the workflow does when the
// connection term lapses), then both case pages, the staff queue and report,
// the claim PDF (read back with pdftotext) and the one-click complaint show
// the same facts and sum.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createCaseActivities } from '../../activities/cases';
import { createMailer } from '../../activities/mailer';
import { createPenaltyActivities } from '../../activities/penalties';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { addCalendarDays, endOfMoscowWorkingDay, formatRuDate, moscowDate } from '../../domain/calendar';
import type { PenaltyAssessment } from '../../domain/penalties';
import type { ApplicationSnapshot } from '../../workflows/application/contract';
import { cookiesOf, failure } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { useStackClients } from '../support/stack-clients';
import { invoiceOf } from '../support/invoice-input';

const stack = useStackClients();
const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const plain = (s: string) => s.replace(/[\u00a0\s]+/g, ' ');

/** The connection term ended 12 Moscow days before today's first day of delay: today is the 12th day. */
const today = moscowDate(Date.now());
const termLastDay = addCalendarDays(today, -12);
const connectionDeadlineAt = endOfMoscowWorkingDay(termLastDay);

type Applicant = Awaited<ReturnType<typeof registeredApplicant>>;
let applicant: Applicant;
let stranger: Applicant;
let operator: Awaited<ReturnType<typeof loggedIn>>;
let app: { id: string; number: string };
let assessed: PenaltyAssessment;
const mailer = () => createMailer(inject('smtpUrl'), 'test@kabinet.local');

/** Registered, accepted, documents posted (fee 50 000 ₽), paid: the contract is concluded and the ТУ stage runs. */
async function concludedContract() {
  const form = await completeIndividualForm(applicant.client);
  const filed = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
  await operator.staffApplications.act.mutate({ id: filed.id, action: 'acceptComplete', input: {} });
  await operator.staffApplications.act.mutate({
    id: filed.id,
    action: 'postContractDocuments',
    input: { ...invoiceOf(50_000), tuRequirements: 'Установить прибор учёта', connectionPoint: 'Опора № 1', constructionNeeded: false },
  });
  await applicant.client.applications.act.mutate({ id: filed.id, action: 'payInvoice', input: {} });
  return filed;
}

async function fetchClaim(client: object | null, id: string) {
  const headers: Record<string, string> = client ? { cookie: `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE)}` } : {};
  return fetch(`${inject('appUrl')}/api/penalty-claims/${id}`, { headers });
}

function pdfText(bytes: ArrayBuffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'claim-')), 'claim.pdf');
  writeFileSync(file, Buffer.from(bytes));
  return plain(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

beforeAll(async () => {
  [applicant, stranger, operator] = await Promise.all([registeredApplicant(), registeredApplicant(), loggedIn(staffAccount.email, staffAccount.password)]);
  app = await concludedContract();

  // What the workflow does when the connection term lapses with the grid's part undone: assess, then project.
  assessed = await createPenaltyActivities().assessPenalty({ party: 'grid', feeRub: 50_000, preferentialFee: true, lateFromMs: connectionDeadlineAt, untilMs: null, asOfMs: Date.now() });
  const row = (await stack.db.Application.findByPk(app.id))!;
  const snapshot: ApplicationSnapshot = {
    id: row.id,
    number: row.number,
    applicantId: row.applicantId,
    applicantName: row.applicantName,
    category: row.category,
    objectName: row.objectName,
    objectAddress: row.objectAddress,
    maxPowerKw: row.maxPowerKw,
    stage: row.stage,
    status: row.status,
    whoActs: row.whoActs,
    stageStartedAt: row.stageStartedAt.getTime(),
    deadlineAt: connectionDeadlineAt,
    deadlineTerm: row.deadlineTerm,
    overdue: true,
    overdueSince: connectionDeadlineAt,
    finishedAt: null,
    submittedAt: row.submittedAt.getTime(),
    contractConcludedAt: row.contractConcludedAt!.getTime(),
    annulReason: null,
    lateParty: 'grid',
    penalty: assessed,
    connectionDeadlineAt,
  };
  const m = mailer();
  try {
    const cases = createCaseActivities({ db: stack.db, mailer: m, publicUrl: inject('appUrl') });
    // A sequence above any the case will reach in this test, so the workflow's own later projections do not overwrite it.
    await cases.projectApplication(snapshot, { seq: 9_000, type: 'connection-term-missed', stage: row.stage, title: 'Просрочка сетевой организации', actor: null, comment: '', data: {}, deadlineAt: null, at: Date.now() });
  } finally {
    m.close();
  }
});

describe('the grid late 12 days on a 50 000 ₽ fee of a ≤15 kW applicant', () => {
  it('accrues 3 000 ₽ and both case pages show it with its formula, source and mark', async () => {
    expect(assessed).toMatchObject({ party: 'grid', days: 12, sumRub: 3000, multiplier: 2 });
    const mine = await applicant.client.applications.get.query({ id: app.id });
    const staffView = await operator.staffApplications.get.query({ id: app.id });
    for (const view of [mine, staffView]) {
      expect(view.summary.lateParty).toBe('grid');
      expect(view.summary.connectionDeadlineAt).toBe(new Date(connectionDeadlineAt).toISOString());
      expect(view.summary.penalty).toMatchObject({ party: 'grid', days: 12, sumRub: 3000, mark: '❓', source: 'ПП 861 п.16 «в» (проверить редакцию)', until: null });
      expect(plain(view.summary.penalty!.formula)).toBe('50 000,00 ₽ × 0,25 % × 2 × 12 дн. = 3 000,00 ₽');
    }
  });

  it('the staff queue names the late party with the sum, and the report lists it with its CSV', async () => {
    const queue = await operator.staffApplications.queue.query({ query: app.number, limit: 10 });
    expect(queue.items.find((r) => r.id === app.id)).toMatchObject({ lateParty: 'grid', penalty: { sumRub: 3000 } });
    const report = await operator.staffApplications.penalties.query();
    expect(report.rows.find((r) => r.id === app.id)).toMatchObject({ number: app.number, penalty: { days: 12, sumRub: 3000 } });
    expect(report.totals.grid).toBeGreaterThanOrEqual(3000);
    const line = report.csv.split('\r\n').find((l) => l.includes(app.number))!;
    expect(line).toContain('"просрочка сетевой организации"');
    expect(line).toContain(';12;');
    expect(line).toContain('"3000,00"');
    expect(line).toContain('"ПП 861 п.16 «в» (проверить редакцию)";"❓"');
    // Not for applicants.
    expect((await failure(applicant.client.staffApplications.penalties.query())).code).toBe('FORBIDDEN');
  });

  it('the applicant downloads the claim addressed to the grid with the facts, dates and sum; staff may too; no one else', async () => {
    const response = await fetchClaim(applicant.client, app.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(await response.arrayBuffer());
    const row = (await stack.db.Application.findByPk(app.id))!;
    expect(text).toContain('Претензия о выплате неустойки');
    expect(text).toContain('Сетевая организация (образец)');
    expect(text).toContain(row.applicantName);
    expect(text).toContain(app.number);
    expect(text).toContain(`Дата заключения договора ${formatRuDate(moscowDate(row.contractConcludedAt!.getTime()))}`);
    expect(text).toContain(`истёк ${formatRuDate(termLastDay)}`);
    expect(text).toContain(`12 дн. (с ${formatRuDate(addCalendarDays(termLastDay, 1))} по ${formatRuDate(today)} включительно)`);
    expect(text).toContain('50 000,00 ₽ × 0,25 % × 2 × 12 дн. = 3 000,00 ₽');
    expect(text).toContain('Прошу выплатить неустойку в размере 3 000,00 ₽');
    expect(text).toContain('ПП 861 п.16 «в» (проверить редакцию)');

    expect((await fetchClaim(operator, app.id)).status).toBe(200);
    expect((await fetchClaim(stranger.client, app.id)).status).toBe(404);
    expect((await fetchClaim(null, app.id)).status).toBe(401);
    expect((await fetchClaim(applicant.client, 'not-a-uuid')).status).toBe(404);
  });

  it('«Подать претензию как жалобу» files one complaint on connection, linked to the application, with the claim as its text', async () => {
    const appealId = crypto.randomUUID();
    const filed = await applicant.client.applications.fileClaim.mutate({ id: app.id, appealId });
    // A double click finds the same complaint.
    expect(await applicant.client.applications.fileClaim.mutate({ id: app.id, appealId })).toMatchObject({ id: filed.id, number: filed.number });
    const appeal = await applicant.client.appeals.get.query({ id: filed.id });
    expect(appeal.summary).toMatchObject({ kind: 'complaint', topic: 'connection', applicationId: app.id });
    expect(plain(appeal.text)).toContain('Претензия о выплате неустойки');
    expect(plain(appeal.text)).toContain('50 000,00 ₽ × 0,25 % × 2 × 12 дн. = 3 000,00 ₽');
    expect((await failure(stranger.client.applications.fileClaim.mutate({ id: app.id, appealId: crypto.randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('an application without a penalty', () => {
  it('has no claim to download or file', async () => {
    const form = await completeIndividualForm(applicant.client);
    const other = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
    expect((await applicant.client.applications.get.query({ id: other.id })).summary.penalty).toBeNull();
    const response = await fetchClaim(applicant.client, other.id);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('По заявке неустойка не начислена');
    expect((await failure(applicant.client.applications.fileClaim.mutate({ id: other.id, appealId: crypto.randomUUID() }))).code).toBe('BAD_REQUEST');
  });
});
