// Departments and holders through the real API, worker and Postgres (issue 20
// items 1–2): an admin defines two departments and their staff; an application
// is in the reception department's queue while its completeness is checked and
// moves to the technical department's queue because its stage changed; a staff
// member of the serving department takes it (others are refused, in Russian);
// only the holder or a supervisor acts on it; a supervisor reassigns it with a
// reason; the holder is in the queue, on the staff page, in the history and in
// the auditor's timeline, and the read model matches the history. Recorded for replay.
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createCaseActivities } from '../../activities/cases';
import { createMailer } from '../../activities/mailer';
import { applicationWorkflowId } from '../../api/applications/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { moscowDate, workingDaysBetween } from '../../domain/calendar';
import { DEFAULT_DEPARTMENTS } from '../../domain/departments';
import { apiClient, failure } from '../support/api-client';
import { loggedIn, registeredApplicant, STRONG_PASSWORD } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';
import { saveHistoryFixture } from '../support/histories';
import { passwordFrom, uniqueEmail, waitForMail } from '../support/mail';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
const account = (role: 'staff' | 'auditor' | 'admin') => DEMO_ACCOUNTS.find((a) => a.role === role)!;

/** A staff member with a name of their own, made by the demo admin. */
async function staffMember(lastName: string, firstName: string) {
  const admin = await loggedIn(account('admin').email, account('admin').password);
  const email = uniqueEmail('dept');
  await admin.admin.createStaffAccount.mutate({ email, role: 'staff', lastName, firstName, middleName: '', supplierId: null });
  const [mail] = await waitForMail(email, 'Логин и пароль');
  const client = apiClient();
  await client.auth.login.mutate({ email, password: passwordFrom(mail!) });
  const user = await client.auth.setInitialPassword.mutate({ newPassword: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD });
  return { client, id: user.id, name: `${lastName} ${firstName}`, email };
}

describe('departments and holders', () => {
  it('the defaults of the issue are seeded and mapped to the procedures’ stages', async () => {
    const auditor = await loggedIn(account('auditor').email, account('auditor').password);
    const list = await auditor.departments.list.query();
    for (const d of DEFAULT_DEPARTMENTS) expect(list.find((x) => x.code === d.code)).toMatchObject({ name: d.name, stages: [...d.stages] });
  });

  it('routes an application by its stage, lets the holder or a supervisor act, records who held it', async () => {
    const admin = await loggedIn(account('admin').email, account('admin').password);
    const suffix = randomUUID().slice(0, 6);
    const [receptionist, technician, technician2, supervisor, outsider] = await Promise.all([
      staffMember('Приёмова', 'Анна'),
      staffMember('Техников', 'Игорь'),
      staffMember('Схемова', 'Ольга'),
      staffMember('Главный', 'Павел'),
      staffMember('Посторонний', 'Семён'),
    ]);

    // An admin defines the departments; bad input is refused in words, nothing half-written.
    expect((await failure(admin.departments.create.mutate({ name: `Приём ${suffix}`, stages: [] }))).message).toBe('Выберите хотя бы один этап, который обслуживает отдел');
    const reception = await admin.departments.create.mutate({ name: `Приём ${suffix}`, stages: ['application:completenessCheck'] });
    expect((await failure(admin.departments.create.mutate({ name: `приём ${suffix}`, stages: ['application:completenessCheck'] }))).fieldErrors.name).toEqual(['Отдел с таким названием уже есть']);
    const technical = await admin.departments.create.mutate({ name: `Технический ${suffix}`, stages: ['application:preparingDocuments'] });
    await admin.departments.setMembers.mutate({ id: reception.id, members: [{ userId: receptionist.id, supervisor: false }] });
    const applicant = await registeredApplicant();
    const notStaff = await failure(admin.departments.setMembers.mutate({ id: technical.id, members: [{ userId: technician.id, supervisor: false }, { userId: applicant.user.id, supervisor: false }] }));
    expect(notStaff.fieldErrors.members).toEqual(['В отдел можно включить только действующих сотрудников сетевой организации']);
    expect((await admin.departments.list.query()).find((d) => d.id === technical.id)?.members).toEqual([]);
    await admin.departments.setMembers.mutate({
      id: technical.id,
      members: [
        { userId: technician.id, supervisor: false },
        { userId: technician2.id, supervisor: false },
        { userId: supervisor.id, supervisor: true },
      ],
    });
    expect((await technician.client.departments.mine.query()).map((d) => d.name)).toContain(`Технический ${suffix}`);
    // Only an admin defines departments.
    expect((await failure(supervisor.client.departments.create.mutate({ name: `Свой ${suffix}`, stages: ['application:inspection'] }))).httpStatus).toBe(403);

    const form = await completeIndividualForm(applicant.client);
    const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
    const inQueue = async (id: string) => (await admin.departments.queue.query({ id })).cases.find((c) => c.id === app.id);
    await expect.poll(() => inQueue(reception.id), { timeout: 15_000 }).toMatchObject({ kind: 'application', number: app.number, stage: 'completenessCheck', holderId: null });
    expect(await inQueue(technical.id)).toBeUndefined();

    // A technician may not take a case of reception's stage; the receptionist takes it.
    const notMine = (await failure(technician.client.departments.takeCase.mutate({ id: app.id }))).message;
    expect(notMine).toMatch(/^Взять заявку на этом этапе могут сотрудники отдела «/);
    expect(notMine).toContain(`Приём ${suffix}`);
    await receptionist.client.departments.takeCase.mutate({ id: app.id });
    expect(await inQueue(reception.id)).toMatchObject({ holderId: receptionist.id, holderName: receptionist.name });
    expect((await receptionist.client.staffApplications.get.query({ id: app.id })).summary).toMatchObject({ holderId: receptionist.id, holderName: receptionist.name });
    expect((await failure(receptionist.client.departments.takeCase.mutate({ id: app.id }))).message).toBe(`Заявка ${app.number} уже у вас в работе`);

    // Another staff member sees no actions on the held case and is refused by the workflow's validator.
    expect((await outsider.client.staffApplications.get.query({ id: app.id })).actions).toEqual([]);
    expect((await receptionist.client.staffApplications.get.query({ id: app.id })).actions).toEqual(['acceptComplete', 'requestMissingData']);
    const refused = await failure(outsider.client.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: {} }));
    expect(refused).toMatchObject({ httpStatus: 400, message: `Заявку ${app.number} ведёт ${receptionist.name}: действие доступно ей (ему) или руководителю отдела` });

    // Accepted: the stage changed, so the case is in the technical department's queue, released.
    expect((await receptionist.client.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: { comment: 'Сведения полные' } })).stage).toBe('preparingDocuments');
    expect(await inQueue(reception.id)).toBeUndefined();
    expect(await inQueue(technical.id)).toMatchObject({ stage: 'preparingDocuments', holderId: null, holderName: null });

    await technician.client.departments.takeCase.mutate({ id: app.id });
    expect(await inQueue(technical.id)).toMatchObject({ holderId: technician.id, holderName: technician.name });
    // A member of the department is not its supervisor: no reassigning; the supervisor must say why.
    expect((await failure(technician2.client.departments.assignCase.mutate({ id: app.id, holderId: technician2.id, reason: 'Возьму' }))).httpStatus).toBe(403);
    expect((await failure(supervisor.client.departments.assignCase.mutate({ id: app.id, holderId: technician2.id, reason: '' }))).message).toBe('Укажите причину передачи заявки другому сотруднику');
    expect((await failure(supervisor.client.departments.assignCase.mutate({ id: app.id, holderId: receptionist.id, reason: 'Помочь' }))).fieldErrors.holderId).toEqual(['Этот сотрудник не работает в отделе, который ведёт этап заявки']);
    await supervisor.client.departments.assignCase.mutate({ id: app.id, holderId: technician2.id, reason: 'Техников на выезде' });
    expect(await inQueue(technical.id)).toMatchObject({ holderId: technician2.id, holderName: technician2.name });
    // The supervisor may act on the held case (the documents form is offered), the former holder may not.
    expect((await supervisor.client.staffApplications.get.query({ id: app.id })).actions).toContain('postContractDocuments');
    expect((await technician.client.staffApplications.get.query({ id: app.id })).actions).toEqual([]);

    // The workload (item 4): its supervisor sees the holder's open case and what reception handled this week,
    // with the median working days the check took (one case: its own days, counted on the calendar).
    expect((await failure(technician.client.departments.workload.query({ id: technical.id }))).httpStatus).toBe(403);
    const technicalLoad = await supervisor.client.departments.workload.query({ id: technical.id });
    expect(technicalLoad.holders.find((h) => h.holderId === technician2.id)).toMatchObject({ holderName: technician2.name, open: 1, handledThisWeek: 0 });
    expect(technicalLoad.holders.find((h) => h.holderId === technician.id)).toBeUndefined();
    const receptionLoad = await admin.departments.workload.query({ id: reception.id });
    expect(receptionLoad.holders.find((h) => h.holderId === receptionist.id)).toMatchObject({ open: 0, atRisk: 0, overdue: 0, handledThisWeek: 1 });
    const checkEvents = (await admin.staffApplications.get.query({ id: app.id })).events;
    const entered = checkEvents.find((e) => e.stage === 'completenessCheck')!.at;
    const left = checkEvents.find((e) => e.stage === 'preparingDocuments')!.at;
    expect(receptionLoad.stages.find((st) => st.stageRef === 'application:completenessCheck')!.byHandler.find((h) => h.handlerId === receptionist.id)).toEqual({
      handlerId: receptionist.id,
      handlerName: receptionist.name,
      count: 1,
      medianDays: workingDaysBetween(moscowDate(Date.parse(entered)), moscowDate(Date.parse(left))),
    });

    // The history: who took it and who handed it over, why.
    const page = await admin.staffApplications.get.query({ id: app.id });
    const holding = page.events.filter((e) => e.type === 'case-taken' || e.type === 'case-assigned');
    expect(holding.map((e) => [e.stage, e.title, e.actorName, e.comment])).toEqual([
      ['completenessCheck', `Заявку взял(а) в работу: ${receptionist.name}`, receptionist.name, ''],
      ['preparingDocuments', `Заявку взял(а) в работу: ${technician.name}`, technician.name, ''],
      ['preparingDocuments', `Заявка передана сотруднику: ${technician2.name}`, supervisor.name, 'Техников на выезде'],
    ]);

    await applicant.client.applications.act.mutate({ id: app.id, action: 'withdraw', input: { reason: 'Передумал' } });
    const handle = stack.temporal.workflow.getHandle(applicationWorkflowId(app.id));
    expect(await handle.result()).toBe('withdrawn');

    // The auditor's timeline names the holding Updates and who sent them; the read model matches the history.
    const auditor = await loggedIn(account('auditor').email, account('auditor').password);
    const workflowId = applicationWorkflowId(app.id);
    const entries = (await auditor.audit.history.query({ workflowId })).timeline.entries;
    expect(entries.filter((e) => e.kind === 'action' && (e.title === 'Взять заявку в работу' || e.title === 'Передать заявку сотруднику')).map((e) => [e.title, e.actor?.name])).toEqual([
      ['Взять заявку в работу', receptionist.name],
      ['Взять заявку в работу', technician.name],
      ['Передать заявку сотруднику', supervisor.name],
    ]);
    await expect.poll(async () => (await auditor.audit.checkReadModel.query({ workflowId })).differences, { timeout: 15_000 }).toEqual([]);
    await saveHistoryFixture('application-case-holder', await handle.fetchHistory());
  });
  it('tells the supervisors of the department serving a stage, by name and by e-mail, and nobody else of it (escalation, issue 20 item 3)', async () => {
    const admin = await loggedIn(account('admin').email, account('admin').password);
    const suffix = randomUUID().slice(0, 6);
    const [inspector, chief, blockedChief] = await Promise.all([staffMember('Осмотров', 'Лев'), staffMember('Старшая', 'Вера'), staffMember('Ушедший', 'Глеб')]);
    const inspection = await admin.departments.create.mutate({ name: `Осмотр ${suffix}`, stages: ['application:inspection'] });
    await admin.departments.setMembers.mutate({
      id: inspection.id,
      members: [
        { userId: inspector.id, supervisor: false },
        { userId: chief.id, supervisor: true },
        { userId: blockedChief.id, supervisor: true },
      ],
    });
    await admin.admin.setBlocked.mutate({ userId: blockedChief.id, blocked: true });

    // The activity the workflow calls when a term is at risk or missed (the workflow test checks when it is called).
    const m = createMailer(inject('smtpUrl'), 'test@kabinet.local');
    const key = `escalation-${suffix}`;
    const title = `Срок под угрозой: ТП-${suffix}, этап «Осмотр»`;
    try {
      const cases = createCaseActivities({ db: stack.db, mailer: m, publicUrl: inject('appUrl') });
      const notice = { key, caseId: randomUUID(), caseNumber: `ТП-${suffix}`, kind: 'reminder' as const, title, body: 'Срок этапа истекает завтра.', to: { supervisorsOf: 'application:inspection' } };
      await cases.notify(notice);
      await cases.notify(notice); // a retried activity adds nothing
    } finally {
      m.close();
    }
    const addressed = async (client: typeof chief.client) => (await client.notifications.list.query({ limit: 200 })).filter((n) => n.title === title);
    expect(await addressed(chief.client)).toMatchObject([{ audience: 'user', kind: 'reminder' }]);
    expect(await addressed(inspector.client)).toEqual([]);
    expect(await stack.db.Notification.count({ where: { userId: blockedChief.id } })).toBe(0);
    expect(await waitForMail(chief.email, title)).toHaveLength(1);
  });
});
