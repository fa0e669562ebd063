// Dates and money as a Russian reader expects them. Times are Moscow time,
// the zone of the company's statutory deadlines, whatever the browser's zone.
const LOCALE = 'ru-RU';
const TIME_ZONE = 'Europe/Moscow';

const dateFormat = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: TIME_ZONE });
const longDateFormat = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const rubFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'RUB', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholeRubFormat = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'RUB', maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 3 });

export type DateInput = Date | string | number | null | undefined;

/** Placeholder for a missing value, so a table cell is never blank. */
export const NO_VALUE = '—';

function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  // A bare calendar date ('2026-11-01') is a day, not UTC midnight: pin it to Moscow noon so it never shifts.
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+03:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 05.11.2026 */
export function formatDate(value: DateInput): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : NO_VALUE;
}

/** 5 ноября 2026 г. */
export function formatDateLong(value: DateInput): string {
  const date = toDate(value);
  return date ? longDateFormat.format(date) : NO_VALUE;
}

/** 05.11.2026, 14:30 */
export function formatDateTime(value: DateInput): string {
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : NO_VALUE;
}

/** 14:30 */
export function formatTime(value: DateInput): string {
  const date = toDate(value);
  return date ? timeFormat.format(date) : NO_VALUE;
}

/** 12 345,60 ₽ — or whole roubles: 12 346 ₽ */
export function formatRub(amount: number | null | undefined, options: { whole?: boolean } = {}): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return NO_VALUE;
  return (options.whole ? wholeRubFormat : rubFormat).format(amount);
}

/** 1 234,5 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return numberFormat.format(value);
}

/** pluralRu(3, ['заявка', 'заявки', 'заявок']) → 'заявки' */
export function pluralRu(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const rule = new Intl.PluralRules(LOCALE).select(n);
  // Fractions fall under 'other' but read like 'few': «1,5 заявки».
  if (rule === 'one') return forms[0];
  return rule === 'few' || !Number.isInteger(n) ? forms[1] : forms[2];
}

const byteUnits = [
  { unit: 'byte', size: 1 },
  { unit: 'kilobyte', size: 1024 },
  { unit: 'megabyte', size: 1024 * 1024 },
] as const;
const byteFormats = new Map(byteUnits.map(({ unit }) => [unit, new Intl.NumberFormat(LOCALE, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 })]));

/** 980 Б, 12,5 КБ, 1,2 МБ */
export function formatBytes(size: number | null | undefined): string {
  if (size === null || size === undefined || !Number.isFinite(size) || size < 0) return NO_VALUE;
  const { unit, size: base } = [...byteUnits].reverse().find((u) => size >= u.size) ?? byteUnits[0];
  // Intl puts an ordinary space before the unit; «103 Б» must not break across lines.
  return byteFormats.get(unit)!.format(size / base).replace(' ', '\u00a0');
}

const DAY_MS = 86_400_000;

/** Whole days left until an instant, rounded up (a deadline later today is «1 дн.»); negative once it has passed. */
export function daysLeft(deadline: DateInput, nowMs: number): number | null {
  const date = toDate(deadline);
  if (!date) return null;
  const ms = date.getTime() - nowMs;
  return ms >= 0 ? Math.max(1, Math.ceil(ms / DAY_MS)) : Math.floor(ms / DAY_MS);
}
