// The applicant's side: drafts, submission, «Поданные заявки», the case page and its actions.
import { z } from 'zod';
import { applicationFormSchema, APPLICANT_ACTIONS, type ApplicantAction } from '../../domain/application';
import { pageInputSchema } from '../../domain/lists';
import { applicantApplicationsPage, applicantDashboard } from '../../db/read-models/applications';
import { groupProcedure, router } from '../trpc';
import { actionInputSchema, applicantAct, applicantApplicationPage, deleteDraft, draftFormSchema, draftOf, listDrafts, saveDraft } from './pages';
import { fileClaimAsComplaint } from './penalties';
import { submitApplication } from './service';

const applicants = groupProcedure('applicants');
const applicantActions = Object.keys(APPLICANT_ACTIONS) as [ApplicantAction, ...ApplicantAction[]];
const byId = z.object({ id: z.uuid() });

export const applicationsRouter = router({
  drafts: applicants.query(({ ctx }) => listDrafts(ctx)),

  draft: applicants.input(byId).query(({ ctx, input }) => draftOf(ctx, input.id)),

  saveDraft: applicants.input(z.object({ id: z.uuid(), form: draftFormSchema })).mutation(({ ctx, input }) => saveDraft(ctx, input)),

  deleteDraft: applicants.input(byId).mutation(({ ctx, input }) => deleteDraft(ctx, input.id)),

  // forPoaId: filed by a representative for the principal of that power of attorney (domain/representation.ts).
  submit: applicants
    .input(z.object({ draftId: z.uuid(), form: applicationFormSchema, forPoaId: z.uuid().optional() }))
    .mutation(({ ctx, input }) => submitApplication(ctx, ctx.user, input.draftId, input.form, input.forPoaId)),

  list: applicants.input(pageInputSchema).query(({ ctx, input }) => applicantApplicationsPage(ctx.db, ctx.user, input)),

  dashboard: applicants.query(({ ctx }) => applicantDashboard(ctx.db, ctx.user)),

  get: applicants.input(byId).query(({ ctx, input }) => applicantApplicationPage(ctx, input.id)),

  act: applicants.input(actionInputSchema(applicantActions)).mutation(({ ctx, input }) => applicantAct(ctx, input)),

  /** «Подать претензию как жалобу»: the penalty claim filed as a complaint linked to the application; appealId is the client's, for retries. */
  fileClaim: applicants
    .input(z.object({ id: z.uuid(), appealId: z.uuid() }))
    .mutation(({ ctx, input }) => fileClaimAsComplaint(ctx, ctx.user, { applicationId: input.id, appealId: input.appealId })),
});
