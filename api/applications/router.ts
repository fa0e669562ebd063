// The applicant's side: drafts, submission, «Поданные заявки», the case page and its actions.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { applicantActionSchemas, applicationFormSchema, APPLICANT_ACTIONS, type ApplicantAction } from '../../domain/application';
import { pageInputSchema } from '../../domain/lists';
import { applicantApplicationsPage, applicantDashboard } from './lists';
import { applicantActionsFor, applicationCase, actorOf, sendAction, submitApplication } from './service';
import { roleProcedure, router } from '../trpc';

const applicantProcedure = roleProcedure('applicant');
const draftForm = z.record(z.string(), z.unknown()).refine((v) => JSON.stringify(v).length <= 100_000, 'Черновик слишком большой');
const applicantAction = z.enum(Object.keys(APPLICANT_ACTIONS) as [ApplicantAction, ...ApplicantAction[]]);

export const applicationsRouter = router({
  drafts: applicantProcedure.query(async ({ ctx }) => {
    const drafts = await ctx.db.ApplicationDraft.findAll({ where: { userId: ctx.user.id, number: null }, order: [['updatedAt', 'DESC']] });
    return drafts.map((d) => ({ id: d.id, form: d.form, updatedAt: d.updatedAt.toISOString() }));
  }),

  draft: applicantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const draft = await ctx.db.ApplicationDraft.findOne({ where: { id: input.id, userId: ctx.user.id } });
    return draft ? { id: draft.id, form: draft.form, number: draft.number, updatedAt: draft.updatedAt.toISOString() } : null;
  }),

  saveDraft: applicantProcedure.input(z.object({ id: z.uuid(), form: draftForm })).mutation(async ({ ctx, input }) => {
    const existing = await ctx.db.ApplicationDraft.findByPk(input.id);
    if (existing && existing.userId !== ctx.user.id) throw new TRPCError({ code: 'NOT_FOUND', message: 'Черновик не найден' });
    if (existing?.number) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Заявка уже подана: черновик больше не изменяется' });
    if (existing) await existing.update({ form: input.form });
    else await ctx.db.ApplicationDraft.create({ id: input.id, userId: ctx.user.id, form: input.form });
    return { savedAt: new Date().toISOString() };
  }),

  deleteDraft: applicantProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    await ctx.db.ApplicationDraft.destroy({ where: { id: input.id, userId: ctx.user.id, number: null } });
    return { ok: true };
  }),

  submit: applicantProcedure.input(z.object({ draftId: z.uuid(), form: applicationFormSchema })).mutation(({ ctx, input }) => submitApplication(ctx, ctx.user, input.draftId, input.form)),

  list: applicantProcedure.input(pageInputSchema).query(({ ctx, input }) => applicantApplicationsPage(ctx.db, ctx.user.id, input)),

  dashboard: applicantProcedure.query(({ ctx }) => applicantDashboard(ctx.db, ctx.user.id)),

  get: applicantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const view = await applicationCase(ctx.db, input.id, ctx.user.id);
    if (!view) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена' });
    return { ...view, actions: applicantActionsFor(view.summary.stage, ctx.paymentsMode), paymentsMode: ctx.paymentsMode };
  }),

  act: applicantProcedure.input(z.object({ id: z.uuid(), action: applicantAction, input: z.unknown() })).mutation(async ({ ctx, input }) => {
    const application = await ctx.db.Application.findOne({ where: { id: input.id, applicantId: ctx.user.id } });
    if (!application) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена' });
    if (input.action === 'payInvoice' && ctx.paymentsMode !== 'test') {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Оплата подтверждается банком или сотрудником сетевой организации' });
    }
    const parsed = applicantActionSchemas[input.action].safeParse(input.input ?? {});
    if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.issues[0]!.message, cause: parsed.error });
    if (input.action === 'supplyMissingData') await linkAttachments(ctx, input.id, parsed.data as { attachments: Array<{ id: string }> });
    const view = await sendAction(ctx, input.id, input.action, actorOf(ctx.user), parsed.data);
    return view;
  }),
});

async function linkAttachments(ctx: { db: import('../../db').Db; user: { id: string } }, caseId: string, data: { attachments: Array<{ id: string }> }) {
  const ids = data.attachments.map((a) => a.id);
  if (!ids.length) return;
  const [linked] = await ctx.db.Document.update({ caseId }, { where: { id: ids, ownerId: ctx.user.id, caseId: null } });
  const alreadyLinked = await ctx.db.Document.count({ where: { id: ids, ownerId: ctx.user.id, caseId } });
  if (alreadyLinked !== ids.length && linked !== ids.length) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Файл не найден: загрузите его заново' });
}
