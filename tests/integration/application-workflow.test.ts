// Every path of the connection-application workflow against the real dev
// server, worker, Postgres and MailDev. Deadline paths shrink the statutory
// terms to seconds through the same regulations table production uses.
import { describe, expect, it } from 'vitest';
import type { TermOverrides } from '../../domain/regulations';
import { applicationFormSchema } from '../../domain/application';
import { submitApplication, applicationWorkflowId } from '../../api/applications/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { failure } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { mailsTo, waitForMail } from '../support/mail';
import { saveHistoryFixture } from '../support/histories';
import { useStackClients } from '../support/stack-clients';
import { invoiceOf } from '../support/invoice-input';

const stack = useStackClients();

const staffAccount = DEMO_ACCOUNTS.find((a) => a.role === 'staff')!;
const staff = () => loggedIn(staffAccount.email, staffAccount.password);

/** Files an application (optionally with shortened terms) for a fresh applicant. */
async function filed(terms?: TermOverrides) {
  const applicant = await registeredApplicant();
  const form = applicationFormSchema.parse(await completeIndividualForm(applicant.client));
  const user = (await stack.db.User.findByPk(applicant.user.id))!;
  const submitted = terms
    ? await submitApplication(stack.services(terms), user, newDraftId(), form)
    : await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
  return { ...applicant, ...submitted };
}

async function stageOf(id: string) {
  return (await stack.db.Application.findByPk(id))!;
}

async function waitForStage(id: string, stage: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await stageOf(id);
    if (row.stage === stage) return row;
    if (Date.now() > deadline) throw new Error(`application stayed in ${row.stage}, expected ${stage}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const postDocuments = { ...invoiceOf(55_000), tuRequirements: 'Установить вводное устройство и прибор учёта на границе участка', connectionPoint: 'Опора № 12 ВЛ-0,4 кВ Ф-3', constructionNeeded: true, overheadLineM: 120, comment: 'Проверено' };

describe('connection application workflow', () => {
  it('runs the happy path to the act, with documents for every stage, notifications and e-mails', async () => {
    const app = await filed();
    expect(app.number).toMatch(/^ТП-\d{4}-\d{6}$/);
    const operator = await staff();
    const act = (action: Parameters<typeof operator.staffApplications.act.mutate>[0]['action'], input: unknown) => operator.staffApplications.act.mutate({ id: app.id, action, input });

    expect((await app.client.applications.get.query({ id: app.id })).summary.stage).toBe('completenessCheck');
    expect((await act('acceptComplete', { comment: 'Сведения полные' })).stage).toBe('preparingDocuments');
    // Read your writes: the read model already shows the new stage when the action returns.
    expect((await stageOf(app.id)).stage).toBe('preparingDocuments');
    expect((await act('postContractDocuments', postDocuments)).stage).toBe('awaitingPayment');
    expect((await app.client.applications.act.mutate({ id: app.id, action: 'payInvoice', input: {} })).stage).toBe('tuFulfilment');
    // Each side's part of the ТУ is recorded apart (п.16 «б»); the check follows once both are done.
    expect((await app.client.applications.act.mutate({ id: app.id, action: 'reportTuDone', input: { comment: 'Готово' } })).stage).toBe('tuFulfilment');
    expect((await act('recordGridTuDone', { comment: 'Мероприятия сетевой организации выполнены' })).stage).toBe('inspection');
    expect((await act('recordInspection', { passed: true, remarks: '', comment: '' })).stage).toBe('actualConnection');
    expect((await act('recordConnection', { meterNumber: '011552123456789', meterType: 'Меркурий 201.8', comment: '' })).stage).toBe('actPosting');
    const done = await act('issueAct', { comment: 'Акт подписан' });
    expect(done).toMatchObject({ stage: 'completed', status: 'completed' });

    const view = await app.client.applications.get.query({ id: app.id });
    expect(view.summary.contractConcludedAt).not.toBeNull();
    const kinds = view.documents.filter((d) => d.source === 'system').map((d) => d.kind);
    expect(kinds).toEqual(['registrationReceipt', 'contractTerms', 'technicalConditions', 'invoice', 'instructions', 'paymentConfirmation', 'inspectionAct', 'meterAdmissionAct', 'connectionAct']);
    // ≤ 0.4 kV: the act is the notice of the possibility of connection.
    expect(view.documents.find((d) => d.kind === 'connectionAct')!.title).toContain('Уведомление об обеспечении');
    const staffEvents = view.events.filter((e) => e.actorRole === 'staff');
    expect(staffEvents.map((e) => e.actorName)).toContain('Смирнова Анна Петровна');
    expect(view.events.find((e) => e.type === 'accepted')!.comment).toBe('Сведения полные');

    const notifications = await app.client.notifications.list.query({ limit: 100 });
    expect(notifications.filter((n) => n.caseId === app.id).length).toBeGreaterThanOrEqual(9);
    const mails = await waitForMail(app.email, app.number, { count: 9 });
    expect(new Set(mails.map((m) => m.headers['message-id'])).size).toBe(mails.length);

    const history = await stack.temporal.workflow.getHandle(applicationWorkflowId(app.id)).fetchHistory();
    await saveHistoryFixture('application-happy-path', history);
    // Each generation of the code (patches 'projection-as-local-activity', 'deadline-in-projection', 'notifications-beside-the-procedure' in workflows/case/machine.ts) must replay.
    await saveHistoryFixture('application-happy-path-local-projection', history);
    await saveHistoryFixture('application-happy-path-deadline-in-projection', history);
    await saveHistoryFixture('application-happy-path-notifications-beside', history);
    // Patches 'document-term-from-complete-application' and 'obligations-by-party' (workflows/case/patches.ts).
    await saveHistoryFixture('application-happy-path-obligations-by-party', history);
  });

  it('goes back to the check when missing data is supplied', async () => {
    const app = await filed();
    const operator = await staff();
    await operator.staffApplications.act.mutate({ id: app.id, action: 'requestMissingData', input: { items: ['План расположения с привязкой к местности'], comment: '' } });
    const view = await app.client.applications.get.query({ id: app.id });
    expect(view.summary.stage).toBe('awaitingMissingData');
    expect(view.summary.whoActs).toBe('applicant');
    expect(view.actions).toEqual(['supplyMissingData', 'withdraw']);
    expect(view.documents.map((d) => d.kind)).toContain('missingDataNotice');
    const back = await app.client.applications.act.mutate({ id: app.id, action: 'supplyMissingData', input: { explanation: 'Приложен новый план', attachments: [] } });
    expect(back.stage).toBe('completenessCheck');
    expect((await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} })).stage).toBe('preparingDocuments');
  });

  it('annuls the application when missing data is not supplied in time', async () => {
    const app = await filed({ supplyMissingData: { amount: 2, unit: 'seconds' } });
    const operator = await staff();
    await operator.staffApplications.act.mutate({ id: app.id, action: 'requestMissingData', input: { items: ['Копия паспорта'] } });
    const row = await waitForStage(app.id, 'annulled');
    expect(row.status).toBe('annulled');
    expect(row.annulReason).toBe('Недостающие сведения не представлены в срок');
    await waitForMail(app.email, 'аннулирована');
    const refused = await failure(app.client.applications.act.mutate({ id: app.id, action: 'supplyMissingData', input: { explanation: 'поздно' } }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(await stack.temporal.workflow.getHandle(applicationWorkflowId(app.id)).result()).toBe('annulled');
  });

  it('annuls the application when the invoice is not paid in time, after reminding the applicant', async () => {
    // Long enough that both reminders (at 1/2 and 4/5 of the term) fall after the contract's PDFs are published, even on a busy machine.
    const app = await filed({ payInvoice: { amount: 12, unit: 'seconds' } });
    const operator = await staff();
    await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} });
    await operator.staffApplications.act.mutate({ id: app.id, action: 'postContractDocuments', input: postDocuments });
    const row = await waitForStage(app.id, 'annulled');
    expect(row.annulReason).toBe('Счёт не оплачен в срок');
    const events = await stack.db.CaseEvent.findAll({ where: { caseId: app.id }, order: [['seq', 'ASC']] });
    expect(events.filter((e) => e.type === 'reminder')).toHaveLength(2);
    const docs = await stack.db.Document.findAll({ where: { caseId: app.id, kind: 'annulmentNotice' } });
    expect(docs).toHaveLength(1);
  });

  it('lets the applicant withdraw the application', async () => {
    const app = await filed();
    const view = await app.client.applications.act.mutate({ id: app.id, action: 'withdraw', input: { reason: 'Передумал строить' } });
    expect(view).toMatchObject({ stage: 'withdrawn', status: 'withdrawn' });
    expect(await stack.temporal.workflow.getHandle(applicationWorkflowId(app.id)).result()).toBe('withdrawn');
  });

  it('marks the case overdue and escalates when the grid misses its term, and still lets staff act', async () => {
    const app = await filed({ completenessCheck: { amount: 2, unit: 'seconds' } });
    const deadline = Date.now() + 30_000;
    let row = await stageOf(app.id);
    while (!row.overdue && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      row = await stageOf(app.id);
    }
    expect(row.overdue).toBe(true);
    expect(row.stage).toBe('completenessCheck');
    const operator = await staff();
    await expect.poll(async () => (await operator.notifications.list.query({ limit: 200 })).some((n) => n.caseId === app.id && n.kind === 'overdue' && n.audience === 'staff')).toBe(true);
    await expect.poll(async () => (await app.client.notifications.list.query({})).some((n) => n.kind === 'overdue')).toBe(true);
    const queue = await operator.staffApplications.queue.query({ overdue: true, query: app.number });
    expect(queue.items.map((a) => a.id)).toContain(app.id);
    // Visibility carries the flag too, for auditors' searches.
    const found = [];
    for await (const wf of stack.temporal.workflow.list({ query: `CaseOverdue = true AND CaseNumber = "${app.number}"` })) found.push(wf.workflowId);
    expect(found).toEqual([applicationWorkflowId(app.id)]);
    expect((await operator.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} })).overdue).toBe(false);
  });

  it('refuses an illegal staff action with a clear message and leaves no trace', async () => {
    const app = await filed();
    const operator = await staff();
    const handle = stack.temporal.workflow.getHandle(applicationWorkflowId(app.id));
    // Let the workflow finish entering the stage (notifications) so the history is at rest.
    let eventsBefore = -1;
    for (let now = (await handle.fetchHistory()).events?.length ?? 0; now !== eventsBefore; now = (await handle.fetchHistory()).events?.length ?? 0) {
      eventsBefore = now;
      await new Promise((r) => setTimeout(r, 700));
    }
    const seqBefore = (await stageOf(app.id)).lastSeq;

    const wrongStage = await failure(operator.staffApplications.act.mutate({ id: app.id, action: 'issueAct', input: {} }));
    expect(wrongStage.code).toBe('BAD_REQUEST');
    expect(wrongStage.message).toBe('Действие «Выдать акт об осуществлении ТП» недоступно на этапе «Проверка полноты сведений и документов»');
    const noItems = await failure(operator.staffApplications.act.mutate({ id: app.id, action: 'requestMissingData', input: { items: [] } }));
    expect(noItems.message).toBe('Перечислите, каких сведений или документов не хватает');
    const applicantAsStaff = await failure(app.client.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} }));
    expect(applicantAsStaff.code).toBe('FORBIDDEN');

    const history = await handle.fetchHistory();
    const updateEvents = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes || e.workflowExecutionUpdateCompletedEventAttributes);
    expect(updateEvents).toHaveLength(0);
    expect(history.events?.length).toBe(eventsBefore);
    expect((await stageOf(app.id)).lastSeq).toBe(seqBefore);
  });

  it('keeps each applicant to their own applications', async () => {
    const app = await filed();
    const stranger = await registeredApplicant();
    expect((await failure(stranger.client.applications.get.query({ id: app.id }))).code).toBe('NOT_FOUND');
    expect((await failure(stranger.client.applications.act.mutate({ id: app.id, action: 'withdraw', input: { reason: 'чужая' } }))).code).toBe('NOT_FOUND');
    expect(await stranger.client.applications.list.query()).toEqual({ items: [], nextCursor: null });
  });

  it('creates one application when the same draft is submitted twice', async () => {
    const applicant = await registeredApplicant();
    const form = await completeIndividualForm(applicant.client);
    const draftId = newDraftId();
    const [first, second] = await Promise.all([
      applicant.client.applications.submit.mutate({ draftId, form }),
      applicant.client.applications.submit.mutate({ draftId, form }),
    ]);
    expect(second.number).toBe(first.number);
    expect((await applicant.client.applications.list.query()).items).toHaveLength(1);
    await waitForMail(applicant.email, first.number);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await mailsTo(applicant.email)).filter((m) => m.subject.includes('зарегистрирована'))).toHaveLength(1);
  });
});
