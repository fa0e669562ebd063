// Storing a checked tariff import in one transaction; reading sets is in
// db/read-models/tariffs.ts.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db';
import { tariffSetInfo } from '../../db/read-models/tariffs';
import { kopToDecimal } from '../../domain/money';
import type { ImportedRate } from '../../domain/tariff-import';
import { ANY, TARIFF_ITEM_INFO, type TariffSetInfo, type TariffSetMeta } from '../../domain/tariffs';

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
        lineType: r.lineType ?? ANY,
        layingMethod: r.layingMethod ?? ANY,
        crossSection: r.crossSection ?? ANY,
        substationType: r.substationType ?? ANY,
        capacity: r.capacity ?? ANY,
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
