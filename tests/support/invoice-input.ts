// What tests send with «postContractDocuments» since the invoice is computed
// (domain/invoice.ts): the tariff region and the construction scope, and, where
// a test needs a known fee (penalties, payments), a correction with its reason.
import type { ConstructionScopeInput } from '../../domain/fees';

/** The sample tariff sets every database has (db/migrations/0004_tariffs.ts). */
export const SAMPLE_TARIFF_REGION = 'Регион-образец';

/** No construction, no meter: the invoice is C1 of the set in force, with its VAT. */
export const NO_CONSTRUCTION = { tariffRegion: SAMPLE_TARIFF_REGION, meteringType: 'none' } as const satisfies ConstructionScopeInput & { tariffRegion: string };

/** The computed invoice corrected to a known total, with a written reason (as staff must give one). */
export function invoiceOf(amountRub: number) {
  return { ...NO_CONSTRUCTION, correction: { amountRub, reason: 'Сумма задана условиями теста' } };
}
