// The supplier of last resort's track (issue 18 item 5, п.105 of Rules 861 ◐)
// with terms shrunk to seconds: the application is handed over at registration
// and the supplier's own clock starts; a draft posted in time ends the track; a
// missed term is flagged as the supplier's (never the grid's overdue flag or the
// applicant's lateness) and tells the supplier and grid staff; withdrawal
// cancels the track, tells the supplier and lets the case close.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { SupplierTrackState } from '../../domain/supply-contract';
import { actionsFor } from '../../domain/procedures/table';
import { SUPPLIER_PROCEDURE } from '../../domain/procedures/supplier';
import { applicationUpdates, applicationViewQuery, type ApplicationSnapshot } from '../../workflows/application/contract';
import { connectionApplicationWorkflow } from '../../workflows/application/workflow';
import { postSupplyContractUpdate } from '../../workflows/application/supplier-track';
import type { Actor } from '../../workflows/case/contract';
import { applicationInput, longTerms, STAFF, useProcedureEnv } from './support/procedure-env';

const procedure = useProcedureEnv();
const supplierUser: Actor = { id: randomUUID(), name: 'Орлова Марина (АО «ЦЭСК»)', role: 'supplier' };
const summary = (id: string) => procedure().recorded.summaries.get(id) as ApplicationSnapshot | undefined;
const track = (id: string) => summary(id)?.supplierTrack as SupplierTrackState | null | undefined;
const events = (id: string) => procedure().recorded.events.get(id) ?? [];
const supplierMails = (number: string) => procedure().recorded.supplierMails.filter((m) => m.caseNumber === number).map((m) => m.title);
const staffNotices = (number: string) => procedure().recorded.notices.filter((n) => n.caseNumber === number && 'staff' in n.to);

async function refusal(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? String(error);
  }
  return 'accepted';
}

const draft = (supplierId: string) => ({ fileId: randomUUID(), paymentRequisites: 'АО «ЦЭСК», ИНН 7700000000, р/с 40702810900000000001, БИК 044525225', accountNumber: 'ЛС-0012345', supplierId });

async function start(supplierTermSeconds: number) {
  const input = applicationInput(longTerms({ supplierDraftContract: { amount: supplierTermSeconds, unit: 'seconds' } }));
  const handle = await procedure().env.client.workflow.start(connectionApplicationWorkflow, { taskQueue: procedure().taskQueue, workflowId: `application-${input.applicationId}`, args: [input] });
  await expect.poll(() => track(input.applicationId)?.stage, { timeout: 15_000 }).toBe('draftContract');
  // The handover is in the registration's task; the completeness check begins right after it.
  await expect.poll(() => summary(input.applicationId)?.stage, { timeout: 15_000 }).toBe('completenessCheck');
  return { input, handle };
}

describe('the supplier of last resort’s track', () => {
  it('is open only to a supplier in its stage (the table)', () => {
    expect(actionsFor(SUPPLIER_PROCEDURE, 'draftContract', { id: 'x', role: 'supplier' })).toEqual(['postSupplyContract']);
    expect(actionsFor(SUPPLIER_PROCEDURE, 'draftContract', { id: 'x', role: 'staff' })).toEqual([]);
    expect(actionsFor(SUPPLIER_PROCEDURE, 'draftContract', { id: 'x', role: 'applicant' })).toEqual([]);
    expect(actionsFor(SUPPLIER_PROCEDURE, 'contractPosted', { id: 'x', role: 'supplier' })).toEqual([]);
  });

  it('handed over at registration; the supplier posts within its term, the grid’s procedure goes on beside it', async () => {
    await procedure().run(async () => {
      const { input, handle } = await start(3600);
      const id = input.applicationId;
      const t = track(id)!;
      expect(t).toMatchObject({ supplierId: 'gp-center', late: false, posted: null });
      expect(t.deadlineAt - t.handedOverAt).toBe(3600_000);
      expect(events(id).find((e) => e.type === 'supplier-handover')?.title).toContain('Заявка передана гарантирующему поставщику');
      await expect.poll(() => supplierMails(input.number), { timeout: 10_000 }).toContain(`Заявка передана гарантирующему поставщику (${input.supplier.name})`);

      // The grid's procedure does not wait on the supplier.
      // By then the registration is long past: the handover was the supplier's only e-mail about it.
      expect(supplierMails(input.number)).toEqual([`Заявка передана гарантирующему поставщику (${input.supplier.name})`]);
      const view = await handle.executeUpdate(applicationUpdates.acceptComplete, { args: [{ actor: STAFF, input: {} }] });
      expect(view.stage).toBe('preparingDocuments');

      // Only the case's own supplier, only a supplier, only with a complete input.
      expect(await refusal(handle.executeUpdate(postSupplyContractUpdate, { args: [{ actor: supplierUser, input: draft('gp-region') }] }))).toBe('Заявка передана другому гарантирующему поставщику');
      expect(await refusal(handle.executeUpdate(postSupplyContractUpdate, { args: [{ actor: STAFF, input: draft('gp-center') }] }))).toMatch(/гарантирующий поставщик/);
      expect(await refusal(handle.executeUpdate(postSupplyContractUpdate, { args: [{ actor: supplierUser, input: { ...draft('gp-center'), accountNumber: '' } }] }))).toBe('Укажите номер лицевого счёта');

      const posted = draft('gp-center');
      await handle.executeUpdate(postSupplyContractUpdate, { args: [{ actor: supplierUser, input: posted }] });
      expect(track(id)).toMatchObject({ stage: 'contractPosted', late: false, posted: { fileId: posted.fileId, accountNumber: 'ЛС-0012345', by: { name: supplierUser.name } } });
      expect(events(id).find((e) => e.type === 'supply-contract-posted')).toMatchObject({ actor: supplierUser, data: { late: false } });
      await expect.poll(() => procedure().recorded.notices.some((n) => n.caseNumber === input.number && 'userId' in n.to && n.title === 'Гарантирующий поставщик разместил проект договора энергоснабжения'), { timeout: 10_000 }).toBe(true);
      // Posted once.
      expect(await refusal(handle.executeUpdate(postSupplyContractUpdate, { args: [{ actor: supplierUser, input: draft('gp-center') }] }))).toBe('Проект договора энергоснабжения уже размещён');
      expect((await handle.query(applicationViewQuery)).stage).toBe('preparingDocuments');
      await handle.terminate('test done');
    });
  });

  it('a missed term is the supplier’s lateness only: the supplier and grid staff are told, the case is not the grid’s overdue', async () => {
    await procedure().run(async () => {
      const { input, handle } = await start(2);
      const id = input.applicationId;
      await expect.poll(() => track(id)?.late, { timeout: 15_000 }).toBe(true);
      const late = events(id).find((e) => e.type === 'supplier-late')!;
      expect(late.data).toMatchObject({ party: 'supplier', supplierId: 'gp-center' });
      expect(late.title).toMatch(/просрочка гарантирующего поставщика/);
      expect(summary(id)?.overdue).toBe(false);
      expect(summary(id)?.lateParty ?? null).toBeNull();
      expect(events(id).some((e) => e.type === 'overdue')).toBe(false);
      await expect.poll(() => supplierMails(input.number).some((t) => t.includes('не разместил проект договора')), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => staffNotices(input.number).some((n) => n.body.includes('просрочка гарантирующего поставщика, не сетевой организации и не заявителя')), { timeout: 10_000 }).toBe(true);
      // A late draft is still taken, and recorded as late.
      await handle.executeUpdate(postSupplyContractUpdate, { args: [{ actor: supplierUser, input: draft('gp-center') }] });
      expect(track(id)).toMatchObject({ stage: 'contractPosted', late: true });
      expect(events(id).find((e) => e.type === 'supply-contract-posted')?.data).toMatchObject({ late: true });
      await handle.terminate('test done');
    });
  });

  it('withdrawal cancels the track and tells the supplier; the case then closes', async () => {
    await procedure().run(async () => {
      const { input, handle } = await start(3600);
      const id = input.applicationId;
      const applicant: Actor = { ...input.applicant, role: 'applicant' };
      await handle.executeUpdate(applicationUpdates.withdraw, { args: [{ actor: applicant, input: { reason: 'Передумал' } }] });
      expect(await handle.result()).toBe('withdrawn');
      expect(track(id)).toMatchObject({ stage: 'cancelled', posted: null });
      expect(track(id)!.cancelledAt).not.toBeNull();
      await expect.poll(() => supplierMails(input.number), { timeout: 10_000 }).toContain('Передача заявки гарантирующему поставщику прекращена');
      expect(await refusal(handle.executeUpdate(postSupplyContractUpdate, { args: [{ actor: supplierUser, input: draft('gp-center') }] }))).not.toBe('accepted');
    });
  });
});
