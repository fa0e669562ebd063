// The staff workspace for applications: the queue, the full case, the actions of each stage.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { STAFF_ACTIONS, staffActionSchemas, type StaffAction } from '../../domain/application';
import { applicationQueueInputSchema } from '../../domain/lists';
import { maskSnils } from '../../domain/identifiers';
import { applicationQueuePage, staffDashboard } from './lists';
import { applicationCase, actorOf, sendAction, staffActionsFor } from './service';
import { publicUser } from '../accounts/service';
import { recordAccess } from '../audit/access-log';
import { roleProcedure, router } from '../trpc';

const readers = roleProcedure('staff', 'admin', 'auditor');
const actors = roleProcedure('staff', 'admin');
const staffAction = z.enum(Object.keys(STAFF_ACTIONS) as [StaffAction, ...StaffAction[]]);

export const staffApplicationsRouter = router({
  queue: readers.input(applicationQueueInputSchema).query(({ ctx, input }) => applicationQueuePage(ctx.db, input)),

  dashboard: readers.query(({ ctx }) => staffDashboard(ctx.db)),

  get: readers.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    const view = await applicationCase(ctx.db, input.id, null);
    if (!view) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена' });
    const { summary } = view;
    await recordAccess(ctx.db, { userId: ctx.user.id, role: ctx.user.role, action: 'view-case', caseId: summary.id, caseNumber: summary.number, detail: 'Карточка заявки с персональными данными заявителя' });
    const [draft, applicant] = await Promise.all([ctx.db.ApplicationDraft.findByPk(input.id), ctx.db.User.findByPk(summary.applicantId)]);
    const person = applicant ? publicUser(applicant) : null;
    return {
      ...view,
      form: draft?.form ?? {},
      applicant: person ? { ...person, snilsMasked: applicant?.snils ? maskSnils(applicant.snils) : null } : null,
      actions: ctx.user.role === 'auditor' ? [] : staffActionsFor(view.summary.stage),
    };
  }),

  act: actors.input(z.object({ id: z.uuid(), action: staffAction, input: z.unknown() })).mutation(async ({ ctx, input }) => {
    const parsed = staffActionSchemas[input.action].safeParse(input.input ?? {});
    if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', message: parsed.error.issues[0]!.message, cause: parsed.error });
    if (!(await ctx.db.Application.count({ where: { id: input.id } }))) throw new TRPCError({ code: 'NOT_FOUND', message: 'Заявка не найдена' });
    return sendAction(ctx, input.id, input.action, actorOf(ctx.user), parsed.data);
  }),
});
