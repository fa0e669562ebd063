// The law's clocks with terms shrunk to seconds (issue «clocks owned by the
// right party»): only the side that missed the connection term is named and
// owes the penalty; the document term runs from the complete application; a
// calendar change moves a running deadline and says which decree did; an
// appeal's term resumes at the end of a working day, a clarification has its
// own term, and a reopened appeal keeps its first lateness.
import type { WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { isWorkingDay, moscowDate } from '../../domain/calendar';
import type { TermOverrides } from '../../domain/regulations';
import { applicationUpdates, applicationViewQuery, type ApplicationSnapshot } from '../../workflows/application/contract';
import { connectionApplicationWorkflow } from '../../workflows/application/workflow';
import { appealUpdates, appealViewQuery, type AppealSnapshot } from '../../workflows/appeal/contract';
import { appealWorkflow } from '../../workflows/appeal/workflow';
import { recalculateDeadlineUpdate, type Actor } from '../../workflows/case/contract';
import { appealInput, applicationInput, longTerms, STAFF, useProcedureEnv } from './support/procedure-env';
import { invoiceOf } from '../support/invoice-input';

const procedure = useProcedureEnv();
const staff = STAFF;
const terms = longTerms;
const summary = <S>(id: string) => procedure().recorded.summaries.get(id) as S | undefined;
const events = (id: string) => procedure().recorded.events.get(id) ?? [];
const notices = (number: string) => procedure().recorded.notices.filter((n) => n.caseNumber === number);

async function startApplication(overrides: TermOverrides) {
  const input = applicationInput(terms(overrides));
  const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${input.applicationId}`, args: [input] });
  await expect.poll(async () => (await handle.query(applicationViewQuery)).stage, { timeout: 15_000 }).toBe('completenessCheck');
  return { input, handle, applicant: { ...input.applicant, role: 'applicant' } as Actor };
}

/** To the contract: accepted, documents posted (a 50 000 ₽ invoice), paid. */
async function toContract(handle: WorkflowHandle, applicant: Actor) {
  await handle.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: staff, input: {} }] });
  await handle.executeUpdate(applicationUpdates.postContractDocuments, { args: [{ actor: staff, input: { ...invoiceOf(50_000), tuRequirements: 'Установить вводное устройство', connectionPoint: 'Опора № 12' } }] });
  return handle.executeUpdate(applicationUpdates.payInvoice, { args: [{ actor: applicant, input: {} }] });
}

describe('the connection term binds each side for its own part', () => {
  it('an applicant late on its part of the ТУ is never reported as the grid’s fault', async () => {
    await procedure().run(async () => {
      const { input, handle, applicant } = await startApplication({ tuFulfilment30wd: { amount: 3, unit: 'seconds' } });
      await toContract(handle, applicant);
      await handle.executeUpdate(applicationUpdates.recordGridTuDone, { args: [{ actor: staff, input: { comment: 'Опора установлена' } }] });
      await expect.poll(() => summary<ApplicationSnapshot>(input.applicationId)?.lateParty, { timeout: 15_000 }).toBe('applicant');

      const s = summary<ApplicationSnapshot>(input.applicationId)!;
      expect(s).toMatchObject({ stage: 'tuFulfilment', overdue: false, penalty: { party: 'applicant', feeRub: 50_000, until: null } });
      const missed = events(input.applicationId).filter((e) => e.type === 'connection-term-missed');
      expect(missed.map((e) => e.title)).toEqual(['Заявитель не выполнил свою часть технических условий в срок договора (п.16 «б» Правил)']);
      expect(events(input.applicationId).some((e) => e.type === 'overdue')).toBe(false);
      const texts = () => notices(input.number).map((n) => `${n.title} ${n.body}`);
      await expect.poll(() => notices(input.number).some((n) => n.body.includes('вы не сообщили о выполнении своей части'))).toBe(true);
      for (const text of texts()) expect(text).not.toMatch(/[Сс]етевая организация (нарушила|не выполнила)|нарушен сетевой/);

      // The applicant does its part late: its penalty stops, and the check follows.
      const view = await handle.executeUpdate(applicationUpdates.reportTuDone, { args: [{ actor: applicant, input: {} }] });
      expect(view.stage).toBe('inspection');
      expect(summary<ApplicationSnapshot>(input.applicationId)!.penalty).toMatchObject({ party: 'applicant', until: expect.any(String) });
      await handle.terminate('test done');
    });
  }, 120_000);

  it('the grid late on its part is named, escalated and owes the penalty until the act', async () => {
    await procedure().run(async () => {
      const { input, handle, applicant } = await startApplication({ tuFulfilment30wd: { amount: 3, unit: 'seconds' } });
      await toContract(handle, applicant);
      await handle.executeUpdate(applicationUpdates.reportTuDone, { args: [{ actor: applicant, input: {} }] });
      await expect.poll(() => summary<ApplicationSnapshot>(input.applicationId)?.lateParty, { timeout: 15_000 }).toBe('grid');

      expect(summary<ApplicationSnapshot>(input.applicationId)).toMatchObject({ overdue: true, penalty: { party: 'grid', feeRub: 50_000, until: null, mark: '❓' } });
      expect(events(input.applicationId).filter((e) => e.type === 'connection-term-missed').map((e) => e.title)).toEqual(['Сетевая организация не выполнила свои мероприятия в срок договора (п.16 «б» Правил)']);
      // Notices go out beside the procedure: they may land a moment later.
      await expect.poll(() => notices(input.number).some((n) => 'staff' in n.to && n.title.includes('просрочка сетевой организации'))).toBe(true);

      // The grid's measures done late: the applicant had done its part, so the delay runs on to the act.
      expect((await handle.executeUpdate(applicationUpdates.recordGridTuDone, { args: [{ actor: staff, input: {} }] })).stage).toBe('inspection');
      expect(summary<ApplicationSnapshot>(input.applicationId)!.penalty!.until).toBeNull();
      await handle.executeUpdate(applicationUpdates.recordInspection, { args: [{ actor: staff, input: { passed: true } }] });
      await handle.executeUpdate(applicationUpdates.recordConnection, { args: [{ actor: staff, input: { meterNumber: '0123456' } }] });
      await handle.executeUpdate(applicationUpdates.issueAct, { args: [{ actor: staff, input: {} }] });
      expect(await handle.result()).toBe('completed');
      const settled = summary<ApplicationSnapshot>(input.applicationId)!.penalty!;
      expect(settled).toMatchObject({ party: 'grid', until: expect.any(String) });
      expect(settled.formula).toContain('50');
    });
  }, 120_000);

  it('the term for the contract documents runs from the day the missing data arrived, not from the acceptance', async () => {
    await procedure().run(async () => {
      const { input, handle, applicant } = await startApplication({ postContractDocuments: { amount: 20, unit: 'seconds' } });
      await handle.executeUpdate(applicationUpdates.requestMissingData, { args: [{ actor: staff, input: { items: ['План участка'] } }] });
      await handle.executeUpdate(applicationUpdates.supplyMissingData, { args: [{ actor: applicant, input: { explanation: 'Прилагаю план' } }] });
      await new Promise((r) => setTimeout(r, 2500));
      const view = await handle.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: staff, input: {} }] });
      const supplied = events(input.applicationId).find((e) => e.type === 'missing-data-supplied')!;
      const accepted = events(input.applicationId).find((e) => e.type === 'accepted')!;
      expect(accepted.at - supplied.at).toBeGreaterThanOrEqual(2000);
      expect(view.deadlineAt).toBe(supplied.at + 20_000);
      await handle.terminate('test done');
    });
  }, 120_000);

  it('a calendar change moves the running deadline, and the history and the applicant’s notice name the decree', async () => {
    await procedure().run(async () => {
      const { input, handle } = await startApplication({ completenessCheck: { amount: 3, unit: 'working-days' } });
      const before = (await handle.query(applicationViewQuery)).deadlineAt!;
      procedure().recorded.calendarShiftMs = 86_400_000;
      try {
        const view = await handle.executeUpdate(recalculateDeadlineUpdate, { args: [{ year: 2027, decree: 'ПП РФ от 01.10.2026 № 1500 (тест)' }] });
        expect(view.deadlineAt).toBe(before + 86_400_000);
      } finally {
        procedure().recorded.calendarShiftMs = 0;
      }
      const moved = events(input.applicationId).find((e) => e.type === 'deadline-recalculated')!;
      expect(moved.title).toBe('Срок пересчитан по производственному календарю 2027 года (ПП РФ от 01.10.2026 № 1500 (тест))');
      expect(moved.data).toMatchObject({ before, after: before + 86_400_000 });
      await expect.poll(() => notices(input.number).some((n) => n.body.includes('Основание: ПП РФ от 01.10.2026 № 1500 (тест)') && n.deadlineAt === before + 86_400_000)).toBe(true);
      // The wait goes on with the moved deadline: the case still takes its actions.
      expect((await handle.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: staff, input: {} }] })).stage).toBe('preparingDocuments');
      await handle.terminate('test done');
    });
  }, 120_000);
});

describe('appeal terms', () => {
  async function startAppeal(overrides: TermOverrides) {
    const input = appealInput(terms(overrides));
    const handle = await procedure().env.client.workflow.start(appealWorkflow, { taskQueue: procedure().taskQueue, workflowId: `appeal-${input.appealId}`, args: [input] });
    await expect.poll(async () => (await handle.query(appealViewQuery)).stage, { timeout: 15_000 }).toBe('registered');
    await handle.executeUpdate(appealUpdates.take, { args: [{ actor: staff, input: {} }] });
    return { input, handle, applicant: { ...input.applicant, role: 'applicant' } as Actor };
  }

  it('after a clarification the answer term ends at the end of a working day', async () => {
    await procedure().run(async () => {
      const { handle, applicant } = await startAppeal({ appealAnswer: { amount: 30, unit: 'calendar-days' } });
      await handle.executeUpdate(appealUpdates.requestClarification, { args: [{ actor: staff, input: { question: 'Уточните адрес объекта' } }] });
      const view = await handle.executeUpdate(appealUpdates.reply, { args: [{ actor: applicant, input: { text: 'Улица Луговая, 5' } }] });
      expect(view.stage).toBe('inWork');
      const end = view.deadlineAt!;
      const moscow = new Date(end + 3 * 3_600_000);
      expect([moscow.getUTCHours(), moscow.getUTCMinutes(), moscow.getUTCSeconds()]).toEqual([23, 59, 59]);
      expect(isWorkingDay(moscowDate(end))).toBe(true);
      expect(end).toBeGreaterThan(Date.now() + 28 * 86_400_000);
      await handle.terminate('test done');
    });
  }, 120_000);

  it('a clarification not given in its term closes the appeal without an answer, and says how to file again', async () => {
    await procedure().run(async () => {
      const { input, handle } = await startAppeal({ appealClarification: { amount: 2, unit: 'seconds' } });
      await handle.executeUpdate(appealUpdates.requestClarification, { args: [{ actor: staff, input: { question: 'Уточните адрес объекта' } }] });
      expect(await handle.result()).toBe('closed');
      expect(summary<AppealSnapshot>(input.appealId)).toMatchObject({ stage: 'closed', status: 'closed', answeredAt: null });
      expect(events(input.appealId).at(-1)!.type).toBe('closed-unclarified');
      await expect.poll(() => notices(input.number).some((n) => n.body.includes('подайте новое обращение'))).toBe(true);
    });
  }, 120_000);

  it('a reopened appeal keeps the lateness of its first answer', async () => {
    await procedure().run(async () => {
      const { input, handle, applicant } = await startAppeal({ appealAnswer: { amount: 2, unit: 'seconds' } });
      await expect.poll(async () => (await handle.query(appealViewQuery)).overdue, { timeout: 15_000 }).toBe(true);
      await handle.executeUpdate(appealUpdates.answer, { args: [{ actor: staff, input: { text: 'Ответ по существу обращения' } }] });
      expect(summary<AppealSnapshot>(input.appealId)!.answeredLate).toBe(true);
      await handle.executeUpdate(appealUpdates.disagree, { args: [{ actor: applicant, input: { reason: 'Не согласен с ответом' } }] });
      await handle.executeUpdate(appealUpdates.answer, { args: [{ actor: staff, input: { text: 'Повторный ответ по существу' } }] });
      expect(summary<AppealSnapshot>(input.appealId)).toMatchObject({ stage: 'answered', answeredLate: true });
      await handle.terminate('test done');
    });
  }, 120_000);
});
