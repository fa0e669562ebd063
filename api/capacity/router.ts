// Free transformer capacity of supply centres: everyone searches the version in force
// by settlement; staff see the versions; admins load a new one (CSV, checked row by row).
import { z } from 'zod';
import { capacityImportInputSchema, prepareCapacityImport } from '../../domain/capacity';
import { capacityInForce, capacityVersions, storeCapacityVersion } from '../../db/read-models/capacity';
import { groupProcedure, publicProcedure, router } from '../trpc';

const SEARCH_LIMIT = 200;

export const capacityRouter = router({
  search: publicProcedure
    .input(z.object({ settlement: z.string().trim().max(100, 'Населённый пункт: не длиннее 100 символов').default('') }))
    .query(({ ctx, input }) => capacityInForce(ctx.db, input.settlement, SEARCH_LIMIT)),

  versions: groupProcedure('readers').query(({ ctx }) => capacityVersions(ctx.db)),

  /** One bad row and nothing is stored; the report names the line and the column. */
  import: groupProcedure('admins')
    .input(capacityImportInputSchema)
    .mutation(async ({ ctx, input }) => {
      const prepared = prepareCapacityImport(input.content);
      if (!prepared.ok) return { status: 'invalid' as const, problems: prepared.problems };
      const id = await storeCapacityVersion(ctx.db, { asOf: input.asOf, source: input.source }, prepared.rows, ctx.user.id);
      return { status: 'imported' as const, id, rowCount: prepared.rows.length };
    }),
});
