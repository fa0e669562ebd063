// The staff side of appeals: the inbox with filters, the case, assignment,
// clarification and the answer, templates, and the Order 186 report.
import { z } from 'zod';
import { APPEAL_STAFF_ACTIONS, type AppealStaffAction } from '../../domain/appeal';
import { actionInputSchema } from '../applications/pages';
import { groupProcedure, router } from '../trpc';
import {
  actOnAppeal,
  appealInbox,
  appealInboxInputSchema,
  appealReportFor,
  assignableStaff,
  registerAppealOnBehalf,
  reportPeriodSchema,
  staffAppealPage,
  staffRegistrationInputSchema,
} from './pages';

const readers = groupProcedure('readers');
const actors = groupProcedure('staff');
const staffActions = Object.keys(APPEAL_STAFF_ACTIONS) as [AppealStaffAction, ...AppealStaffAction[]];

export const staffAppealsRouter = router({
  inbox: readers.input(appealInboxInputSchema).query(({ ctx, input }) => appealInbox(ctx, input)),

  get: readers.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => staffAppealPage(ctx, input.id)),

  /** Who can be assigned: staff members and supervisors who are not blocked. */
  assignees: readers.query(({ ctx }) => assignableStaff(ctx)),

  act: actors.input(actionInputSchema(staffActions)).mutation(({ ctx, input }) => actOnAppeal(ctx, input)),

  /** An appeal received in writing or orally, registered by staff for an existing applicant. */
  register: actors.input(staffRegistrationInputSchema).mutation(({ ctx, input }) => registerAppealOnBehalf(ctx, input)),

  report: readers.input(reportPeriodSchema).query(({ ctx, input }) => appealReportFor(ctx, input)),
});
