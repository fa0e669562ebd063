// The calculator on a power increase and on rates split as regional decisions
// publish them (C2/C3 by line type, laying method and cross-section, C5/C6 by
// substation type and capacity). Sums are worked out by hand in the comments.
// The split rates here are illustrative (образец); C1, C2/C3 '*' and C8 are the
// DOMAIN §4 figures the other fee tests use.
import { describe, expect, it } from 'vitest';
import {
  calculateFee,
  calculatorInputSchema,
  capIneligibility,
  constructionScopeSchema,
  applicationFactsSchema,
  FeeError,
  type CalculatorFormInput,
  type FeeResult,
} from '../../domain/fees';
import { applicationFormSchema, type ApplicationFormInput } from '../../domain/application';
import { FEE_RULES } from '../../domain/regulations';
import { individualForm } from '../support/applications';
import { ANY, capacityBandOf, crossSectionBandOf, findRate, type Tariff, type TariffRate } from '../../domain/tariffs';

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
  // Split rows (образец): СИП up to 50 мм²; cable 50–100 мм² in a trench and by ГНБ.
  rate('C2', 1_900_000, { voltageClass: '0.4', lineType: 'sip', crossSection: 'upTo50' }),
  rate('C3', 4_800_000, { voltageClass: '0.4', lineType: 'plastic', layingMethod: 'trench', crossSection: '50-100' }),
  rate('C3', 7_600_000, { voltageClass: '0.4', lineType: 'plastic', layingMethod: 'hdd', crossSection: '50-100' }),
  rate('C3', 7_000_000, { voltageClass: '0.4', layingMethod: 'hdd' }),
  rate('C5', 9_500),
  rate('C5', 8_700, { substationType: 'single', capacity: '100-250' }),
  rate('C5', 6_100, { substationType: 'double', capacity: '250-500' }),
  rate('C8.1', 2_155.09),
  rate('C8.2', 10_903.35),
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
    vatRatePercent: 20,
    preferentialRatePerKwKop: 7_000_00,
    preferentialRateVatIncluded: true,
    rates: RATES,
    ...overrides,
  };
}

const base: CalculatorFormInput = {
  region: 'Тестовый регион',
  category: 'individual15',
  maxPowerKw: 15,
  voltageKv: 0.4,
  reliability: 'III',
  territory: 'urban',
  distanceToNetworkM: 150,
  constructionNeeded: true,
  overheadLineM: 150,
  meteringType: '1ph',
};

const fee = (input: Partial<CalculatorFormInput>, t: Tariff = tariff()): FeeResult => calculateFee(calculatorInputSchema.parse({ ...base, ...input }), t);
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const issues = (input: Partial<CalculatorFormInput>) => {
  const result = calculatorInputSchema.safeParse({ ...base, ...input });
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('power increase: the fee is charged on the increment', () => {
  it('caps 10 → 15 kW at 7 000 ₽ × 5 kW, not × 15', () => {
    const r = fee({ maxPowerKw: 15, previousPowerKw: 10 });
    // standardized: C1 19 745 + C2 0,15 × 2 332 446 = 349 866,90 + C8 2 155,09 = 371 766,99; VAT 20 %: 3 949 + 69 973,38 + 431,018 → 431,02 = 74 353,40
    // standardized total 446 120,39 > cap 7 000 × 5 = 35 000 (VAT included)
    expect(r.power).toEqual({ totalKw: 15, previousKw: 10, chargedKw: 5 });
    expect(r.standardizedRub).toBe(446_120.39);
    expect(r.totalRub).toBe(35_000);
    expect(r.rule).toBe('regionalCap');
    expect(plain(r.lines.find((l) => l.code === 'CAP')!.label)).toContain('7 000 ₽ × 5 кВт (прирост: 15 − 10 кВт) = 35 000,00 ₽');
    expect(plain(r.ruleApplied)).toMatch(/^Увеличение мощности: плата рассчитана на прирост 5 кВт/);
    // The same connection as a new one is capped on all 15 kW.
    expect(fee({ maxPowerKw: 15 }).totalRub).toBe(105_000);
  });

  it('multiplies the per-kW substation rate by the increment: 100 kW total, 40 kW connected → C5 × 60 kW', () => {
    const r = fee({ category: 'upTo150', maxPowerKw: 100, previousPowerKw: 40, overheadLineM: 0, transformerSubstation: true, meteringType: 'none' });
    // (C5)·N = 60 × 9 500 = 570 000
    const c5 = r.lines.find((l) => l.code === 'C5-7')!;
    expect(c5.amountRub).toBe(570_000);
    expect(plain(c5.label)).toBe('(C5)·N — строительство подстанций, 60 кВт (прирост: 100 − 40 кВт) × 9 500 ₽ за кВт');
    expect(r.power.chargedKw).toBe(60);
  });

  it('counts the previous power for the ≤15 kW eligibility: the total must stay within 15 kW', () => {
    // 10 kW connected + 10 kW more = 20 kW: no longer a household connection up to 15 kW.
    expect(issues({ maxPowerKw: 20, previousPowerKw: 10 })).toEqual({ maxPowerKw: 'Для выбранной категории мощность должна быть не больше 15 кВт' });
    expect(capIneligibility({ category: 'individual15', maxPowerKw: 20, reliability: 'III', voltageKv: 0.4, territory: 'urban', distanceToNetworkM: 10 })).toMatch(/не больше 15 кВт/);
    // An upTo150 applicant with the same increment is never capped.
    expect(fee({ category: 'upTo150', maxPowerKw: 20, previousPowerKw: 10 }).rule).toBe('standardized');
  });

  it('refuses a previous power not below the total, and a negative one', () => {
    expect(issues({ maxPowerKw: 10, previousPowerKw: 10 })).toEqual({
      previousPowerKw: 'Ранее присоединённая мощность должна быть меньше максимальной: максимальная мощность указывается с учётом ранее присоединённой',
    });
    expect(issues({ previousPowerKw: '-1' })).toEqual({ previousPowerKw: 'Ранее присоединённая мощность не может быть отрицательной' });
    expect(issues({ previousPowerKw: '' })).toEqual({});
  });

  it('the application form defines the powers the same way: the total includes the previous power', () => {
    const form = (o: Partial<ApplicationFormInput>) => applicationFormSchema.safeParse(individualForm({ reason: 'increase', ...o }));
    expect(form({ maxPowerKw: 15, previousPowerKw: 10 }).success).toBe(true);
    expect(form({ maxPowerKw: 10, previousPowerKw: 10 }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['previousPowerKw', 'Ранее присоединённая мощность должна быть меньше максимальной: максимальная мощность указывается с учётом ранее присоединённой'],
    ]);
  });

  it('is a rule of the regulations table with its source and confidence', () => {
    expect(FEE_RULES.powerIncrease.mark).toBe('◐');
    expect(FEE_RULES.powerIncrease.source).toContain('1178');
  });
});

describe('line segments priced by type, laying method and cross-section', () => {
  it('prices each segment by its own row and shows it as its own line', () => {
    const r = fee({
      category: 'upTo150',
      maxPowerKw: 50,
      overheadLineM: 0,
      lineSegments: [
        { lineType: 'plastic', layingMethod: 'hdd', crossSectionMm2: '70', lengthM: '120' },
        { lineType: 'plastic', layingMethod: 'trench', crossSectionMm2: 95, lengthM: 200 },
        { lineType: 'sip', crossSectionMm2: '35', lengthM: 80 },
      ],
      meteringType: 'none',
    });
    // C3 ГНБ 50–100: 0,12 × 7 600 000 = 912 000; C3 траншея 50–100: 0,2 × 4 800 000 = 960 000; C2 СИП до 50: 0,08 × 1 900 000 = 152 000
    const lines = r.lines.filter((l) => l.code === 'C2' || l.code === 'C3');
    expect(lines.map((l) => [l.code, l.amountRub])).toEqual([
      ['C3', 912_000],
      ['C3', 960_000],
      ['C2', 152_000],
    ]);
    expect(plain(lines[0]!.label)).toBe(
      'C3·L — участок 1: КЛ, кабель с пластмассовой или резиновой изоляцией, горизонтальное наклонно-направленное бурение (ГНБ), 70 мм²; 0,12 км × 7 600 000 ₽/км',
    );
    // C1 19 745 + 2 024 000 = 2 043 745; VAT 20 % = 3 949 + 182 400 + 192 000 + 30 400 = 408 749; total 2 452 494
    expect(r.totalRub).toBe(2_452_494);
  });

  it('falls back to the row with * in the columns the segment does not match, and the plain row for undetailed lengths', () => {
    // Paper cable by ГНБ, 150 мм²: no exact row; the «ГНБ, any cable» row (7 000 000) beats the plain C3 row.
    const r = fee({ category: 'upTo150', maxPowerKw: 50, overheadLineM: 0, cableLineM: 100, lineSegments: [{ lineType: 'paper', layingMethod: 'hdd', crossSectionMm2: 150, lengthM: 100 }] });
    const c3 = r.lines.filter((l) => l.code === 'C3').map((l) => l.amountRub);
    // undetailed 0,1 × 5 069 113 = 506 911,30; segment 0,1 × 7 000 000 = 700 000
    expect(c3).toEqual([506_911.3, 700_000]);
  });

  it('says what is missing when the set splits its rates and the input does not', () => {
    const splitOnly = tariff({ rates: RATES.filter((r) => !(r.item === 'C2' && r.lineType === undefined)) });
    expect(() => fee({}, splitOnly)).toThrow(FeeError);
    expect(() => fee({}, splitOnly)).toThrow(/нет ставки C2 .*укажите их/);
    // СИП 70 мм² has no row at all (only up to 50 мм²): the message names the details.
    expect(() => fee({ overheadLineM: 0, lineSegments: [{ lineType: 'sip', crossSectionMm2: 70, lengthM: 50 }] }, splitOnly)).toThrow(
      /нет ставки C2 \(строительство воздушных линий: ВЛ, самонесущий изолированный провод \(СИП\); сечение свыше 50 до 100 мм² включительно\)/,
    );
  });

  it('checks segments with specific Russian messages', () => {
    expect(issues({ lineSegments: [{ lineType: 'sip', layingMethod: 'hdd', lengthM: 10 }] })).toEqual({
      'lineSegments.0.layingMethod': 'Участок 1: способ прокладки указывается только для кабельной линии',
    });
    expect(issues({ lineSegments: [{ lineType: 'plastic', lengthM: '0' }] })).toEqual({ 'lineSegments.0.lengthM': 'Длина участка — хотя бы 1 м' });
    expect(issues({ lineSegments: [{ lineType: 'plastic', lengthM: '' }] })).toEqual({ 'lineSegments.0.lengthM': 'Укажите длину участка целым числом метров' });
    expect(issues({ lineSegments: [{ lineType: 'cable', lengthM: 5 }] as never })).toEqual({ 'lineSegments.0.lineType': 'Выберите тип линии участка' });
    expect(issues({ lineSegments: [{ lineType: 'plastic', crossSectionMm2: 'толстый', lengthM: 5 }] })).toEqual({ 'lineSegments.0.crossSectionMm2': 'Сечение — число, в мм²' });
    // A segment alone is «something to build».
    expect(issues({ overheadLineM: 0, lineSegments: [{ lineType: 'bare', lengthM: 5 }] })).toEqual({});
  });

  it('puts a cross-section on its band, upper bounds inclusive', () => {
    expect([16, 50, 50.5, 95, 100, 120, 240, 500, 630, 800, 1000].map(crossSectionBandOf)).toEqual([
      'upTo50',
      'upTo50',
      '50-100',
      '50-100',
      '50-100',
      '100-200',
      '200-500',
      '200-500',
      '500-800',
      '500-800',
      'over800',
    ]);
  });
});

describe('substations priced by type and capacity', () => {
  it('takes the C5 row of the capacity band and type', () => {
    const r = fee({ category: 'upTo150', maxPowerKw: 100, overheadLineM: 0, transformerSubstation: true, transformerSubstationType: 'single', transformerSubstationKva: '160', meteringType: 'none' });
    // 100 × 8 700 = 870 000
    const c5 = r.lines.find((l) => l.code === 'C5-7')!;
    expect(c5.amountRub).toBe(870_000);
    expect(plain(c5.label)).toBe('(C5 (однотрансформаторная, 160 кВА))·N — строительство подстанций, 100 кВт × 8 700 ₽ за кВт');
    const two = fee({ category: 'upTo150', maxPowerKw: 100, overheadLineM: 0, transformerSubstation: true, transformerSubstationType: 'double', transformerSubstationKva: 400, meteringType: 'none' });
    expect(two.lines.find((l) => l.code === 'C5-7')!.amountRub).toBe(610_000);
    // A capacity without a row of its own takes the plain C5 row.
    const big = fee({ category: 'upTo150', maxPowerKw: 100, overheadLineM: 0, transformerSubstation: true, transformerSubstationKva: 1600, meteringType: 'none' });
    expect(big.lines.find((l) => l.code === 'C5-7')!.amountRub).toBe(950_000);
  });

  it('puts a capacity on its band and refuses details of a substation that is not built', () => {
    expect([25, 63, 100, 160, 250, 400, 630, 1000, 1250].map(capacityBandOf)).toEqual(['upTo25', '25-100', '25-100', '100-250', '100-250', '250-500', '500-900', '900-1000', 'over1000']);
    expect(issues({ transformerSubstationKva: 250 })).toEqual({ transformerSubstationKva: 'Тип или мощность указаны, но трансформаторная подстанция не отмечена как строящаяся' });
    expect(issues({ transformerSubstation: true, transformerSubstationKva: '-5' })).toEqual({ transformerSubstationKva: 'Мощность трансформаторной подстанции должна быть больше нуля' });
  });

  it('prefers the row naming more details, then the earlier column', () => {
    const key = { category: 'upTo150' as const, territory: 'urban' as const, voltageClass: '0.4' as const };
    const byCapacity = rate('C5', 1, { capacity: '100-250' });
    const byTypeAndCapacity = rate('C5', 2, { substationType: 'single', capacity: '100-250' });
    const byCategory = rate('C5', 3, { category: 'upTo150' });
    expect(findRate([byCapacity, byTypeAndCapacity], 'C5', { ...key, details: { substationType: 'single', capacity: '100-250' } })).toBe(byTypeAndCapacity);
    // Equally specific: the category column comes first in the decisions' layout.
    expect(findRate([byCapacity, byCategory], 'C5', { ...key, details: { capacity: '100-250' } })).toBe(byCategory);
    // Without details only rows with * in the detail columns match.
    expect(findRate([byCapacity, byTypeAndCapacity], 'C5', key)).toBeNull();
  });
});

describe('the split of the input', () => {
  it('facts and scope are plain objects whose shapes make the calculator input', () => {
    const keys = [...Object.keys(applicationFactsSchema.shape), ...Object.keys(constructionScopeSchema.shape)];
    expect(keys).toContain('previousPowerKw');
    expect(keys).toContain('lineSegments');
    // A scope from its own schema (as staff enter it) plus the facts computes the same fee as the calculator.
    const scope = constructionScopeSchema.parse({ constructionNeeded: true, overheadLineM: '150', meteringType: '1ph' });
    const facts = applicationFactsSchema.parse({ region: 'Тестовый регион', category: 'individual15', maxPowerKw: 15, previousPowerKw: 10, voltageKv: 0.4, reliability: 'III', territory: 'urban', distanceToNetworkM: 150 });
    expect(calculateFee({ ...facts, ...scope }, tariff()).totalRub).toBe(fee({ previousPowerKw: 10 }).totalRub);
  });
});
