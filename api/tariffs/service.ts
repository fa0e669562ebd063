// Tariff sets in Postgres: which set is in force, loading one as the pure
// domain Tariff, and storing an import in one transaction.
import { randomUUID } from 'node:crypto';
import { Op } from 'sequelize';
import type { Db } from '../../db';
import type { TariffRate as TariffRateRow, TariffSet } from '../../db/models';
import type { IsoDate } from '../../domain/calendar';
import { kopToDecimal, parseRubToKop } from '../../domain/money';
import type { ImportedRate } from '../../domain/tariff-import';
import { TARIFF_ITEM_INFO, type TariffRate, type TariffSetInfo, type TariffSetMeta } from '../../domain/tariffs';

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
  return {
    category: row.category,
    territory: row.territory,
    voltageClass: row.voltageClass,
    item: row.item,
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

/** Stores a checked import: the set and all its rates, or nothing. */
export async function storeTariffSet(db: Db, meta: TariffSetMeta, rates: readonly ImportedRate[], importedBy: string): Promise<TariffSetInfo> {
  const id = randomUUID();
  const set = await db.sequelize.transaction(async (transaction) => {
    const created = await db.TariffSet.create(
      {
        id,
        region: meta.region,
        title: meta.title,
        validFrom: meta.validFrom,
        validTo: meta.validTo,
        decision: meta.decision,
        sample: meta.sample,
        source: meta.source,
        vatRatePercent: String(meta.vatRatePercent),
        preferentialRatePerKw: meta.preferentialRatePerKw === null ? null : meta.preferentialRatePerKw.toFixed(2),
        preferentialRateVatIncluded: meta.preferentialRateVatIncluded,
        importedBy,
      },
      { transaction },
    );
    await db.TariffRate.bulkCreate(
      rates.map((r) => ({
        setId: id,
        category: r.category,
        territory: r.territory,
        voltageClass: r.voltageClass,
        item: r.item,
        rate: kopToDecimal(r.rateKop),
        unit: TARIFF_ITEM_INFO[r.item].unit,
        vatIncluded: r.vatIncluded,
        note: r.note,
        line: r.line,
      })),
      { transaction },
    );
    return created;
  });
  return tariffSetInfo(set);
}
