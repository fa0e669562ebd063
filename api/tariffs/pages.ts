// What the tariff and calculator procedures answer: the list of sets with their
// rate counts and which is in force today, one set with its rates, an import
// checked row by row, the regions in force and the fee. Each is the one call of
// its procedure; tariffs are read through the models (api/tariffs/service.ts).
import { TRPCError } from '@trpc/server';
import { col, fn } from 'sequelize';
import { z } from 'zod';
import { formatRuDate, isIsoDate, moscowDate } from '../../domain/calendar';
import { calculateFee, FeeError, type calculatorInputSchema } from '../../domain/fees';
import { IMPORT_FORMATS, IMPORT_MAX_CHARS, prepareTariffImport } from '../../domain/tariff-import';
import { rateDetailsLabel, rateKeyLabel, TARIFF_ITEM_INFO, tariffSetMetaSchema } from '../../domain/tariffs';
import type { Db } from '../../db';
import { loadTariff, regionsInForce, tariffInForce, tariffSetInfo, tariffSetInForce } from '../../db/read-models/tariffs';
import { storeTariffSet } from './service';

export const tariffImportInputSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: 'Формат файла — CSV или JSON' }),
  content: z.string().max(IMPORT_MAX_CHARS, 'Файл слишком большой: не больше 2 млн символов'),
  set: tariffSetMetaSchema.optional(),
});

export const dateInputSchema = z.object({ date: z.string().refine(isIsoDate, 'Дата — в формате ГГГГ-ММ-ДД').optional() }).default({});

export async function listTariffSets(db: Db) {
  const sets = await db.TariffSet.findAll({ order: [['region', 'ASC'], ['validFrom', 'DESC'], ['createdAt', 'DESC']] });
  const counts = (await db.TariffRate.findAll({ attributes: ['setId', [fn('count', col('set_id')), 'n']], group: ['setId'], raw: true })) as unknown as Array<{ setId: string; n: string }>;
  const today = moscowDate(Date.now());
  const inForce = new Set<string>();
  for (const region of new Set(sets.map((s) => s.region))) {
    const set = await tariffSetInForce(db, region, today);
    if (set) inForce.add(set.id);
  }
  return sets.map((s) => ({
    ...tariffSetInfo(s),
    rateCount: Number(counts.find((c) => c.setId === s.id)?.n ?? 0),
    inForceToday: inForce.has(s.id),
    createdAt: s.createdAt.toISOString(),
  }));
}

export async function tariffSetPage(db: Db, id: string) {
  const set = await db.TariffSet.findByPk(id);
  if (!set) throw new TRPCError({ code: 'NOT_FOUND', message: 'Набор тарифов не найден' });
  const tariff = await loadTariff(db, set);
  return {
    ...tariff,
    createdAt: set.createdAt.toISOString(),
    rates: tariff.rates.map((r) => ({
      ...r,
      itemLabel: TARIFF_ITEM_INFO[r.item].label,
      keyLabel: rateKeyLabel({ category: r.category, territory: r.territory, voltageClass: r.voltageClass }),
      /** Line type, laying method, cross-section, substation type and capacity in words; '' when the rate has none. */
      detailsLabel: rateDetailsLabel(r),
    })),
  };
}

/** All rows are checked first; one bad row and nothing is stored. */
export async function importTariffs(db: Db, input: z.output<typeof tariffImportInputSchema>, importedBy: string) {
  const prepared = prepareTariffImport(input);
  if (!prepared.ok) return { status: 'invalid' as const, problems: prepared.problems };
  const set = await storeTariffSet(db, prepared.meta, prepared.rates, importedBy);
  return { status: 'imported' as const, set, rateCount: prepared.rates.length };
}

/** Regions that have a tariff set in force on the date (today by default), with that set. */
export async function regionsOn(db: Db, input: z.output<typeof dateInputSchema>) {
  const date = input.date ?? moscowDate(Date.now());
  return { date, regions: await regionsInForce(db, date) };
}

/** The fee by the tariff in force in the region on the date (today by default). */
export async function feeFor(db: Db, input: z.output<typeof calculatorInputSchema>) {
  const date = input.date ?? moscowDate(Date.now());
  const tariff = await tariffInForce(db, input.region, date);
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
}
