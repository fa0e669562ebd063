// The conversation of a case through the real API, worker, PostgreSQL and
// MailDev (issue 20 item 5): the applicant writes with a file uploaded through
// /api/uploads, staff read it (read marks on both sides, unread counts for the
// menu), leave an internal note the applicant never receives (neither in the
// API nor by e-mail), and answer; each side gets one e-mail per burst, not one
// per message; a closed case keeps its conversation read-only. The history is
// recorded for replay.
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { appealWorkflowId, fileAppeal } from '../../api/appeals/service';
import { SESSION_COOKIE } from '../../api/http/cookies';
import { DEMO_ACCOUNTS } from '../../db/seed-demo';
import { appealFormSchema } from '../../domain/appeal';
import { applicationFormSchema } from '../../domain/application';
import { applicationWorkflowId, submitApplication } from '../../api/applications/service';
import { cookiesOf, failure, type apiClient } from '../support/api-client';
import { loggedIn, registeredApplicant } from '../support/applicants';
import { completeIndividualForm, newDraftId, samplePdf, upload } from '../support/applications';
import { saveHistoryFixture } from '../support/histories';
import { mailsTo } from '../support/mail';
import { useStackClients } from '../support/stack-clients';

const stack = useStackClients();
const WINDOW_S = 4;
type Client = ReturnType<typeof apiClient>;
const demo = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!;
const download = (client: Client, id: string) => fetch(`${inject('appUrl')}/api/documents/${id}`, { headers: { cookie: `${SESSION_COOKIE}=${cookiesOf(client).get(SESSION_COOKIE)}` } });
const conversationMails = async (email: string, number: string) => (await mailsTo(email)).filter((m) => m.subject.includes(number) && m.subject.includes('переписке'));

describe('the conversation of a case', () => {
  it('applicant and staff exchange messages with a file and read marks; notes stay internal; one e-mail per burst; read-only once closed', async () => {
    const applicant = await registeredApplicant();
    const user = (await stack.db.User.findByPk(applicant.user.id))!;
    const appealId = randomUUID();
    const appeal = await fileAppeal(
      stack.services({ messageNoticeWindow: { amount: WINDOW_S, unit: 'seconds' } }),
      user,
      appealId,
      appealFormSchema.parse({ topic: 'metering', kind: 'question', text: 'Прибор учёта показывает расход при отключённых автоматах.', answerChannel: 'cabinet' }),
      { channel: 'electronic', registeredBy: null },
    );
    const staff = await loggedIn(demo('staff').email, demo('staff').password);
    const stranger = await registeredApplicant();
    const admin = demo('admin').email;

    // A burst of three from the applicant, the second with a photo uploaded through the application-file rules.
    const photo = await upload(applicant.client, 'other', samplePdf('Фото счётчика'), 'Фото счётчика.pdf');
    await applicant.client.conversations.post.mutate({ caseId: appealId, text: 'Здравствуйте! Счётчик крутится без нагрузки.' });
    await applicant.client.conversations.post.mutate({ caseId: appealId, text: 'Прилагаю фото счётчика', attachmentIds: [photo.id] });
    const own = await applicant.client.conversations.post.mutate({ caseId: appealId, text: 'Когда приедет специалист?' });
    expect(own.messages.map((m) => [m.n, m.side, m.read])).toEqual([
      [1, 'applicant', false],
      [2, 'applicant', false],
      [3, 'applicant', false],
    ]);
    expect(own.messages[1]!.attachments).toEqual([{ id: photo.id, filename: 'Фото счётчика.pdf' }]);
    expect(own).toMatchObject({ kind: 'appeal', number: appeal.number, closed: false, mayWrite: true, mayNote: false });

    // Refusals in words: an applicant's internal note, someone else's upload, another applicant's case, a file of nobody's.
    expect((await failure(applicant.client.conversations.post.mutate({ caseId: appealId, text: 'секрет', internal: true }))).message).toMatch(/только сотрудники/);
    expect((await failure(staff.conversations.post.mutate({ caseId: appealId, text: 'Чужой файл', attachmentIds: [photo.id] }))).message).toMatch(/не найден среди ваших загрузок/);
    expect((await failure(stranger.client.conversations.get.query({ caseId: appealId }))).httpStatus).toBe(404);
    expect((await failure(stranger.client.conversations.post.mutate({ caseId: appealId, text: 'Здравствуйте' }))).httpStatus).toBe(404);
    expect((await failure(applicant.client.conversations.post.mutate({ caseId: appealId, text: '   ' }))).httpStatus).toBe(400);

    // Staff see the messages unread, the file downloads for them; reading marks them read on the applicant's side.
    expect((await staff.conversations.unread.query()).count).toBeGreaterThanOrEqual(3);
    expect((await staff.conversations.inbox.query()).cases.find((c) => c.caseId === appealId)).toMatchObject({ kind: 'appeal', number: appeal.number, unread: 3 });
    const seen = await staff.conversations.get.query({ caseId: appealId });
    expect(seen).toMatchObject({ side: 'grid', mayWrite: true, mayNote: true });
    expect(seen.messages.map((m) => m.read)).toEqual([false, false, false]);
    expect((await download(staff, photo.id)).status).toBe(200);
    expect((await download(stranger.client, photo.id)).status).toBe(404);
    await staff.conversations.markRead.mutate({ caseId: appealId });
    expect((await applicant.client.conversations.get.query({ caseId: appealId })).messages.map((m) => m.read)).toEqual([true, true, true]);

    // An internal note and an answer: the applicant receives the answer only, and it counts as unread until read.
    await staff.conversations.post.mutate({ caseId: appealId, text: 'Внутреннее: проверить пломбы, возможно хищение', internal: true });
    const afterReply = await staff.conversations.post.mutate({ caseId: appealId, text: 'Специалист приедет в четверг с 9 до 13 часов.' });
    expect(afterReply.messages.map((m) => [m.n, m.internal])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, false],
    ]);
    const applicantView = await applicant.client.conversations.get.query({ caseId: appealId });
    expect(applicantView.messages.map((m) => m.n)).toEqual([1, 2, 3, 5]);
    expect(JSON.stringify(applicantView)).not.toContain('пломбы');
    expect((await applicant.client.conversations.unread.query()).count).toBe(1);
    await applicant.client.conversations.markRead.mutate({ caseId: appealId });
    expect((await applicant.client.conversations.unread.query()).count).toBe(0);
    expect((await applicant.client.conversations.inbox.query()).cases).toEqual([expect.objectContaining({ caseId: appealId, unread: 0 })]);
    expect((await staff.conversations.inbox.query()).cases.some((c) => c.caseId === appealId)).toBe(false);
    expect((await staff.conversations.get.query({ caseId: appealId })).messages.find((m) => m.n === 5)!.read).toBe(true);

    // E-mail: one per burst and side, after the window; the applicant's never mentions the note.
    await expect.poll(async () => (await conversationMails(applicant.email, appeal.number)).length, { timeout: 60_000, interval: 500 }).toBe(1);
    await expect.poll(async () => (await conversationMails(admin, appeal.number)).length, { timeout: 60_000, interval: 500 }).toBe(1);
    await new Promise((r) => setTimeout(r, (WINDOW_S + 2) * 1000));
    const toApplicant = await conversationMails(applicant.email, appeal.number);
    expect(toApplicant).toHaveLength(1);
    expect(toApplicant[0]!.subject).toContain('Новое сообщение в переписке');
    expect(`${toApplicant[0]!.text}${toApplicant[0]!.html ?? ''}`).not.toContain('пломбы');
    const toStaff = await conversationMails(admin, appeal.number);
    expect(toStaff).toHaveLength(1);
    expect(toStaff[0]!.subject).toContain('Новые сообщения в переписке: 3');

    // Closed: the conversation stays readable and refuses new messages in words.
    await staff.staffAppeals.act.mutate({ id: appealId, action: 'take', input: {} });
    await staff.staffAppeals.act.mutate({ id: appealId, action: 'answer', input: { text: 'Прибор учёта проверен, заменён; перерасчёт выполнен.' } });
    expect((await applicant.client.appeals.act.mutate({ id: appealId, action: 'confirm', input: {} })).stage).toBe('closed');
    const closed = await applicant.client.conversations.get.query({ caseId: appealId });
    expect(closed).toMatchObject({ closed: true, mayWrite: false });
    expect(closed.messages).toHaveLength(4);
    expect((await failure(applicant.client.conversations.post.mutate({ caseId: appealId, text: 'Ещё вопрос' }))).message).toMatch(/только для чтения/);

    const handle = stack.temporal.workflow.getHandle(appealWorkflowId(appealId));
    await expect.poll(async () => (await handle.describe()).status.name, { timeout: 30_000 }).toBe('COMPLETED');
    await saveHistoryFixture('appeal-conversation', await handle.fetchHistory());
  }, 240_000);

  it('an application: messages in an open stage, a notice after the window, and the conversation read-only after withdrawal', async () => {
    const applicant = await registeredApplicant();
    const user = (await stack.db.User.findByPk(applicant.user.id))!;
    const form = applicationFormSchema.parse(await completeIndividualForm(applicant.client));
    const app = await submitApplication(stack.services({ messageNoticeWindow: { amount: 2, unit: 'seconds' } }), user, newDraftId(), form);
    const staff = await loggedIn(demo('staff').email, demo('staff').password);
    await applicant.client.conversations.post.mutate({ caseId: app.id, text: 'Можно ли подать ТУ на 20 кВт позже?' });
    await staff.conversations.post.mutate({ caseId: app.id, text: 'Заявитель уточняет мощность', internal: true });
    const page = await staff.conversations.post.mutate({ caseId: app.id, text: 'Да, подайте заявку на увеличение мощности после присоединения.' });
    expect(page).toMatchObject({ kind: 'application', number: app.number });
    expect((await applicant.client.conversations.get.query({ caseId: app.id })).messages.map((m) => m.n)).toEqual([1, 3]);
    await expect.poll(async () => (await conversationMails(applicant.email, app.number)).length, { timeout: 60_000, interval: 500 }).toBe(1);

    await applicant.client.applications.act.mutate({ id: app.id, action: 'withdraw', input: { reason: 'Передумал строить' } });
    expect((await failure(applicant.client.conversations.post.mutate({ caseId: app.id, text: 'Ещё вопрос' }))).message).toMatch(/только для чтения/);
    expect((await staff.conversations.get.query({ caseId: app.id })).messages).toHaveLength(3);
    const handle = stack.temporal.workflow.getHandle(applicationWorkflowId(app.id));
    expect(await handle.result()).toBe('withdrawn');
    await saveHistoryFixture('application-conversation', await handle.fetchHistory());
  }, 180_000);
});
