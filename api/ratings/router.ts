// «Оценить качество»: the applicant rates completed stages and closed appeals;
// staff, supervisors and auditors read the summary.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { periodProblem, RATING_STAGES, ratingFormSchema, ratingSummaryInputSchema } from '../../domain/rating';
import { rateableFor, ratingSummary, submitRating } from './service';
import { groupProcedure, router } from '../trpc';

const applicantProcedure = groupProcedure('applicants');
const readers = groupProcedure('readers');

const submitInput = ratingFormSchema.extend({
  caseId: z.uuid('Не указано, что оценивается'),
  stage: z.enum(RATING_STAGES, { error: 'Такой этап нельзя оценить' }),
});

export const ratingsRouter = router({
  rateable: applicantProcedure.query(({ ctx }) => rateableFor(ctx, ctx.user.id)),

  submit: applicantProcedure.input(submitInput).mutation(({ ctx, input }) => submitRating(ctx, ctx.user.id, input)),

  summary: readers.input(ratingSummaryInputSchema).query(({ ctx, input }) => {
    const problem = periodProblem(input.from, input.to);
    if (problem) throw new TRPCError({ code: 'BAD_REQUEST', message: problem, cause: Object.assign(new Error(problem), { field: 'to' }) });
    return ratingSummary(ctx, input);
  }),
});
