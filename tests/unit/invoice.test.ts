// The computed invoice (domain/invoice.ts) against the calculator itself: the
// same inputs give the same total to the kopeck, VAT follows the tariff set,
// a different total needs a written reason, and a power increase is charged on
// the increment.
import { describe, expect, it } from 'vitest';
import { calculateFee, calculatorInputSchema, constructionScopeSchema, type ConstructionScopeInput } from '../../domain/fees';
import { applicationFactsOf, computeInvoice, correctionIssue, correctionText, invoiceCorrectionSchema, InvoiceError } from '../../domain/invoice';
import { ANY, type Tariff, type TariffRate } from '../../domain/tariffs';

const rate = (item: TariffRate['item'], rub: number, extra: Partial<TariffRate> = {}): TariffRate => ({
  category: ANY,
  territory: ANY,
  voltageClass: ANY,
  item,
  rateKop: Math.round(rub * 100),
  vatIncluded: false,
  note: '',
  ...extra,
});

const RATES: TariffRate[] = [
  rate('C1', 19_745),
  rate('C2', 2_332_446, { voltageClass: '0.4' }),
  rate('C3', 5_069_113, { voltageClass: '0.4' }),
  rate('C5', 9_500),
  rate('C8.1', 2_155.09),
  rate('C8.2', 10_903.35),
  rate('C8.3', 38_500),
];

function tariff(overrides: Partial<Tariff> = {}): Tariff {
  return {
    id: 'test-set',
    region: 'Тестовый регион',
    title: 'Тестовые ставки',
    validFrom: '2026-01-01',
    validTo: null,
    decision: 'Тест',
    sample: true,
    source: 'DOMAIN §4',
    vatRatePercent: 22,
    preferentialRatePerKwKop: 7_000_00,
    preferentialRateVatIncluded: true,
    rates: RATES,
    ...overrides,
  };
}

/** The application form as filed (application_drafts.form: text as typed). */
const householdForm = {
  category: 'individual15',
  reason: 'new',
  maxPowerKw: '15',
  previousPowerKw: '0',
  voltageKv: '0.4',
  reliability: 'III',
  territory: 'urban',
  distanceToNetworkM: '150',
};

const scope = (input: ConstructionScopeInput) => constructionScopeSchema.parse(input);
const overhead150 = scope({ constructionNeeded: true, overheadLineM: 150, meteringType: '1ph' });

describe('the invoice is the calculator', () => {
  it('a 15 kW household case: the same total, VAT and lines as the public calculator for the same inputs', () => {
    const facts = applicationFactsOf(householdForm, 'Тестовый регион', '2026-03-02');
    const invoice = computeInvoice({ facts, scope: overhead150, tariff: tariff() });
    const fee = calculateFee(
      calculatorInputSchema.parse({ region: 'Тестовый регион', date: '2026-03-02', category: 'individual15', maxPowerKw: 15, voltageKv: 0.4, reliability: 'III', territory: 'urban', distanceToNetworkM: 150, constructionNeeded: true, overheadLineM: 150, meteringType: '1ph' }),
      tariff(),
    );
    expect(invoice.totalKop).toBe(Math.round(fee.totalRub * 100));
    expect(invoice.computedTotalKop).toBe(invoice.totalKop);
    expect(invoice.vatKop).toBe(Math.round(fee.vatRub * 100));
    expect(invoice.lines.map((l) => [l.code, l.label, l.amountKop])).toEqual(fee.lines.map((l) => [l.code, l.label, Math.round(l.amountRub * 100)]));
    // 15 kW × 7 000 ₽/kW (VAT included) caps the standardized cost.
    expect(invoice).toMatchObject({ rule: 'regionalCap', totalKop: 105_000_00, tariffDate: '2026-03-02', correction: null });
    expect(invoice.lines.map((l) => l.code)).toEqual(['C1', 'C2', 'C8', 'VAT', 'CAP']);
  });

  it('VAT is the tariff set’s rate, not a fixed one', () => {
    const facts = applicationFactsOf({ ...householdForm, category: 'upTo150', maxPowerKw: '100', reliability: 'II' }, 'Тестовый регион', '2025-06-01');
    const noBuild = scope({ meteringType: '3ph-direct' });
    const at20 = computeInvoice({ facts, scope: noBuild, tariff: tariff({ vatRatePercent: 20 }) });
    const at22 = computeInvoice({ facts, scope: noBuild, tariff: tariff({ vatRatePercent: 22 }) });
    // C1 19 745 + C8.2 10 903,35 = 30 648,35 ₽ without VAT.
    expect(at20.vatRatePercent).toBe(20);
    expect(at20.totalKop).toBe(3_064_835 + Math.round(1_974_500 * 0.2) + Math.round(1_090_335 * 0.2));
    expect(at22.vatRatePercent).toBe(22);
    expect(at22.vatKop).toBe(Math.round(1_974_500 * 0.22) + Math.round(1_090_335 * 0.22));
    expect(at22.lines.find((l) => l.code === 'VAT')?.label).toContain('22');
  });

  it('a temporary application is invoiced at the set’s C1.temp; forms filed before connection kinds are permanent', () => {
    const withTemporaryC1 = tariff({ rates: [...RATES, { ...RATES.find((r) => r.item === 'C1')!, item: 'C1.temp', rateKop: 2_112_805 }] });
    expect(applicationFactsOf(householdForm, 'Тестовый регион', '2026-03-02').connectionKind).toBe('permanent');
    const facts = applicationFactsOf({ ...householdForm, connectionKind: 'temporary' }, 'Тестовый регион', '2026-03-02');
    const invoice = computeInvoice({ facts, scope: scope({ meteringType: 'none' }), tariff: withTemporaryC1 });
    expect(invoice.lines.find((l) => l.code === 'C1')?.amountKop).toBe(2_112_805);
  });

  it('a gap in the tariff or facts the calculator refuses are told in words', () => {
    const facts = applicationFactsOf(householdForm, 'Тестовый регион', '2026-03-02');
    expect(() => computeInvoice({ facts, scope: overhead150, tariff: tariff({ rates: RATES.filter((r) => r.item !== 'C2') }) })).toThrow(InvoiceError);
    expect(() => applicationFactsOf({ ...householdForm, maxPowerKw: '' }, 'Тестовый регион', '2026-03-02')).toThrow(/мощност/);
  });
});

describe('a correction needs a written reason', () => {
  const facts = applicationFactsOf({ ...householdForm, category: 'upTo150', maxPowerKw: '100', reliability: 'II' }, 'Тестовый регион', '2026-03-02');
  const computed = computeInvoice({ facts, scope: scope({ meteringType: '3ph-direct' }), tariff: tariff() });

  it('the schema refuses a correction without a reason, in Russian', () => {
    const refused = invoiceCorrectionSchema.safeParse({ amountRub: '30 000,00', reason: '' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/Укажите причину корректировки/);
    expect(invoiceCorrectionSchema.safeParse({ amountRub: '30 000,001', reason: 'Пересчитано по договору' }).success).toBe(false);
    expect(invoiceCorrectionSchema.parse({ amountRub: '30 000,50', reason: ' Ставка C8 по факту ' })).toEqual({ amountRub: 30_000.5, reason: 'Ставка C8 по факту' });
  });

  it('a different total without a reason is refused; the same total needs none', () => {
    expect(correctionIssue(computed.computedTotalKop, 30_000, '')).toMatch(/отличается от рассчитанной по тарифу/);
    expect(correctionIssue(computed.computedTotalKop, computed.computedTotalKop / 100, '')).toBeNull();
    expect(() => computeInvoice({ facts, scope: scope({ meteringType: '3ph-direct' }), tariff: tariff(), correction: { amountRub: 30_000, reason: 'кратко' } })).toThrow(InvoiceError);
  });

  it('a corrected total is what is paid; VAT is its share at the set’s rate; who and why are kept', () => {
    const corrected = computeInvoice({
      facts,
      scope: scope({ meteringType: '3ph-direct' }),
      tariff: tariff(),
      correction: { amountRub: 30_500, reason: 'Прибор учёта заявитель установил сам' },
      correctedBy: { id: 'u1', name: 'Оператор Петрова' },
    });
    expect(corrected.computedTotalKop).toBe(computed.computedTotalKop);
    expect(corrected.totalKop).toBe(30_500_00);
    expect(corrected.vatKop).toBe(Math.round((30_500_00 * 22) / 122));
    expect(corrected.correction).toEqual({ amountKop: 30_500_00, reason: 'Прибор учёта заявитель установил сам', by: { id: 'u1', name: 'Оператор Петрова' } });
    expect(correctionText(corrected.correction!, corrected.computedTotalKop).replace(/\u00a0/g, ' ')).toMatch(/^Скорректировано: Оператор Петрова, Прибор учёта заявитель установил сам/);
    const same = computeInvoice({ facts, scope: scope({ meteringType: '3ph-direct' }), tariff: tariff(), correction: { amountRub: computed.computedTotalKop / 100, reason: 'не меняется' } });
    expect(same.correction).toBeNull();
  });
});

describe('a power increase', () => {
  it('is charged on the increment over the previously connected power: 10 → 15 kW as 5 kW', () => {
    const tariffNoCap = tariff({ preferentialRatePerKwKop: null });
    const substation = scope({ constructionNeeded: true, transformerSubstation: true, meteringType: 'none' });
    const increase = computeInvoice({ facts: applicationFactsOf({ ...householdForm, reason: 'increase', maxPowerKw: '15', previousPowerKw: '10' }, 'Тестовый регион', '2026-03-02'), scope: substation, tariff: tariffNoCap });
    const fiveKw = computeInvoice({ facts: applicationFactsOf({ ...householdForm, maxPowerKw: '5' }, 'Тестовый регион', '2026-03-02'), scope: substation, tariff: tariffNoCap });
    // C5·N: 9 500 ₽/kW × 5 kW, not × 15 kW.
    expect(increase.lines.find((l) => l.code === 'C5-7')?.amountKop).toBe(47_500_00);
    expect(increase.totalKop).toBe(fiveKw.totalKop);
  });
});
