// Holding a connection case (issue 20 item 2, patch 'case-holder'): a staff
// member takes the case, another staff member is refused both taking it and
// acting on it (in Russian, by the Update validator, nothing in the history),
// a supervisor reassigns it with a reason and may act on it; the holder is
// projected and released when the stage changes, and the history names who held it.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { actionsFor } from '../../domain/procedures/table';
import { APPLICATION_PROCEDURE, type ApplicationAction, type ApplicationStage } from '../../domain/procedures/application';
import { applicationUpdates, type ApplicationSnapshot } from '../../workflows/application/contract';
import { connectionApplicationWorkflow } from '../../workflows/application/workflow';
import { assignCaseUpdate, takeCaseUpdate } from '../../workflows/application/holding';
import type { Actor } from '../../workflows/case/contract';
import { applicationInput, longTerms, STAFF, useProcedureEnv } from './support/procedure-env';

const procedure = useProcedureEnv();
const CHECK: ApplicationStage = 'completenessCheck';
const OTHER: Actor = { id: randomUUID(), name: 'Козлов Пётр', role: 'staff' };
const SUPERVISOR: Actor = { id: randomUUID(), name: 'Миронова Ольга', role: 'staff', supervisor: true };
const TECHNICIAN: Actor = { id: randomUUID(), name: 'Лебедев Игорь', role: 'staff' };
const summary = (id: string) => procedure().recorded.summaries.get(id) as ApplicationSnapshot | undefined;
const events = (id: string) => procedure().recorded.events.get(id) ?? [];

async function refusal(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? String(error);
  }
  return 'accepted';
}

describe('holding a connection case', () => {
  it('the table offers a held case’s grid actions only to its holder or a supervisor', () => {
    const facts = { holderId: STAFF.id };
    expect(actionsFor<ApplicationStage, ApplicationAction>(APPLICATION_PROCEDURE, CHECK, { id: STAFF.id, role: 'staff' }, facts)).toEqual(['acceptComplete', 'requestMissingData']);
    expect(actionsFor<ApplicationStage, ApplicationAction>(APPLICATION_PROCEDURE, CHECK, { id: OTHER.id, role: 'staff' }, facts)).toEqual([]);
    expect(actionsFor<ApplicationStage, ApplicationAction>(APPLICATION_PROCEDURE, CHECK, { id: SUPERVISOR.id, role: 'staff', supervisor: true }, facts)).toEqual(['acceptComplete', 'requestMissingData']);
    expect(actionsFor<ApplicationStage, ApplicationAction>(APPLICATION_PROCEDURE, CHECK, { id: randomUUID(), role: 'admin' }, facts)).toEqual(['acceptComplete', 'requestMissingData']);
    // The applicant's own actions are never held.
    expect(actionsFor<ApplicationStage, ApplicationAction>(APPLICATION_PROCEDURE, CHECK, { id: null, role: 'applicant' }, facts)).toEqual(['withdraw']);
  });

  it('take, refusal of others, reassignment with a reason, release on the next stage', async () => {
    await procedure().run(async () => {
      const input = applicationInput(longTerms());
      const id = input.applicationId;
      const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${id}`, args: [input] });
      await expect.poll(() => summary(id)?.stage, { timeout: 15_000 }).toBe('completenessCheck');

      await handle.executeUpdate(takeCaseUpdate, { args: [{ actor: STAFF, input: {} }] });
      expect(summary(id)).toMatchObject({ holderId: STAFF.id, holderName: STAFF.name });
      expect(events(id).find((e) => e.type === 'case-taken')).toMatchObject({ actor: STAFF, title: `Заявку взял(а) в работу: ${STAFF.name}`, stage: 'completenessCheck' });

      // Another staff member may neither take it nor act on it; nothing of theirs reaches the history.
      const before = events(id).length;
      expect(await refusal(handle.executeUpdate(takeCaseUpdate, { args: [{ actor: OTHER, input: {} }] }))).toBe(`Заявку ${input.number} ведёт ${STAFF.name}: передать её другому сотруднику может руководитель отдела`);
      expect(await refusal(handle.executeUpdate(takeCaseUpdate, { args: [{ actor: STAFF, input: {} }] }))).toBe(`Заявка ${input.number} уже у вас в работе`);
      expect(await refusal(handle.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: OTHER, input: {} }] }))).toBe(`Заявку ${input.number} ведёт ${STAFF.name}: действие доступно ей (ему) или руководителю отдела`);
      expect(await refusal(handle.executeUpdate(assignCaseUpdate, { args: [{ actor: OTHER, input: { holderId: OTHER.id!, holderName: OTHER.name, reason: 'Хочу сам' } }] }))).toBe('Передать заявку сотруднику может руководитель отдела или администратор');
      // A reassignment must say why.
      expect(await refusal(handle.executeUpdate(assignCaseUpdate, { args: [{ actor: SUPERVISOR, input: { holderId: OTHER.id!, holderName: OTHER.name, reason: '' } }] }))).toBe('Укажите причину передачи заявки другому сотруднику');
      expect(events(id)).toHaveLength(before);
      expect(summary(id)?.holderId).toBe(STAFF.id);

      await handle.executeUpdate(assignCaseUpdate, { args: [{ actor: SUPERVISOR, input: { holderId: OTHER.id!, holderName: OTHER.name, reason: 'Сидорова в отпуске' } }] });
      expect(summary(id)).toMatchObject({ holderId: OTHER.id, holderName: OTHER.name });
      expect(events(id).find((e) => e.type === 'case-assigned')).toMatchObject({
        actor: SUPERVISOR,
        comment: 'Сидорова в отпуске',
        data: { holderId: OTHER.id, from: { id: STAFF.id, name: STAFF.name }, reason: 'Сидорова в отпуске' },
      });
      // The new holder hears of it.
      await expect.poll(() => procedure().recorded.notices.some((n) => n.caseNumber === input.number && 'userId' in n.to && n.to.userId === OTHER.id), { timeout: 10_000 }).toBe(true);
      // The former holder is now refused too.
      expect(await refusal(handle.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: STAFF, input: {} }] }))).toMatch(/ведёт Козлов Пётр/);

      // The holder accepts it: the next stage is another department's, so the holder is released.
      const view = await handle.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: OTHER, input: {} }] });
      expect(view.stage).toBe('preparingDocuments');
      expect(summary(id)).toMatchObject({ stage: 'preparingDocuments', holderId: null, holderName: null });

      // The technical department takes it; a supervisor may still act on it.
      await handle.executeUpdate(takeCaseUpdate, { args: [{ actor: TECHNICIAN, input: {} }] });
      expect(summary(id)).toMatchObject({ holderId: TECHNICIAN.id });
      const holders = events(id).filter((e) => e.type === 'case-taken' || e.type === 'case-assigned').map((e) => [e.stage, (e.data as { holderName: string }).holderName]);
      expect(holders).toEqual([
        ['completenessCheck', STAFF.name],
        ['completenessCheck', OTHER.name],
        ['preparingDocuments', TECHNICIAN.name],
      ]);
      await handle.executeUpdate(applicationUpdates.withdraw, { args: [{ actor: { ...input.applicant, role: 'applicant' }, input: { reason: 'Передумал' } }] });
      expect(await refusal(handle.executeUpdate(takeCaseUpdate, { args: [{ actor: OTHER, input: {} }] }))).toMatch(/закрыта/);
    });
  });

  it('keeps the holder through missing data back to the check (a branch of the same step)', async () => {
    await procedure().run(async () => {
      const input = applicationInput(longTerms());
      const id = input.applicationId;
      const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${id}`, args: [input] });
      await expect.poll(() => summary(id)?.stage, { timeout: 15_000 }).toBe('completenessCheck');
      await handle.executeUpdate(takeCaseUpdate, { args: [{ actor: STAFF, input: {} }] });
      await handle.executeUpdate(applicationUpdates.requestMissingData, { args: [{ actor: STAFF, input: { items: ['Копия паспорта'], comment: 'Нет копии паспорта' } }] });
      expect(summary(id)).toMatchObject({ stage: 'awaitingMissingData', holderId: STAFF.id });
    });
  });
});
