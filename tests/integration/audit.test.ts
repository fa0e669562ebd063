// Auditors against the real stack: a case driven through several stages by the
// demo staff member and closed by its applicant, then found, read as a
// timeline, downloaded, replayed and checked — through the API, the HTTP
// download and the `npm run replay` CLI. Also: the access log, and that an
// auditor can change nothing.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { applicationWorkflowId, submitApplication } from '../../api/applications/service';
import type { ApiServices } from '../../api/context';
import { appRouter } from '../../api/router';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEFAULT_THROTTLE_RULES } from '../../auth/throttle';
import { connectDb, type Db } from '../../db';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { applicationFormSchema } from '../../domain/application';
import { resolveTerms, type TermOverrides } from '../../domain/regulations';
import { ROOT_DIR } from '../../infra/config';
import { temporalDataConverter } from '../../infra/data-converter';
import { cookiesOf, failure } from '../support/api-client';
import { individualRegistration, loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { saveHistoryFixture } from '../support/histories';
import { uniqueEmail } from '../support/mail';
import { testEnv, TEST_PAYLOAD_KEYS } from '../support/test-env';
import { invoiceOf } from '../support/invoice-input';

let db: Db;
let connection: Connection;
let temporal: Client;
beforeAll(async () => {
  db = connectDb(inject('databaseUrl'), { poolMax: 3 });
  connection = await Connection.connect({ address: inject('temporalAddress') });
  temporal = new Client({ connection, dataConverter: temporalDataConverter(testEnv()) });
});
afterAll(async () => {
  await connection.close();
  await db.close();
});

const account = (role: 'staff' | 'auditor' | 'admin') => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const login = (role: 'staff' | 'auditor' | 'admin') => loggedIn(account(role).email, account(role).password);
const STAFF_NAME = 'Смирнова Анна Петровна';
const ACCEPT_COMMENT = 'Сведения полные, сверила с выпиской ЕГРН';
const POST_COMMENT = 'Счёт выставлен по тарифу 2026 года';

function services(terms: TermOverrides): ApiServices {
  return { db, temporal, taskQueue: inject('taskQueue'), publicUrl: inject('appUrl'), throttle: DEFAULT_THROTTLE_RULES, terms: resolveTerms(terms), paymentsMode: 'test' };
}

async function filed(terms: TermOverrides = {}) {
  const applicant = await registeredApplicant();
  const form = applicationFormSchema.parse(await completeIndividualForm(applicant.client));
  const user = (await db.User.findByPk(applicant.user.id))!;
  return { ...applicant, ...(await submitApplication(services(terms), user, newDraftId(), form)) };
}

/** Waits until the workflow stops writing history: the case rests in its stage with its timers started. */
async function settled(workflowId: string) {
  const handle = temporal.workflow.getHandle(workflowId);
  let before = -1;
  for (let now = (await handle.fetchHistory()).events?.length ?? 0; now !== before; now = (await handle.fetchHistory()).events?.length ?? 0) {
    before = now;
    await new Promise((r) => setTimeout(r, 700));
  }
}

function download(path: string, client: object | null) {
  const cookie = client ? `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE)}` : '';
  return fetch(`${inject('appUrl')}${path}`, { headers: { cookie } });
}

function replayCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, TEMPORAL_ADDRESS: inject('temporalAddress'), DATABASE_URL: inject('databaseUrl'), PAYLOAD_KEYS: TEST_PAYLOAD_KEYS, LOG_LEVEL: 'error' };
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'scripts/replay.ts', ...args], { cwd: ROOT_DIR, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/**
 * The finished case every test reads: overdue in the completeness check (a
 * fired timer), accepted and given its documents by the demo staff member with
 * comments (a cancelled timer), then withdrawn by the applicant.
 */
async function makeClosedCase() {
  // Long enough that the entry into the stage (documents, notifications) ends before the term does, so a real deadline timer runs and fires.
  const app = await filed({ completenessCheck: { amount: 8, unit: 'seconds' } });
  const workflowId = applicationWorkflowId(app.id);
  await expect.poll(async () => (await db.Application.findByPk(app.id))!.overdue, { timeout: 30_000 }).toBe(true);
  const operator = await login('staff');
  await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: { comment: ACCEPT_COMMENT } });
  await settled(workflowId);
  await operator.staffApplications.act.mutate({
    id: app.id,
    action: 'postContractDocuments',
    input: { ...invoiceOf(48_200), tuRequirements: 'Установить щит учёта на границе участка', connectionPoint: 'Опора № 7 ВЛ-0,4 кВ', comment: POST_COMMENT },
  });
  await app.client.applications.act.mutate({ id: app.id, action: 'withdraw', input: { reason: 'Продаю участок' } });
  expect(await temporal.workflow.getHandle(workflowId).result()).toBe('withdrawn');
  // A closed case with a fired deadline, an escalation and a cancelled timer: worth keeping for the determinism guard.
  await saveHistoryFixture('application-overdue-withdrawn', await temporal.workflow.getHandle(workflowId).fetchHistory());
  return { ...app, workflowId, operator };
}
let closed: ReturnType<typeof makeClosedCase> | undefined;
const closedCase = () => (closed ??= makeClosedCase());

describe('auditors', () => {
  it('find the case through Temporal visibility and the read model, both agreeing', async () => {
    const { number, workflowId, id } = await closedCase();
    const auditor = await login('auditor');
    await expect
      .poll(async () => (await auditor.audit.searchCases.query({ number })).rows, { timeout: 15_000 })
      .toEqual([expect.objectContaining({ workflowId, caseId: id, number, stage: 'withdrawn', status: 'withdrawn', temporalStatus: 'COMPLETED', inVisibility: true, inReadModel: true, disagreements: [] })]);
    const today = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
    const byName = await auditor.audit.searchCases.query({ applicant: 'Петров', status: 'withdrawn', dateField: 'closed', from: today, to: today, kind: 'application' });
    expect(byName.rows.map((r) => r.workflowId)).toContain(workflowId);
    expect(byName.visibilityQuery).toContain('CaseStatus = "withdrawn"');
    expect(byName.visibilityQuery).toMatch(/ApplicantId IN \(/);
    const overdueOnly = await auditor.audit.searchCases.query({ number, overdue: true });
    expect(overdueOnly.rows).toEqual([]);
    const bad = await failure(auditor.audit.searchCases.query({ number: 'ТП"2026' }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { number: ['Укажите номер полностью, например ТП-2026-000123'] } });
  });

  it('read the history as a timeline with the staff member, the comments, timers, attempts and documents', async () => {
    const { workflowId, id, number } = await closedCase();
    const auditor = await login('auditor');
    const view = await auditor.audit.history.query({ workflowId });
    expect(view).toMatchObject({ workflowId, caseId: id, caseNumber: number, kind: 'application', status: 'COMPLETED', downloadUrl: `/api/audit/history/${workflowId}.json` });
    expect(view.temporalUiUrl).toBe(`http://localhost:${testEnv().TEMPORAL_UI_PORT}/namespaces/default/workflows/${workflowId}`);
    const entries = view.timeline.entries;
    const accept = entries.find((e) => e.kind === 'action' && e.title === 'Принять заявку как полную');
    expect(accept).toMatchObject({ actor: { kind: 'staff', name: STAFF_NAME }, comment: ACCEPT_COMMENT, stage: 'completenessCheck', outcome: 'done' });
    expect(entries.find((e) => e.title === 'Разместить условия договора, ТУ, счёт и инструкцию')).toMatchObject({ actor: { name: STAFF_NAME }, comment: POST_COMMENT, stage: 'preparingDocuments' });
    expect(entries.find((e) => e.title === 'Отозвать заявку')).toMatchObject({ actor: { kind: 'applicant', name: 'Петров Пётр Петрович' } });
    // The 8-second check term ran out (fired); the 10-working-day term was cut short by the staff action (cancelled).
    const timers = entries.filter((e) => e.kind === 'timer');
    expect(timers.some((t) => t.outcome === 'done' && t.timer?.purpose === 'deadline')).toBe(true);
    expect(timers.some((t) => t.outcome === 'cancelled' && t.timer!.durationMs > 86_400_000)).toBe(true);
    expect(entries.some((e) => e.kind === 'activity' && e.title.startsWith('Уведомление сотрудникам') && e.stage === 'completenessCheck')).toBe(true);
    expect(entries.filter((e) => e.kind === 'activity').every((e) => e.outcome === 'done' && (e.attempts ?? 0) >= 1)).toBe(true);
    const stored = await db.Document.findAll({ where: { caseId: id, source: 'system' } });
    const shown = entries.flatMap((e) => e.documents);
    expect(shown.map((d) => d.sha256).sort()).toEqual(stored.map((d) => d.sha256).sort());
    expect(entries.at(-1)).toMatchObject({ kind: 'case-closed', title: 'Процесс завершён: заявка отозвана заявителем' });
  });

  it('download the raw history as Temporal JSON; others cannot', async () => {
    const { workflowId, client: applicant, operator } = await closedCase();
    const auditor = await login('auditor');
    const response = await download(`/api/audit/history/${workflowId}.json`, auditor);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${workflowId}.json"; filename*=UTF-8''${workflowId}.json`);
    const body = await response.text();
    const history = historyFromJSON(JSON.parse(body));
    expect(history.events?.length).toBe((await temporal.workflow.getHandle(workflowId).fetchHistory()).events?.length);
    // Decrypted for the auditor (Temporal stores it encrypted): no payload is still sealed, the comments read.
    expect(body).not.toContain(Buffer.from('binary/encrypted').toString('base64'));
    const updates = (history.events ?? []).flatMap((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads ?? []);
    expect(updates.map((p) => new TextDecoder().decode(p.data ?? new Uint8Array())).join('\n')).toContain(ACCEPT_COMMENT);
    expect((await download(`/api/audit/history/${workflowId}.json`, operator)).status).toBe(403);
    expect((await download(`/api/audit/history/${workflowId}.json`, applicant)).status).toBe(403);
    expect((await download(`/api/audit/history/${workflowId}.json`, null)).status).toBe(401);
    const missing = await download(`/api/audit/history/application-${randomUUID()}.json`, auditor);
    expect(missing.status).toBe(404);
    expect((await missing.json()) as unknown).toEqual({ error: { message: 'История не найдена: такого процесса нет в Temporal' } });
    expect((await download('/api/audit/history/credentials-mail-1.json', auditor)).status).toBe(404);
  });

  it('replay the case against the current code, in the app and from the command line', async () => {
    const { workflowId } = await closedCase();
    const auditor = await login('auditor');
    expect(await auditor.audit.replay.query({ workflowId })).toMatchObject({ workflowId, deterministic: true });
    const today = new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
    const batch = await replayCli('--closed-from', today, '--closed-to', today, '--kind', 'application');
    expect(batch, batch.stderr).toMatchObject({ code: 0 });
    expect(batch.stdout).toMatch(/с расхождением: 0/);
    expect(batch.stderr).toMatch(/\[#+\] \d+\/\d+ OK application-/);
    expect(batch.stderr).toContain(`OK ${workflowId}`);
  }, 180_000);

  it('find every difference in a corrupted read model, and none in a sound one', async () => {
    const { id, workflowId } = await closedCase();
    const auditor = await login('auditor');
    expect(await auditor.audit.checkReadModel.query({ caseId: id })).toMatchObject({ workflowId, differences: [], pending: [] });
    const accepted = (await db.CaseEvent.findOne({ where: { caseId: id, type: 'accepted' } }))!.seq;
    await db.sequelize.query(`UPDATE applications SET stage = 'inspection' WHERE id = $1`, { bind: [id] });
    await db.sequelize.query(`UPDATE case_events SET comment = 'подправлено' WHERE case_id = $1 AND seq = $2`, { bind: [id, accepted] });
    try {
      const report = await auditor.audit.checkReadModel.query({ workflowId });
      expect(report.differences).toEqual([
        { table: 'applications', row: id, field: 'stage', stored: 'inspection', expected: 'withdrawn' },
        { table: 'case_events', row: `seq ${accepted}`, field: 'comment', stored: 'подправлено', expected: ACCEPT_COMMENT },
      ]);
      const cli = await replayCli('--check-read-models', workflowId);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain('applications [' + id + '] stage: в витрине «inspection», по истории «withdrawn»');
    } finally {
      await db.sequelize.query(`UPDATE applications SET stage = 'withdrawn' WHERE id = $1`, { bind: [id] });
      await db.sequelize.query(`UPDATE case_events SET comment = $2 WHERE case_id = $1 AND seq = $3`, { bind: [id, ACCEPT_COMMENT, accepted] });
    }
    expect((await auditor.audit.checkReadModel.query({ workflowId })).differences).toEqual([]);
  }, 180_000);

  it('see who viewed and downloaded the case in the access log; applicants reading their own case are not logged', async () => {
    const { id, number, operator, client: applicant } = await closedCase();
    const auditor = await login('auditor');
    await operator.staffApplications.get.query({ id });
    const doc = (await db.Document.findOne({ where: { caseId: id, kind: 'registrationReceipt' } }))!;
    expect((await download(`/api/documents/${doc.id}`, operator)).status).toBe(200);
    expect((await download(`/api/documents/${doc.id}`, applicant)).status).toBe(200);
    const log = await auditor.audit.accessLog.query({ caseNumber: number });
    const staffId = (await db.User.findOne({ where: { email: account('staff').email } }))!.id;
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: staffId, userName: STAFF_NAME, role: 'staff', action: 'view-case', caseId: id }),
        expect.objectContaining({ userId: staffId, role: 'staff', action: 'download-document', caseId: id, detail: expect.stringContaining(doc.sha256) }),
        expect.objectContaining({ role: 'auditor', action: 'download-history', caseId: id }),
        expect.objectContaining({ role: 'auditor', action: 'replay', detail: 'Воспроизведение: детерминировано' }),
      ]),
    );
    expect(log.filter((r) => r.role === 'applicant')).toEqual([]);
    expect(await auditor.audit.accessLog.query({ caseNumber: number, action: 'download-document', user: 'Смирнова' })).toHaveLength(1);
    expect((await failure(operator.audit.accessLog.query({}))).code).toBe('FORBIDDEN');
    expect((await failure(auditor.audit.accessLog.query({ from: '2026-12-01', to: '2026-11-01' }))).fieldErrors).toEqual({ to: ['Дата «по» не может быть раньше даты «с»'] });
  });

  it('work on appeals the same way: search, timeline with the staff member, read-model check', async () => {
    const applicant = await registeredApplicant();
    const appeal = await applicant.client.appeals.create.mutate({
      id: randomUUID(),
      form: { topic: 'metering', kind: 'complaint', text: 'Прибор учёта показывает лишнее потребление', answerChannel: 'cabinet' },
    });
    const operator = await login('staff');
    await operator.staffAppeals.act.mutate({ id: appeal.id, action: 'take', input: { comment: 'Беру, проверю показания' } });
    const auditor = await login('auditor');
    const workflowId = `appeal-${appeal.id}`;
    await expect
      .poll(async () => (await auditor.audit.searchCases.query({ kind: 'appeal', number: appeal.number })).rows, { timeout: 15_000 })
      .toEqual([expect.objectContaining({ workflowId, kind: 'appeal', stage: 'assigned', stageTitle: 'Назначен исполнитель', status: 'open', inVisibility: true, inReadModel: true, disagreements: [] })]);
    const view = await auditor.audit.history.query({ workflowId });
    expect(view).toMatchObject({ kind: 'appeal', caseNumber: appeal.number, staffPath: `/staff/appeals/${appeal.id}` });
    expect(view.timeline.entries[0]).toMatchObject({ kind: 'case-started', title: `Обращение ${appeal.number} зарегистрировано` });
    expect(view.timeline.entries.find((e) => e.kind === 'action')).toMatchObject({ title: 'Взять в работу', actor: { kind: 'staff', name: STAFF_NAME }, comment: 'Беру, проверю показания', stageTitle: 'Обращение зарегистрировано' });
    await expect.poll(async () => (await auditor.audit.checkReadModel.query({ workflowId })).differences, { timeout: 15_000 }).toEqual([]);
  });

  it('refuse what is not a case of theirs to see: bad ids, unknown cases, other roles', async () => {
    const auditor = await login('auditor');
    const bad = await failure(auditor.audit.history.query({ workflowId: 'credentials-mail-1' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.fieldErrors.workflowId).toEqual(['Укажите идентификатор процесса вида application-<uuid> или appeal-<uuid>']);
    const unknown = `application-${randomUUID()}`;
    expect(await failure(auditor.audit.replay.query({ workflowId: unknown }))).toMatchObject({ code: 'NOT_FOUND', message: `Процесс ${unknown} не найден в Temporal` });
    const { client: applicant } = await closedCase();
    expect((await failure(applicant.audit.searchCases.query({}))).code).toBe('FORBIDDEN');
    expect((await failure((await login('staff')).audit.history.query({ workflowId: unknown }))).code).toBe('FORBIDDEN');
  });
});

/**
 * Mutations an auditor may call because they touch only the caller's own
 * session, password, contact data, notification feed or outage subscriptions,
 * or are open to anyone without logging in. Everything else must refuse an
 * auditor by role; a new mutation fails the test below until it does, or is
 * added here with the reason.
 */
const OWN_ACCOUNT_OR_PUBLIC = new Set([
  'auth.register',
  'auth.login',
  'auth.forgotPassword',
  'auth.logout',
  'auth.logoutEverywhere',
  'auth.setInitialPassword',
  'auth.changePassword',
  // Public like registration: the token from an invitation e-mail creates the invitee's own account and session.
  'organisation.acceptInvitation',
  'profile.update',
  'notifications.markRead',
  'outages.subscribe',
  'outages.unsubscribe',
]);

describe('an auditor changes nothing', () => {
  it('every mutation of the app router refuses the demo auditor with FORBIDDEN, with plausible input, and the case stays as it was', async () => {
    const auditor = await login('auditor');
    const open = await filed();
    const applicant = await registeredApplicant();
    const before = (await db.Application.findByPk(open.id))!;
    const form = await completeIndividualForm(applicant.client);
    const plausible: Record<string, unknown> = {
      'staff.registerVisitor': { ...individualRegistration(uniqueEmail('aud')), consentOnPaper: true },
      'admin.createStaffAccount': { email: uniqueEmail('aud-staff'), role: 'auditor', lastName: 'Волков', firstName: 'Семён', middleName: '' },
      'admin.setBlocked': { userId: applicant.user.id, blocked: true },
      'applications.saveDraft': { id: newDraftId(), form: { objectName: 'Дом' } },
      'applications.deleteDraft': { id: newDraftId() },
      'applications.submit': { draftId: newDraftId(), form },
      'applications.act': { id: open.id, action: 'withdraw', input: { reason: 'от имени аудитора' } },
      'staffApplications.act': { id: open.id, action: 'acceptComplete', input: { comment: 'от имени аудитора' } },
    };
    // tRPC types _def.procedures as the nested router; at run time it is flat: 'staffApplications.act' → procedure.
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const mutations = Object.entries(procedures)
      .filter(([, p]) => p._def.type === 'mutation')
      .map(([path]) => path);
    expect(mutations.length).toBeGreaterThan(10);
    for (const path of OWN_ACCOUNT_OR_PUBLIC) expect(mutations, `${path} is listed as own-account but is gone`).toContain(path);

    const cookie = `${SESSION_COOKIE}=${cookiesOf(auditor).get(SESSION_COOKIE)}`;
    const refusals: Record<string, string | undefined> = {};
    for (const path of mutations.filter((p) => !OWN_ACCOUNT_OR_PUBLIC.has(p))) {
      // A new mutation without an entry in `plausible` gets {}: a role check answers FORBIDDEN before the input is read.
      const response = await fetch(`${inject('appUrl')}/trpc/${path}`, {
        method: 'POST',
        headers: { origin: inject('appUrl'), cookie, 'content-type': 'application/json' },
        body: JSON.stringify(plausible[path] ?? {}),
      });
      const body = (await response.json()) as { error?: { data?: { code?: string } } };
      refusals[path] = body.error?.data?.code ?? 'SUCCEEDED';
    }
    expect(refusals).toEqual(Object.fromEntries(Object.keys(refusals).map((p) => [p, 'FORBIDDEN'])));

    const after = (await db.Application.findByPk(open.id))!;
    expect({ stage: after.stage, lastSeq: after.lastSeq }).toEqual({ stage: before.stage, lastSeq: before.lastSeq });
    expect((await db.User.findByPk(applicant.user.id))!.blockedAt).toBeNull();
    expect(await db.User.count({ where: { email: (plausible['admin.createStaffAccount'] as { email: string }).email } })).toBe(0);
    // The same auditor can still read: the refusals were about changing, not about the session.
    expect((await auditor.audit.searchCases.query({ number: open.number })).rows).toHaveLength(1);
  });
});
