// «График плановых отключений»: open search, staff import and edits, subscriptions.
import { z } from 'zod';
import { subscriptionSchema } from '../../domain/outages';
import { authedProcedure, groupProcedure, publicProcedure, router } from '../trpc';
import {
  cancelOutage,
  importSchedule,
  outageCancelSchema,
  outageChangeSchema,
  outageCsvSchema,
  outageFilterSchema,
  searchOutages,
  subscribe,
  subscriptionsOf,
  suggestedSubscriptions,
  unsubscribe,
  updateOutage,
} from './pages';

const staff = groupProcedure('staff');

export const outagesRouter = router({
  search: publicProcedure.input(outageFilterSchema).query(({ ctx, input }) => searchOutages(ctx, input)),

  /** A whole schedule from CSV: every bad row is reported and nothing is saved until the file is clean. */
  import: staff.input(outageCsvSchema).mutation(({ ctx, input }) => importSchedule(ctx, input.csv, ctx.user.id)),

  update: staff.input(outageChangeSchema).mutation(({ ctx, input }) => updateOutage(ctx, input)),

  cancel: staff.input(outageCancelSchema).mutation(({ ctx, input }) => cancelOutage(ctx, input)),

  subscriptions: authedProcedure.query(({ ctx }) => subscriptionsOf(ctx.db, ctx.user.id)),

  /** The addresses of the user's applications, offered as subscriptions. */
  suggestions: authedProcedure.query(({ ctx }) => suggestedSubscriptions(ctx.db, ctx.user)),

  subscribe: authedProcedure.input(subscriptionSchema).mutation(({ ctx, input }) => subscribe(ctx.db, ctx.user.id, input)),

  unsubscribe: authedProcedure.input(z.object({ id: z.uuid() })).mutation(({ ctx, input }) => unsubscribe(ctx.db, ctx.user.id, input.id)),
});
