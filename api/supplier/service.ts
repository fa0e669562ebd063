// The supplier of last resort's narrow view (issue 18 item 5): only the cases
// handed over to the user's own organisation (applications.supplier_id, set by
// the projection once the workflow hands the case over), with what the
// supplier needs to prepare the supply contract, and the posting of its draft.
// Another supplier's case is answered exactly like a missing one.
import { TRPCError } from '@trpc/server';
import { Op } from 'sequelize';
import type { z } from 'zod';
import { CATEGORY_LABELS, SUPPLIERS } from '../../domain/application';
import type { postSupplyContractSchema } from '../../domain/supply-contract';
import { SUPPLY_CONTRACT_KIND } from '../../activities/supplier';
import type { UserRecord } from '../../db/models';
import type { Application } from '../../db/models';
import { applicationWorkflowId } from '../../workflows/application/contract';
import { postSupplyContractUpdate } from '../../workflows/application/supplier-track';
import { executeCaseAction } from '../cases/commands';
import type { ApiServices } from '../context';
import { actorOf } from '../applications/service';

type Caller = ApiServices & { user: UserRecord };

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена среди переданных вашей организации' });

function supplierOf(user: UserRecord): string {
  if (!user.supplierId) throw new TRPCError({ code: 'FORBIDDEN', message: 'Учётная запись не привязана к гарантирующему поставщику: обратитесь к администратору' });
  return user.supplierId;
}

/** What the supplier sees of a case: the object, the applicant's name, the dates, its own term and what it posted. */
function supplierCase(a: Application) {
  const t = a.supplierTrack!;
  return {
    id: a.id,
    number: a.number,
    applicantName: a.applicantName,
    category: CATEGORY_LABELS[a.category] ?? a.category,
    objectName: a.objectName,
    objectAddress: a.objectAddress,
    maxPowerKw: Number(a.maxPowerKw),
    submittedAt: a.submittedAt.toISOString(),
    status: a.status,
    handedOverAt: new Date(t.handedOverAt).toISOString(),
    deadlineAt: new Date(t.deadlineAt).toISOString(),
    stage: t.stage,
    late: t.late,
    cancelledAt: t.cancelledAt === null ? null : new Date(t.cancelledAt).toISOString(),
    posted: t.posted ? { at: new Date(t.posted.at).toISOString(), filename: t.posted.filename, fileId: t.posted.fileId, accountNumber: t.posted.accountNumber, paymentRequisites: t.posted.paymentRequisites } : null,
  };
}
export type SupplierCase = ReturnType<typeof supplierCase>;

export async function supplierCases(ctx: Caller): Promise<{ supplierName: string; cases: SupplierCase[] }> {
  const supplierId = supplierOf(ctx.user);
  const rows = await ctx.db.Application.findAll({ where: { supplierId, supplierTrack: { [Op.ne]: null } }, order: [['submittedAt', 'DESC']], limit: 200 });
  return { supplierName: SUPPLIERS.find((s) => s.id === supplierId)?.name ?? supplierId, cases: rows.map(supplierCase) };
}

export async function supplierCaseOf(ctx: Caller, id: string): Promise<SupplierCase> {
  const supplierId = supplierOf(ctx.user);
  const row = await ctx.db.Application.findOne({ where: { id, supplierId, supplierTrack: { [Op.ne]: null } } });
  if (!row) throw notFound();
  return supplierCase(row);
}

/** The draft contract: the file must be this user's own unattached PDF upload; the workflow checks the supplier and the stage again. */
export async function postSupplyContract(ctx: Caller, input: { id: string } & z.output<typeof postSupplyContractSchema>): Promise<SupplierCase> {
  const supplierId = supplierOf(ctx.user);
  await supplierCaseOf(ctx, input.id);
  const file = await ctx.db.Document.findOne({ where: { id: input.fileId, ownerId: ctx.user.id, kind: SUPPLY_CONTRACT_KIND, caseId: null } });
  if (!file) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Загрузите проект договора (файл PDF) заново: файл не найден среди ваших загрузок' });
  const { id, ...fields } = input;
  await executeCaseAction(ctx, applicationWorkflowId(id), postSupplyContractUpdate as never, actorOf(ctx.user), { ...fields, supplierId });
  // Read your writes: the workflow answers once the projection is stored.
  return supplierCaseOf(ctx, id);
}
