// The staff workspace for applications: the queue, the full case, the actions of each stage.
import { z } from 'zod';
import { STAFF_ACTIONS, type StaffAction } from '../../domain/application';
import { applicationQueueInputSchema } from '../../domain/lists';
import { applicationQueuePage, staffDashboard } from '../../db/read-models/applications';
import { groupProcedure, router } from '../trpc';
import { actionInputSchema, staffAct, staffApplicationPage } from './pages';
import { penaltyReportFor } from './penalties';

const readers = groupProcedure('readers');
const actors = groupProcedure('staff');
const staffActions = Object.keys(STAFF_ACTIONS) as [StaffAction, ...StaffAction[]];

export const staffApplicationsRouter = router({
  queue: readers.input(applicationQueueInputSchema).query(({ ctx, input }) => applicationQueuePage(ctx.db, input)),

  dashboard: readers.query(({ ctx }) => staffDashboard(ctx.db)),

  get: readers.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => staffApplicationPage(ctx, input.id)),

  act: actors.input(actionInputSchema(staffActions)).mutation(({ ctx, input }) => staffAct(ctx, input)),

  /** The report of accrued penalties (п.16 «в»), as of today. */
  penalties: readers.query(({ ctx }) => penaltyReportFor(ctx.db)),
});
