// The fee formula against sums worked out by hand (the arithmetic is in the
// comments). Rates are the DOMAIN §4 figures where there are any.
import { describe, expect, it } from 'vitest';
import { calculateFee, calculatorInputSchema, FeeError, PREFERENTIAL_GROUP_RATE, SMALL_INDIVIDUAL_CAP, type CalculatorFormInput, type FeeResult } from '../../domain/fees';
import { ANY, findRate, type Tariff, type TariffRate } from '../../domain/tariffs';

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
  rate('C1', 19_745), // Kursk 2024, excl. VAT
  rate('C2', 2_332_446, { voltageClass: '0.4' }),
  rate('C3', 5_069_113, { voltageClass: '0.4' }),
  rate('C2', 3_100_000, { voltageClass: '1-20', territory: 'urban' }),
  rate('C2', 2_700_000, { voltageClass: '1-20', territory: 'rural' }),
  rate('C4', 180_000, { voltageClass: '0.4' }),
  rate('C5', 9_500),
  rate('C6', 4_200),
  rate('C7', 12_000),
  rate('C8.1', 2_155.09), // Dagestan 2020
  rate('C8.2', 10_903.35), // Dagestan 2020
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
    preferentialRatePerKwKop: 7_000_00, // Sverdlovsk, VAT included
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

function fee(input: Partial<CalculatorFormInput>, t: Tariff = tariff()): FeeResult {
  return calculateFee(calculatorInputSchema.parse({ ...base, ...input }), t);
}

const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const amounts = (r: FeeResult) => Object.fromEntries(r.lines.map((l) => [l.code, l.amountRub]));
const label = (r: FeeResult, code: string) => plain(r.lines.find((l) => l.code === code)?.label ?? '');

describe('the general formula P = C1 + C2·L + C3·L + C4·n + (C5 + C6 + C7)·N + C8·Q', () => {
  it('adds every term, each line rate × quantity, then VAT', () => {
    const r = fee(
      {
        category: 'upTo150',
        maxPowerKw: 100,
        reliability: 'II',
        distanceToNetworkM: 400,
        overheadLineM: 150,
        cableLineM: 200,
        sectionalisingPoints: 2,
        transformerSubstation: true,
        distributionSubstation: true,
        substation35: true,
        meteringType: '3ph-indirect',
      },
      tariff({ vatRatePercent: 20 }),
    );
    // C1            = 19 745,00
    // C2·L = 0,15 км × 2 332 446  = 349 866,90
    // C3·L = 0,2 км × 5 069 113   = 1 013 822,60
    // C4·n = 2 × 180 000          = 360 000,00
    // (C5+C6+C7)·N = 100 × 9 500 + 100 × 4 200 + 100 × 12 000 = 950 000 + 420 000 + 1 200 000 = 2 570 000,00
    // C8·Q = 1 × 38 500           = 38 500,00
    // sum = 4 351 934,50; VAT 20 % per line: 3 949,00 + 69 973,38 + 202 764,52 + 72 000,00 + 514 000,00 + 7 700,00 = 870 386,90
    // total = 4 351 934,50 + 870 386,90 = 5 222 321,40
    expect(amounts(r)).toEqual({ C1: 19_745, C2: 349_866.9, C3: 1_013_822.6, C4: 360_000, 'C5-7': 2_570_000, C8: 38_500, VAT: 870_386.9 });
    expect(r.lines.map((l) => l.code)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5-7', 'C8', 'VAT']);
    expect(r.totalRub).toBe(5_222_321.4);
    expect(r.standardizedRub).toBe(5_222_321.4);
    expect(r.rule).toBe('standardized');
    expect(label(r, 'C2')).toBe('C2·L — строительство воздушных линий, 0,15 км × 2 332 446 ₽/км');
    expect(label(r, 'C5-7')).toBe('(C5 + C6 + C7)·N — строительство подстанций, 100 кВт × (9 500 ₽ + 4 200 ₽ + 12 000 ₽) за кВт');
    expect(label(r, 'VAT')).toBe('НДС 20 %');
    expect(plain(r.ruleApplied)).toContain('P = C1 + C2·L + C3·L + C4·n + (C5 + C6 + C7)·N + C8·Q');
  });

  it('rounds each line to the kopeck, half up', () => {
    // C2·L = 0,137 км × 2 332 446 ₽/км = 319 545,102 → 319 545,10
    // VAT 22 %: C1 19 745 × 0,22 = 4 343,90; C2 319 545,10 × 0,22 = 70 299,922 → 70 299,92; C8 2 155,09 × 0,22 = 474,1198 → 474,12
    const r = fee({ category: 'upTo150', overheadLineM: 137, distanceToNetworkM: 137 });
    expect(amounts(r)).toEqual({ C1: 19_745, C2: 319_545.1, C8: 2_155.09, VAT: 75_117.94 });
    // 19 745 + 319 545,10 + 2 155,09 + 75 117,94 = 416 563,13
    expect(r.totalRub).toBe(416_563.13);
  });

  it('charges VAT per line, as an invoice does, not once on the total', () => {
    const odd = tariff({ rates: [rate('C1', 1_000.25), rate('C8.1', 1_000.25)] });
    // Each line: 1 000,25 × 0,22 = 220,055 → 220,06; two lines → 440,12 (on the total it would be 2 000,50 × 0,22 = 440,11)
    const r = fee({ category: 'upTo150', constructionNeeded: false, overheadLineM: 0, distanceToNetworkM: 5 }, odd);
    expect(amounts(r).VAT).toBe(440.12);
    expect(r.totalRub).toBe(2_440.62);
  });

  it('takes the power in kW with decimals: (C5)·N = 12,345 кВт × 9 500 ₽ = 117 277,50', () => {
    const r = fee({ category: 'upTo150', maxPowerKw: '12,345', overheadLineM: 0, transformerSubstation: true, meteringType: 'none' }, tariff({ vatRatePercent: 20 }));
    // C1 19 745 + C5 117 277,50 = 137 022,50; VAT 20 % = 3 949 + 23 455,50 = 27 404,50; total 164 427,00
    expect(amounts(r)).toEqual({ C1: 19_745, 'C5-7': 117_277.5, VAT: 27_404.5 });
    expect(label(r, 'C5-7')).toBe('(C5)·N — строительство подстанций, 12,345 кВт × 9 500 ₽ за кВт');
    expect(r.totalRub).toBe(164_427);
  });

  it('picks the rate of the voltage class and territory, exact rows before rows with *', () => {
    const r = fee({ category: 'upTo150', maxPowerKw: 100, voltageKv: 10, territory: 'rural', distanceToNetworkM: 900, overheadLineM: 1000, meteringType: 'none' });
    // C2 for 1–20 kV rural: 1 км × 2 700 000 = 2 700 000
    expect(amounts(r).C2).toBe(2_700_000);
    const specific = rate('C1', 15_000, { category: 'upTo150' });
    expect(findRate([rate('C1', 19_745), specific], 'C1', { category: 'upTo150', territory: 'urban', voltageClass: '0.4' })).toBe(specific);
  });
});

describe('without last-mile construction P = C1 + C8·Q', () => {
  it('charges the technical conditions and the meter only', () => {
    const r = fee({ category: 'upTo150', maxPowerKw: 50, constructionNeeded: false, overheadLineM: 0, distanceToNetworkM: 10, meteringType: '3ph-direct' });
    // C1 19 745,00 + C8 10 903,35 = 30 648,35; VAT 22 %: 4 343,90 + 2 398,737 → 2 398,74 = 6 742,64; total 37 390,99
    expect(amounts(r)).toEqual({ C1: 19_745, C8: 10_903.35, VAT: 6_742.64 });
    expect(r.totalRub).toBe(37_390.99);
    expect(r.rule).toBe('noConstruction');
    expect(plain(r.ruleApplied)).toContain('P = C1 + C8·Q');
  });

  it('ignores line lengths when no construction is needed', () => {
    const withLengths = fee({ category: 'upTo150', maxPowerKw: 50, constructionNeeded: false, overheadLineM: 500, cableLineM: 70, distanceToNetworkM: 10, meteringType: '3ph-direct' });
    expect(withLengths.lines.map((l) => l.code)).toEqual(['C1', 'C8', 'VAT']);
    expect(withLengths.totalRub).toBe(37_390.99);
  });

  it('counts Q metering points: C8·Q = 3 × 2 155,09 = 6 465,27', () => {
    const r = fee({ category: 'upTo150', maxPowerKw: 30, constructionNeeded: false, overheadLineM: 0, meteringPoints: 3 });
    expect(amounts(r).C8).toBe(6_465.27);
    expect(label(r, 'C8')).toBe('C8·Q — средства учёта: однофазный прибор учёта, 3 шт. × 2 155,09 ₽');
  });
});

describe('individuals up to 15 kW (ПП № 1178, from 01.07.2022): min(standardized cost, preferential rate × kW)', () => {
  it('caps the fee at the regional rate × kW when that is lower', () => {
    const r = fee({});
    // standardized: C1 19 745,00 + C2 0,15 × 2 332 446 = 349 866,90 + C8 2 155,09 = 371 766,99
    // VAT 22 %: 4 343,90 + 76 970,718 → 76 970,72 + 474,1198 → 474,12 = 81 788,74; standardized = 453 555,73
    // cap 7 000 × 15 = 105 000,00 (VAT included) → CAP line 105 000,00 − 453 555,73 = −348 555,73
    expect(r.standardizedRub).toBe(453_555.73);
    expect(amounts(r).CAP).toBe(-348_555.73);
    expect(r.totalRub).toBe(105_000);
    expect(r.rule).toBe('regionalCap');
    // VAT inside the capped total: 105 000 × 22 / 122 = 18 934,426… → 18 934,43
    expect(r.vatRub).toBe(18_934.43);
    expect(plain(r.ruleApplied)).toContain('Льготная ставка для физических лиц до 15 кВт: не больше 7 000 ₽ за кВт');
    expect(plain(r.ruleApplied)).toContain('7 000 ₽ × 15 кВт = 105 000,00 ₽ вместо 453 555,73 ₽');
    expect(label(r, 'CAP')).toContain('не больше 7 000 ₽ × 15 кВт = 105 000,00 ₽');
  });

  it('keeps the standardized cost when it is lower than the cap', () => {
    const r = fee({ maxPowerKw: 5, constructionNeeded: false, overheadLineM: 0, distanceToNetworkM: 10 });
    // C1 19 745,00 + C8 2 155,09 = 21 900,09; VAT 4 343,90 + 474,12 = 4 818,02; total 26 718,11 < cap 7 000 × 5 = 35 000
    expect(r.totalRub).toBe(26_718.11);
    expect(r.lines.some((l) => l.code === 'CAP')).toBe(false);
    expect(r.rule).toBe('noConstruction');
    expect(plain(r.ruleApplied)).toContain('не больше предела для физических лиц до 15 кВт (7 000 ₽ × 5 кВт = 35 000,00 ₽)');
  });

  it('caps the same small connection once the kW are few enough: 3 kW × 7 000 = 21 000 < 26 718,11', () => {
    const r = fee({ maxPowerKw: 3, constructionNeeded: false, overheadLineM: 0, distanceToNetworkM: 10 });
    expect(r.totalRub).toBe(21_000);
    expect(amounts(r).CAP).toBe(-5_718.11);
  });

  it('adds VAT to a preferential rate stated without it', () => {
    const r = fee({}, tariff({ preferentialRatePerKwKop: 5_000_00, preferentialRateVatIncluded: false }));
    // 5 000 × 15 = 75 000 + 22 % 16 500 = 91 500
    expect(r.totalRub).toBe(91_500);
    expect(plain(r.ruleApplied)).toContain('5 000 ₽ × 15 кВт = 91 500,00 ₽ с НДС');
  });

  it('says so when the region has no preferential rate', () => {
    const r = fee({}, tariff({ preferentialRatePerKwKop: null }));
    expect(r.totalRub).toBe(453_555.73);
    expect(r.ruleApplied).toContain('Льготная ставка для физических лиц до 15 кВт в тарифах региона не указана');
  });

  it('charges a preferential group 1 000 ₽ per kW', () => {
    const r = fee({ maxPowerKw: 10, distanceToNetworkM: 200, overheadLineM: 200, preferentialGroup: 'largeFamily' });
    // standardized: 19 745 + 0,2 × 2 332 446 = 466 489,20 + 2 155,09 = 488 389,29
    // VAT: 4 343,90 + 102 627,624 → 102 627,62 + 474,12 = 107 445,64; standardized 595 834,93
    // cap 1 000 × 10 = 10 000,00 (the regional 7 000 × 10 = 70 000 is higher) → CAP −585 834,93
    expect(PREFERENTIAL_GROUP_RATE.perKwKop).toBe(1_000_00);
    expect(r.standardizedRub).toBe(595_834.93);
    expect(amounts(r).CAP).toBe(-585_834.93);
    expect(r.totalRub).toBe(10_000);
    expect(r.rule).toBe('groupCap');
    expect(plain(r.ruleApplied)).toMatch(/^Льготный тариф: не больше 1 000 ₽ за кВт для льготных категорий граждан \(многодетные семьи\)/);
  });

  it.each([
    ['urban', 300, true],
    ['urban', 301, false],
    ['rural', 500, true],
    ['rural', 501, false],
  ] as const)('%s territory at %i m: cap applies = %s', (territory, metres, capped) => {
    const r = fee({ territory, distanceToNetworkM: metres, overheadLineM: metres });
    expect(r.rule).toBe(capped ? 'regionalCap' : 'standardized');
    if (capped) expect(r.totalRub).toBe(105_000);
    else {
      // e.g. urban 301 m: 19 745 + 0,301 × 2 332 446 = 702 066,246 → 702 066,25 + 2 155,09, with VAT — far above the cap
      expect(r.totalRub).toBe(r.standardizedRub);
      expect(r.totalRub).toBeGreaterThan(105_000);
      const limit = SMALL_INDIVIDUAL_CAP.maxDistanceM[territory];
      expect(plain(r.ruleApplied)).toContain(`не далее ${limit} м от сетей ${territory === 'urban' ? 'в городе' : 'в сельской местности'}, а указано ${metres} м`);
    }
  });

  it('does not give the cap to other categories', () => {
    const r = fee({ category: 'upTo150' });
    expect(r.rule).toBe('standardized');
    expect(r.totalRub).toBe(453_555.73);
  });
});

describe('VAT included in a rate vs added to it', () => {
  it('adds VAT only to the rates stated without it', () => {
    // C1 stated with VAT: 19 745 × 1,22 = 24 088,90; C8 2 155,09 without: VAT 474,12
    const mixed = tariff({ rates: [rate('C1', 24_088.9, { vatIncluded: true }), rate('C8.1', 2_155.09)] });
    const r = fee({ maxPowerKw: 5, constructionNeeded: false, overheadLineM: 0, distanceToNetworkM: 10 }, mixed);
    expect(amounts(r)).toEqual({ C1: 24_088.9, C8: 2_155.09, VAT: 474.12 });
    // 24 088,90 + 2 155,09 + 474,12 = 26 718,11 — the same as with both rates without VAT
    expect(r.totalRub).toBe(26_718.11);
    // VAT inside: 24 088,90 × 22/122 = 4 343,90, plus the 474,12 added
    expect(r.vatRub).toBe(4_818.02);
    expect(label(r, 'VAT')).toBe('НДС 22 % к ставкам без НДС (ставки C1 указаны с НДС, в них 4 343,90 ₽)');
    expect(label(r, 'C1')).toContain('(ставка с НДС)');
  });

  it('adds nothing when every rate includes VAT', () => {
    const gross = tariff({ rates: [rate('C1', 24_088.9, { vatIncluded: true }), rate('C8.1', 2_629.21, { vatIncluded: true })] });
    const r = fee({ maxPowerKw: 5, constructionNeeded: false, overheadLineM: 0, distanceToNetworkM: 10 }, gross);
    expect(amounts(r).VAT).toBe(0);
    expect(r.totalRub).toBe(26_718.11);
    // 24 088,90 × 22/122 = 4 343,90; 2 629,21 × 22/122 = 474,1198… → 474,12
    expect(label(r, 'VAT')).toBe('НДС 22 % уже включён в ставки (в том числе 4 818,02 ₽)');
  });
});

describe('what cannot be calculated is said in Russian', () => {
  it('names the missing rate', () => {
    expect(() => fee({ category: 'upTo670', maxPowerKw: 300, voltageKv: 35, reliability: 'II', overheadLineM: 1000, distanceToNetworkM: 1000 })).toThrow(FeeError);
    expect(() => fee({ category: 'upTo670', maxPowerKw: 300, voltageKv: 35, reliability: 'II', overheadLineM: 1000, distanceToNetworkM: 1000 })).toThrow(/нет ставки C2 \(строительство воздушных линий\).*35 кВ/);
  });

  it('checks the input with specific messages', () => {
    const issues = (input: Partial<CalculatorFormInput>) => {
      const result = calculatorInputSchema.safeParse({ ...base, ...input });
      return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(issues({ category: 'upTo150', preferentialGroup: 'disabled' })).toEqual({ preferentialGroup: 'Льгота по оплате есть только у физических лиц с мощностью до 15 кВт для бытовых нужд' });
    expect(issues({ maxPowerKw: 20 })).toEqual({ maxPowerKw: 'Для выбранной категории мощность должна быть не больше 15 кВт' });
    expect(issues({ maxPowerKw: '' })).toEqual({ maxPowerKw: 'Укажите максимальную мощность числом, в кВт' });
    expect(issues({ maxPowerKw: 'пятнадцать' })).toEqual({ maxPowerKw: 'Укажите максимальную мощность числом, в кВт' });
    expect(issues({ overheadLineM: 0 }).overheadLineM).toMatch(/^Укажите, что нужно построить/);
    expect(issues({ overheadLineM: '12,5' })).toEqual({ overheadLineM: 'Длина воздушной линии — целое число метров' });
    expect(issues({ reliability: 'I' })).toEqual({ reliability: 'Для бытовых нужд до 15 кВт — III категория надёжности' });
    expect(issues({ region: '' })).toEqual({ region: 'Выберите регион' });
    expect(issues({ meteringType: undefined })).toEqual({ meteringType: 'Выберите прибор учёта' });
    expect(issues({ maxPowerKw: '12,5', distanceToNetworkM: ' 150 ' })).toEqual({});
  });
});

describe('a temporary connection (Section VII of the Rules)', () => {
  const noConstruction = { category: 'upTo150', maxPowerKw: 100, constructionNeeded: false, meteringType: 'none' } as const;
  // One 2018 decision set C1 for a temporary connection apart: 21 128,05 ₽ excl. VAT (DOMAIN §9).
  const withTemporaryC1 = tariff({ rates: [...RATES, rate('C1.temp', 21_128.05)] });

  it('pays the set’s own C1 where the decision has one, and a permanent connection still pays the general C1', () => {
    const temporary = fee({ ...noConstruction, connectionKind: 'temporary' }, withTemporaryC1);
    // C1.temp = 21 128,05; VAT 22 % = 4 648,17; total 25 776,22
    expect(amounts(temporary)).toEqual({ C1: 21_128.05, VAT: 4_648.17 });
    expect(temporary.totalRub).toBe(25_776.22);
    expect(label(temporary, 'C1')).toContain('при временном технологическом присоединении');
    const permanent = fee({ ...noConstruction, connectionKind: 'permanent' }, withTemporaryC1);
    expect(amounts(permanent)).toEqual({ C1: 19_745, VAT: 4_343.9 });
  });

  it('pays the general C1, and says so, where the decision sets no separate one', () => {
    const r = fee({ ...noConstruction, connectionKind: 'temporary' });
    expect(amounts(r)).toEqual({ C1: 19_745, VAT: 4_343.9 });
    expect(r.lines.find((l) => l.code === 'C1')?.note).toMatch(/Отдельной ставки C1 для временного присоединения в решении нет/);
  });

  it('leaves the connection kind out of the calculator’s required input (old callers compute a permanent one)', () => {
    expect(calculatorInputSchema.parse(base).connectionKind).toBe('permanent');
    const refused = calculatorInputSchema.safeParse({ ...base, connectionKind: 'seasonal' });
    expect(refused.success ? [] : refused.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['connectionKind', 'Выберите вид присоединения']]);
  });
});
