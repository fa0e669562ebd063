// The applicant's side of appeals: file, list, read, and reply / confirm / disagree.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { APPEAL_APPLICANT_ACTIONS, appealActionSchemas, appealFormSchema, type AppealApplicantAction } from '../../domain/appeal';
import { actorOf } from '../applications/service';
import { appealApplicantActions, appealCase, appealSummary, attachmentIdsOf, fileAppeal, sendAppealAction } from './service';
import { roleProcedure, router } from '../trpc';

const applicantProcedure = roleProcedure('applicant');
const applicantAction = z.enum(Object.keys(APPEAL_APPLICANT_ACTIONS) as [AppealApplicantAction, ...AppealApplicantAction[]]);

export const appealsRouter = router({
  create: applicantProcedure
    .input(z.object({ id: z.uuid(), form: appealFormSchema }))
    .mutation(({ ctx, input }) => fileAppeal(ctx, ctx.user, input.id, input.form, { channel: 'electronic', registeredBy: null })),

  list: applicantProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.Appeal.findAll({ where: { applicantId: ctx.user.id }, order: [['registeredAt', 'DESC']] });
    return rows.map(appealSummary);
  }),

  get: applicantProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const appeal = await ctx.db.Appeal.findOne({ where: { id: input.id, applicantId: ctx.user.id } });
    if (!appeal) throw new TRPCError({ code: 'NOT_FOUND', message: 'Обращение не найдено' });
    return { ...(await appealCase(ctx, appeal)), actions: appealApplicantActions(appeal) };
  }),

  act: applicantProcedure.input(z.object({ id: z.uuid(), action: applicantAction, input: z.unknown() })).mutation(async ({ ctx, input }) => {
    const appeal = await ctx.db.Appeal.findOne({ where: { id: input.id, applicantId: ctx.user.id } });
    if (!appeal) throw new TRPCError({ code: 'NOT_FOUND', message: 'Обращение не найдено' });
    const parsed = appealActionSchemas[input.action].safeParse(input.input ?? {});
    if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.issues[0]!.message, cause: parsed.error });
    const ids = attachmentIdsOf(parsed.data);
    if (ids.length) await ctx.db.Document.update({ caseId: appeal.id, stage: appeal.stage }, { where: { id: ids, ownerId: ctx.user.id, caseId: null } });
    return sendAppealAction(ctx, appeal.id, input.action, actorOf(ctx.user), parsed.data);
  }),
});
