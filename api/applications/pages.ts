// What the application procedures answer and do beyond submission: drafts, the
// case page for the applicant and for staff, and actions with their attachments.
// Each is the one call of its procedure; reads come from db/read-models/applications.ts.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { applicantActionSchemas, type ApplicantAction, type StaffAction } from '../../domain/application';
import { maskSnils } from '../../domain/identifiers';
import type { UserRecord } from '../../db/models';
import { applicationCase } from '../../db/read-models/applications';
import { canActForApplicant } from '../../domain/case-access';
import { publicUser } from '../accounts/service';
import { recordAccess } from '../audit/access-log';
import type { ApiServices } from '../context';
import { applicantActionsFor, staffActionsFor } from './actions';
import { checkInvoice } from './invoice';
import { staffInputSchema, type PostContractDocumentsInput } from '../../domain/invoice';
import { caseActorOf, sendAction } from './service';
import { staffActorAt } from '../departments/service';

type Caller = ApiServices & { user: UserRecord };

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена' });

export const draftFormSchema = z.record(z.string(), z.unknown()).refine((v) => JSON.stringify(v).length <= 100_000, 'Черновик слишком большой');

export const actionInputSchema = <A extends string>(actions: readonly [A, ...A[]]) => z.object({ id: z.uuid(), action: z.enum(actions), input: z.unknown() });

export async function listDrafts(ctx: Caller) {
  const drafts = await ctx.db.ApplicationDraft.findAll({ where: { userId: ctx.user.id, number: null }, order: [['updatedAt', 'DESC']] });
  return drafts.map((d) => ({ id: d.id, form: d.form, updatedAt: d.updatedAt.toISOString() }));
}

/** The caller's draft, or null: another applicant's draft is answered exactly like a missing one. */
export async function draftOf(ctx: Caller, id: string) {
  const draft = await ctx.db.ApplicationDraft.findOne({ where: { id, userId: ctx.user.id } });
  return draft ? { id: draft.id, form: draft.form, number: draft.number, updatedAt: draft.updatedAt.toISOString() } : null;
}

export async function saveDraft(ctx: Caller, input: { id: string; form: Record<string, unknown> }) {
  const existing = await ctx.db.ApplicationDraft.findByPk(input.id);
  if (existing && existing.userId !== ctx.user.id) throw new TRPCError({ code: 'NOT_FOUND', message: 'Черновик не найден' });
  if (existing?.number) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Заявка уже подана: черновик больше не изменяется' });
  if (existing) await existing.update({ form: input.form });
  else await ctx.db.ApplicationDraft.create({ id: input.id, userId: ctx.user.id, form: input.form });
  return { savedAt: new Date().toISOString() };
}

export async function deleteDraft(ctx: Caller, id: string) {
  await ctx.db.ApplicationDraft.destroy({ where: { id, userId: ctx.user.id, number: null } });
  return { ok: true };
}

/** The applicant's own application with the actions open to them now. */
export async function applicantApplicationPage(ctx: Caller, id: string) {
  const view = await applicationCase(ctx.db, id, ctx.user);
  if (!view) throw notFound();
  return { ...view, actions: applicantActionsFor(view.summary, ctx.paymentsMode), paymentsMode: ctx.paymentsMode };
}

/** Any application for staff and auditors: the reading is recorded first, since the page carries the applicant's personal data. */
export async function staffApplicationPage(ctx: Caller, id: string) {
  const view = await applicationCase(ctx.db, id, null);
  if (!view) throw notFound();
  const { summary } = view;
  await recordAccess(ctx.db, { userId: ctx.user.id, role: ctx.user.role, action: 'view-case', caseId: summary.id, caseNumber: summary.number, detail: 'Карточка заявки с персональными данными заявителя' });
  const [draft, applicant] = await Promise.all([ctx.db.ApplicationDraft.findByPk(id), ctx.db.User.findByPk(summary.applicantId)]);
  const person = applicant ? publicUser(applicant) : null;
  const actor = await staffActorAt(ctx, summary.stage);
  return {
    ...view,
    form: draft?.form ?? {},
    applicant: person ? { ...person, snilsMasked: applicant?.snils ? maskSnils(applicant.snils) : null } : null,
    // A case another holds offers its actions only to its holder or a supervisor of the stage's department (issue 20).
    actions: staffActionsFor(summary, { ...ctx.user, supervisor: actor.supervisor === true }),
    /** The user may hand the case to a staff member: a supervisor of the stage's department, or an admin. */
    supervises: actor.role === 'admin' || actor.supervisor === true,
  };
}

/** An applicant's action on their own application; the files it carries join the case. */
export async function applicantAct(ctx: Caller, input: { id: string; action: ApplicantAction; input: unknown }) {
  const application = await ctx.db.Application.findByPk(input.id);
  if (!application || !canActForApplicant(ctx.user, application)) throw notFound();
  if ((input.action === 'payInvoice' || input.action === 'payInstalment') && ctx.paymentsMode !== 'test') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Оплата подтверждается банком или сотрудником сетевой организации' });
  }
  const parsed = applicantActionSchemas[input.action].safeParse(input.input ?? {});
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.issues[0]!.message, cause: parsed.error });
  if (input.action === 'supplyMissingData') await linkAttachments(ctx, input.id, parsed.data as { attachments: Array<{ id: string }> });
  return sendAction(ctx, input.id, input.action, caseActorOf(ctx.user, application), parsed.data);
}

/** A staff member's action on any application. */
export async function staffAct(ctx: Caller, input: { id: string; action: StaffAction; input: unknown }) {
  const parsed = staffInputSchema(input.action).safeParse(input.input ?? {});
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.issues[0]!.message, cause: parsed.error });
  const application = await ctx.db.Application.findByPk(input.id, { attributes: ['id', 'stage'] });
  if (!application) throw notFound();
  if (input.action === 'postContractDocuments') await checkInvoice(ctx, input.id, parsed.data as PostContractDocumentsInput, ctx.user);
  // The actor says whether they supervise the stage's department: the workflow lets a supervisor act on a case another holds.
  return sendAction(ctx, input.id, input.action, await staffActorAt(ctx, application.stage), parsed.data);
}

async function linkAttachments(ctx: Caller, caseId: string, data: { attachments: Array<{ id: string }> }) {
  const ids = data.attachments.map((a) => a.id);
  if (!ids.length) return;
  const [linked] = await ctx.db.Document.update({ caseId }, { where: { id: ids, ownerId: ctx.user.id, caseId: null } });
  const alreadyLinked = await ctx.db.Document.count({ where: { id: ids, ownerId: ctx.user.id, caseId } });
  if (alreadyLinked !== ids.length && linked !== ids.length) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Файл не найден: загрузите его заново' });
}
