// The connection fee (DOMAIN §4): the standardized-rate formula of FAS Order
// 1135/17, the cap for individuals up to 15 kW (ПП РФ № 1178 from 01.07.2022)
// and the 1 000 ₽/kW of the preferential groups. Pure and deterministic: the
// calculator page, the application form and the API all compute with it.
//
// Rounding, as an invoice does it: every line is rate × quantity rounded half up
// to the kopeck; VAT is charged per line on the lines whose rates exclude it
// (each item of a счёт-фактура carries its own tax) and the VAT line is their
// sum; the cap is compared with the standardized total including VAT, because
// the cap is what the citizen pays.
//
// The public API (stable; the computed invoice builds on it):
//   calculateFee(input: CalculatorInput, tariff: Tariff): FeeResult   — throws FeeError on a gap in the tariff
//   calculatorInputSchema = applicationFactsSchema + constructionScopeSchema (with both refinements)
//   applicationFactsSchema / refineApplicationFacts / ApplicationFacts — what the applicant states
//   constructionScopeSchema / refineConstructionScope / ConstructionScope — what the grid decides to build
// A field added to constructionScopeSchema flows to every form built from it.
import { z } from 'zod';
import './zod-ru';
import { CATEGORIES, CATEGORY_LABELS, CATEGORY_POWER, RELIABILITY, VOLTAGES_KV, type Category } from './application';
import { isIsoDate, type IsoDate } from './calendar';
import { CONNECTION_KINDS } from './connection-kind';
import { formatKop, formatQuantity, mulDivRound, type Kop } from './money';
import { FEE_RULES } from './regulations';
import {
  capacityBandOf,
  crossSectionBandOf,
  findRate,
  LAYING_METHOD_LABELS,
  LAYING_METHODS,
  LINE_TYPE_INFO,
  LINE_TYPES,
  rateDetailsLabel,
  SUBSTATION_TYPE_LABELS,
  SUBSTATION_TYPES,
  TARIFF_ITEM_INFO,
  TERRITORIES,
  voltageClassOf,
  type RateKey,
  type Tariff,
  type TariffItem,
  type TariffRate,
  type Territory,
} from './tariffs';

// --- the law's numbers, with their sources ------------------------------------------------

const FAS_METHOD = 'методические указания по определению размера платы за технологическое присоединение, утв. приказом ФАС России от 29.08.2017 № 1135/17';
const PRICING_BASICS =
  'Основы ценообразования в области регулируемых цен (тарифов) в электроэнергетике, утв. ПП РФ от 29.12.2011 № 1178, в ред., действующей с 01.07.2022';

/**
 * Preferential groups pay at most 1 000 ₽ per kW (DOMAIN §4, ✅ amount). That the
 * amount includes VAT is our reading (❓): for citizens the price is final.
 */
export const PREFERENTIAL_GROUP_RATE = { perKwKop: 1_000_00, vatIncluded: true, source: PRICING_BASICS } as const;

/** Who may apply the cap at all: individuals for household needs up to 15 kW, III category, up to 0.4 kV (✅). */
export const SMALL_INDIVIDUAL_CAP = {
  category: 'individual15' as Category,
  maxPowerKw: CATEGORY_POWER.individual15.max,
  reliability: 'III' as (typeof RELIABILITY)[number],
  maxVoltageKv: 0.4,
  /** Distance from the network of the needed voltage to the plot boundary (✅, the same as Rules 861 п. 16 «б»). */
  maxDistanceM: { urban: 300, rural: 500 } satisfies Record<Territory, number>,
  source: PRICING_BASICS,
} as const;

export const PREFERENTIAL_GROUPS = ['lowIncome', 'disabled', 'largeFamily', 'veteran', 'chernobyl'] as const;
export type PreferentialGroup = (typeof PREFERENTIAL_GROUPS)[number];
export const PREFERENTIAL_GROUP_LABELS: Record<PreferentialGroup, string> = {
  lowIncome: 'малоимущие граждане',
  disabled: 'инвалиды и семьи с детьми-инвалидами',
  largeFamily: 'многодетные семьи',
  veteran: 'ветераны боевых действий',
  chernobyl: 'граждане, пострадавшие от радиации (Чернобыльская АЭС и др.)',
};

export const METERING_TYPES = ['none', '1ph', '3ph-direct', '3ph-indirect'] as const;
export type MeteringType = (typeof METERING_TYPES)[number];
export const METERING_LABELS: Record<MeteringType, string> = {
  none: 'Не требуется (прибор учёта уже установлен)',
  '1ph': 'Однофазный',
  '3ph-direct': 'Трёхфазный прямого включения',
  '3ph-indirect': 'Трёхфазный полукосвенного или косвенного включения',
};
const METER_ITEM: Record<Exclude<MeteringType, 'none'>, TariffItem> = { '1ph': 'C8.1', '3ph-direct': 'C8.2', '3ph-indirect': 'C8.3' };

// --- the input ----------------------------------------------------------------------------

/** Form text ('12,5', ' 150 ') or a number; an empty field is «not given». */
function toNumber(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const text = v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return text === '' ? undefined : Number(text);
}

const requiredNumber = (message: string) => z.preprocess(toNumber, z.number({ error: message }));
/** May be left out or blank: then `fallback`. */
const optionalInteger = (fallback: number, inner: z.ZodNumber) =>
  z
    .preprocess((v) => toNumber(v) ?? fallback, inner)
    .optional()
    .transform((v) => v ?? fallback);
const optionalCount = (message: string, max: number, unit: string) =>
  optionalInteger(0, z.number({ error: message }).int(message).min(0, message).max(max, `Не больше ${formatQuantity(max)} ${unit}`));

/** A select left blank is «not given». */
const optionalEnum = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values, { error: message }).optional());
const optionalCapacity = (what: string) =>
  z.preprocess(
    (v) => toNumber(v) ?? undefined,
    z
      .number({ error: `Мощность ${what} — число, в кВА` })
      .gt(0, `Мощность ${what} должна быть больше нуля`)
      .max(1_000_000, `Слишком большая мощность ${what}`)
      .optional(),
  );

const MAX_SEGMENTS = 20;

/** One line segment the grid builds: its type (ВЛ/КЛ and conductor), for cable lines the laying method, cross-section and length. */
export const lineSegmentSchema = z.object({
  lineType: z.enum(LINE_TYPES, { error: 'Выберите тип линии участка' }),
  layingMethod: optionalEnum(LAYING_METHODS, 'Выберите способ прокладки кабеля'),
  crossSectionMm2: z.preprocess(
    (v) => toNumber(v) ?? undefined,
    z.number({ error: 'Сечение — число, в мм²' }).gt(0, 'Сечение должно быть больше нуля').max(10_000, 'Слишком большое сечение').optional(),
  ),
  lengthM: requiredNumber('Укажите длину участка целым числом метров').pipe(
    z.number().int('Длина участка — целое число метров').min(1, 'Длина участка — хотя бы 1 м').max(100_000, 'Не больше 100 000 м'),
  ),
});
export type LineSegment = z.output<typeof lineSegmentSchema>;

/**
 * (1) The application's facts: what the applicant states (category, power, voltage,
 * reliability, territory, distance, preferential group) and where/when the tariff is
 * taken from (region, date). `maxPowerKw` is the TOTAL maximum power after the
 * connection, including `previousPowerKw` already connected at the same point, as the
 * application form defines them (domain/application.ts: «С учётом ранее присоединённой»).
 * A plain z.object, so callers may .pick/.extend it; cross-field checks are in
 * `refineApplicationFacts`.
 */
export const applicationFactsSchema = z.object({
  region: z.string({ error: 'Выберите регион' }).trim().min(1, 'Выберите регион').max(200, 'Выберите регион из списка'),
  /** The day whose tariff applies (the application's date); today when absent. */
  date: z.string().refine(isIsoDate, 'Дата расчёта — в формате ГГГГ-ММ-ДД').optional(),
  category: z.enum(CATEGORIES, { error: 'Выберите категорию заявителя' }),
  maxPowerKw: requiredNumber('Укажите максимальную мощность числом, в кВт')
    .pipe(z.number().gt(0, 'Максимальная мощность должна быть больше нуля').max(1_000_000, 'Слишком большое значение мощности')),
  /** Power already connected at the same point (a power increase); 0 for a new connection. */
  previousPowerKw: z
    .preprocess((v) => toNumber(v) ?? 0, z.number({ error: 'Ранее присоединённая мощность — число, в кВт' }).min(0, 'Ранее присоединённая мощность не может быть отрицательной').max(1_000_000, 'Слишком большое значение мощности'))
    .optional()
    .transform((v) => v ?? 0),
  voltageKv: requiredNumber('Выберите уровень напряжения').refine((v) => (VOLTAGES_KV as readonly number[]).includes(v), 'Выберите уровень напряжения'),
  reliability: z.enum(RELIABILITY, { error: 'Выберите категорию надёжности' }),
  territory: z.enum(TERRITORIES, { error: 'Укажите, городская или сельская территория' }),
  distanceToNetworkM: requiredNumber('Укажите расстояние до сетей в метрах')
    .pipe(z.number().min(0, 'Расстояние не может быть отрицательным').max(100_000, 'Расстояние — не больше 100 000 м')),
  preferentialGroup: z.enum(['none', ...PREFERENTIAL_GROUPS], { error: 'Выберите льготную категорию или «Нет»' }).default('none'),
  /** A temporary connection pays the set's C1.temp where the decision has one. */
  connectionKind: z.enum(CONNECTION_KINDS, { error: 'Выберите вид присоединения' }).default('permanent'),
});
export type ApplicationFacts = z.output<typeof applicationFactsSchema>;

/**
 * (2) The construction scope: what the grid decides must be built and installed for
 * this connection (lines, sectionalising points, substations, metering). Staff set it
 * when they prepare the contract documents; a visitor estimates it in the calculator.
 * A plain z.object (no refinements) so .shape/.extend work; the cross-field check is
 * `refineConstructionScope`. Every field has a default, so `constructionScopeSchema.parse({ meteringType })`
 * is a valid «no construction» scope.
 */
export const constructionScopeSchema = z.object({
  constructionNeeded: z.boolean().default(false),
  /** Overhead line length without details: priced by the set's C2 row with '*' in the detail columns. */
  overheadLineM: optionalCount('Длина воздушной линии — целое число метров', 100_000, 'м'),
  /** Cable line length without details: priced by the set's C3 row with '*' in the detail columns. */
  cableLineM: optionalCount('Длина кабельной линии — целое число метров', 100_000, 'м'),
  /** Line segments with their type, laying method and cross-section: each priced by the most specific C2/C3 row. */
  lineSegments: z.array(lineSegmentSchema, { error: 'Участки линии — список' }).max(MAX_SEGMENTS, `Не больше ${MAX_SEGMENTS} участков линии`).default([]),
  sectionalisingPoints: optionalCount('Число пунктов секционирования — целое число', 50, 'шт.'),
  transformerSubstation: z.boolean().default(false),
  /** Type and capacity of the transformer substation (C5), when the set's C5 rates are split by them. */
  transformerSubstationType: optionalEnum(SUBSTATION_TYPES, 'Выберите тип трансформаторной подстанции'),
  transformerSubstationKva: optionalCapacity('трансформаторной подстанции'),
  distributionSubstation: z.boolean().default(false),
  /** Type and capacity of the distribution substation (C6), when the set's C6 rates are split by them. */
  distributionSubstationType: optionalEnum(SUBSTATION_TYPES, 'Выберите тип распределительной подстанции'),
  distributionSubstationKva: optionalCapacity('распределительной подстанции'),
  substation35: z.boolean().default(false),
  meteringType: z.enum(METERING_TYPES, { error: 'Выберите прибор учёта' }),
  meteringPoints: optionalInteger(1, z.number({ error: 'Число точек учёта — целое число' }).int('Число точек учёта — целое число').min(1, 'Хотя бы одна точка учёта').max(100, 'Не больше 100 точек учёта')),
});
export type ConstructionScope = z.output<typeof constructionScopeSchema>;
export type ConstructionScopeInput = z.input<typeof constructionScopeSchema>;

/** Cross-field checks of the facts (power for the category, ≤15 kW conditions, power increase). */
export function refineApplicationFacts(v: ApplicationFacts, ctx: z.RefinementCtx): void {
  const { min, max } = CATEGORY_POWER[v.category];
  if (v.maxPowerKw > max || (min > 0 && v.maxPowerKw <= min)) {
    ctx.addIssue({ code: 'custom', path: ['maxPowerKw'], message: `Для выбранной категории мощность должна быть ${min > 0 ? `больше ${min} и ` : ''}не больше ${max} кВт` });
  }
  if (v.previousPowerKw >= v.maxPowerKw) {
    ctx.addIssue({
      code: 'custom',
      path: ['previousPowerKw'],
      message: 'Ранее присоединённая мощность должна быть меньше максимальной: максимальная мощность указывается с учётом ранее присоединённой',
    });
  }
  if (v.category === 'individual15') {
    if (v.reliability !== 'III') ctx.addIssue({ code: 'custom', path: ['reliability'], message: 'Для бытовых нужд до 15 кВт — III категория надёжности' });
    if (v.voltageKv > 0.4) ctx.addIssue({ code: 'custom', path: ['voltageKv'], message: 'Для бытовых нужд до 15 кВт — напряжение до 0,4 кВ' });
  } else if (v.preferentialGroup !== 'none') {
    ctx.addIssue({ code: 'custom', path: ['preferentialGroup'], message: 'Льгота по оплате есть только у физических лиц с мощностью до 15 кВт для бытовых нужд' });
  }
}

/** Cross-field checks of the scope: «construction needed» names something to build. */
export function refineConstructionScope(v: ConstructionScope, ctx: z.RefinementCtx): void {
  const somethingBuilt =
    v.overheadLineM > 0 || v.cableLineM > 0 || v.lineSegments.length > 0 || v.sectionalisingPoints > 0 || v.transformerSubstation || v.distributionSubstation || v.substation35;
  if (v.constructionNeeded && !somethingBuilt) {
    ctx.addIssue({ code: 'custom', path: ['overheadLineM'], message: 'Укажите, что нужно построить: длину воздушной или кабельной линии, пункты секционирования или подстанцию' });
  }
  v.lineSegments.forEach((segment, i) => {
    if (segment.layingMethod && LINE_TYPE_INFO[segment.lineType].item !== 'C3') {
      ctx.addIssue({ code: 'custom', path: ['lineSegments', i, 'layingMethod'], message: `Участок ${i + 1}: способ прокладки указывается только для кабельной линии` });
    }
  });
  const details = [
    ['transformerSubstation', v.transformerSubstation, v.transformerSubstationType, v.transformerSubstationKva, 'трансформаторная подстанция'],
    ['distributionSubstation', v.distributionSubstation, v.distributionSubstationType, v.distributionSubstationKva, 'распределительная подстанция'],
  ] as const;
  for (const [field, built, type, kva, what] of details) {
    if (!built && (type !== undefined || kva !== undefined)) {
      ctx.addIssue({ code: 'custom', path: [type !== undefined ? `${field}Type` : `${field}Kva`], message: `Тип или мощность указаны, но ${what} не отмечена как строящаяся` });
    }
  }
}

/** The calculator's whole input: the application's facts + the construction scope. */
export const calculatorInputSchema = z.object({ ...applicationFactsSchema.shape, ...constructionScopeSchema.shape }).superRefine((v, ctx) => {
  refineApplicationFacts(v, ctx);
  refineConstructionScope(v, ctx);
});

export type CalculatorInput = z.output<typeof calculatorInputSchema>;
export type CalculatorFormInput = z.input<typeof calculatorInputSchema>;

// --- the result ---------------------------------------------------------------------------

export type FeeLineCode = 'C1' | 'C2' | 'C3' | 'C4' | 'C5-7' | 'C8' | 'VAT' | 'CAP';

export interface FeeLine {
  code: FeeLineCode;
  /** Russian, with the arithmetic: «C2·L — строительство воздушных линий, 0,15 км × 2 332 446 ₽/км». */
  label: string;
  amountRub: number;
  /** E.g. «условное значение (образец)» when the rate is illustrative. */
  note?: string;
}

export type FeeRule = 'standardized' | 'noConstruction' | 'regionalCap' | 'groupCap';

/** The power the fee is charged on: for a power increase the increment over the power already connected. */
export interface FeePower {
  /** Maximum power after the connection (the application's maxPowerKw). */
  totalKw: number;
  /** Power already connected at the same point. */
  previousKw: number;
  /** totalKw − previousKw: the N of the formula and of the ≤15 kW cap. */
  chargedKw: number;
}

export interface FeeResult {
  lines: FeeLine[];
  power: FeePower;
  totalRub: number;
  /** The cost at the standardized rates with VAT, before any cap. */
  standardizedRub: number;
  /** VAT contained in the total (added and included). */
  vatRub: number;
  rule: FeeRule;
  /** The rule that set the total, in words. */
  ruleApplied: string;
  tariff: { id: string; region: string; title: string; validFrom: IsoDate; validTo: IsoDate | null; decision: string; sample: boolean; source: string; vatRatePercent: number };
}

/** The tariff lacks a rate the input needs: a gap in the data, told in words. */
export class FeeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeeError';
  }
}

// --- the computation ----------------------------------------------------------------------

interface Part {
  amountKop: Kop;
  vatIncluded: boolean;
}

interface Line {
  code: FeeLineCode;
  label: string;
  parts: Part[];
  note?: string;
}

const rub = (kop: Kop) => formatKop(kop);
const withVatMark = (rate: TariffRate) => (rate.vatIncluded ? ' (ставка с НДС)' : '');
const WATTS_PER_KW = 1000;
const METRES_PER_KM = 1000;

export function calculateFee(input: CalculatorInput, tariff: Tariff): FeeResult {
  const voltageClass = voltageClassOf(input.voltageKv);
  const key = { category: input.category, territory: input.territory, voltageClass };
  // A power increase pays for the added power only (DOMAIN §9 ◐, FEE_RULES.powerIncrease); maxPowerKw is the total.
  const totalW = Math.round(input.maxPowerKw * WATTS_PER_KW);
  const previousW = Math.round(input.previousPowerKw * WATTS_PER_KW);
  const powerW = totalW - previousW;
  const powerText =
    previousW > 0
      ? `${formatQuantity(powerW / WATTS_PER_KW)} кВт (прирост: ${formatQuantity(totalW / WATTS_PER_KW)} − ${formatQuantity(previousW / WATTS_PER_KW)} кВт)`
      : `${formatQuantity(powerW / WATTS_PER_KW)} кВт`;
  const power: FeePower = { totalKw: totalW / WATTS_PER_KW, previousKw: previousW / WATTS_PER_KW, chargedKw: powerW / WATTS_PER_KW };

  const rate = (item: TariffItem, details: RateKey['details'] = {}): TariffRate => {
    const found = findRate(tariff.rates, item, { ...key, details });
    if (!found) {
      const detailText = rateDetailsLabel(details);
      throw new FeeError(
        `В тарифах «${tariff.title}» нет ставки ${item} (${TARIFF_ITEM_INFO[item].label}${detailText ? `: ${detailText}` : ''}) для категории «${CATEGORY_LABELS[input.category]}», ` +
          `${input.territory === 'urban' ? 'городской' : 'сельской'} территории и напряжения ${formatQuantity(input.voltageKv)} кВ. ` +
          (Object.keys(details).length
            ? 'Проверьте тип, способ прокладки, сечение или мощность — или обратитесь в сетевую организацию.'
            : ['C2', 'C3', 'C5', 'C6'].includes(item)
              ? 'Ставки этого набора разбиты по типу линии, сечению, способу прокладки или мощности подстанции — укажите их.'
              : 'Расчёт по ним невозможен — обратитесь в сетевую организацию.'),
      );
    }
    return found;
  };
  const noteOf = (...rates: TariffRate[]) => [...new Set(rates.map((r) => r.note).filter(Boolean))].join('; ') || undefined;

  const lines: Line[] = [];
  // A temporary connection pays its own C1 where the decision sets one, else the general C1.
  const c1Temporary = input.connectionKind === 'temporary' ? findRate(tariff.rates, 'C1.temp', key) : null;
  const c1 = c1Temporary ?? rate('C1');
  const c1Label = c1Temporary ? `C1 — ${TARIFF_ITEM_INFO['C1.temp'].label}` : `C1 — ${TARIFF_ITEM_INFO.C1.label}`;
  const c1Note = input.connectionKind === 'temporary' && !c1Temporary ? 'Отдельной ставки C1 для временного присоединения в решении нет: применена общая ставка C1' : undefined;
  lines.push({ code: 'C1', label: `${c1Label}, ${rub(c1.rateKop)} за присоединение${withVatMark(c1)}`, parts: [{ amountKop: c1.rateKop, vatIncluded: c1.vatIncluded }], note: [noteOf(c1), c1Note].filter(Boolean).join('; ') || undefined });

  if (input.constructionNeeded) {
    for (const [item, metres] of [['C2', input.overheadLineM], ['C3', input.cableLineM]] as const) {
      if (metres <= 0) continue;
      const r = rate(item);
      lines.push({
        code: item,
        label: `${item}·L — ${TARIFF_ITEM_INFO[item].label}, ${formatQuantity(metres / METRES_PER_KM)} км × ${rub(r.rateKop)}/км${withVatMark(r)}`,
        parts: [{ amountKop: mulDivRound(r.rateKop, metres, METRES_PER_KM), vatIncluded: r.vatIncluded }],
        note: noteOf(r),
      });
    }
    // Each segment is its own priced line: the decisions set a rate per type, laying method and cross-section.
    input.lineSegments.forEach((segment, i) => {
      const item = LINE_TYPE_INFO[segment.lineType].item;
      const details: NonNullable<RateKey['details']> = {
        lineType: segment.lineType,
        ...(segment.layingMethod ? { layingMethod: segment.layingMethod } : {}),
        ...(segment.crossSectionMm2 !== undefined ? { crossSection: crossSectionBandOf(segment.crossSectionMm2) } : {}),
      };
      const r = rate(item, details);
      const what = [
        LINE_TYPE_INFO[segment.lineType].label,
        segment.layingMethod ? LAYING_METHOD_LABELS[segment.layingMethod] : null,
        segment.crossSectionMm2 !== undefined ? `${formatQuantity(segment.crossSectionMm2)} мм²` : null,
      ]
        .filter(Boolean)
        .join(', ');
      lines.push({
        code: item,
        label: `${item}·L — участок ${i + 1}: ${what}; ${formatQuantity(segment.lengthM / METRES_PER_KM)} км × ${rub(r.rateKop)}/км${withVatMark(r)}`,
        parts: [{ amountKop: mulDivRound(r.rateKop, segment.lengthM, METRES_PER_KM), vatIncluded: r.vatIncluded }],
        note: noteOf(r),
      });
    });
    if (input.sectionalisingPoints > 0) {
      const r = rate('C4');
      lines.push({
        code: 'C4',
        label: `C4·n — ${TARIFF_ITEM_INFO.C4.label}, ${input.sectionalisingPoints} шт. × ${rub(r.rateKop)}${withVatMark(r)}`,
        parts: [{ amountKop: r.rateKop * input.sectionalisingPoints, vatIncluded: r.vatIncluded }],
        note: noteOf(r),
      });
    }
    const substationDetails = (type: (typeof SUBSTATION_TYPES)[number] | undefined, kva: number | undefined): NonNullable<RateKey['details']> => ({
      ...(type ? { substationType: type } : {}),
      ...(kva !== undefined ? { capacity: capacityBandOf(kva) } : {}),
    });
    const substationText = (type: (typeof SUBSTATION_TYPES)[number] | undefined, kva: number | undefined) =>
      [type ? SUBSTATION_TYPE_LABELS[type] : null, kva !== undefined ? `${formatQuantity(kva)} кВА` : null].filter(Boolean).join(', ');
    const substations = (
      [
        ['C5', input.transformerSubstation, substationDetails(input.transformerSubstationType, input.transformerSubstationKva), substationText(input.transformerSubstationType, input.transformerSubstationKva)],
        ['C6', input.distributionSubstation, substationDetails(input.distributionSubstationType, input.distributionSubstationKva), substationText(input.distributionSubstationType, input.distributionSubstationKva)],
        ['C7', input.substation35, {}, ''],
      ] as const
    )
      .filter(([, built]) => built)
      .map(([item, , details, text]) => ({ item, r: rate(item, details), text }));
    if (substations.length) {
      const codes = substations.map((s) => (s.text ? `${s.item} (${s.text})` : s.item)).join(' + ');
      const rates = substations.map((s) => `${rub(s.r.rateKop)}${withVatMark(s.r)}`).join(' + ');
      lines.push({
        code: 'C5-7',
        label: `(${codes})·N — строительство подстанций, ${powerText} × ${substations.length > 1 ? `(${rates})` : rates} за кВт`,
        // One priced item per substation kind, each rounded, summed into the formula's one line.
        parts: substations.map((s) => ({ amountKop: mulDivRound(s.r.rateKop, powerW, WATTS_PER_KW), vatIncluded: s.r.vatIncluded })),
        note: noteOf(...substations.map((s) => s.r)),
      });
    }
  }

  if (input.meteringType !== 'none') {
    const item = METER_ITEM[input.meteringType];
    const r = rate(item);
    lines.push({
      code: 'C8',
      label: `C8·Q — ${TARIFF_ITEM_INFO[item].label}, ${input.meteringPoints} шт. × ${rub(r.rateKop)}${withVatMark(r)}`,
      parts: [{ amountKop: r.rateKop * input.meteringPoints, vatIncluded: r.vatIncluded }],
      note: noteOf(r),
    });
  }

  // VAT per priced item, as a счёт-фактура charges it.
  const vatBp = Math.round(tariff.vatRatePercent * 100);
  const allParts = lines.flatMap((l) => l.parts);
  const vatAddedKop = allParts.filter((p) => !p.vatIncluded).reduce((sum, p) => sum + mulDivRound(p.amountKop, vatBp, 10_000), 0);
  const vatInsideKop = allParts.filter((p) => p.vatIncluded).reduce((sum, p) => sum + mulDivRound(p.amountKop, vatBp, 10_000 + vatBp), 0);
  const linesKop = allParts.reduce((sum, p) => sum + p.amountKop, 0);
  const standardizedKop = linesKop + vatAddedKop;
  const vatText = `${formatQuantity(tariff.vatRatePercent, 2)} %`;
  const includedCodes = lines.filter((l) => l.parts.some((p) => p.vatIncluded)).map((l) => l.code);
  const vatLabel =
    includedCodes.length === 0
      ? `НДС ${vatText}`
      : includedCodes.length === lines.length
        ? `НДС ${vatText} уже включён в ставки (в том числе ${rub(vatInsideKop)})`
        : `НДС ${vatText} к ставкам без НДС (ставки ${includedCodes.join(', ')} указаны с НДС, в них ${rub(vatInsideKop)})`;

  const out: FeeLine[] = lines.map((l) => ({ code: l.code, label: l.label, amountRub: kopToRub(l.parts.reduce((s, p) => s + p.amountKop, 0)), ...(l.note ? { note: l.note } : {}) }));
  out.push({ code: 'VAT', label: vatLabel, amountRub: kopToRub(vatAddedKop) });

  const decision = applyCap(input, tariff, standardizedKop, vatBp, powerW, powerText);
  if (decision.capKop !== null && decision.capKop < standardizedKop) {
    out.push({ code: 'CAP', label: decision.capLabel, amountRub: kopToRub(decision.capKop - standardizedKop) });
  }
  const totalKop = decision.capKop !== null ? Math.min(decision.capKop, standardizedKop) : standardizedKop;
  const capped = totalKop < standardizedKop;
  // The VAT inside a capped total is the share of the cap, not of the standardized sum.
  const vatKop = capped ? mulDivRound(totalKop, vatBp, 10_000 + vatBp) : vatAddedKop + vatInsideKop;

  const increase =
    previousW > 0
      ? `Увеличение мощности: плата рассчитана на прирост ${powerText}; право на льготу до 15 кВт определено по суммарной мощности ${formatQuantity(totalW / WATTS_PER_KW)} кВт (${FEE_RULES.powerIncrease.source}). `
      : '';
  return {
    lines: out,
    power,
    totalRub: kopToRub(totalKop),
    standardizedRub: kopToRub(standardizedKop),
    vatRub: kopToRub(vatKop),
    rule: decision.rule,
    ruleApplied: `${increase}${decision.ruleApplied}`,
    tariff: {
      id: tariff.id,
      region: tariff.region,
      title: tariff.title,
      validFrom: tariff.validFrom,
      validTo: tariff.validTo,
      decision: tariff.decision,
      sample: tariff.sample,
      source: tariff.source,
      vatRatePercent: tariff.vatRatePercent,
    },
  };
}

const kopToRub = (kop: Kop) => kop / 100;

interface CapDecision {
  capKop: Kop | null;
  capLabel: string;
  rule: FeeRule;
  ruleApplied: string;
}

/** Why the cap for individuals up to 15 kW does not apply, or null when it does. */
export function capIneligibility(input: Pick<CalculatorInput, 'category' | 'maxPowerKw' | 'reliability' | 'voltageKv' | 'territory' | 'distanceToNetworkM'>): string | null {
  const c = SMALL_INDIVIDUAL_CAP;
  if (input.category !== c.category) return 'предел платы действует только для физических лиц с мощностью до 15 кВт для бытовых нужд';
  if (input.maxPowerKw > c.maxPowerKw) return `предел платы действует при мощности не больше ${c.maxPowerKw} кВт`;
  if (input.reliability !== c.reliability) return 'предел платы действует для III категории надёжности';
  if (input.voltageKv > c.maxVoltageKv) return 'предел платы действует при напряжении до 0,4 кВ';
  const limit = c.maxDistanceM[input.territory];
  if (input.distanceToNetworkM > limit) {
    const where = input.territory === 'urban' ? 'в городе' : 'в сельской местности';
    return `предел платы для физических лиц до 15 кВт действует не далее ${limit} м от сетей ${where}, а указано ${formatQuantity(input.distanceToNetworkM)} м`;
  }
  return null;
}

function applyCap(input: CalculatorInput, tariff: Tariff, standardizedKop: Kop, vatBp: number, powerW: number, powerText: string): CapDecision {
  const standardRule = (): Pick<CapDecision, 'rule' | 'ruleApplied'> =>
    input.constructionNeeded
      ? { rule: 'standardized', ruleApplied: `Плата по стандартизированным ставкам: P = C1 + C2·L + C3·L + C4·n + (C5 + C6 + C7)·N + C8·Q (${FAS_METHOD})` }
      : { rule: 'noConstruction', ruleApplied: `Плата без строительства объектов электросетевого хозяйства: P = C1 + C8·Q (${FAS_METHOD})` };
  const none = (why?: string): CapDecision => {
    const base = standardRule();
    return { capKop: null, capLabel: '', rule: base.rule, ruleApplied: why ? `${base.ruleApplied}. ${capitalise(why)}` : base.ruleApplied };
  };

  const group = input.preferentialGroup === 'none' ? null : input.preferentialGroup;
  const why = capIneligibility(input);
  if (why) return none(group && input.category === 'individual15' ? `${why}; льгота ${rub(PREFERENTIAL_GROUP_RATE.perKwKop)} за кВт тоже не применяется` : input.category === 'individual15' ? why : undefined);

  const regional = tariff.preferentialRatePerKwKop === null ? null : { perKwKop: tariff.preferentialRatePerKwKop, vatIncluded: tariff.preferentialRateVatIncluded };
  const grossOf = (rate: { perKwKop: Kop; vatIncluded: boolean }) => {
    const amount = mulDivRound(rate.perKwKop, powerW, WATTS_PER_KW);
    return rate.vatIncluded ? amount : amount + mulDivRound(amount, vatBp, 10_000);
  };
  // A preferential group pays 1 000 ₽/kW, unless the region's own rate is lower still.
  const candidates = [group ? { ...PREFERENTIAL_GROUP_RATE, byGroup: true } : null, regional ? { ...regional, byGroup: false } : null]
    .filter((c) => c !== null)
    .map((c) => ({ ...c, capKop: grossOf(c) }))
    .sort((a, b) => a.capKop - b.capKop);
  const capRate = candidates[0];
  if (!capRate) return none('Льготная ставка для физических лиц до 15 кВт в тарифах региона не указана');

  const { capKop, byGroup } = capRate;
  const capText = `${rub(capRate.perKwKop)} × ${powerText} = ${formatKop(capKop, { kopecks: 'always' })}${capRate.vatIncluded ? '' : ' с НДС'}`;
  const conditions = `до 0,4 кВ, III категория надёжности, не далее ${SMALL_INDIVIDUAL_CAP.maxDistanceM[input.territory]} м от сетей ${input.territory === 'urban' ? 'в городе' : 'в сельской местности'}`;
  const title =
    byGroup && group
      ? `Льготный тариф: не больше ${rub(PREFERENTIAL_GROUP_RATE.perKwKop)} за кВт для льготных категорий граждан (${PREFERENTIAL_GROUP_LABELS[group]})`
      : `Льготная ставка для физических лиц до 15 кВт: не больше ${rub(capRate.perKwKop)} за кВт (${conditions})`;

  if (capKop < standardizedKop) {
    return {
      capKop,
      capLabel: `Ограничение платы: ${byGroup ? 'льготная категория граждан' : 'физическое лицо до 15 кВт'}, не больше ${capText}`,
      rule: byGroup ? 'groupCap' : 'regionalCap',
      ruleApplied: `${title}: ${capText} вместо ${formatKop(standardizedKop, { kopecks: 'always' })} по стандартизированным ставкам (${SMALL_INDIVIDUAL_CAP.source})`,
    };
  }
  const base = standardRule();
  return {
    capKop,
    capLabel: '',
    rule: base.rule,
    ruleApplied: `${base.ruleApplied}. Стоимость по стандартизированным ставкам не больше предела ${byGroup ? 'для льготных категорий граждан' : 'для физических лиц до 15 кВт'} (${capText}), поэтому платится она`,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
