// Issue 20's last condition: what staff and applicants do on a case — a staff
// member holds it, the applicant's representative pays and writes, staff answer —
// survives a worker killed (SIGKILL) mid-action, writes nothing twice, and the
// auditor's timeline shows every step with who took it, the representative named
// with the principal and the power of attorney. Runs on a worker of its own
// (tests/support/worker-process.ts), driven by the API's own service functions.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { caseActorOf, actorOf, sendAction, submitApplication } from '../../api/applications/service';
import { executeCaseAction } from '../../api/cases/commands';
import { takeCase } from '../../api/departments/service';
import { validateSessionToken } from '../../auth/sessions';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { applicationFormSchema } from '../../domain/application';
import { addCalendarDays, moscowDate } from '../../domain/calendar';
import { applicationWorkflowId } from '../../workflows/application/contract';
import { postMessageUpdate } from '../../workflows/case/conversation';
import { cookiesOf } from '../support/api-client';
import { individualRegistration, loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId, upload } from '../support/applications';
import { invoiceOf } from '../support/invoice-input';
import { mailsTo, uniqueEmail } from '../support/mail';
import { useStackClients } from '../support/stack-clients';
import { HAPPY_PATH } from '../../bench/happy-path';
import { killWorker, ready, startWorkerProcess } from '../support/worker-process';

const stack = useStackClients();
const taskQueue = `staff-work-${randomUUID()}`;
const workers: ChildProcess[] = [];
const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

async function startWorker(): Promise<ChildProcess> {
  const child = startWorkerProcess(taskQueue);
  workers.push(child);
  await ready(child);
  return child;
}

afterAll(async () => {
  for (const w of workers) await killWorker(w);
});

describe('staff work on a case across a worker restart', () => {
  it('holder, representative’s payment and messages survive a killed worker, once each, and the auditor’s timeline names who did what', async () => {
    const first = await startWorker();
    // The conversation's e-mail notice waits for the end of a burst; shrunk, so the case can end within the test.
    const services = { ...stack.services({ messageNoticeWindow: { amount: 2, unit: 'seconds' } }), taskQueue };
    const [principal, representative] = await Promise.all([
      registeredApplicant({ ...individualRegistration(uniqueEmail('restart-principal')), lastName: 'Доверова', firstName: 'Анна', middleName: 'Павловна' }),
      registeredApplicant({ ...individualRegistration(uniqueEmail('restart-representative')), lastName: 'Поверенный', firstName: 'Илья', middleName: 'Сергеевич' }),
    ]);
    const today = moscowDate(Date.now());
    const scan = await upload(principal.client, 'powerOfAttorney');
    const poa = await principal.client.representation.grant.mutate({ representativeEmail: representative.email, number: 'Р-15', issuedOn: addCalendarDays(today, -1), validUntil: addCalendarDays(today, 90), documentId: scan.id });
    await (await loggedIn(demo('staff').email, demo('staff').password)).staffRepresentation.verify.mutate({ id: poa.id });

    // The representative's session as the API reads it, with the authority in force.
    const session = (await validateSessionToken(stack.db, cookiesOf(representative.client).get(SESSION_COOKIE)!))!;
    expect(session.user.representing.map((a) => a.poaId)).toEqual([poa.id]);
    const form = applicationFormSchema.parse(await completeIndividualForm(representative.client));
    const app = await submitApplication(services, session.user, newDraftId(), form, poa.id);
    const workflowId = applicationWorkflowId(app.id);
    const admin = (await stack.db.User.findOne({ where: { email: demo('admin').email } }))!.get({ plain: true });
    const adminActor = actorOf(admin);
    await expect.poll(async () => (await stack.db.Application.findByPk(app.id))?.stage, { timeout: 30_000 }).toBe('completenessCheck');

    // The admin (a supervisor everywhere) holds the case; the worker dies while the acceptance runs its activities.
    await takeCase({ ...services, user: admin }, app.id);
    const accepted = sendAction(services, app.id, 'acceptComplete', adminActor, { comment: 'Сведения полные' });
    await new Promise((r) => setTimeout(r, 150));
    await killWorker(first);
    await startWorker();
    expect((await accepted).stage).toBe('preparingDocuments');

    await sendAction(services, app.id, 'postContractDocuments', adminActor, { ...invoiceOf(48_000), tuRequirements: 'Установить прибор учёта на опоре', connectionPoint: 'Опора № 3', constructionNeeded: false, comment: '' });
    const row = (await stack.db.Application.findByPk(app.id))!;
    const representativeActor = caseActorOf(session.user, row);
    expect(representativeActor).toMatchObject({ id: representative.user.id, onBehalfOf: principal.user.id });
    expect((await sendAction(services, app.id, 'payInvoice', representativeActor, {})).stage).toBe('tuFulfilment');
    await executeCaseAction(services, workflowId, postMessageUpdate as never, representativeActor, { text: 'Оплатил за доверителя, когда монтаж?', internal: false, attachments: [] });
    await executeCaseAction(services, workflowId, postMessageUpdate as never, adminActor, { text: 'Монтаж на следующей неделе.', internal: false, attachments: [] });

    // The case goes on to its act, so no running case is left on this test's queue once its worker is gone
    // (a calendar load asks every running case with a deadline in the year to recompute it: tests/integration/calendars.test.ts).
    for (const step of HAPPY_PATH.slice(HAPPY_PATH.findIndex((s) => s.action === 'payInvoice') + 1)) {
      await sendAction(services, app.id, step.action, step.by === 'staff' ? adminActor : representativeActor, step.input);
    }
    await stack.temporal.workflow.getHandle(workflowId).result();
    expect((await stack.db.Application.findByPk(app.id))!.status).not.toBe('active');

    // Nothing twice: the history's rows, the notices, the letters.
    const events = await stack.db.CaseEvent.findAll({ where: { caseId: app.id }, order: [['seq', 'ASC']] });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'accepted')).toHaveLength(1);
    const notifications = await stack.db.Notification.findAll({ where: { caseId: app.id } });
    expect(new Set(notifications.map((n) => n.idempotencyKey)).size).toBe(notifications.length);
    for (const address of [principal.email, representative.email]) {
      const letters = (await mailsTo(address)).filter((m) => m.subject.startsWith(app.number));
      expect(letters.length, `letters of ${app.number} to ${address}`).toBeGreaterThan(0);
      expect(new Set(letters.map((m) => m.headers['message-id'])).size).toBe(letters.length);
    }
    const messages = await stack.db.sequelize.query<{ n: number }>('SELECT n FROM case_messages WHERE case_id = $1 ORDER BY n', { bind: [app.id], type: QueryTypes.SELECT });
    expect(messages.map((m) => m.n)).toEqual([1, 2]);

    // The auditor's timeline: every action with its actor.
    const auditor = await loggedIn(demo('auditor').email, demo('auditor').password);
    const { timeline } = await auditor.audit.history.query({ workflowId });
    const actions = timeline.entries.filter((e) => e.kind === 'action').map((e) => ({ title: e.title, actor: e.actor.name, outcome: e.outcome }));
    const named = 'Поверенный Илья Сергеевич, представитель по доверенности № Р-15 (доверитель: Доверова Анна Павловна)';
    expect(actions.filter((a) => a.actor === named && a.outcome === 'done')).toHaveLength(3);
    expect(actions.filter((a) => a.actor === adminActor.name && a.outcome === 'done').length).toBeGreaterThanOrEqual(8);
    expect(timeline.entries.some((e) => e.kind === 'case-started')).toBe(true);
  }, 180_000);
});
