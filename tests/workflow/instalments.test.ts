// Paying in parts (issue 18 item 3) with terms shrunk to seconds: the first
// payment concludes the contract; each later part is reminded before its due
// date, flagged as the applicant's debt when overdue (never as the grid's
// lateness), paid by the applicant, staff or the bank; and the case closes only
// when both the procedure and the schedule are done.
import { describe, expect, it } from 'vitest';
import type { ScheduleState } from '../../domain/payment-schedule';
import { applicationUpdates, applicationViewQuery, type ApplicationSnapshot } from '../../workflows/application/contract';
import { connectionApplicationWorkflow } from '../../workflows/application/workflow';
import type { Actor } from '../../workflows/case/contract';
import { invoiceOf } from '../support/invoice-input';
import { applicationInput, longTerms, STAFF, useProcedureEnv } from './support/procedure-env';

const procedure = useProcedureEnv();
const staff = STAFF;
const bank: Actor = { id: null, name: 'Банк (уведомление о платеже)', role: 'bank' };
const summary = (id: string) => procedure().recorded.summaries.get(id) as ApplicationSnapshot | undefined;
const schedule = (id: string) => summary(id)?.paymentSchedule as ScheduleState | undefined;
const events = (id: string) => procedure().recorded.events.get(id) ?? [];
const notices = (number: string) => procedure().recorded.notices.filter((n) => n.caseNumber === number);
const statuses = (id: string) => schedule(id)?.parts.map((p) => p.status);
/** The words a refused Update carries (the client wraps them in «Workflow Update failed»). */
async function refusal(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? String(error);
  }
  return 'accepted';
}

/** A 100 kW legal entity at 10 kV, 400 m from the network: paying in parts is offered. */
function legalEntityInput(option: 'staged' | 'instalments', quarters = 12) {
  const terms = longTerms({ stagedPart2: { amount: 6, unit: 'seconds' }, instalmentReminder: { amount: 3, unit: 'seconds' } });
  return applicationInput(terms, {
    category: 'upTo150',
    applicant: { id: crypto.randomUUID(), name: 'ООО «Ромашка»' },
    object: { name: 'Склад', address: 'г. Тверь, ул. Лесная, 1', maxPowerKw: 100, voltageKv: 10, distanceM: 400, territory: 'urban' },
    paymentSchedule: { option, quarters },
  });
}

async function start(input: ReturnType<typeof legalEntityInput>) {
  const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${input.applicationId}`, args: [input] });
  await expect.poll(async () => (await handle.query(applicationViewQuery)).stage, { timeout: 15_000 }).toBe('completenessCheck');
  await handle.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: staff, input: {} }] });
  // The computed invoice corrected to 100 000 ₽: the schedule takes the invoice's total.
  await handle.executeUpdate(applicationUpdates.postContractDocuments, { args: [{ actor: staff, input: { ...invoiceOf(100_000), tuRequirements: 'Построить ЛЭП 10 кВ', connectionPoint: 'ПС 110/10 кВ «Южная», яч. 7' } }] });
  return handle;
}

describe('paying in parts', () => {
  it('first payment concludes the contract; reminder, applicant’s overdue debt, payments; the case closes when the schedule is settled', async () => {
    await procedure().run(async () => {
      const input = legalEntityInput('staged');
      const id = input.applicationId;
      const applicant: Actor = { ...input.applicant, role: 'applicant' };
      const handle = await start(input);

      // The invoice's schedule: 15 / 30 / 35 / 20 % of 100 000 ₽, the last due only after the act.
      expect(schedule(id)!.parts.map((p) => p.amountKop)).toEqual([15_000_00, 30_000_00, 35_000_00, 20_000_00]);
      expect(statuses(id)).toEqual(['due', 'due', 'due', 'waiting']);
      // A later part cannot be paid before the contract.
      expect(await refusal(handle.executeUpdate(applicationUpdates.payInstalment, { args: [{ actor: applicant, input: { part: 2 } }] }))).toMatch(/нет неоплаченных платежей по графику/);

      // The first payment concludes the contract: the ТУ stage begins.
      const view = await handle.executeUpdate(applicationUpdates.payInvoice, { args: [{ actor: applicant, input: {} }] });
      expect(view.stage).toBe('tuFulfilment');
      expect(summary(id)!.contractConcludedAt).not.toBeNull();
      expect(statuses(id)).toEqual(['paid', 'due', 'due', 'waiting']);
      expect(schedule(id)!.parts[0]!.payment).toMatchObject({ by: { name: input.applicant.name }, reference: expect.stringContaining('/1') });
      expect(events(id).find((e) => e.type === 'paid')?.title).toBe('Внесён первый платёж по графику, договор заключён');

      // Part 2 (6 s): reminded 3 s before, then overdue — the applicant's debt, not the grid's lateness.
      await expect.poll(() => notices(input.number).some((n) => n.kind === 'reminder' && n.title === 'Напоминание: платёж по графику № 2'), { timeout: 15_000 }).toBe(true);
      expect(statuses(id)![1]).toBe('due');
      await expect.poll(() => summary(id)?.instalmentOverdue, { timeout: 15_000 }).toBe(true);
      expect(statuses(id)![1]).toBe('overdue');
      expect(summary(id)).toMatchObject({ overdue: false, lateParty: null });
      expect(events(id).some((e) => e.type === 'overdue')).toBe(false);
      await expect.poll(() => notices(input.number).some((n) => 'staff' in n.to && n.title.includes('долг заявителя'))).toBe(true);
      // Notices run beside the procedure, so the applicant's may land after the staff's.
      await expect.poll(() => notices(input.number).find((n) => 'userId' in n.to && n.title.startsWith('Просрочен платёж по графику № 2'))?.body).toMatch(/ваша задолженность/);

      // Parts are paid in order; the applicant pays part 2 late, staff confirm part 3.
      expect(await refusal(handle.executeUpdate(applicationUpdates.payInstalment, { args: [{ actor: applicant, input: { part: 3 } }] }))).toMatch(/Сначала вносится платёж № 2/);
      await handle.executeUpdate(applicationUpdates.payInstalment, { args: [{ actor: applicant, input: { part: 2 } }] });
      expect(summary(id)!.instalmentOverdue).toBe(false);
      await handle.executeUpdate(applicationUpdates.confirmInstalment, { args: [{ actor: staff, input: { part: 3, paymentReference: 'п/п 4512' } }] });
      expect(schedule(id)!.parts[2]!.payment).toMatchObject({ reference: 'п/п 4512', by: { name: staff.name } });
      expect(await refusal(handle.executeUpdate(applicationUpdates.confirmInstalment, { args: [{ actor: staff, input: { part: 3, paymentReference: 'п/п 4512' } }] }))).toMatch(/уже внесён/);

      // The procedure to its act: the last part gets its date from the act, and the case stays open for it.
      for (const [name, actor, body] of [
        ['reportTuDone', applicant, {}],
        ['recordGridTuDone', staff, {}],
        ['recordInspection', staff, { passed: true }],
        ['recordConnection', staff, { meterNumber: '0123456' }],
        ['issueAct', staff, {}],
      ] as const) {
        await handle.executeUpdate(applicationUpdates[name] as never, { args: [{ actor, input: body }] as never });
      }
      await expect.poll(() => schedule(id)?.parts[3]?.dueAt ?? null, { timeout: 15_000 }).not.toBeNull();
      expect(summary(id)!.stage).toBe('completed');
      expect((await handle.describe()).status.name).toBe('RUNNING');

      // The bank's notice pays the last part: the schedule is settled and the workflow ends.
      await handle.executeUpdate(applicationUpdates.confirmInstalment, { args: [{ actor: bank, input: { part: 4, paymentReference: 'банк 99' } }] });
      expect(await handle.result()).toBe('completed');
      expect(schedule(id)!.settled).toBe(true);
      expect(events(id).map((e) => e.type)).toContain('schedule-settled');
    });
  }, 120_000);

  it('рассрочка: 5 % advance, the rest quarterly with interest from the act; withdrawal cancels the schedule and closes the case', async () => {
    await procedure().run(async () => {
      const input = legalEntityInput('instalments', 4);
      const id = input.applicationId;
      const applicant: Actor = { ...input.applicant, role: 'applicant' };
      const handle = await start(input);
      const s = schedule(id)!;
      expect(s.parts.map((p) => p.principalKop)).toEqual([5_000_00, 23_750_00, 23_750_00, 23_750_00, 23_750_00]);
      expect(s.interest!.annualPercent).toBe(s.interest!.keyRatePercent + 4);
      expect(s.parts.slice(1).every((p) => p.interestKop > 0 && p.dueAt === null)).toBe(true);

      // Withdrawn before the advance is paid: no contract, the schedule is cancelled with the case.
      await handle.executeUpdate(applicationUpdates.withdraw, { args: [{ actor: applicant, input: { reason: 'Передумали' } }] });
      expect(await handle.result()).toBe('withdrawn');
      expect(statuses(id)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
      expect(schedule(id)!.cancelled).toBe(true);
    });
  }, 120_000);
});
