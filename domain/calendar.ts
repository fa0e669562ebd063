// Working days and dates for statutory terms. Dates are plain 'YYYY-MM-DD'
// strings handled with integer day numbers, never with local-time Date maths:
// this module runs in Temporal workflows, on the server and in the browser,
// each possibly in a different time zone. The company lives in Moscow time.
// The production calendar is an argument (data loaded by an admin), never a global.
import { LABOUR_CODE_HOLIDAYS, LABOUR_CODE_SOURCE, SHIPPED_CALENDAR, type CalendarDay, type CalendarYear, type Decree, type IsoDate, type ProductionCalendar } from './calendar-data';

export type { CalendarDay, CalendarYear, Decree, IsoDate, ProductionCalendar } from './calendar-data';
export { SHIPPED_CALENDAR } from './calendar-data';

const DAY_MS = 86_400_000;
/** Moscow is UTC+3 all year (no daylight saving since 26.10.2014, ФЗ от 21.07.2014 № 248-ФЗ). */
export const MOSCOW_OFFSET_MS = 3 * 3_600_000;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarYearInfo {
  year: number;
  source: string;
  provisional: boolean;
  decree: Decree | null;
  note?: string;
}

// --- plain dates ------------------------------------------------------------

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parts(iso: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_RE.exec(iso);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date 'YYYY-MM-DD': ${JSON.stringify(iso)}`);
  }
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoOf = (year: number, month: number, day: number): IsoDate => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
// days_from_civil / civil_from_days): exact integers, no Date involved.
function toDayNumber(iso: IsoDate): number {
  const { year, month, day } = parts(iso);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return isoOf(era * 400 + yoe + (month <= 2 ? 1 : 0), month, day);
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

export function isIsoDate(s: string): boolean {
  try {
    parts(s);
    return true;
  } catch {
    return false;
  }
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(iso: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(iso) + 3) % 7) + 7) % 7) + 1;
}

export function addCalendarDays(iso: IsoDate, n: number): IsoDate {
  requireInteger(n, 'Number of days');
  return fromDayNumber(toDayNumber(iso) + n);
}

/** ГК РФ ст. 192 п. 3: a month term ends on the same day of the month, or on its last day if there is none. */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  requireInteger(n, 'Number of months');
  const { year, month, day } = parts(iso);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return isoOf(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addYears(iso: IsoDate, n: number): IsoDate {
  requireInteger(n, 'Number of years');
  return addMonths(iso, n * 12);
}

/** '2026-01-09' → '09.01.2026', as dates are written in Russian documents. */
export function formatRuDate(iso: IsoDate): string {
  const { year, month, day } = parts(iso);
  return `${pad(day)}.${pad(month)}.${pad(year, 4)}`;
}

// --- the production calendar ------------------------------------------------
//
// Every function below takes the calendar it computes on (pure: the caller
// loads it). The default is the calendar shipped in code; server code passes
// the one an admin loaded into the database.

const WEEKEND = 'Выходной день';
const TRANSFERRED = 'Перенесённый выходной день';
const WORKING = 'Рабочий день';

/** Non-working days of a year with the reason for each (weekends included), per calendar object. */
const yearCache = new WeakMap<ProductionCalendar, Map<number, ReadonlyMap<IsoDate, string>>>();

const holidayName = (iso: IsoDate) => LABOUR_CODE_HOLIDAYS.find((h) => iso.endsWith(`-${h.monthDay}`))?.name;

/**
 * A year no calendar covers: weekends and the art. 112 holidays, each weekend
 * holiday except 1–8 January moved to the next working day (ТК РФ ст. 112 ч. 2).
 */
export function labourCodeYear(year: number): CalendarYear {
  requireInteger(year, 'Year');
  const offDays = new Set<IsoDate>();
  const daysOff: CalendarDay[] = [];
  const isOff = (iso: IsoDate) => dayOfWeek(iso) >= 6 || offDays.has(iso);
  for (const h of LABOUR_CODE_HOLIDAYS) {
    const iso = `${pad(year, 4)}-${h.monthDay}`;
    if (dayOfWeek(iso) < 6) {
      offDays.add(iso);
      daysOff.push({ date: iso });
    }
  }
  for (const h of LABOUR_CODE_HOLIDAYS) {
    const iso = `${pad(year, 4)}-${h.monthDay}`;
    if (h.monthDay <= '01-08' || dayOfWeek(iso) < 6) continue;
    let next = addCalendarDays(iso, 1);
    while (isOff(next)) next = addCalendarDays(next, 1);
    offDays.add(next);
    daysOff.push({ date: next, note: `${TRANSFERRED} (${h.name})` });
  }
  daysOff.sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    year,
    decree: null,
    source: `${LABOUR_CODE_SOURCE} (данных о переносах выходных дней на ${year} год нет)`,
    provisional: true,
    note: 'Календарь года не загружен: учтены только выходные и праздники ст. 112 ТК РФ с переносом на следующий рабочий день.',
    daysOff,
    workingDays: [],
  };
}

/** The year as the calendar has it, or as art. 112 alone gives it. */
export function calendarYear(year: number, calendar: ProductionCalendar = SHIPPED_CALENDAR): CalendarYear {
  requireInteger(year, 'Year');
  return calendar.years[year] ?? labourCodeYear(year);
}

function nonWorkingDaysOf(year: number, calendar: ProductionCalendar): ReadonlyMap<IsoDate, string> {
  let perCalendar = yearCache.get(calendar);
  if (!perCalendar) yearCache.set(calendar, (perCalendar = new Map()));
  const cached = perCalendar.get(year);
  if (cached) return cached;

  const entry = calendarYear(year, calendar);
  const offMap = new Map<IsoDate, string>();
  for (let d = toDayNumber(isoOf(year, 1, 1)), last = toDayNumber(isoOf(year, 12, 31)); d <= last; d++) {
    const iso = fromDayNumber(d);
    if (dayOfWeek(iso) >= 6) offMap.set(iso, holidayName(iso) ?? WEEKEND);
  }
  for (const day of entry.daysOff) offMap.set(day.date, holidayName(day.date) ?? day.note ?? TRANSFERRED);
  for (const day of entry.workingDays) offMap.delete(day.date);

  perCalendar.set(year, offMap);
  return offMap;
}

export function calendarYearInfo(year: number, calendar: ProductionCalendar = SHIPPED_CALENDAR): CalendarYearInfo {
  const { source, provisional, note, decree } = calendarYear(year, calendar);
  return note === undefined ? { year, source, provisional, decree } : { year, source, provisional, decree, note };
}

/** Whether a deadline falls in a year whose calendar is provisional (no decree yet): it may still move. */
export function isProvisionalDeadline(deadlineMs: number, calendar: ProductionCalendar = SHIPPED_CALENDAR): boolean {
  return calendarYear(parts(moscowDate(deadlineMs)).year, calendar).provisional;
}

/** « (предварительно: производственный календарь 2027 года ещё не утверждён)» after a provisional deadline, else ''. */
export function provisionalDeadlineNote(deadlineMs: number, calendar: ProductionCalendar = SHIPPED_CALENDAR): string {
  if (!isProvisionalDeadline(deadlineMs, calendar)) return '';
  return ` (предварительно: производственный календарь ${parts(moscowDate(deadlineMs)).year} года ещё не утверждён)`;
}

/** Why a day is not a working day ('Выходной день', a holiday name, a transfer), or null for a working day. */
export function nonWorkingReason(iso: IsoDate, calendar: ProductionCalendar = SHIPPED_CALENDAR): string | null {
  return nonWorkingDaysOf(parts(iso).year, calendar).get(iso) ?? null;
}

/** «Рабочий день» or the reason the day is off, for tables. */
export function dayStatusText(iso: IsoDate, calendar: ProductionCalendar = SHIPPED_CALENDAR): string {
  return nonWorkingReason(iso, calendar) ?? WORKING;
}

export function isWorkingDay(iso: IsoDate, calendar: ProductionCalendar = SHIPPED_CALENDAR): boolean {
  return nonWorkingReason(iso, calendar) === null;
}

/** The date itself when it is a working day, otherwise the next working day (ГК РФ ст. 193). */
export function workingDayOnOrAfter(iso: IsoDate, calendar: ProductionCalendar = SHIPPED_CALENDAR): IsoDate {
  let d = iso;
  while (!isWorkingDay(d, calendar)) d = addCalendarDays(d, 1);
  return d;
}

/**
 * The n-th working day after `iso`: a term of n working days starts on the day
 * after the event (ГК РФ ст. 191) and ends at the end of this day. Negative n
 * counts back (the |n|-th working day before), useful for reminders; 0 returns
 * the date unchanged.
 */
export function addWorkingDays(iso: IsoDate, n: number, calendar: ProductionCalendar = SHIPPED_CALENDAR): IsoDate {
  requireInteger(n, 'Number of working days');
  const step = n < 0 ? -1 : 1;
  let d = iso;
  for (let left = Math.abs(n); left > 0; ) {
    d = addCalendarDays(d, step);
    if (isWorkingDay(d, calendar)) left--;
  }
  return d;
}

/**
 * Working days in (from, to]: the days that have run since `from`, so that
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when to < from.
 */
export function workingDaysBetween(fromIso: IsoDate, toIso: IsoDate, calendar: ProductionCalendar = SHIPPED_CALENDAR): number {
  const from = toDayNumber(fromIso);
  const to = toDayNumber(toIso);
  if (to < from) return -workingDaysBetween(toIso, fromIso, calendar);
  let count = 0;
  for (let d = from + 1; d <= to; d++) if (isWorkingDay(fromDayNumber(d), calendar)) count++;
  return count;
}

/** Calendar days in (from, to]; negative when to < from. */
export function calendarDaysBetween(fromIso: IsoDate, toIso: IsoDate): number {
  return toDayNumber(toIso) - toDayNumber(fromIso);
}

export function countWorkingDaysInYear(year: number, calendar: ProductionCalendar = SHIPPED_CALENDAR): number {
  requireInteger(year, 'Year');
  return workingDaysBetween(isoOf(year - 1, 12, 31), isoOf(year, 12, 31), calendar);
}

// --- Moscow time ------------------------------------------------------------

/** The calendar date in Moscow at an instant (epoch ms). */
export function moscowDate(instantMs: number): IsoDate {
  if (!Number.isFinite(instantMs)) throw new RangeError(`Not an instant: ${instantMs}`);
  return fromDayNumber(Math.floor((instantMs + MOSCOW_OFFSET_MS) / DAY_MS));
}

/** Epoch ms of 00:00:00.000 Moscow time on the date. */
export function startOfMoscowDay(iso: IsoDate): number {
  return toDayNumber(iso) * DAY_MS - MOSCOW_OFFSET_MS;
}

/** Epoch ms of 23:59:59.999 Moscow time on the date: a term ends at the end of its last day (ГК РФ ст. 194). */
export function endOfMoscowWorkingDay(iso: IsoDate): number {
  return startOfMoscowDay(iso) + DAY_MS - 1;
}
