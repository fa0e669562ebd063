// «Открытые данные»: the lead-time dashboard and the disclosure report, public
// like the calculator and the outage schedule (no account needed).
import { z } from 'zod';
import { quarterSchema } from '../../domain/transparency';
import { publicProcedure, router } from '../trpc';
import { disclosureFor, leadTimesFor } from './service';

const quarterInput = z.object({ quarter: quarterSchema });

export const transparencyRouter = router({
  /** Stage lead times and appeal answer times for a quarter, with the open-data CSV. */
  leadTimes: publicProcedure.input(quarterInput).query(({ ctx, input }) => leadTimesFor(ctx.db, input.quarter)),

  /** The quarterly connection report of the disclosure standards, with its CSV. */
  disclosure: publicProcedure.input(quarterInput).query(({ ctx, input }) => disclosureFor(ctx.db, input.quarter)),
});
