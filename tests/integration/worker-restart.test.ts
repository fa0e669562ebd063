// A worker process is killed (SIGKILL) in the middle of a staff action; a new
// one takes over. The case goes on and no e-mail or row is written twice.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { connectDb, type Db } from '../../db';
import { applicationFormSchema } from '../../domain/application';
import { resolveTerms } from '../../domain/regulations';
import { DEFAULT_THROTTLE_RULES } from '../../auth/throttle';
import { actorOf, applicationWorkflowId, sendAction, submitApplication } from '../../api/applications/service';
import { appealWorkflowId, fileAppeal, sendAppealAction } from '../../api/appeals/service';
import { HAPPY_PATH } from '../../bench/happy-path';
import { appealFormSchema } from '../../domain/appeal';
import type { ApiServices } from '../../api/context';
import { registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { mailsTo } from '../support/mail';
import { temporalDataConverter } from '../../infra/data-converter';
import { testEnv } from '../support/test-env';
import { killWorker, ready, startWorkerProcess } from '../support/worker-process';
import { invoiceOf } from '../support/invoice-input';

const taskQueue = `restart-${randomUUID()}`;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  const child = startWorkerProcess(taskQueue);
  workers.push(child);
  return child;
}

let db: Db;
let connection: Connection;
let services: ApiServices;
beforeAll(async () => {
  db = connectDb(inject('databaseUrl'), { poolMax: 2 });
  connection = await Connection.connect({ address: inject('temporalAddress') });
  services = { db, temporal: new Client({ connection, dataConverter: temporalDataConverter(testEnv()) }), taskQueue, publicUrl: inject('appUrl'), throttle: DEFAULT_THROTTLE_RULES, terms: resolveTerms(), paymentsMode: 'test' };
});
afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL');
  await connection.close();
  await db.close();
});

describe('worker killed mid-case', () => {
  it('goes on after a restart with no duplicate e-mail or row (an application and an appeal)', async () => {
    const first = startWorker();
    await ready(first);
    const applicant = await registeredApplicant();
    const user = (await db.User.findByPk(applicant.user.id))!;
    const form = applicationFormSchema.parse(await completeIndividualForm(applicant.client));
    const app = await submitApplication(services, user, newDraftId(), form);
    const appeal = await fileAppeal(services, user, randomUUID(), appealFormSchema.parse({ topic: 'metering', kind: 'question', text: 'Когда заменят прибор учёта?' }), { channel: 'electronic', registeredBy: null });
    const operatorUser = (await db.User.findOne({ where: { role: 'staff' } }))!;
    const operator = { id: operatorUser.id, name: 'Тестовый оператор', role: 'staff' as const };

    // Actions are accepted on both cases, the worker dies while it runs their activities.
    const accepted = sendAction(services, app.id, 'acceptComplete', operator, { comment: '' });
    const taken = sendAppealAction(services, appeal.id, 'take', operator, { comment: '' });
    await new Promise((r) => setTimeout(r, 150));
    await killWorker(first);

    const second = startWorker();
    await ready(second);
    expect((await accepted).stage).toBe('preparingDocuments');
    expect((await taken).stage).toBe('assigned');
    expect((await sendAppealAction(services, appeal.id, 'answer', operator, { text: 'Замена назначена на следующую неделю.' })).stage).toBe('answered');
    const appealEvents = await db.CaseEvent.findAll({ where: { caseId: appeal.id }, order: [['seq', 'ASC']] });
    expect(appealEvents.map((e) => e.type)).toEqual(['registered', 'assigned', 'answered']);
    const appealMails = (await mailsTo(applicant.email)).filter((m) => m.subject.startsWith(appeal.number));
    expect(new Set(appealMails.map((m) => m.headers['message-id'])).size).toBe(appealMails.length);
    const posted = await sendAction(services, app.id, 'postContractDocuments', operator, {
      ...invoiceOf(48_000),
      tuRequirements: 'Установить прибор учёта на опоре',
      connectionPoint: 'Опора № 3',
      constructionNeeded: false,
      comment: '',
    });
    expect(posted.stage).toBe('awaitingPayment');

    const notifications = await db.Notification.findAll({ where: { caseId: app.id, userId: user.id } });
    const keys = notifications.map((n) => n.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    await expect.poll(async () => (await mailsTo(applicant.email)).filter((m) => m.subject.startsWith(app.number)).length, { timeout: 60_000 }).toBe(notifications.length);
    const mails = (await mailsTo(applicant.email)).filter((m) => m.subject.startsWith(app.number));
    expect(new Set(mails.map((m) => m.headers['message-id'])).size).toBe(mails.length);
    const documents = await db.Document.findAll({ where: { caseId: app.id, source: 'system' } });
    expect(new Set(documents.map((d) => d.kind)).size).toBe(documents.length);
    const events = await db.CaseEvent.findAll({ where: { caseId: app.id } });
    expect(events.map((e) => e.seq)).toEqual([...events.keys()].map((i) => i + 1));

    // Both cases end, so none is left running on this test's queue once its worker is gone
    // (a calendar load asks every running case with a deadline in the year to recompute it).
    const applicantActor = actorOf(user);
    for (const step of HAPPY_PATH.slice(HAPPY_PATH.findIndex((s) => s.action === 'payInvoice'))) {
      await sendAction(services, app.id, step.action, step.by === 'staff' ? operator : applicantActor, step.input);
    }
    await sendAppealAction(services, appeal.id, 'confirm', applicantActor, {});
    await Promise.all([applicationWorkflowId(app.id), appealWorkflowId(appeal.id)].map((id) => services.temporal.workflow.getHandle(id).result()));
  });
});
