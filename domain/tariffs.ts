// Tariffs for technological connection as data (DOMAIN §4): a tariff SET is one
// regional decision for a period; its ROWS are the standardized rates keyed by
// applicant category × territory × voltage class × item of the formula. Sets are
// never edited: a new decision is a new set that supersedes by its start date.
import { z } from 'zod';
import './zod-ru';
import { CATEGORIES, CATEGORY_LABELS, type Category } from './application';
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
 * C8 is split by meter type, as the decisions do (С8.1, С8.2, С8.3).
 */
export const TARIFF_ITEMS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8.1', 'C8.2', 'C8.3'] as const;
export type TariffItem = (typeof TARIFF_ITEMS)[number];

export const TARIFF_ITEM_INFO: Record<TariffItem, { label: string; unit: string }> = {
  C1: { label: 'подготовка и выдача технических условий, проверка их выполнения', unit: '₽ за присоединение' },
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

export type RateCategory = Category | Any;
export type RateTerritory = Territory | Any;
export type RateVoltage = VoltageClass | Any;

export const RATE_CATEGORIES = [...CATEGORIES, ANY] as const;
export const RATE_TERRITORIES = [...TERRITORIES, ANY] as const;
export const RATE_VOLTAGES = [...VOLTAGE_CLASSES, ANY] as const;

export function rateKeyLabel(key: { category: RateCategory; territory: RateTerritory; voltageClass: RateVoltage }): string {
  const parts = [
    key.category === ANY ? 'все категории заявителей' : CATEGORY_LABELS[key.category],
    key.territory === ANY ? 'любая территория' : TERRITORY_LABELS[key.territory],
    key.voltageClass === ANY ? 'любое напряжение' : VOLTAGE_CLASS_LABELS[key.voltageClass],
  ];
  return parts.join('; ');
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

export interface TariffRate {
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
}

const specificity = (r: TariffRate) => Number(r.category !== ANY) + Number(r.territory !== ANY) + Number(r.voltageClass !== ANY);

/** The rate of an item for the key: an exact row beats a row with '*' in one of its columns. */
export function findRate(rates: readonly TariffRate[], item: TariffItem, key: RateKey): TariffRate | null {
  const matching = rates.filter(
    (r) =>
      r.item === item &&
      (r.category === ANY || r.category === key.category) &&
      (r.territory === ANY || r.territory === key.territory) &&
      (r.voltageClass === ANY || r.voltageClass === key.voltageClass),
  );
  // Ties between equally specific rows (e.g. one names the category, the other the territory) go to the
  // row that names the category, then the territory: the order the decisions themselves are laid out in.
  const rank = (r: TariffRate) => specificity(r) * 8 + Number(r.category !== ANY) * 4 + Number(r.territory !== ANY) * 2 + Number(r.voltageClass !== ANY);
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
