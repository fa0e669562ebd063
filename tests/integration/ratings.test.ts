// «Оценить качество» against the real stack: an application driven through its
// first stages by the demo operator, an appeal taken to its close, ratings
// given through the API as the applicant would, and the staff summary.
import { randomUUID } from 'node:crypto';
import { inject, describe, expect, it, beforeAll, afterAll } from 'vitest';
import { connectDb, type Db } from '../../db';
import { applicationFormSchema } from '../../domain/application';
import { REGULATIONS, termDeadline } from '../../domain/regulations';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { failure } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId } from '../support/applications';

let db: Db;
beforeAll(() => {
  db = connectDb(inject('databaseUrl'), { poolMax: 3 });
});
afterAll(() => db.close());

const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const operator = () => loggedIn(demo('staff').email, demo('staff').password);

/** A fresh applicant's application, accepted as complete: «registered» and «completenessCheck» lie behind it. */
async function acceptedApplication() {
  const applicant = await registeredApplicant();
  const form = applicationFormSchema.parse(await completeIndividualForm(applicant.client));
  const app = await applicant.client.applications.submit.mutate({ draftId: newDraftId(), form });
  const staff = await operator();
  expect((await staff.staffApplications.act.mutate({ id: app.id, action: 'acceptComplete', input: { comment: 'Сведения полные' } })).stage).toBe('preparingDocuments');
  return { ...applicant, id: app.id, number: app.number };
}

/** A fresh applicant's appeal, still open. */
async function openAppeal() {
  const applicant = await registeredApplicant();
  const appeal = await applicant.client.appeals.create.mutate({
    id: randomUUID(),
    form: { topic: 'serviceQuality', kind: 'complaint', text: 'Оператор не перезвонил, хотя обещал сообщить о сроках подключения.', answerChannel: 'cabinet' },
  });
  return { ...applicant, id: appeal.id, number: appeal.number };
}

async function closeAppeal(id: string, client: Awaited<ReturnType<typeof openAppeal>>['client']) {
  const staff = await operator();
  await staff.staffAppeals.act.mutate({ id, action: 'take', input: {} });
  await staff.staffAppeals.act.mutate({ id, action: 'answer', input: { text: 'Приносим извинения: сроки подключения направлены вам в личный кабинет.' } });
  expect((await client.appeals.act.mutate({ id, action: 'confirm', input: {} })).stage).toBe('closed');
}

const scores = (clarity: number, timeliness: number, competence: number, overall: number, comment = '') => ({ clarity, timeliness, competence, overall, comment });

const rowsOf = (caseId: string) => db.Rating.findAll({ where: { caseId }, order: [['stage', 'ASC']] });

/** Moves ratings to a day of their own, so the summary of that day holds exactly them whatever else runs. */
async function moveToDay(caseIds: string[], moscowNoon: string) {
  await db.sequelize.query('UPDATE ratings SET created_at = $1::timestamptz WHERE case_id = ANY($2::uuid[])', { bind: [moscowNoon, caseIds] });
}

describe('rating a completed application stage', () => {
  it('lists the completed stages, refuses the current one, and keeps one rating per stage that a second submission changes', async () => {
    const app = await acceptedApplication();

    const rateable = (await app.client.ratings.rateable.query()).filter((i) => i.caseId === app.id);
    expect(rateable.map((i) => i.stage)).toEqual(['registered', 'completenessCheck']);
    expect(rateable.every((i) => i.caseNumber === app.number && i.caseKind === 'application' && i.rating === null)).toBe(true);
    expect(rateable[1]!.title).toBe('Этап 2. Проверка полноты сведений и документов');

    const current = await failure(app.client.ratings.submit.mutate({ caseId: app.id, stage: 'preparingDocuments', ...scores(5, 5, 5, 5) }));
    expect(current.code).toBe('BAD_REQUEST');
    expect(current.message).toBe(`Этап «Подготовка условий договора, ТУ и счёта» по заявке ${app.number} ещё не завершён: оценить этап можно после перехода заявки на следующий этап`);
    const final = await failure(app.client.ratings.submit.mutate({ caseId: app.id, stage: 'completed', ...scores(5, 5, 5, 5) }));
    expect(final.fieldErrors.stage).toEqual(['Такой этап нельзя оценить']);
    const outOfScale = await failure(app.client.ratings.submit.mutate({ caseId: app.id, stage: 'completenessCheck', ...scores(6, 5, 0, 5) }));
    expect(outOfScale.code).toBe('BAD_REQUEST');
    expect(outOfScale.fieldErrors).toMatchObject({
      clarity: ['Поставьте оценку «Понятность информации» от 1 до 5'],
      competence: ['Поставьте оценку «Компетентность сотрудников» от 1 до 5'],
    });
    const tooLong = await failure(app.client.ratings.submit.mutate({ caseId: app.id, stage: 'completenessCheck', ...scores(5, 5, 5, 5, 'а'.repeat(2001)) }));
    expect(tooLong.fieldErrors.comment).toEqual(['Комментарий не длиннее 2000 символов']);
    expect(await rowsOf(app.id)).toHaveLength(0);

    const first = await app.client.ratings.submit.mutate({ caseId: app.id, stage: 'completenessCheck', ...scores(5, 4, 3, 5, '  Всё понятно  ') });
    expect(first).toMatchObject({ created: true, rating: { clarity: 5, timeliness: 4, competence: 3, overall: 5, comment: 'Всё понятно', editable: true } });
    const second = await app.client.ratings.submit.mutate({ caseId: app.id, stage: 'completenessCheck', ...scores(2, 2, 1, 2, 'Передумал') });
    expect(second).toMatchObject({ created: false, rating: { clarity: 2, timeliness: 2, competence: 1, overall: 2, comment: 'Передумал' } });
    // The window runs from the first rating, not from the change.
    expect(second.rating.editableUntil).toBe(first.rating.editableUntil);

    const rows = await rowsOf(app.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ stage: 'completenessCheck', caseKind: 'application', caseNumber: app.number, userId: app.user.id, clarity: 2, timeliness: 2, competence: 1, overall: 2, topic: null });

    const after = (await app.client.ratings.rateable.query()).filter((i) => i.caseId === app.id);
    expect(after.find((i) => i.stage === 'completenessCheck')!.rating).toMatchObject({ overall: 2, editable: true });
    expect(after.find((i) => i.stage === 'registered')!.rating).toBeNull();
  });

  it('lets only the applicant who owns the case rate it', async () => {
    const app = await acceptedApplication();
    const stranger = await registeredApplicant();
    const foreign = await failure(stranger.client.ratings.submit.mutate({ caseId: app.id, stage: 'registered', ...scores(1, 1, 1, 1) }));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', message: 'Заявка не найдена' });
    expect((await stranger.client.ratings.rateable.query()).some((i) => i.caseId === app.id)).toBe(false);

    const staff = await operator();
    const byStaff = await failure(staff.ratings.submit.mutate({ caseId: app.id, stage: 'registered', ...scores(5, 5, 5, 5) }));
    expect(byStaff.code).toBe('FORBIDDEN');
    expect((await failure(staff.ratings.rateable.query())).code).toBe('FORBIDDEN');
    expect(await rowsOf(app.id)).toHaveLength(0);

    await app.client.ratings.submit.mutate({ caseId: app.id, stage: 'registered', ...scores(4, 4, 4, 4) });
    expect(await rowsOf(app.id)).toHaveLength(1);
  });

  it('refuses a change once the edit window of the regulations table has run out', async () => {
    const app = await acceptedApplication();
    await app.client.ratings.submit.mutate({ caseId: app.id, stage: 'registered', ...scores(3, 3, 3, 3, 'Средне') });
    // Far enough back that the window (calendar days, moved past holidays) has surely ended.
    const ratedAt = new Date(Date.now() - 60 * 86_400_000);
    expect(termDeadline(ratedAt.getTime(), REGULATIONS.ratingEditWindow)).toBeLessThan(Date.now());
    await db.sequelize.query('UPDATE ratings SET created_at = $1 WHERE case_id = $2', { bind: [ratedAt.toISOString(), app.id] });

    const late = await failure(app.client.ratings.submit.mutate({ caseId: app.id, stage: 'registered', ...scores(5, 5, 5, 5, 'Лучше') }));
    expect(late.code).toBe('BAD_REQUEST');
    expect(late.message).toMatch(/^Срок изменения оценки истёк \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \(мск\): оценку можно изменить в течение 14 календарных дней после того, как она поставлена$/);
    const [row] = await rowsOf(app.id);
    expect(row).toMatchObject({ clarity: 3, timeliness: 3, competence: 3, overall: 3, comment: 'Средне' });
    const item = (await app.client.ratings.rateable.query()).find((i) => i.caseId === app.id && i.stage === 'registered')!;
    expect(item.rating).toMatchObject({ overall: 3, editable: false });

    // Another stage of the same case still takes its own first rating.
    expect((await app.client.ratings.submit.mutate({ caseId: app.id, stage: 'completenessCheck', ...scores(4, 4, 4, 4) })).created).toBe(true);
  });
});

describe('rating an appeal', () => {
  it('is refused while the appeal is open and accepted once, as a whole, when it has closed', async () => {
    const appeal = await openAppeal();
    const early = await failure(appeal.client.ratings.submit.mutate({ caseId: appeal.id, stage: 'closed', ...scores(5, 5, 5, 5) }));
    expect(early).toMatchObject({ code: 'BAD_REQUEST', message: `Обращение ${appeal.number} ещё не закрыто: оценить его рассмотрение можно после закрытия` });
    expect((await appeal.client.ratings.rateable.query()).some((i) => i.caseId === appeal.id)).toBe(false);

    await closeAppeal(appeal.id, appeal.client);
    const [item] = (await appeal.client.ratings.rateable.query()).filter((i) => i.caseId === appeal.id);
    expect(item).toMatchObject({ caseKind: 'appeal', caseNumber: appeal.number, stage: 'closed', subject: 'Качество обслуживания потребителей', rating: null });

    // An application stage key on an appeal names no application of the user.
    expect((await failure(appeal.client.ratings.submit.mutate({ caseId: appeal.id, stage: 'registered', ...scores(5, 5, 5, 5) }))).code).toBe('NOT_FOUND');
    const stranger = await registeredApplicant();
    expect(await failure(stranger.client.ratings.submit.mutate({ caseId: appeal.id, stage: 'closed', ...scores(1, 1, 1, 1) }))).toMatchObject({ code: 'NOT_FOUND', message: 'Обращение не найдено' });

    await appeal.client.ratings.submit.mutate({ caseId: appeal.id, stage: 'closed', ...scores(4, 5, 4, 5, 'Ответили быстро') });
    await appeal.client.ratings.submit.mutate({ caseId: appeal.id, stage: 'closed', ...scores(4, 5, 5, 5, 'Ответили быстро и по делу') });
    const rows = await rowsOf(appeal.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ caseKind: 'appeal', stage: 'closed', topic: 'serviceQuality', competence: 5, comment: 'Ответили быстро и по делу' });
  });
});

describe('the staff summary', () => {
  it('gives averages, distributions and counts by stage and by topic for a period', async () => {
    const a = await acceptedApplication();
    const b = await acceptedApplication();
    const appeal = await openAppeal();
    await closeAppeal(appeal.id, appeal.client);
    await a.client.ratings.submit.mutate({ caseId: a.id, stage: 'registered', ...scores(5, 4, 3, 2) });
    await a.client.ratings.submit.mutate({ caseId: a.id, stage: 'completenessCheck', ...scores(3, 4, 5, 1) });
    await b.client.ratings.submit.mutate({ caseId: b.id, stage: 'registered', ...scores(4, 2, 1, 5) });
    await appeal.client.ratings.submit.mutate({ caseId: appeal.id, stage: 'closed', ...scores(2, 2, 2, 4) });
    // 15 March 2003, 23:30 Moscow time is still that day in Moscow (20:30 UTC).
    await moveToDay([a.id, b.id, appeal.id], '2003-03-15T20:30:00Z');

    const auditor = await loggedIn(demo('auditor').email, demo('auditor').password);
    const byStage = await auditor.ratings.summary.query({ from: '2003-03-15', to: '2003-03-15', groupBy: 'stage' });
    expect(byStage.total.count).toBe(4);
    // Overall: (2 + 1 + 5 + 4) / 4 = 3; clarity: (5 + 3 + 4 + 2) / 4 = 3.5; timeliness (4 + 4 + 2 + 2) / 4 = 3; competence (3 + 5 + 1 + 2) / 4 = 2.75.
    expect(byStage.total.averages).toEqual({ clarity: 3.5, timeliness: 3, competence: 2.75, overall: 3 });
    expect(byStage.total.distribution.overall).toEqual([1, 1, 0, 1, 1]);
    expect(byStage.groups.map((g) => [g.kind, g.key, g.count])).toEqual([
      ['application', 'registered', 2],
      ['application', 'completenessCheck', 1],
      ['appeal', 'closed', 1],
    ]);
    const registered = byStage.groups[0]!;
    expect(registered.label).toBe('Этап 1. Заявка подана и зарегистрирована');
    // (5 + 4) / 2, (4 + 2) / 2, (3 + 1) / 2, (2 + 5) / 2
    expect(registered.averages).toEqual({ clarity: 4.5, timeliness: 3, competence: 2, overall: 3.5 });
    expect(registered.distribution).toEqual({ clarity: [0, 0, 0, 1, 1], timeliness: [0, 1, 0, 1, 0], competence: [1, 0, 1, 0, 0], overall: [0, 1, 0, 0, 1] });
    expect(byStage.groups[2]!.label).toBe('Рассмотрение обращения (в целом)');

    const byTopic = await auditor.ratings.summary.query({ from: '2003-03-15', to: '2003-03-15', groupBy: 'topic' });
    expect(byTopic.groups.map((g) => [g.key, g.label, g.count, g.averages.overall])).toEqual([
      ['application', 'Заявки на технологическое присоединение', 3, 2.67],
      ['serviceQuality', 'Обращения: Качество обслуживания потребителей', 1, 4],
    ]);

    // Moscow days: the next day holds none of them.
    const nextDay = await auditor.ratings.summary.query({ from: '2003-03-16', to: '2003-03-31', groupBy: 'stage' });
    expect(nextDay.total.count).toBe(0);
    expect(nextDay.groups).toEqual([]);

    expect((await failure(auditor.ratings.summary.query({ from: '2003-03-16', to: '2003-03-15', groupBy: 'stage' }))).message).toBe('Начало периода позже его конца');
    expect((await failure(a.client.ratings.summary.query({ from: '2003-03-15', to: '2003-03-15', groupBy: 'stage' }))).code).toBe('FORBIDDEN');
    const staff = await operator();
    expect((await staff.ratings.summary.query({ from: '2003-03-15', to: '2003-03-15', groupBy: 'stage' })).total.count).toBe(4);
  });
});
