// The connection-cost calculator: open to everyone, logged in or not.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { formatRuDate, isIsoDate, moscowDate } from '../../domain/calendar';
import { calculateFee, calculatorInputSchema, FeeError } from '../../domain/fees';
import { regionsInForce, tariffInForce } from './service';
import { publicProcedure, router } from '../trpc';

const dateInput = z.object({ date: z.string().refine(isIsoDate, 'Дата — в формате ГГГГ-ММ-ДД').optional() }).default({});

export const calculatorRouter = router({
  /** Regions that have a tariff set in force on the date (today by default), with that set. */
  regions: publicProcedure.input(dateInput).query(async ({ ctx, input }) => {
    const date = input.date ?? moscowDate(Date.now());
    return { date, regions: await regionsInForce(ctx.db, date) };
  }),

  calculate: publicProcedure.input(calculatorInputSchema).query(async ({ ctx, input }) => {
    const date = input.date ?? moscowDate(Date.now());
    const tariff = await tariffInForce(ctx.db, input.region, date);
    if (!tariff) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `Для региона «${input.region}» нет тарифов, действующих на ${formatRuDate(date)}: выберите регион из списка`,
        cause: Object.assign(new Error('no tariff'), { field: 'region' }),
      });
    }
    try {
      return { date, ...calculateFee(input, tariff) };
    } catch (error) {
      if (error instanceof FeeError) throw new TRPCError({ code: 'UNPROCESSABLE_CONTENT', message: error.message });
      throw error;
    }
  }),
});
