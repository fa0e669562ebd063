// The connection-cost calculator: open to everyone, logged in or not.
import { calculatorInputSchema } from '../../domain/fees';
import { publicProcedure, router } from '../trpc';
import { dateInputSchema, feeFor, regionsOn } from './pages';

export const calculatorRouter = router({
  /** Regions that have a tariff set in force on the date (today by default), with that set. */
  regions: publicProcedure.input(dateInputSchema).query(({ ctx, input }) => regionsOn(ctx.db, input)),

  calculate: publicProcedure.input(calculatorInputSchema).query(({ ctx, input }) => feeFor(ctx.db, input)),
});
