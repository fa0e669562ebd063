// Every path of the appeal workflow against the real dev server, with the
// answer term shrunk to seconds through the regulations table.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TermOverrides } from '../../domain/regulations';
import { appealFormSchema, type AppealFormInput } from '../../domain/appeal';
import { appealWorkflowId, fileAppeal } from '../../api/appeals/service';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { failure } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { waitForMail } from '../support/mail';
import { saveHistoryFixture } from '../support/histories';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();

const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const operator = () => loggedIn(demo('staff').email, demo('staff').password);
const supervisor = () => loggedIn(demo('admin').email, demo('admin').password);

const form = (overrides: Partial<AppealFormInput> = {}): AppealFormInput => ({
  topic: 'serviceQuality',
  kind: 'complaint',
  text: 'Напряжение в сети по вечерам падает до 180 В, бытовая техника отключается.',
  answerChannel: 'cabinet',
  ...overrides,
});

/** Files an appeal through the API, or with shortened terms straight through the same command. */
async function filed(terms?: TermOverrides) {
  const applicant = await registeredApplicant();
  const id = randomUUID();
  if (!terms) return { ...applicant, ...(await applicant.client.appeals.create.mutate({ id, form: form() })) };
  const user = (await stack.db.User.findByPk(applicant.user.id))!;
  return { ...applicant, ...(await fileAppeal(stack.services(terms), user, id, appealFormSchema.parse(form()), { channel: 'electronic', registeredBy: null })) };
}

async function row(id: string) {
  return (await stack.db.Appeal.findByPk(id))!;
}

describe('appeal workflow', () => {
  it('is answered in time: registered, taken, in work, answered, confirmed, closed with an invitation to rate', async () => {
    const appeal = await filed();
    expect(appeal.number).toMatch(/^ОБР-\d{4}-\d{6}$/);
    await waitForMail(appeal.email, appeal.number);
    const staff = await operator();
    expect((await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'take', input: {} })).stage).toBe('assigned');
    expect((await row(appeal.id)).assigneeName).toBe('Смирнова Анна Петровна');
    expect((await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'startWork', input: {} })).stage).toBe('inWork');
    const answered = await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'answer', input: { text: 'Проведены измерения, заменён ввод, напряжение восстановлено до 228 В.' } });
    expect(answered.stage).toBe('answered');
    expect((await row(appeal.id)).answeredLate).toBe(false);
    const answerMails = await waitForMail(appeal.email, 'Дан ответ');
    expect(answerMails[0]!.text).toContain('напряжение восстановлено');

    const view = await appeal.client.appeals.get.query({ id: appeal.id });
    expect(view.actions).toEqual(['confirm', 'disagree']);
    expect((await appeal.client.appeals.act.mutate({ id: appeal.id, action: 'confirm', input: {} })).stage).toBe('closed');
    const closed = await row(appeal.id);
    expect(closed.status).toBe('closed');
    await waitForMail(appeal.email, 'подтвердил');
    const notices = await appeal.client.notifications.list.query({});
    expect(notices.some((n) => n.body.includes('Оцените'))).toBe(true);
    expect(await stack.temporal.workflow.getHandle(appealWorkflowId(appeal.id)).result()).toBe('closed');
    const history = await stack.temporal.workflow.getHandle(appealWorkflowId(appeal.id)).fetchHistory();
    await saveHistoryFixture('appeal-answered-in-time', history);
    await saveHistoryFixture('appeal-answered-in-time-local-projection', history);
    await saveHistoryFixture('appeal-answered-in-time-deadline-in-projection', history);
    await saveHistoryFixture('appeal-answered-in-time-notifications-beside', history);
  });

  it('pauses the answer term while the applicant clarifies, and resumes it with the time that was left', async () => {
    const appeal = await filed({ appealAnswer: { amount: 30, unit: 'seconds' } });
    const staff = await operator();
    await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'take', input: {} });
    const before = (await row(appeal.id)).deadlineAt!.getTime();
    await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'requestClarification', input: { question: 'Укажите номер договора энергоснабжения' } });
    const paused = await row(appeal.id);
    expect(paused.stage).toBe('clarification');
    // The company's answer term is paused; the applicant's own term to clarify runs meanwhile (patch 'appeal-terms-gk-193').
    expect(paused.whoActs).toBe('applicant');
    expect(paused.deadlineAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await appeal.client.appeals.get.query({ id: appeal.id })).actions).toEqual(['reply']);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await appeal.client.appeals.act.mutate({ id: appeal.id, action: 'reply', input: { text: 'Договор № 77-001234' } })).stage).toBe('inWork');
    const resumed = (await row(appeal.id)).deadlineAt!.getTime();
    // The three seconds of waiting for the reply do not count against the company.
    expect(resumed - before).toBeGreaterThanOrEqual(2500);
    const view = await staff.staffAppeals.get.query({ id: appeal.id });
    expect(view.events.map((e) => e.type)).toEqual(['registered', 'assigned', 'clarification-requested', 'clarified']);
    expect(view.events[2]!.data).toMatchObject({ input: { question: 'Укажите номер договора энергоснабжения' } });
    // The generation with the applicant's own clarification term and the resumed term at the end of a day (GK 193).
    await saveHistoryFixture('appeal-clarified-gk-193', await stack.temporal.workflow.getHandle(appealWorkflowId(appeal.id)).fetchHistory());
  });

  it('marks the appeal overdue and escalates when the answer term runs out, then records the answer as late', async () => {
    const appeal = await filed({ appealAnswer: { amount: 3, unit: 'seconds' } });
    await expect.poll(async () => (await row(appeal.id)).overdue, { timeout: 30_000, interval: 200 }).toBe(true);
    const admin = await supervisor();
    await expect.poll(async () => (await admin.notifications.list.query({ limit: 200 })).some((n) => n.caseId === appeal.id && n.kind === 'overdue')).toBe(true);
    await expect.poll(async () => (await appeal.client.notifications.list.query({})).some((n) => n.kind === 'overdue')).toBe(true);
    const inbox = await admin.staffAppeals.inbox.query({ overdue: true });
    expect(inbox.items.map((a) => a.id)).toContain(appeal.id);
    const staff = await operator();
    await admin.staffAppeals.act.mutate({ id: appeal.id, action: 'assign', input: { assigneeId: (await stack.db.User.findOne({ where: { email: demo('staff').email } }))!.id } });
    await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'answer', input: { text: 'Приносим извинения за задержку: неисправность устранена.' } });
    expect((await row(appeal.id)).answeredLate).toBe(true);
  });

  it('closes by itself when the applicant does not react to the answer', async () => {
    const appeal = await filed({ appealAutoClose: { amount: 2, unit: 'seconds' } });
    const staff = await operator();
    await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'take', input: {} });
    await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'answer', input: { text: 'Плановая замена трансформатора завершена.' } });
    await expect.poll(async () => (await row(appeal.id)).stage, { timeout: 30_000, interval: 200 }).toBe('closed');
    const events = await stack.db.CaseEvent.findAll({ where: { caseId: appeal.id }, order: [['seq', 'ASC']] });
    expect(events.at(-1)!.type).toBe('auto-closed');
  });

  it('reopens once when the applicant disagrees, and refuses a second disagreement', async () => {
    const appeal = await filed();
    const staff = await operator();
    await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'take', input: {} });
    await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'answer', input: { text: 'Нарушений не выявлено, напряжение в норме.' } });
    const reopened = await appeal.client.appeals.act.mutate({ id: appeal.id, action: 'disagree', input: { reason: 'Напряжение падает по-прежнему, измерения были днём' } });
    expect(reopened.stage).toBe('inWork');
    expect((await row(appeal.id)).reopened).toBe(true);
    await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'answer', input: { text: 'Повторные измерения вечером подтвердили проблему, трансформатор заменён.' } });
    expect((await appeal.client.appeals.get.query({ id: appeal.id })).actions).toEqual(['confirm']);
    const second = await failure(appeal.client.appeals.act.mutate({ id: appeal.id, action: 'disagree', input: { reason: 'Снова не согласен' } }));
    expect(second.message).toContain('уже возобновлялось');
  });

  it('refuses illegal actions with a clear message and no change', async () => {
    const appeal = await filed();
    const staff = await operator();
    const before = (await row(appeal.id)).lastSeq;
    const early = await failure(staff.staffAppeals.act.mutate({ id: appeal.id, action: 'answer', input: { text: 'Ответ до назначения исполнителя' } }));
    expect(early.message).toBe('Действие «Дать ответ» недоступно на этапе «Обращение зарегистрировано»');
    const notSupervisor = await failure(staff.staffAppeals.act.mutate({ id: appeal.id, action: 'assign', input: { assigneeId: randomUUID() } }));
    expect(notSupervisor.code).toBe('BAD_REQUEST');
    await staff.staffAppeals.act.mutate({ id: appeal.id, action: 'take', input: {} });
    const admin = await supervisor();
    const adminUser = (await stack.db.User.findOne({ where: { email: demo('admin').email } }))!;
    await admin.staffAppeals.act.mutate({ id: appeal.id, action: 'assign', input: { assigneeId: adminUser.id } });
    const notAssignee = await failure(staff.staffAppeals.act.mutate({ id: appeal.id, action: 'answer', input: { text: 'Ответ не своим исполнителем' } }));
    expect(notAssignee.message).toContain('рассматривает Орлова Мария Сергеевна');
    const applicantAsStaff = await failure(appeal.client.staffAppeals.act.mutate({ id: appeal.id, action: 'take', input: {} }));
    expect(applicantAsStaff.code).toBe('FORBIDDEN');
    expect((await row(appeal.id)).lastSeq).toBe(before + 2);
  });

  it('keeps appeals to their owner and files one appeal per id', async () => {
    const applicant = await registeredApplicant();
    const id = randomUUID();
    const [a, b] = await Promise.all([applicant.client.appeals.create.mutate({ id, form: form() }), applicant.client.appeals.create.mutate({ id, form: form() })]);
    expect(b.number).toBe(a.number);
    expect((await applicant.client.appeals.list.query()).items).toHaveLength(1);
    const stranger = await registeredApplicant();
    expect((await failure(stranger.client.appeals.get.query({ id }))).code).toBe('NOT_FOUND');
    const bad = await failure(applicant.client.appeals.create.mutate({ id: randomUUID(), form: form({ text: 'коротко' }) }));
    expect(bad.fieldErrors.text?.[0]).toBe('Текст обращения: не короче 10 символов');
  });
});

describe('Order 186 Appendix 7 report', () => {
  it('counts a known set of appeals by topic, kind and channel, on time / late / not answered, in Moscow time', async () => {
    const applicant = await registeredApplicant();
    const base = { applicantId: applicant.user.id, applicantName: 'Тестовый заявитель', answerChannel: 'cabinet' as const, stage: 'closed' as const, status: 'closed' as const, whoActs: 'nobody', lastSeq: 9 };
    const at = (iso: string) => new Date(iso);
    const known = [
      { topic: 'metering', kind: 'complaint', channel: 'electronic', registeredAt: at('2020-03-02T09:00:00Z'), answeredAt: at('2020-03-10T09:00:00Z'), answeredLate: false },
      { topic: 'metering', kind: 'complaint', channel: 'electronic', registeredAt: at('2020-03-05T09:00:00Z'), answeredAt: at('2020-04-20T09:00:00Z'), answeredLate: true },
      { topic: 'metering', kind: 'complaint', channel: 'written', registeredAt: at('2020-03-06T09:00:00Z'), answeredAt: null, answeredLate: null },
      { topic: 'connection', kind: 'question', channel: 'oral', registeredAt: at('2020-03-31T20:30:00Z'), answeredAt: at('2020-04-01T09:00:00Z'), answeredLate: false },
      // 21:30 UTC on 31 March is already 1 April in Moscow: outside the March report.
      { topic: 'connection', kind: 'question', channel: 'oral', registeredAt: at('2020-03-31T21:30:00Z'), answeredAt: null, answeredLate: null },
      // Still open within its term: counted in the total, not as «Без ответа».
      { topic: 'metering', kind: 'complaint', channel: 'written', registeredAt: at('2020-03-20T09:00:00Z'), answeredAt: null, answeredLate: null, stage: 'inWork', status: 'open', deadlineAt: new Date(Date.now() + 86_400_000) },
    ] as const;
    for (const [i, a] of known.entries()) {
      await stack.db.Appeal.create({
        ...base,
        ...a,
        id: randomUUID(),
        number: `ОБР-2020-${String(900_000 + i + Math.floor(Math.random() * 90_000)).padStart(6, '0')}`,
        applicationId: null,
        assigneeId: null,
        assigneeName: null,
        stageStartedAt: a.registeredAt,
        deadlineAt: 'deadlineAt' in a ? a.deadlineAt : null,
        deadlineTerm: null,
        overdueSince: null,
        finishedAt: null,
      });
    }
    const admin = await supervisor();
    const report = await admin.staffAppeals.report.query({ from: '2020-03-01', to: '2020-03-31' });
    expect(report.rows).toEqual([
      { topic: 'connection', kind: 'question', channel: 'oral', total: 1, onTime: 1, late: 0, notAnswered: 0 },
      { topic: 'metering', kind: 'complaint', channel: 'electronic', total: 2, onTime: 1, late: 1, notAnswered: 0 },
      { topic: 'metering', kind: 'complaint', channel: 'written', total: 2, onTime: 0, late: 0, notAnswered: 1 },
    ]);
    expect(report.csv.split('\r\n')[0]).toBe('"Период";"Тема";"Вид";"Канал поступления";"Всего";"Ответ в срок";"Ответ с нарушением срока";"Без ответа"');
    expect(report.csv).toContain('"Коммерческий учёт электрической энергии";"Жалоба";"В письменной форме";2;0;0;1');
    expect((await failure(admin.staffAppeals.report.query({ from: '2020-04-01', to: '2020-03-01' }))).message).toBe('Начало периода позже его конца');
  });
});
