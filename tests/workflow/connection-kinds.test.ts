// Issue 18 item 4 with terms in seconds: withdrawal after the contract is its
// termination (the grid records the costs actually incurred, the applicant is
// told the sum, a termination notice is published, the case ends as
// «Договор расторгнут»), withdrawal before the contract stays plain; in the
// termination stage the workflow accepts exactly what the table opens; a
// mobile object on a temporary connection runs on its own ТУ term.
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ACTIONS, APPLICATION_PROCEDURE, type ApplicationAction, type ApplicationStage } from '../../domain/procedures/application';
import { actionsFor } from '../../domain/procedures/table';
import { applicantActionsFor, staffActionsFor } from '../../api/applications/actions';
import { applicationUpdates, applicationViewQuery, type ApplicationSnapshot } from '../../workflows/application/contract';
import { connectionApplicationWorkflow } from '../../workflows/application/workflow';
import type { Actor } from '../../workflows/case/contract';
import { invoiceOf } from '../support/invoice-input';
import { applicationInput, longTerms, STAFF, useProcedureEnv } from './support/procedure-env';

const procedure = useProcedureEnv();
const staff = STAFF;
const summary = (id: string) => procedure().recorded.summaries.get(id) as ApplicationSnapshot | undefined;
const events = (id: string) => procedure().recorded.events.get(id) ?? [];

async function start(input: ReturnType<typeof applicationInput>) {
  const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${input.applicationId}`, args: [input] });
  await expect.poll(async () => (await handle.query(applicationViewQuery)).stage, { timeout: 15_000 }).toBe('completenessCheck');
  await handle.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: staff, input: {} }] });
  await handle.executeUpdate(applicationUpdates.postContractDocuments, { args: [{ actor: staff, input: { ...invoiceOf(50_000), tuRequirements: 'Установить вводное устройство', connectionPoint: 'Опора № 12' } }] });
  return handle;
}

/** Which actions the workflow's validators accept from this actor now (a probe with a null input changes nothing). */
async function acceptedBy(handle: WorkflowHandle, actor: Actor): Promise<ApplicationAction[]> {
  const accepted: ApplicationAction[] = [];
  for (const action of APPLICATION_ACTIONS) {
    try {
      await handle.executeUpdate(applicationUpdates[action] as never, { args: [{ actor, input: null }] as never });
      throw new Error(`${action}: a probe with no input was accepted`);
    } catch (error) {
      if (!(error instanceof WorkflowUpdateFailedError)) throw error;
      if ((error.cause?.message ?? '').startsWith('Неверный ввод: ожидалось object')) accepted.push(action);
    }
  }
  return accepted.sort();
}

describe('termination of a concluded contract', () => {
  it('after payment, «withdraw» leads to the costs stage; staff record the costs; the applicant is told the refund; the case ends as terminated', async () => {
    await procedure().run(async () => {
      const input = applicationInput(longTerms());
      const id = input.applicationId;
      const applicant: Actor = { ...input.applicant, role: 'applicant' };
      const handle = await start(input);
      await handle.executeUpdate(applicationUpdates.payInvoice, { args: [{ actor: applicant, input: {} }] });
      expect(summary(id)?.contractConcludedAt).not.toBeNull();

      const view = await handle.executeUpdate(applicationUpdates.withdraw, { args: [{ actor: applicant, input: { reason: 'Продаю участок' } }] });
      expect(view.stage).toBe('terminating');
      expect(summary(id)).toMatchObject({ stage: 'terminating', whoActs: 'grid', status: 'active' });
      expect(summary(id)?.deadlineAt).toBeGreaterThan(Date.now());

      // Here the workflow accepts exactly what the table opens (no second withdrawal), and the API offers the same.
      const context = { stage: 'terminating' as const, connectionDeadlineAt: null, gridTuDoneAt: null, applicantTuDoneAt: null, contractConcludedAt: new Date().toISOString(), paymentSchedule: null };
      for (const who of [applicant, staff]) {
        const table = actionsFor<ApplicationStage, ApplicationAction>(APPLICATION_PROCEDURE, 'terminating', { id: who.id, role: who.role as 'applicant' | 'staff' }, { testPayments: true }).sort();
        expect(await acceptedBy(handle, who), who.role).toEqual(table);
        expect([...(who.role === 'applicant' ? applicantActionsFor(context, 'test') : staffActionsFor(context, { id: who.id!, role: 'staff' }))].sort()).toEqual(table);
      }
      expect(actionsFor<ApplicationStage, ApplicationAction>(APPLICATION_PROCEDURE, 'terminating', { id: staff.id, role: 'staff' })).toEqual(['recordTerminationCosts']);
      expect(actionsFor<ApplicationStage, ApplicationAction>(APPLICATION_PROCEDURE, 'terminating', { id: applicant.id, role: 'applicant' })).toEqual([]);

      // A cost line without its document is refused in words and changes nothing.
      await expect(handle.executeUpdate(applicationUpdates.recordTerminationCosts, { args: [{ actor: staff, input: { items: [{ title: 'Проект', amountRub: 100, document: '' }] } }] })).rejects.toThrow();
      expect(summary(id)?.stage).toBe('terminating');

      const done = await handle.executeUpdate(applicationUpdates.recordTerminationCosts, {
        args: [{ actor: staff, input: { items: [{ title: 'Проектные работы', amountRub: 12_000.5, document: 'Договор подряда № 5 от 01.12.2026' }, { title: 'Выезд бригады', amountRub: 3_000, document: 'Акт № 17' }] } }],
      });
      expect(done.stage).toBe('terminated');
      expect(await handle.result()).toBe('terminated');
      expect(summary(id)).toMatchObject({ stage: 'terminated', status: 'withdrawn' });
      const last = events(id).at(-1)!;
      expect(last).toMatchObject({ type: 'contract-terminated', title: 'Договор расторгнут по инициативе заявителя' });
      expect((last.data as { documents: Array<{ kind: string }> }).documents.map((d) => d.kind)).toEqual(['terminationNotice']);
      const told = procedure().recorded.notices.filter((n) => n.caseNumber === input.number && 'userId' in n.to && n.to.userId === applicant.id).at(-1)!;
      // 50 000 ₽ paid, 15 000,50 ₽ of costs: 34 999,50 ₽ is refunded.
      expect(told.body).toContain('К возврату заявителю: 34\u00a0999,50\u00a0₽');
      expect(procedure().recorded.supplierMails.filter((m) => m.caseNumber === input.number).map((m) => m.title)).toContain('Договор расторгнут по инициативе заявителя');
    });
  }, 120_000);

  it('before the contract, withdrawal stays a plain withdrawal', async () => {
    await procedure().run(async () => {
      const input = applicationInput(longTerms());
      const handle = await start(input);
      await handle.executeUpdate(applicationUpdates.withdraw, { args: [{ actor: { ...input.applicant, role: 'applicant' }, input: { reason: 'Передумал' } }] });
      expect(await handle.result()).toBe('withdrawn');
      expect(summary(input.applicationId)).toMatchObject({ stage: 'withdrawn', status: 'withdrawn' });
    });
  }, 60_000);
});

describe('temporary connection', () => {
  it('a mobile object up to 150 kW within 300 m runs on the 15 working days term of its own; a stationary one on the usual term', async () => {
    await procedure().run(async () => {
      // Only the mobile term is short; every other term is an hour.
      const terms = longTerms({ tuFulfilmentTemporaryMobile: { amount: 15, unit: 'seconds' } });
      const temporary = { permanentNumber: 'ТП-2026-000001', permanentDate: '2026-11-20', supplyFrom: '2027-01-10', supplyTo: '2027-06-30', mobile: true };
      const mobile = applicationInput(terms, { connection: { connectionKind: 'temporary', temporary } });
      const applicant: Actor = { ...mobile.applicant, role: 'applicant' };
      const h1 = await start(mobile);
      await h1.executeUpdate(applicationUpdates.payInvoice, { args: [{ actor: applicant, input: {} }] });
      const s = summary(mobile.applicationId)!;
      expect(s).toMatchObject({ stage: 'tuFulfilment', deadlineTerm: '15 секунд' });
      expect(s.connectionDeadlineAt! - s.contractConcludedAt!).toBeLessThan(20_000);

      const stationary = applicationInput(terms, { connection: { connectionKind: 'temporary', temporary: { ...temporary, mobile: false } } });
      const h2 = await start(stationary);
      await h2.executeUpdate(applicationUpdates.payInvoice, { args: [{ actor: { ...stationary.applicant, role: 'applicant' }, input: {} }] });
      const t = summary(stationary.applicationId)!;
      expect(t).toMatchObject({ stage: 'tuFulfilment', deadlineTerm: '3600 секунд' });
      expect(t.connectionDeadlineAt! - t.contractConcludedAt!).toBeGreaterThan(3_000_000);
      for (const h of [h1, h2]) await h.terminate('test over');
    });
  }, 90_000);
});

