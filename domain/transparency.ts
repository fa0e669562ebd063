// Open figures for visitors (issue 21): how long the grid actually takes at each
// stage against the statutory term, how fast appeals are answered, and the
// quarterly connection report of the disclosure standards (ПП РФ от 21.01.2004
// № 24, п.19). Pure: the SQL in db/read-models/transparency.ts fetches the stage
// intervals, this module counts working days on the production calendar and
// summarises; the web shows the same wording; CSV/JSON use the schemas here.
import { z } from 'zod';
import { CATEGORIES, CATEGORY_LABELS, type Category } from './application';
import { addCalendarDays, calendarDaysBetween, isWorkingDay, moscowDate, startOfMoscowDay, workingDaysBetween, type IsoDate, type ProductionCalendar } from './calendar';
import { toCsv } from './csv';
import type { Mark } from './regulations';

// --- quarters --------------------------------------------------------------------------------

export const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'Квартал указывается как ГГГГ-QN, например 2026-Q4');
export type Quarter = z.infer<typeof quarterSchema>;

export interface QuarterRange {
  quarter: Quarter;
  /** First day of the quarter and the first day after it, Moscow dates. */
  from: IsoDate;
  until: IsoDate;
  fromMs: number;
  untilMs: number;
}

export function quarterRange(quarter: Quarter): QuarterRange {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const month = (q - 1) * 3 + 1;
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const until = q === 4 ? `${year + 1}-01-01` : `${year}-${String(month + 3).padStart(2, '0')}-01`;
  return { quarter, from, until, fromMs: startOfMoscowDay(from), untilMs: startOfMoscowDay(until) };
}

/** The quarter an instant falls in, in Moscow time. */
export function quarterOf(instantMs: number): Quarter {
  const iso = moscowDate(instantMs);
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** This quarter and the ones before it, newest first: the choices of the quarter picker. */
export function recentQuarters(nowMs: number, count = 8): Quarter[] {
  const current = quarterOf(nowMs);
  let year = Number(current.slice(0, 4));
  let q = Number(current.slice(6));
  const out: Quarter[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-Q${q}`);
    q--;
    if (q === 0) {
      q = 4;
      year--;
    }
  }
  return out;
}

export const quarterLabel = (quarter: Quarter) => `${quarter.slice(6)} квартал ${quarter.slice(0, 4)} г.`;

// --- working days, fast ----------------------------------------------------------------------

const BASE_YEAR = 2000;

/**
 * workingDaysBetween for many pairs: per year a table of the working days run up to each
 * day, so a pair costs two look-ups instead of a walk over every day between. Equal to
 * workingDaysBetween on the same calendar (tests/unit/transparency.test.ts).
 */
export function workingDayCounter(calendar: ProductionCalendar): (fromIso: IsoDate, toIso: IsoDate) => number {
  const inYear = new Map<number, Int16Array>();
  const before = new Map<number, number>([[BASE_YEAR, 0]]);
  const table = (year: number) => {
    let t = inYear.get(year);
    if (!t) {
      const days = calendarDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
      t = new Int16Array(days + 1);
      let d = `${year}-01-01`;
      for (let i = 1; i <= days; i++, d = addCalendarDays(d, 1)) t[i] = t[i - 1]! + (isWorkingDay(d, calendar) ? 1 : 0);
      inYear.set(year, t);
    }
    return t;
  };
  const runBefore = (year: number): number => {
    const known = before.get(year);
    if (known !== undefined) return known;
    const value = runBefore(year - 1) + table(year - 1)[table(year - 1).length - 1]!;
    before.set(year, value);
    return value;
  };
  const cumulative = (iso: IsoDate) => {
    const year = Number(iso.slice(0, 4));
    return runBefore(year) + table(year)[calendarDaysBetween(`${year - 1}-12-31`, iso)]!;
  };
  return (fromIso, toIso) => {
    if (Number(fromIso.slice(0, 4)) < BASE_YEAR || Number(toIso.slice(0, 4)) < BASE_YEAR) return workingDaysBetween(fromIso, toIso, calendar);
    return cumulative(toIso) - cumulative(fromIso);
  };
}

// --- statistics ------------------------------------------------------------------------------

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks; null for no values. */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

// --- lead times ------------------------------------------------------------------------------

/** One stage a case passed, as the read model's history holds it. */
export interface StageInterval {
  stage: string;
  category: string;
  enteredAt: Date;
  leftAt: Date;
  deadlineAt: Date | null;
}

export interface LeadTimeRow {
  stage: string;
  /** A category of applicants, or 'all'. */
  category: Category | 'all';
  /** Stages left in the quarter. */
  count: number;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  /** Median statutory term of these stages in working days (from entry to the deadline), null when the stage has no term. */
  statutoryWorkingDays: number | null;
  /** Stages with a term. */
  withTerm: number;
  late: number;
  /** late / withTerm, 0…1; null when no stage had a term. */
  lateShare: number | null;
}

function summarise(stage: string, category: LeadTimeRow['category'], items: ReadonlyArray<{ actual: number; statutory: number | null; late: boolean }>): LeadTimeRow {
  const withTerm = items.filter((i) => i.statutory !== null);
  const late = withTerm.filter((i) => i.late).length;
  return {
    stage,
    category,
    count: items.length,
    medianWorkingDays: round1(percentileCont(items.map((i) => i.actual), 0.5)),
    p90WorkingDays: round1(percentileCont(items.map((i) => i.actual), 0.9)),
    statutoryWorkingDays: round1(percentileCont(withTerm.map((i) => i.statutory!), 0.5)),
    withTerm: withTerm.length,
    late,
    lateShare: withTerm.length ? Math.round((late / withTerm.length) * 1000) / 1000 : null,
  };
}

/**
 * Per stage (in the order given), overall and per applicant category: actual working days
 * from entering the stage to entering the next one, the statutory term in working days
 * (entry to deadline), and the share left after the deadline.
 */
export function leadTimeRows(intervals: readonly StageInterval[], stageOrder: readonly string[], calendar: ProductionCalendar): LeadTimeRow[] {
  const count = workingDayCounter(calendar);
  const measured = intervals.map((i) => {
    const entered = moscowDate(i.enteredAt.getTime());
    return {
      stage: i.stage,
      category: i.category,
      actual: count(entered, moscowDate(i.leftAt.getTime())),
      statutory: i.deadlineAt ? count(entered, moscowDate(i.deadlineAt.getTime())) : null,
      late: i.deadlineAt !== null && i.leftAt.getTime() > i.deadlineAt.getTime(),
    };
  });
  const rows: LeadTimeRow[] = [];
  for (const stage of stageOrder) {
    const ofStage = measured.filter((m) => m.stage === stage);
    if (ofStage.length === 0) continue;
    rows.push(summarise(stage, 'all', ofStage));
    for (const category of CATEGORIES) {
      const ofCategory = ofStage.filter((m) => m.category === category);
      if (ofCategory.length) rows.push(summarise(stage, category, ofCategory));
    }
  }
  return rows;
}

/** Appeals answered in the quarter: calendar days from registration to answer against the 30-day term. */
export interface AppealAnswerRow {
  /** An appeal topic, or 'all'. */
  topic: string;
  count: number;
  medianDays: number | null;
  p90Days: number | null;
  termDays: number;
  late: number;
  lateShare: number | null;
}

export const LEAD_TIMES_SCHEMA_VERSION = 1;

export interface LeadTimes {
  schemaVersion: typeof LEAD_TIMES_SCHEMA_VERSION;
  quarter: Quarter;
  from: IsoDate;
  until: IsoDate;
  generatedAt: string;
  stages: LeadTimeRow[];
  appeals: AppealAnswerRow[];
}

const share = (n: number | null) => (n === null ? '' : String(Math.round(n * 1000) / 10).replace('.', ','));
const num = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

/** The open-data CSV of the lead-time dashboard; columns documented in README («Открытые данные»). */
export function leadTimesCsv(data: LeadTimes, stageTitle: (stage: string) => string, topicTitle: (topic: string) => string): string {
  const header = ['Квартал', 'Вид', 'Этап или тема', 'Код', 'Категория заявителя', 'Количество', 'Медиана, дн.', '90-й процентиль, дн.', 'Нормативный срок, дн.', 'Единица дней', 'Со сроком', 'С нарушением срока', 'Доля с нарушением, %'];
  const stageLines = data.stages.map((r) => [
    data.quarter,
    'этап заявки',
    stageTitle(r.stage),
    r.stage,
    r.category === 'all' ? 'все' : CATEGORY_LABELS[r.category],
    r.count,
    num(r.medianWorkingDays),
    num(r.p90WorkingDays),
    num(r.statutoryWorkingDays),
    'рабочие',
    r.withTerm,
    r.late,
    share(r.lateShare),
  ]);
  const appealLines = data.appeals.map((r) => [data.quarter, 'обращение', r.topic === 'all' ? 'все темы' : topicTitle(r.topic), r.topic, '', r.count, num(r.medianDays), num(r.p90Days), r.termDays, 'календарные', r.count, r.late, share(r.lateShare)]);
  return toCsv([header, ...stageLines, ...appealLines]);
}

// --- disclosures -----------------------------------------------------------------------------

/** The usual power bands of the quarterly report; the exact breakdown the standards require is ❓ (DOMAIN §9). */
export const POWER_BANDS = [
  { key: 'upTo15', label: 'до 15 кВт включительно', min: 0, max: 15 },
  { key: 'upTo150', label: 'свыше 15 до 150 кВт включительно', min: 15, max: 150 },
  { key: 'upTo670', label: 'свыше 150 до 670 кВт включительно', min: 150, max: 670 },
  { key: 'over670', label: 'свыше 670 кВт', min: 670, max: null },
] as const;
export type PowerBand = (typeof POWER_BANDS)[number]['key'];

export const POWER_BANDS_NOTE = 'Разбивка по диапазонам мощности и периодичность — обычная форма раскрытия; точная разбивка по стандартам раскрытия (ПП РФ от 21.01.2004 № 24, п. 19) не проверена (❓).';

export const powerBandOf = (kw: number): PowerBand => POWER_BANDS.find((b) => b.max === null || kw <= b.max)!.key;
export const bandLabel = (band: PowerBand) => POWER_BANDS.find((b) => b.key === band)!.label;

/**
 * The voltage levels of tariff regulation (ВН, СН-1, СН-2, НН), the breakdown of the
 * power by voltage level the standards name (DOMAIN §9). The application form offers
 * 0,23 / 0,4 / 6 / 10 / 20 / 35 / 110 кВ (VOLTAGES_KV), each falling on one level.
 * 'unknown': a case whose form holds no voltage.
 */
export const VOLTAGE_LEVELS = [
  { key: 'hh', label: 'НН (до 1 кВ)', maxKv: 1 },
  { key: 'sn2', label: 'СН-2 (от 1 до 20 кВ)', maxKv: 20 },
  { key: 'sn1', label: 'СН-1 (35 кВ)', maxKv: 35 },
  { key: 'vn', label: 'ВН (110 кВ и выше)', maxKv: null },
] as const;
export type VoltageLevel = (typeof VOLTAGE_LEVELS)[number]['key'] | 'unknown';

/** Where the levels come from, with the confidence mark of the regulations table. */
export const VOLTAGE_LEVELS_SOURCE: { source: string; mark: Mark } = {
  source: 'Основы ценообразования в электроэнергетике (ПП РФ от 29.12.2011 № 1178) и Методические указания по расчёту регулируемых тарифов: уровни напряжения ВН, СН-1, СН-2, НН',
  mark: '◐',
};
export const VOLTAGE_LEVELS_NOTE = `Уровни напряжения — уровни тарифного регулирования: НН — до 1 кВ, СН-2 — от 1 до 20 кВ, СН-1 — 35 кВ, ВН — 110 кВ и выше (${VOLTAGE_LEVELS_SOURCE.source.split(':')[0]}; по вторичным источникам, ${VOLTAGE_LEVELS_SOURCE.mark}).`;

export const voltageLevelLabel = (level: VoltageLevel) => (level === 'unknown' ? 'Напряжение в заявке не указано' : VOLTAGE_LEVELS.find((l) => l.key === level)!.label);

export const voltageLevelOf = (kv: number): Exclude<VoltageLevel, 'unknown'> => VOLTAGE_LEVELS.find((l) => l.maxKv === null || kv <= l.maxKv)!.key;

/** The figures of one row of the report (a power band, a voltage level, or the total). */
export interface DisclosureFigures {
  received: number;
  receivedKw: number;
  annulled: number;
  withdrawn: number;
  contracts: number;
  contractsKw: number;
  /** The fees of the contracts concluded in the quarter (their invoice totals), roubles with kopecks. */
  contractsFeeRub: number;
  connected: number;
  connectedKw: number;
}

export interface DisclosureRow extends DisclosureFigures {
  band: PowerBand;
}

export interface DisclosureVoltageRow extends DisclosureFigures {
  level: VoltageLevel;
}

/** 2: voltage rows and contract fees added; the CSV gained the «Разрез» column. */
export const DISCLOSURE_SCHEMA_VERSION = 2;

export interface DisclosureReport {
  schemaVersion: typeof DISCLOSURE_SCHEMA_VERSION;
  quarter: Quarter;
  from: IsoDate;
  until: IsoDate;
  /** Per power band, always the four bands. */
  rows: DisclosureRow[];
  /** Per voltage level, always the four levels; 'unknown' only when a case of the quarter has no voltage. */
  voltageRows: DisclosureVoltageRow[];
  total: DisclosureFigures;
}

export const DISCLOSURE_COLUMNS = [
  ['received', 'Подано заявок, шт.'],
  ['receivedKw', 'Мощность по поданным заявкам, кВт'],
  ['annulled', 'Аннулировано заявок, шт.'],
  ['withdrawn', 'Отозвано заявителями, шт.'],
  ['contracts', 'Заключено договоров, шт.'],
  ['contractsKw', 'Мощность по заключённым договорам, кВт'],
  ['contractsFeeRub', 'Плата по заключённым договорам, руб.'],
  ['connected', 'Выполнено присоединений, шт.'],
  ['connectedKw', 'Присоединённая мощность, кВт'],
] as const satisfies ReadonlyArray<readonly [keyof DisclosureFigures, string]>;

/** Figures in roubles (the rest are counts and kW). */
export const isMoneyColumn = (key: keyof DisclosureFigures) => key === 'contractsFeeRub';

/** What is not verified (◐, ❓): said where users see the report. */
export const DISCLOSURE_GAPS = [VOLTAGE_LEVELS_NOTE, POWER_BANDS_NOTE];

/** What each figure counts: said under the table and in the PDF. */
export const DISCLOSURE_DEFINITIONS =
  'Подано — заявки, поступившие в квартале; аннулировано и отозвано, выполнено присоединений — заявки, закрытые в квартале; заключено договоров — договоры, заключённые в квартале (днём оплаты счёта); плата — сумма выставленных по этим договорам счетов за технологическое присоединение, руб. с копейками. Уровень напряжения — указанный в заявке.';

const zeroFigures = (): DisclosureFigures => ({ received: 0, receivedKw: 0, annulled: 0, withdrawn: 0, contracts: 0, contractsKw: 0, contractsFeeRub: 0, connected: 0, connectedKw: 0 });

export function disclosureTotal(rows: readonly DisclosureFigures[]): DisclosureFigures {
  const total = zeroFigures();
  for (const r of rows) for (const [key] of DISCLOSURE_COLUMNS) total[key] += r[key];
  for (const key of ['receivedKw', 'contractsKw', 'connectedKw'] as const) total[key] = Math.round(total[key] * 1000) / 1000;
  total.contractsFeeRub = Math.round(total.contractsFeeRub * 100) / 100;
  return total;
}

/** Roubles with kopecks as Russian Excel reads them: 55000,00. */
const rubCsv = (rub: number) => rub.toFixed(2).replace('.', ',');

/** The quarterly report as CSV for Excel (the BOM is added by the download): by power band, by voltage level, the total. */
export function disclosureCsv(report: DisclosureReport): string {
  const header = ['Квартал', 'Разрез', 'Группа', ...DISCLOSURE_COLUMNS.map(([, title]) => title)];
  const line = (cut: string, group: string, r: DisclosureFigures) => [report.quarter, cut, group, ...DISCLOSURE_COLUMNS.map(([key]) => (isMoneyColumn(key) ? rubCsv(r[key]) : r[key]))];
  return toCsv([
    header,
    ...report.rows.map((r) => line('диапазон мощности', bandLabel(r.band), r)),
    ...report.voltageRows.map((r) => line('уровень напряжения', voltageLevelLabel(r.level), r)),
    line('итого', 'Итого', report.total),
  ]);
}
