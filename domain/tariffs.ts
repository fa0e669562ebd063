// Tariffs for technological connection as data (DOMAIN §4): a tariff SET is one
// regional decision for a period; its ROWS are the standardized rates keyed by
// applicant category × territory × voltage class × item of the formula. Sets are
// never edited: a new decision is a new set that supersedes by its start date.
import { z } from 'zod';
import './zod-ru';
import { CATEGORY_LABELS, TARIFF_CATEGORIES, tariffCategoryOf, type Category, type TariffCategory } from './application';
import { isIsoDate, type IsoDate } from './calendar';
import { rubToKop, type Kop } from './money';

// --- keys of a rate -----------------------------------------------------------------

/** A key column may name one value or '*' for «любой» (a rate shared by all). */
export const ANY = '*';
export type Any = typeof ANY;

export const TERRITORIES = ['urban', 'rural'] as const;
export type Territory = (typeof TERRITORIES)[number];
export const TERRITORY_LABELS: Record<Territory, string> = { urban: 'городская территория', rural: 'сельская территория' };

/** Voltage classes of the regional decisions: the level the rate is set for. */
export const VOLTAGE_CLASSES = ['0.4', '1-20', '35', '110'] as const;
export type VoltageClass = (typeof VOLTAGE_CLASSES)[number];
export const VOLTAGE_CLASS_LABELS: Record<VoltageClass, string> = {
  '0.4': 'до 0,4 кВ включительно',
  '1-20': '1–20 кВ',
  '35': '35 кВ',
  '110': '110 кВ и выше',
};

export function voltageClassOf(voltageKv: number): VoltageClass {
  if (!Number.isFinite(voltageKv) || voltageKv <= 0) throw new RangeError(`Not a voltage: ${voltageKv}`);
  if (voltageKv <= 0.4) return '0.4';
  if (voltageKv <= 20) return '1-20';
  if (voltageKv <= 35) return '35';
  return '110';
}

/**
 * The items of P = C1 + C2·L + C3·L + C4·n + (C5 + C6 + C7)·N + C8·Q
 * (методические указания, утв. приказом ФАС России от 29.08.2017 № 1135/17).
 * C8 is split by meter type, as the decisions do (С8.1, С8.2, С8.3); C1.temp is
 * C1 of a temporary connection, where a decision sets one.
 */
export const TARIFF_ITEMS = ['C1', 'C1.temp', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8.1', 'C8.2', 'C8.3'] as const;
export type TariffItem = (typeof TARIFF_ITEMS)[number];

export const TARIFF_ITEM_INFO: Record<TariffItem, { label: string; unit: string }> = {
  C1: { label: 'подготовка и выдача технических условий, проверка их выполнения', unit: '₽ за присоединение' },
  // Some regional decisions set a separate C1 for a temporary connection (DOMAIN §9, ◐: e.g. 21 128,05 ₽ без НДС
  // in one 2018 decision); where a set has none, a temporary connection pays the general C1.
  'C1.temp': { label: 'подготовка и выдача технических условий, проверка их выполнения при временном технологическом присоединении', unit: '₽ за присоединение' },
  C2: { label: 'строительство воздушных линий', unit: '₽/км' },
  C3: { label: 'строительство кабельных линий', unit: '₽/км' },
  C4: { label: 'строительство пунктов секционирования', unit: '₽/шт.' },
  C5: { label: 'строительство трансформаторных подстанций', unit: '₽/кВт' },
  C6: { label: 'строительство распределительных трансформаторных подстанций', unit: '₽/кВт' },
  C7: { label: 'строительство центров питания, подстанций 35 кВ и выше', unit: '₽/кВт' },
  'C8.1': { label: 'средства учёта: однофазный прибор учёта', unit: '₽ за точку учёта' },
  'C8.2': { label: 'средства учёта: трёхфазный прибор учёта прямого включения', unit: '₽ за точку учёта' },
  'C8.3': { label: 'средства учёта: трёхфазный прибор учёта полукосвенного или косвенного включения', unit: '₽ за точку учёта' },
};

// --- construction detail keys (C2/C3 by line, C5/C6 by substation) ----------------
// Regional decisions follow the structure of the FAS method (приказ № 1135/17, ◐ as
// the decisions publish it): C2 for overhead lines by conductor and cross-section,
// C3 for cable lines by laying method, cable and cross-section, C5/C6 for
// substations by type and transformer capacity. A rate row names these or '*'.

/** The conductor/cable type of a line (column `lineType`). Overhead ones go with C2, cable ones with C3. */
export const LINE_TYPES = ['sip', 'bare', 'plastic', 'paper'] as const;
export type LineType = (typeof LINE_TYPES)[number];
export const LINE_TYPE_INFO: Record<LineType, { label: string; item: 'C2' | 'C3' }> = {
  sip: { label: 'ВЛ, самонесущий изолированный провод (СИП)', item: 'C2' },
  bare: { label: 'ВЛ, неизолированный провод', item: 'C2' },
  plastic: { label: 'КЛ, кабель с пластмассовой или резиновой изоляцией', item: 'C3' },
  paper: { label: 'КЛ, кабель с бумажной изоляцией', item: 'C3' },
};

/** How a cable line is laid (column `laying`); cable lines (C3) only. */
export const LAYING_METHODS = ['trench', 'hdd', 'blocks', 'channels'] as const;
export type LayingMethod = (typeof LAYING_METHODS)[number];
export const LAYING_METHOD_LABELS: Record<LayingMethod, string> = {
  trench: 'в траншее',
  hdd: 'горизонтальное наклонно-направленное бурение (ГНБ)',
  blocks: 'в блоках или трубах',
  channels: 'в каналах, туннелях, коллекторах',
};

/** Cross-section bands of a conductor, мм² (column `crossSection`); upper bound inclusive. */
export const CROSS_SECTION_BANDS = ['upTo50', '50-100', '100-200', '200-500', '500-800', 'over800'] as const;
export type CrossSectionBand = (typeof CROSS_SECTION_BANDS)[number];
const CROSS_SECTION_UPPER: Record<CrossSectionBand, number> = { upTo50: 50, '50-100': 100, '100-200': 200, '200-500': 500, '500-800': 800, over800: Infinity };
export const CROSS_SECTION_LABELS: Record<CrossSectionBand, string> = {
  upTo50: 'сечение до 50 мм² включительно',
  '50-100': 'сечение свыше 50 до 100 мм² включительно',
  '100-200': 'сечение свыше 100 до 200 мм² включительно',
  '200-500': 'сечение свыше 200 до 500 мм² включительно',
  '500-800': 'сечение свыше 500 до 800 мм² включительно',
  over800: 'сечение свыше 800 мм²',
};
export function crossSectionBandOf(mm2: number): CrossSectionBand {
  if (!Number.isFinite(mm2) || mm2 <= 0) throw new RangeError(`Not a cross-section: ${mm2}`);
  return CROSS_SECTION_BANDS.find((b) => mm2 <= CROSS_SECTION_UPPER[b])!;
}

/** Substation type (column `substationType`): by the number of transformers. C5/C6 only. */
export const SUBSTATION_TYPES = ['single', 'double'] as const;
export type SubstationType = (typeof SUBSTATION_TYPES)[number];
export const SUBSTATION_TYPE_LABELS: Record<SubstationType, string> = { single: 'однотрансформаторная', double: 'двухтрансформаторная' };

/** Transformer capacity bands, кВА (column `capacity`); upper bound inclusive. C5/C6 only. */
export const CAPACITY_BANDS = ['upTo25', '25-100', '100-250', '250-500', '500-900', '900-1000', 'over1000'] as const;
export type CapacityBand = (typeof CAPACITY_BANDS)[number];
const CAPACITY_UPPER: Record<CapacityBand, number> = { upTo25: 25, '25-100': 100, '100-250': 250, '250-500': 500, '500-900': 900, '900-1000': 1000, over1000: Infinity };
export const CAPACITY_LABELS: Record<CapacityBand, string> = {
  upTo25: 'мощностью до 25 кВА включительно',
  '25-100': 'мощностью свыше 25 до 100 кВА включительно',
  '100-250': 'мощностью свыше 100 до 250 кВА включительно',
  '250-500': 'мощностью свыше 250 до 500 кВА включительно',
  '500-900': 'мощностью свыше 500 до 900 кВА включительно',
  '900-1000': 'мощностью свыше 900 до 1 000 кВА включительно',
  over1000: 'мощностью свыше 1 000 кВА',
};
export function capacityBandOf(kva: number): CapacityBand {
  if (!Number.isFinite(kva) || kva <= 0) throw new RangeError(`Not a capacity: ${kva}`);
  return CAPACITY_BANDS.find((b) => kva <= CAPACITY_UPPER[b])!;
}

/** Which items a detail column may name (anything else must be '*'). */
export const DETAIL_ITEMS = {
  lineType: ['C2', 'C3'],
  layingMethod: ['C3'],
  crossSection: ['C2', 'C3'],
  substationType: ['C5', 'C6'],
  capacity: ['C5', 'C6'],
} as const satisfies Record<string, readonly TariffItem[]>;
export type DetailColumn = keyof typeof DETAIL_ITEMS;
export const DETAIL_COLUMNS = Object.keys(DETAIL_ITEMS) as DetailColumn[];

export type RateCategory = TariffCategory | Any;
export type RateTerritory = Territory | Any;
export type RateVoltage = VoltageClass | Any;

// Decisions publish rates by power band: an individual up to 150 kW takes the band's (tariffCategoryOf).
export const RATE_CATEGORIES = [...TARIFF_CATEGORIES, ANY] as const;
export const RATE_TERRITORIES = [...TERRITORIES, ANY] as const;
export const RATE_VOLTAGES = [...VOLTAGE_CLASSES, ANY] as const;

export const RATE_LINE_TYPES = [...LINE_TYPES, ANY] as const;
export const RATE_LAYING_METHODS = [...LAYING_METHODS, ANY] as const;
export const RATE_CROSS_SECTIONS = [...CROSS_SECTION_BANDS, ANY] as const;
export const RATE_SUBSTATION_TYPES = [...SUBSTATION_TYPES, ANY] as const;
export const RATE_CAPACITIES = [...CAPACITY_BANDS, ANY] as const;

/** The construction details a rate is keyed by; all '*' for a rate without them (every old set). */
export interface RateDetails {
  lineType: LineType | Any;
  layingMethod: LayingMethod | Any;
  crossSection: CrossSectionBand | Any;
  substationType: SubstationType | Any;
  capacity: CapacityBand | Any;
}
export const NO_DETAILS: RateDetails = { lineType: ANY, layingMethod: ANY, crossSection: ANY, substationType: ANY, capacity: ANY };

/** The details in words («КЛ, …; ГНБ; сечение …»), or '' when the rate has none. */
export function rateDetailsLabel(d: Partial<RateDetails>): string {
  const parts = [
    d.lineType && d.lineType !== ANY ? LINE_TYPE_INFO[d.lineType].label : null,
    d.layingMethod && d.layingMethod !== ANY ? LAYING_METHOD_LABELS[d.layingMethod] : null,
    d.crossSection && d.crossSection !== ANY ? CROSS_SECTION_LABELS[d.crossSection] : null,
    d.substationType && d.substationType !== ANY ? SUBSTATION_TYPE_LABELS[d.substationType] : null,
    d.capacity && d.capacity !== ANY ? CAPACITY_LABELS[d.capacity] : null,
  ];
  return parts.filter(Boolean).join('; ');
}

export function rateKeyLabel(key: { category: RateCategory; territory: RateTerritory; voltageClass: RateVoltage } & Partial<RateDetails>): string {
  const parts = [
    key.category === ANY ? 'все категории заявителей' : CATEGORY_LABELS[key.category],
    key.territory === ANY ? 'любая территория' : TERRITORY_LABELS[key.territory],
    key.voltageClass === ANY ? 'любое напряжение' : VOLTAGE_CLASS_LABELS[key.voltageClass],
    rateDetailsLabel(key) || null,
  ];
  return parts.filter(Boolean).join('; ');
}

// --- VAT --------------------------------------------------------------------------------

/** The general VAT rate by period (НК РФ ст. 164 п. 3): the default of a new tariff set. */
export const VAT_RATES: ReadonlyArray<{ from: IsoDate; percent: number; source: string }> = [
  { from: '2019-01-01', percent: 20, source: 'НК РФ ст. 164 п. 3 в ред. ФЗ от 03.08.2018 № 303-ФЗ (◐)' },
  { from: '2026-01-01', percent: 22, source: 'НК РФ ст. 164 п. 3 в ред. ФЗ от 28.11.2025 № 425-ФЗ (◐)' },
];

/** The rate in force on a date, or null before the first one the cabinet knows. */
export function vatRateOn(date: IsoDate): { percent: number; source: string } | null {
  return [...VAT_RATES].reverse().find((r) => r.from <= date) ?? null;
}

// --- a set and its rates ---------------------------------------------------------------

/** Detail columns are optional: a rate without them (every set loaded before them) has '*' there. */
export interface TariffRate extends Partial<RateDetails> {
  category: RateCategory;
  territory: RateTerritory;
  voltageClass: RateVoltage;
  item: TariffItem;
  rateKop: Kop;
  /** The rate as stated in the decision already contains VAT. */
  vatIncluded: boolean;
  /** E.g. «условное значение» for an illustrative cell of the sample. */
  note: string;
}

export interface TariffSetInfo {
  id: string;
  region: string;
  title: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** The regulator's decision, e.g. «Постановление … от … № …». */
  decision: string;
  /** A sample («образец»), not a real regional decision. */
  sample: boolean;
  source: string;
  vatRatePercent: number;
  /** The regional rate per kW capping the fee of individuals up to 15 kW (ПП РФ № 1178), if set. */
  preferentialRatePerKwKop: Kop | null;
  preferentialRateVatIncluded: boolean;
}

export interface Tariff extends TariffSetInfo {
  rates: readonly TariffRate[];
}

export interface RateKey {
  category: Category;
  territory: Territory;
  voltageClass: VoltageClass;
  /** What the calculator knows of the line or substation; a detail left out matches only rows with '*' there. */
  details?: Partial<{ [K in DetailColumn]: Exclude<RateDetails[K], Any> }>;
}

/** Key columns in the order the decisions lay them out: on a tie the row naming the earlier column wins. */
const KEY_COLUMNS = ['category', 'territory', 'voltageClass', ...DETAIL_COLUMNS] as const;

/** The rate of an item for the key: an exact row beats a row with '*' in one of its columns. */
export function findRate(rates: readonly TariffRate[], item: TariffItem, key: RateKey): TariffRate | null {
  const wanted: Record<(typeof KEY_COLUMNS)[number], string | undefined> = {
    category: tariffCategoryOf(key.category),
    territory: key.territory,
    voltageClass: key.voltageClass,
    lineType: key.details?.lineType,
    layingMethod: key.details?.layingMethod,
    crossSection: key.details?.crossSection,
    substationType: key.details?.substationType,
    capacity: key.details?.capacity,
  };
  // Rows stored before the detail columns existed have none: they count as '*'.
  const column = (r: TariffRate, c: (typeof KEY_COLUMNS)[number]): string => (r[c] as string | undefined) ?? ANY;
  const matching = rates.filter((r) => r.item === item && KEY_COLUMNS.every((c) => column(r, c) === ANY || column(r, c) === wanted[c]));
  // More named columns first; ties between equally specific rows (e.g. one names the category, the other the
  // territory) go to the row that names the category, then the territory, …: the order of the decisions.
  const rank = (r: TariffRate) => {
    const named = KEY_COLUMNS.map((c) => column(r, c) !== ANY);
    return named.filter(Boolean).length * 2 ** KEY_COLUMNS.length + named.reduce((bits, n) => bits * 2 + Number(n), 0);
  };
  return matching.sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

// --- the set's own fields, as an admin enters them --------------------------------------

const isoDate = (what: string) => z.string().trim().refine(isIsoDate, `Укажите ${what} в формате ГГГГ-ММ-ДД`);

export const tariffSetMetaSchema = z
  .object({
    region: z.string().trim().min(1, 'Укажите регион').max(200, 'Название региона не длиннее 200 символов'),
    title: z.string().trim().min(1, 'Укажите название набора тарифов').max(300, 'Название не длиннее 300 символов'),
    validFrom: isoDate('дату начала действия'),
    validTo: isoDate('дату окончания действия').nullable().default(null),
    decision: z.string().trim().min(1, 'Укажите решение органа регулирования, например «Постановление … от … № …»').max(500, 'Не более 500 символов'),
    sample: z.boolean().default(false),
    source: z.string().trim().min(1, 'Укажите источник ставок').max(4000, 'Не более 4000 символов'),
    vatRatePercent: z.coerce
      .number({ error: 'Ставка НДС — число процентов, например 22' })
      .min(0, 'Ставка НДС не может быть отрицательной')
      .max(50, 'Ставка НДС не больше 50 %')
      .refine((v) => rubToKop(v) !== null, 'Ставка НДС — не больше двух знаков после запятой')
      .optional(),
    preferentialRatePerKw: z.coerce
      .number({ error: 'Льготная ставка — число рублей за кВт' })
      .min(0, 'Льготная ставка не может быть отрицательной')
      .max(1_000_000, 'Слишком большая льготная ставка')
      .refine((v) => rubToKop(v) !== null, 'Льготная ставка — не больше двух знаков после запятой (копейки)')
      .nullable()
      .default(null),
    preferentialRateVatIncluded: z.boolean().default(true),
  })
  .refine((v) => v.validTo === null || v.validTo >= v.validFrom, { path: ['validTo'], message: 'Дата окончания действия не может быть раньше даты начала' })
  .transform((v, ctx) => {
    const vatRatePercent = v.vatRatePercent ?? vatRateOn(v.validFrom)?.percent;
    if (vatRatePercent === undefined) {
      ctx.addIssue({ code: 'custom', path: ['vatRatePercent'], message: 'Укажите ставку НДС: для такой ранней даты начала действия она не подставляется сама' });
      return z.NEVER;
    }
    return { ...v, vatRatePercent };
  });

export type TariffSetMeta = z.output<typeof tariffSetMetaSchema>;
export type TariffSetMetaInput = z.input<typeof tariffSetMetaSchema>;
