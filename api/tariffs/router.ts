// Tariff sets: staff read them, admins load new ones (CSV or JSON) with a row-by-row report.
import { z } from 'zod';
import { groupProcedure, router } from '../trpc';
import { importTariffs, listTariffSets, tariffImportInputSchema, tariffSetPage } from './pages';

const readers = groupProcedure('readers');
const admins = groupProcedure('admins');

export const tariffsRouter = router({
  list: readers.query(({ ctx }) => listTariffSets(ctx.db)),

  get: readers.input(z.object({ id: z.uuid('Неверный идентификатор набора') })).query(({ ctx, input }) => tariffSetPage(ctx.db, input.id)),

  /** All rows are checked first; one bad row and nothing is stored. */
  import: admins.input(tariffImportInputSchema).mutation(({ ctx, input }) => importTariffs(ctx.db, input, ctx.user.id)),
});
