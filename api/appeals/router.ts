// The applicant's side of appeals: file, list, read, and reply / confirm / disagree.
import { z } from 'zod';
import { APPEAL_APPLICANT_ACTIONS, appealFormSchema, type AppealApplicantAction } from '../../domain/appeal';
import { pageInputSchema } from '../../domain/lists';
import { applicantAppealsPage } from '../../db/read-models/appeals';
import { actionInputSchema } from '../applications/pages';
import { groupProcedure, router } from '../trpc';
import { actOnAppeal, applicantAppealPage } from './pages';
import { fileAppeal } from './service';

const applicants = groupProcedure('applicants');
const applicantActions = Object.keys(APPEAL_APPLICANT_ACTIONS) as [AppealApplicantAction, ...AppealApplicantAction[]];

export const appealsRouter = router({
  create: applicants
    // forPoaId: filed by a representative for the principal of that power of attorney (domain/representation.ts).
    .input(z.object({ id: z.uuid(), form: appealFormSchema, forPoaId: z.uuid().optional() }))
    .mutation(({ ctx, input }) => fileAppeal(ctx, ctx.user, input.id, input.form, { channel: 'electronic', registeredBy: null, forPoaId: input.forPoaId })),

  list: applicants.input(pageInputSchema).query(({ ctx, input }) => applicantAppealsPage(ctx.db, ctx.user, input)),

  get: applicants.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => applicantAppealPage(ctx, input.id)),

  act: applicants.input(actionInputSchema(applicantActions)).mutation(({ ctx, input }) => actOnAppeal(ctx, input)),
});
