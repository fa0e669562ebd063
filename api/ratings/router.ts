// «Оценить качество»: the applicant rates completed stages and closed appeals;
// staff, supervisors and auditors read the summary.
import { z } from 'zod';
import { RATING_STAGES, ratingFormSchema, ratingSummaryInputSchema } from '../../domain/rating';
import { rateableFor, ratingSummary, submitRating } from './service';
import { groupProcedure, router } from '../trpc';

const applicantProcedure = groupProcedure('applicants');
const readers = groupProcedure('readers');

const submitInput = ratingFormSchema.extend({
  caseId: z.uuid('Не указано, что оценивается'),
  stage: z.enum(RATING_STAGES, { error: 'Такой этап нельзя оценить' }),
});

export const ratingsRouter = router({
  rateable: applicantProcedure.query(({ ctx }) => rateableFor(ctx, ctx.user)),

  submit: applicantProcedure.input(submitInput).mutation(({ ctx, input }) => submitRating(ctx, ctx.user, input)),

  summary: readers.input(ratingSummaryInputSchema).query(({ ctx, input }) => ratingSummary(ctx, input)),
});
