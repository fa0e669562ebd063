// Tariff sets as stored: which set is in force on a date, and loading one as
// the pure domain Tariff. Read by the API (calculator, admin pages) and by the
// invoice activity, so it lives with the other read models.
import { Op } from 'sequelize';
import type { Db } from '..';
import type { TariffRate as TariffRateRow, TariffSet } from '../models';
import type { IsoDate } from '../../domain/calendar';
import { parseRubToKop } from '../../domain/money';
import { ANY, DETAIL_COLUMNS, type RateDetails, type TariffRate, type TariffSetInfo } from '../../domain/tariffs';

/** numeric columns come back as text: converted exactly, and loudly if the database holds something else. */
function kopOf(numeric: string, what: string): number {
  const kop = parseRubToKop(numeric);
  if (kop === null) throw new Error(`Unreadable amount ${JSON.stringify(numeric)} in ${what}`);
  return kop;
}

export function tariffSetInfo(set: TariffSet): TariffSetInfo {
  return {
    id: set.id,
    region: set.region,
    title: set.title,
    validFrom: set.validFrom,
    validTo: set.validTo,
    decision: set.decision,
    sample: set.sample,
    source: set.source,
    vatRatePercent: Number(set.vatRatePercent),
    preferentialRatePerKwKop: set.preferentialRatePerKw === null ? null : kopOf(set.preferentialRatePerKw, `tariff set ${set.id}`),
    preferentialRateVatIncluded: set.preferentialRateVatIncluded,
  };
}

/** A rate as stored: with its unit and its row in the file it came from. */
export type StoredRate = TariffRate & { line: number; unit: string };
export type StoredTariff = TariffSetInfo & { rates: StoredRate[] };

function rateOf(row: TariffRateRow): StoredRate {
  // Only named details, as the import reads them: a rate with '*' everywhere looks as it did before migration 0017.
  const details = Object.fromEntries(DETAIL_COLUMNS.filter((c) => row[c] !== ANY).map((c) => [c, row[c]])) as Partial<RateDetails>;
  return {
    category: row.category,
    territory: row.territory,
    voltageClass: row.voltageClass,
    item: row.item,
    ...details,
    rateKop: kopOf(row.rate, `tariff set ${row.setId}`),
    vatIncluded: row.vatIncluded,
    note: row.note,
    unit: row.unit,
    line: row.line,
  };
}

export async function loadTariff(db: Db, set: TariffSet): Promise<StoredTariff> {
  const rows = await db.TariffRate.findAll({ where: { setId: set.id }, order: [['line', 'ASC']] });
  return { ...tariffSetInfo(set), rates: rows.map(rateOf) };
}

/**
 * The set in force in a region on a date: the one with the latest start on or
 * before it (a later decision supersedes an earlier one), unless its own end
 * has passed. `asOf` answers as the database knew it then: a case filed on a
 * day keeps that day's answer even if a set is loaded later with an earlier
 * start (decisions are often loaded after they take effect).
 */
export async function tariffSetInForce(db: Db, region: string, date: IsoDate, opts: { asOf?: Date } = {}): Promise<TariffSet | null> {
  const set = await db.TariffSet.findOne({
    where: { region, validFrom: { [Op.lte]: date }, ...(opts.asOf ? { createdAt: { [Op.lte]: opts.asOf } } : {}) },
    order: [
      ['validFrom', 'DESC'],
      ['createdAt', 'DESC'],
    ],
  });
  if (!set || (set.validTo !== null && set.validTo < date)) return null;
  return set;
}

export async function tariffInForce(db: Db, region: string, date: IsoDate, opts: { asOf?: Date } = {}): Promise<StoredTariff | null> {
  const set = await tariffSetInForce(db, region, date, opts);
  return set ? loadTariff(db, set) : null;
}

/** Every region with a set in force on the date, with that set. */
export async function regionsInForce(db: Db, date: IsoDate): Promise<TariffSetInfo[]> {
  const regions = (await db.TariffSet.findAll({ attributes: ['region'], group: ['region'], order: [['region', 'ASC']] })).map((r) => r.region);
  const sets = await Promise.all(regions.map((region) => tariffSetInForce(db, region, date)));
  return sets.filter((s): s is TariffSet => s !== null).map(tariffSetInfo);
}
