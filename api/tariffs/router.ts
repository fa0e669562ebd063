// Tariff sets: staff read them, admins load new ones (CSV or JSON) with a row-by-row report.
import { TRPCError } from '@trpc/server';
import { QueryTypes } from 'sequelize';
import { z } from 'zod';
import { moscowDate } from '../../domain/calendar';
import { IMPORT_FORMATS, IMPORT_MAX_CHARS, prepareTariffImport } from '../../domain/tariff-import';
import { rateKeyLabel, TARIFF_ITEM_INFO, tariffSetMetaSchema } from '../../domain/tariffs';
import { loadTariff, storeTariffSet, tariffSetInfo, tariffSetInForce } from './service';
import { groupProcedure, router } from '../trpc';

const readers = groupProcedure('readers');
const adminProcedure = groupProcedure('admins');

export const tariffsRouter = router({
  list: readers.query(async ({ ctx }) => {
    const sets = await ctx.db.TariffSet.findAll({ order: [['region', 'ASC'], ['validFrom', 'DESC'], ['createdAt', 'DESC']] });
    const counts = await ctx.db.sequelize.query<{ set_id: string; n: number }>('SELECT set_id, count(*)::int AS n FROM tariff_rates GROUP BY set_id', { type: QueryTypes.SELECT });
    const today = moscowDate(Date.now());
    const inForce = new Set<string>();
    for (const region of new Set(sets.map((s) => s.region))) {
      const set = await tariffSetInForce(ctx.db, region, today);
      if (set) inForce.add(set.id);
    }
    return sets.map((s) => ({
      ...tariffSetInfo(s),
      rateCount: counts.find((c) => c.set_id === s.id)?.n ?? 0,
      inForceToday: inForce.has(s.id),
      createdAt: s.createdAt.toISOString(),
    }));
  }),

  get: readers.input(z.object({ id: z.uuid('Неверный идентификатор набора') })).query(async ({ ctx, input }) => {
    const set = await ctx.db.TariffSet.findByPk(input.id);
    if (!set) throw new TRPCError({ code: 'NOT_FOUND', message: 'Набор тарифов не найден' });
    const tariff = await loadTariff(ctx.db, set);
    return {
      ...tariff,
      createdAt: set.createdAt.toISOString(),
      rates: tariff.rates.map((r) => ({ ...r, itemLabel: TARIFF_ITEM_INFO[r.item].label, keyLabel: rateKeyLabel(r) })),
    };
  }),

  /** All rows are checked first; one bad row and nothing is stored. */
  import: adminProcedure
    .input(
      z.object({
        format: z.enum(IMPORT_FORMATS, { error: 'Формат файла — CSV или JSON' }),
        content: z.string().max(IMPORT_MAX_CHARS, 'Файл слишком большой: не больше 2 млн символов'),
        set: tariffSetMetaSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const prepared = prepareTariffImport(input);
      if (!prepared.ok) return { status: 'invalid' as const, problems: prepared.problems };
      const set = await storeTariffSet(ctx.db, prepared.meta, prepared.rates, ctx.user.id);
      return { status: 'imported' as const, set, rateCount: prepared.rates.length };
    }),
});
