// The conversation of a case (issue 20 item 5) against the real workflow code:
// messages of both sides and staff-only notes are Updates beside the procedure
// (no stage moves), open in every stage until the case closes, then refused;
// the other side gets one notice per burst after the window (a durable timer),
// never one per message, and never one for an internal note.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appealUpdates, appealViewQuery } from '../../workflows/appeal/contract';
import { appealWorkflow } from '../../workflows/appeal/workflow';
import { applicationViewQuery } from '../../workflows/application/contract';
import { connectionApplicationWorkflow } from '../../workflows/application/workflow';
import type { Actor } from '../../workflows/case/contract';
import { postMessageUpdate } from '../../workflows/case/conversation';
import { appealInput, applicationInput, longTerms, STAFF, useProcedureEnv } from './support/procedure-env';

const procedure = useProcedureEnv();
const WINDOW_S = 3;
const terms = () => longTerms({ messageNoticeWindow: { amount: WINDOW_S, unit: 'seconds' } });
const messages = (caseId: string) => procedure().recorded.messages.filter((m) => m.caseId === caseId);
const notices = (number: string) => procedure().recorded.notices.filter((n) => n.caseNumber === number && n.key.includes(':conversation:'));

async function refusal(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? String(error);
  }
  return 'accepted';
}

describe('the conversation of a case', () => {
  it('an appeal: both sides write in any open stage, notes stay internal, one notice per burst, read-only once closed', async () => {
    await procedure().run(async () => {
      const input = appealInput(terms());
      const applicant: Actor = { ...input.applicant, role: 'applicant' };
      const handle = await procedure().env.client.workflow.start(appealWorkflow, { taskQueue: procedure().taskQueue, workflowId: `appeal-${input.appealId}`, args: [input] });
      await expect.poll(async () => (await handle.query(appealViewQuery)).stage, { timeout: 15_000 }).toBe('registered');
      const file = { id: randomUUID(), filename: 'Фото счётчика.jpg' };

      // A burst of three from the applicant in the first stage: three messages, no stage change.
      for (const text of ['Здравствуйте!', 'Прилагаю фото счётчика', 'Жду ответа']) {
        await handle.executeUpdate(postMessageUpdate, { args: [{ actor: applicant, input: { text, attachments: text.startsWith('Прилагаю') ? [file] : [] } }] });
      }
      expect((await handle.query(appealViewQuery)).stage).toBe('registered');
      // Staff take the appeal, leave a note and write to the applicant in the next stage.
      await handle.executeUpdate(appealUpdates.take, { args: [{ actor: STAFF, input: {} }] });
      const note = await handle.executeUpdate(postMessageUpdate, { args: [{ actor: STAFF, input: { text: 'Проверить показания по АСКУЭ', internal: true } }] });
      const reply = await handle.executeUpdate(postMessageUpdate, { args: [{ actor: STAFF, input: { text: 'Проверяем, ответим в срок' } }] });
      expect([note.n, reply.n]).toEqual([4, 5]);

      expect(messages(input.appealId).map((m) => [m.n, m.side, m.internal, m.author.role])).toEqual([
        [1, 'applicant', false, 'applicant'],
        [2, 'applicant', false, 'applicant'],
        [3, 'applicant', false, 'applicant'],
        [4, 'grid', true, 'staff'],
        [5, 'grid', false, 'staff'],
      ]);
      expect(messages(input.appealId)[1]!.attachments).toEqual([file]);

      // Refused without a trace: an applicant's note, someone else's message, an empty text, a note with a file.
      expect(await refusal(handle.executeUpdate(postMessageUpdate, { args: [{ actor: applicant, input: { text: 'секрет', internal: true } }] }))).toMatch(/только сотрудники/);
      expect(await refusal(handle.executeUpdate(postMessageUpdate, { args: [{ actor: { id: randomUUID(), name: 'Чужой', role: 'applicant' }, input: { text: 'Привет' } }] }))).toMatch(/заявитель по своему делу/);
      expect(await refusal(handle.executeUpdate(postMessageUpdate, { args: [{ actor: applicant, input: { text: '   ' } }] }))).toMatch(/Напишите текст/);
      expect(await refusal(handle.executeUpdate(postMessageUpdate, { args: [{ actor: STAFF, input: { text: 'заметка', internal: true, attachments: [file] } }] }))).toMatch(/только текст/);

      // One notice per side for the burst, after the window; none for the note; the applicant's notice never carries the note's text.
      await expect.poll(() => notices(input.number).length, { timeout: 15_000 }).toBe(2);
      await new Promise((r) => setTimeout(r, WINDOW_S * 1000 + 500));
      const sent = notices(input.number);
      expect(sent).toHaveLength(2);
      const toApplicant = sent.find((n) => 'userId' in n.to && n.to.userId === input.applicant.id)!;
      const toStaff = sent.find((n) => n !== toApplicant)!;
      expect(toStaff.title).toBe('Новые сообщения в переписке: 3');
      // The staff feed, or the assignee once the appeal is taken (the window may close after taking it).
      expect([{ staff: true }, { userId: STAFF.id }]).toContainEqual(toStaff.to);
      expect(toApplicant.title).toBe('Новое сообщение в переписке');
      expect(toApplicant.to).toEqual({ userId: input.applicant.id });
      expect(`${toApplicant.title} ${toApplicant.body}`).not.toContain('АСКУЭ');
      expect(new Set(sent.map((n) => n.key)).size).toBe(2);

      // A later message opens a new window and a new notice with its own key (to the assignee now).
      await handle.executeUpdate(postMessageUpdate, { args: [{ actor: applicant, input: { text: 'Спасибо' } }] });
      await expect.poll(() => notices(input.number).length, { timeout: 15_000 }).toBe(3);
      expect(notices(input.number)[2]!.to).toEqual({ userId: STAFF.id });

      // Closed: the conversation is read-only.
      await handle.executeUpdate(appealUpdates.answer, { args: [{ actor: STAFF, input: { text: 'Показания проверены, перерасчёт выполнен' } }] });
      await handle.executeUpdate(appealUpdates.confirm, { args: [{ actor: applicant, input: {} }] });
      await expect.poll(async () => (await handle.query(appealViewQuery).catch(() => ({ stage: 'closed' }))).stage, { timeout: 15_000 }).toBe('closed');
      expect(await refusal(handle.executeUpdate(postMessageUpdate, { args: [{ actor: applicant, input: { text: 'Ещё вопрос' } }] }))).toMatch(/закрыто|completed|closed|closing workflow/i);
      expect(messages(input.appealId)).toHaveLength(6);
    });
  }, 90_000);

  it('an application: the applicant and staff write in an open stage; the procedure is not moved', async () => {
    await procedure().run(async () => {
      const input = applicationInput(terms());
      const applicant: Actor = { ...input.applicant, role: 'applicant' };
      const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${input.applicationId}`, args: [input] });
      // The completeness check begins by itself; messages change nothing of it.
      await expect.poll(async () => (await handle.query(applicationViewQuery)).stage, { timeout: 15_000 }).toBe('completenessCheck');
      const before = (await handle.query(applicationViewQuery)).seq;
      await handle.executeUpdate(postMessageUpdate, { args: [{ actor: applicant, input: { text: 'Когда будет проверка?' } }] });
      await handle.executeUpdate(postMessageUpdate, { args: [{ actor: STAFF, input: { text: 'Заявитель звонил, вопрос о сроках', internal: true } }] });
      await handle.executeUpdate(postMessageUpdate, { args: [{ actor: STAFF, input: { text: 'В течение трёх рабочих дней' } }] });
      const view = await handle.query(applicationViewQuery);
      expect(view.stage).toBe('completenessCheck');
      expect(view.seq).toBe(before);
      expect(messages(input.applicationId).map((m) => [m.caseKind, m.side, m.internal])).toEqual([
        ['application', 'applicant', false],
        ['application', 'grid', true],
        ['application', 'grid', false],
      ]);
      await expect.poll(() => notices(input.number).map((n) => n.title).sort(), { timeout: 15_000 }).toEqual(['Новое сообщение в переписке', 'Новое сообщение в переписке']);
      expect(notices(input.number).find((n) => 'userId' in n.to)!.link).toBe(`/applications/${input.applicationId}#conversation`);
    });
  }, 60_000);

  it('a burst survives a worker restart: its one notice is neither lost nor sent twice', async () => {
    // The window is long enough for the first worker to stop inside it even on a loaded machine
    // (a run of CI once had the 6 s window close while the first worker was still stopping).
    const windowS = 15;
    const input = appealInput(longTerms({ messageNoticeWindow: { amount: windowS, unit: 'seconds' } }));
    const applicant: Actor = { ...input.applicant, role: 'applicant' };
    // The first worker takes two messages and stops before the window closes; the timer waits in the server.
    const first = await procedure().run(async () => {
      const handle = await procedure().env.client.workflow.start(appealWorkflow, { taskQueue: procedure().taskQueue, workflowId: `appeal-${input.appealId}`, args: [input] });
      // Registered once its first task is done: the two notices of registration were sent from it.
      // Not by a query: one that reaches the worker while that task's local activity runs makes the
      // SDK split the task, and the new worker's replay then fails on the patch marker of the second
      // half («Non-deprecated patch marker encountered … notifications-beside-the-procedure»), which
      // is what failed this test in CI. The API never queries a case; see docs/decisions/0009.
      await expect.poll(() => procedure().recorded.notices.filter((n) => n.caseNumber === input.number).length, { timeout: 15_000 }).toBe(2);
      const posted = await handle.executeUpdate(postMessageUpdate, { args: [{ actor: applicant, input: { text: 'Первое' } }] });
      await handle.executeUpdate(postMessageUpdate, { args: [{ actor: applicant, input: { text: 'Второе' } }] });
      return posted;
    });
    // The test's premise: the window was still open when the first worker had stopped.
    expect(Date.now() - first.at).toBeLessThan(windowS * 1000);
    expect(notices(input.number)).toHaveLength(0);
    // A new worker replays the history, the timer fires once, and one notice counts both messages.
    // The wait allows for a task the stopped worker had been handed: it comes back after its
    // timeout (workflow task 10 s, activity attempt 30 s), as it would after a crash.
    await procedure().run(async () => {
      const handle = procedure().env.client.workflow.getHandle(`appeal-${input.appealId}`);
      await expect.poll(() => notices(input.number).length, { timeout: 90_000 }).toBe(1);
      expect(notices(input.number)[0]!.title).toBe('Новые сообщения в переписке: 2');
      await handle.executeUpdate(postMessageUpdate, { args: [{ actor: applicant, input: { text: 'Третье' } }] });
      await expect.poll(() => notices(input.number).length, { timeout: 90_000 }).toBe(2);
      await new Promise((r) => setTimeout(r, windowS * 1000 + 1_000));
      expect(notices(input.number).map((n) => n.key)).toEqual([`${input.appealId}:conversation:1:grid`, `${input.appealId}:conversation:2:grid`]);
    });
    expect(messages(input.appealId).map((m) => m.n)).toEqual([1, 2, 3]);
  }, 240_000);
});
