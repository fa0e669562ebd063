// The production calendar as data: the Labour Code's holidays (art. 112) and
// the calendars shipped with the cabinet, each year with its source. An admin
// loads newer years (or corrections) into the database (domain/calendar-import.ts,
// api/calendars/); the activities compute deadlines on the loaded calendar, so a
// new decree needs no release. The shipped years here are the fallback of pure
// code (tests, the calculator) and what the first migration stores.

/** A plain calendar date 'YYYY-MM-DD' (no time, no time zone). */
export type IsoDate = string;

export interface FixedHoliday {
  /** 'MM-DD' */
  monthDay: string;
  name: string;
}

/** Нерабочие праздничные дни: ТК РФ ст. 112 ч. 1. */
export const LABOUR_CODE_HOLIDAYS: readonly FixedHoliday[] = [
  { monthDay: '01-01', name: 'Новогодние каникулы' },
  { monthDay: '01-02', name: 'Новогодние каникулы' },
  { monthDay: '01-03', name: 'Новогодние каникулы' },
  { monthDay: '01-04', name: 'Новогодние каникулы' },
  { monthDay: '01-05', name: 'Новогодние каникулы' },
  { monthDay: '01-06', name: 'Новогодние каникулы' },
  { monthDay: '01-07', name: 'Рождество Христово' },
  { monthDay: '01-08', name: 'Новогодние каникулы' },
  { monthDay: '02-23', name: 'День защитника Отечества' },
  { monthDay: '03-08', name: 'Международный женский день' },
  { monthDay: '05-01', name: 'Праздник Весны и Труда' },
  { monthDay: '05-09', name: 'День Победы' },
  { monthDay: '06-12', name: 'День России' },
  { monthDay: '11-04', name: 'День народного единства' },
];

/**
 * ТК РФ ст. 112 ч. 2: a weekend day that coincides with a holiday moves to the
 * next working day, except for the holidays of 1–8 January: those weekend days
 * are moved only by a government decree.
 */
export const LABOUR_CODE_SOURCE = 'Трудовой кодекс РФ, ст. 112';

/** One day that departs from «Monday–Friday work, Saturday–Sunday rest». */
export interface CalendarDay {
  date: IsoDate;
  /** Why, as the decree or the calendar says it (e.g. «перенос с 4 января»). */
  note?: string;
}

/** The decree that fixes a year's transfers (Постановление Правительства РФ «О переносе выходных дней»). */
export interface Decree {
  number: string;
  /** 'YYYY-MM-DD' */
  date: IsoDate;
}

/**
 * One year of the production calendar as the published calendar states it:
 * the weekdays that are not worked (holidays and days off moved onto weekdays)
 * and the Saturdays or Sundays that are worked. Holidays that fall on a
 * weekend need not be listed: they are days off anyway.
 */
export interface CalendarYear {
  year: number;
  /** The decree; null while none is known (a provisional year). */
  decree: Decree | null;
  /** The source in words, shown wherever the calendar is. */
  source: string;
  /** True while the year follows art. 112 only (no decree yet): deadlines in it are marked «предварительно». */
  provisional: boolean;
  note?: string;
  daysOff: readonly CalendarDay[];
  workingDays: readonly CalendarDay[];
}

/** The calendar a computation runs on: the years known, by number. */
export interface ProductionCalendar {
  readonly years: Readonly<Record<number, CalendarYear>>;
}

const off = (year: number, monthDays: string[]): CalendarDay[] => monthDays.map((md) => ({ date: `${year}-${md}` }));

export const SHIPPED_CALENDAR_YEARS: Readonly<Record<number, CalendarYear>> = {
  2025: {
    year: 2025,
    decree: { number: '1335', date: '2024-10-04' },
    source: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
    provisional: false,
    daysOff: [
      ...off(2025, ['01-01', '01-02', '01-03', '01-06', '01-07', '01-08', '05-01']),
      { date: '2025-05-02', note: 'Перенесённый выходной день (с 4 января)' },
      { date: '2025-05-08', note: 'Перенесённый выходной день (с 23 февраля)' },
      ...off(2025, ['05-09', '06-12']),
      { date: '2025-06-13', note: 'Перенесённый выходной день (с 8 марта)' },
      { date: '2025-11-03', note: 'Перенесённый выходной день (с субботы 1 ноября)' },
      ...off(2025, ['11-04']),
      { date: '2025-12-31', note: 'Перенесённый выходной день (с 5 января)' },
    ],
    workingDays: [{ date: '2025-11-01', note: 'Рабочая суббота (выходной перенесён на 3 ноября)' }],
  },
  2026: {
    year: 2026,
    decree: { number: '1466', date: '2025-09-24' },
    source: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
    provisional: false,
    daysOff: [
      ...off(2026, ['01-01', '01-02', '01-05', '01-06', '01-07', '01-08']),
      { date: '2026-01-09', note: 'Перенесённый выходной день (с 3 января)' },
      ...off(2026, ['02-23']),
      { date: '2026-03-09', note: 'Перенесённый выходной день (Международный женский день)' },
      ...off(2026, ['05-01']),
      { date: '2026-05-11', note: 'Перенесённый выходной день (День Победы)' },
      ...off(2026, ['06-12', '11-04']),
      { date: '2026-12-31', note: 'Перенесённый выходной день (с 4 января)' },
    ],
    workingDays: [],
  },
  2027: {
    year: 2027,
    decree: null,
    source: `${LABOUR_CODE_SOURCE} (постановление о переносе выходных дней в 2027 году ещё не принято)`,
    provisional: true,
    note:
      'Предварительный календарь: выходные и праздники ст. 112 ТК РФ, перенос праздников с выходных на понедельник ' +
      '(3 и 10 мая, 14 июня). Перенос выходных 2 и 3 января будет установлен постановлением Правительства — ' +
      'загрузите календарь 2027 года с постановлением в разделе «Производственный календарь».',
    daysOff: [
      ...off(2027, ['01-01', '01-04', '01-05', '01-06', '01-07', '01-08', '02-23', '03-08']),
      { date: '2027-05-03', note: 'Перенесённый выходной день (Праздник Весны и Труда)' },
      { date: '2027-05-10', note: 'Перенесённый выходной день (День Победы)' },
      { date: '2027-06-14', note: 'Перенесённый выходной день (День России)' },
      ...off(2027, ['11-04']),
    ],
    workingDays: [],
  },
};

/** The calendar of pure code: the shipped years. Server code computes on the one loaded from the database. */
export const SHIPPED_CALENDAR: ProductionCalendar = { years: SHIPPED_CALENDAR_YEARS };
