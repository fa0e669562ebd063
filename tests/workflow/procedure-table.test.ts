// The procedure tables against the workflows that implement them, in seconds:
// in every stage a case reaches, the workflow accepts exactly the actions the
// table opens for each role — the same list the API offers (it asks the table
// through actionsFor) — and the web's timeline draws the table's stages. A
// stage or an action added to a table without its workflow step fails here.
import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { APPLICATION_PROCEDURE, APPLICATION_ACTIONS, type ApplicationAction, type ApplicationStage } from '../../domain/procedures/application';
import { APPEAL_ACTIONS, APPEAL_PROCEDURE, type AppealAction, type AppealStage } from '../../domain/procedures/appeal';
import { actionsFor, type CaseFacts, type ProcedureTable } from '../../domain/procedures/table';
import { applicantActionsFor, factsOf, staffActionsFor } from '../../api/applications/actions';
import { buildSteps } from '../../web/src/features/cases/timeline';
import { applicationUpdates, applicationViewQuery, type ApplicationSnapshot } from '../../workflows/application/contract';
import { appealUpdates, appealViewQuery } from '../../workflows/appeal/contract';
import type { Actor, CaseView } from '../../workflows/case/contract';
import { connectionApplicationWorkflow } from '../../workflows/application/workflow';
import { appealWorkflow } from '../../workflows/appeal/workflow';
import { appealInput, applicationInput, longTerms, STAFF, useProcedureEnv } from './support/procedure-env';

const procedure = useProcedureEnv();
const staff = STAFF;
const admin: Actor = { id: randomUUID(), name: 'Руководитель', role: 'admin' };

/** The probe's input (null) failing its schema: the procedure itself (stage, party, holder, a condition) let the action through. */
function failedOnlyItsSchema(message: string): boolean {
  return message.startsWith('Неверный ввод: ожидалось object');
}

/** Which actions the workflow's validators accept from this actor now: each probe sends an input no schema accepts, so nothing changes. */
async function acceptedBy<A extends string>(handle: WorkflowHandle, updates: Record<A, unknown>, actions: readonly A[], actor: Actor): Promise<A[]> {
  const accepted: A[] = [];
  for (const action of actions) {
    try {
      await handle.executeUpdate(updates[action] as never, { args: [{ actor, input: null }] as never });
      throw new Error(`${action}: a probe with no input was accepted`);
    } catch (error) {
      // A closed case takes no action at all.
      if (error instanceof WorkflowNotFoundError) continue;
      if (!(error instanceof WorkflowUpdateFailedError)) throw error;
      if (failedOnlyItsSchema(error.cause?.message ?? '')) accepted.push(action);
    }
  }
  return accepted;
}

function tableSays<S extends string, A extends string>(table: ProcedureTable<S, A>, stage: S, actor: Actor, facts: CaseFacts): A[] {
  return actionsFor(table, stage, { id: actor.id, role: actor.role as 'applicant' | 'staff' | 'admin' }, { ...facts, testPayments: true });
}

describe('the connection procedure table and its workflow', () => {
  it('in every stage of the main path the workflow accepts what the table opens, and the API offers the same', async () => {
    // Long terms: nothing may lapse while the probes run.
    const input = applicationInput(longTerms());
    const applicant: Actor = { ...input.applicant, role: 'applicant' };
    const steps: Array<[ApplicationAction, Actor, Record<string, unknown>]> = [
      ['acceptComplete', staff, {}],
      ['postContractDocuments', staff, { tariffRegion: 'Тестовый регион', meteringType: 'none', tuRequirements: 'Установить вводное устройство', connectionPoint: 'Опора № 12', constructionNeeded: false }],
      ['payInvoice', applicant, {}],
      ['reportTuDone', applicant, {}],
      ['recordGridTuDone', staff, {}],
      ['recordInspection', staff, { passed: true }],
      ['recordConnection', staff, { meterNumber: '0123456' }],
      ['issueAct', staff, {}],
    ];
    const seen: ApplicationStage[] = [];
    await procedure().run(async () => {
      const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${input.applicationId}`, args: [input] });
      await waitForStage(handle, applicationViewQuery, 'completenessCheck');
      for (let i = 0; i <= steps.length; i += 1) {
        const { stage } = await handle.query(applicationViewQuery);
        if (seen.at(-1) !== stage) seen.push(stage);
        // What the read model holds, as the API reads it for its conditions (the two parts of the ТУ).
        const s = procedure().recorded.summaries.get(input.applicationId) as ApplicationSnapshot;
        const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);
        const context = { stage, connectionDeadlineAt: iso(s.connectionDeadlineAt), gridTuDoneAt: iso(s.gridTuDoneAt), applicantTuDoneAt: iso(s.applicantTuDoneAt) };
        for (const who of [applicant, staff, admin]) {
          const workflow = await acceptedBy(handle, applicationUpdates, APPLICATION_ACTIONS, who);
          expect(workflow.sort(), `${stage}, ${who.role}`).toEqual(tableSays(APPLICATION_PROCEDURE, stage, who, factsOf(context)).sort());
          const api = who.role === 'applicant' ? applicantActionsFor(context, 'test') : staffActionsFor(context, { id: who.id!, role: who.role as 'staff' | 'admin' });
          expect([...api].sort(), `API in ${stage} for ${who.role}`).toEqual(workflow);
        }
        if (i === steps.length) break;
        const [action, actor, actionInput] = steps[i]!;
        await handle.executeUpdate(applicationUpdates[action] as never, { args: [{ actor, input: actionInput }] as never });
      }
      expect(await handle.result()).toBe('completed');
    });
    // Registration is recorded and left within the workflow's first task, so no action ever meets it.
    expect(['registered', ...seen]).toEqual(APPLICATION_PROCEDURE.mainPath);
    // The web's timeline is the table's main path, all done once the case is completed.
    const timeline = buildSteps('completed', []);
    expect(timeline.map((s) => s.stage)).toEqual(APPLICATION_PROCEDURE.mainPath);
    expect(new Set(timeline.map((s) => s.state))).toEqual(new Set(['done']));
  }, 120_000);

  it('the applicant’s missed term annuls; the grid’s missed term escalates and the grid can still act; withdrawal leaves any stage', async () => {
    await procedure().run(async () => {
      // Missing data not supplied within its term: annulled, with the supplier told.
      const lapsing = applicationInput(longTerms({ supplyMissingData: { amount: 2, unit: 'seconds' } }));
      const h1 = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${lapsing.applicationId}`, args: [lapsing] });
      await waitForStage(h1, applicationViewQuery, 'completenessCheck');
      await h1.executeUpdate(applicationUpdates.requestMissingData, { args: [{ actor: staff, input: { items: ['План участка'], comment: '' } }] });
      expect(await h1.result()).toBe('annulled');
      expect(procedure().recorded.summaries.get(lapsing.applicationId)).toMatchObject({ stage: 'annulled', status: 'annulled', annulReason: 'Недостающие сведения не представлены в срок' });
      expect(procedure().recorded.supplierMails.some((m) => m.caseNumber === lapsing.number && /аннулирована/.test(m.title))).toBe(true);

      // The grid misses the completeness check: overdue, escalated, and the check can still be done.
      const late = applicationInput(longTerms({ completenessCheck: { amount: 1, unit: 'seconds' } }));
      const h2 = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${late.applicationId}`, args: [late] });
      await expect.poll(async () => (await h2.query(applicationViewQuery)).overdue, { timeout: 15_000 }).toBe(true);
      const events = procedure().recorded.events.get(late.applicationId)!;
      expect(events.filter((e) => e.type === 'overdue').map((e) => e.stage)).toEqual(['completenessCheck']);
      const view = await h2.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: staff, input: { comment: '' } }] });
      expect(view).toMatchObject({ stage: 'preparingDocuments', overdue: false });

      // Withdrawal, open in every stage, ends the case from wherever it waits.
      const applicant: Actor = { ...late.applicant, role: 'applicant' };
      await h2.executeUpdate(applicationUpdates.withdraw, { args: [{ actor: applicant, input: { reason: 'Передумал' } }] });
      expect(await h2.result()).toBe('withdrawn');
      expect(procedure().recorded.summaries.get(late.applicationId)).toMatchObject({ stage: 'withdrawn', status: 'withdrawn' });
    });
  }, 120_000);
});

describe('the appeal procedure table and its workflow', () => {
  it('holder-only actions go to the assignee or a supervisor, a second disagreement is refused, as the table says', async () => {
    const input = appealInput(longTerms());
    const applicant: Actor = { ...input.applicant, role: 'applicant' };
    const other: Actor = { id: randomUUID(), name: 'Другой сотрудник', role: 'staff' };
    const check = async (handle: WorkflowHandle, facts: CaseFacts) => {
      const { stage } = await handle.query(appealViewQuery);
      for (const who of [applicant, staff, other, admin]) {
        const workflow = await acceptedBy<AppealAction>(handle, appealUpdates, APPEAL_ACTIONS, who);
        expect(workflow.sort(), `${stage}, ${who.name}`).toEqual(tableSays<AppealStage, AppealAction>(APPEAL_PROCEDURE, stage, who, facts).sort());
      }
      return stage;
    };
    await procedure().run(async () => {
      const handle = await procedure().env.client.workflow.start(appealWorkflow, { taskQueue: procedure().taskQueue, workflowId: `appeal-${input.appealId}`, args: [input] });
      await waitForStage(handle, appealViewQuery, 'registered');
      const stages: AppealStage[] = [await check(handle, {})];
      await handle.executeUpdate(appealUpdates.take, { args: [{ actor: staff, input: { comment: '' } }] });
      stages.push(await check(handle, { holderId: staff.id }));
      await handle.executeUpdate(appealUpdates.startWork, { args: [{ actor: staff, input: { comment: '' } }] });
      stages.push(await check(handle, { holderId: staff.id }));
      await handle.executeUpdate(appealUpdates.answer, { args: [{ actor: staff, input: { text: 'Ответ по существу обращения', comment: '' } }] });
      stages.push(await check(handle, { holderId: staff.id }));
      await handle.executeUpdate(appealUpdates.disagree, { args: [{ actor: applicant, input: { reason: 'Не согласен' } }] });
      await handle.executeUpdate(appealUpdates.answer, { args: [{ actor: admin, input: { text: 'Повторный ответ по существу', comment: '' } }] });
      stages.push(await check(handle, { holderId: staff.id, reopened: true }));
      await handle.executeUpdate(appealUpdates.confirm, { args: [{ actor: applicant, input: { comment: '' } }] });
      expect(await handle.result()).toBe('closed');
      expect(stages).toEqual(['registered', 'assigned', 'inWork', 'answered', 'answered']);
    });
  }, 120_000);
});

async function waitForStage<S extends string>(handle: WorkflowHandle, query: Parameters<WorkflowHandle['query']>[0], stage: S): Promise<void> {
  await expect.poll(async () => ((await handle.query(query as never)) as CaseView<S>).stage, { timeout: 15_000 }).toBe(stage);
}
