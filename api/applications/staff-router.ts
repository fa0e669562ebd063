// The staff workspace for applications: the queue, the full case, the actions of each stage.
import { z } from 'zod';
import { STAFF_ACTIONS, type StaffAction } from '../../domain/application';
import { applicationQueueInputSchema } from '../../domain/lists';
import { applicationQueuePage, staffDashboard } from '../../db/read-models/applications';
import { groupProcedure, router } from '../trpc';
import { actionInputSchema, staffAct, staffApplicationPage } from './pages';
import { penaltyReportFor } from './penalties';
import { invoicePreview, invoicePreviewInputSchema, invoiceRegions } from './invoice';

const readers = groupProcedure('readers');
const actors = groupProcedure('staff');
const staffActions = Object.keys(STAFF_ACTIONS) as [StaffAction, ...StaffAction[]];

export const staffApplicationsRouter = router({
  queue: readers.input(applicationQueueInputSchema).query(({ ctx, input }) => applicationQueuePage(ctx.db, input)),

  dashboard: readers.query(({ ctx }) => staffDashboard(ctx.db)),

  get: readers.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => staffApplicationPage(ctx, input.id)),

  act: actors.input(actionInputSchema(staffActions)).mutation(({ ctx, input }) => staffAct(ctx, input)),

  /** The invoice «postContractDocuments» would post, computed from the tariff as the workflow will (with the correction, if any). */
  invoicePreview: actors.input(invoicePreviewInputSchema).query(({ ctx, input }) => invoicePreview(ctx, input)),

  /** The regions with a tariff set in force on the day the application was registered. */
  invoiceRegions: readers.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => invoiceRegions(ctx, input.id)),

  /** The report of accrued penalties (п.16 «в»), as of today. */
  penalties: readers.query(({ ctx }) => penaltyReportFor(ctx.db)),
});
