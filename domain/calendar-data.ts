// The Russian production calendar as data. The code in ./calendar applies the
// Labour Code (art. 112) rules; this file holds only what a law or decree says,
// each with its source, so that a new year means adding one entry here.

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

/** One transfer as the decree words it: «перенести выходной день с <from> на <to>». */
export interface DayTransfer {
  from: IsoDate;
  to: IsoDate;
}

export interface CalendarYear {
  year: number;
  source: string;
  /** True while no decree for the year is known: the calendar follows art. 112 only. */
  provisional: boolean;
  note?: string;
  /**
   * Transfers fixed by the decree. A transfer whose `from` is a weekend holiday
   * replaces the automatic art. 112 transfer for that day; a transfer whose
   * `from` is an ordinary Saturday or Sunday makes that day a working day.
   */
  transfers: readonly DayTransfer[];
}

export const CALENDAR_YEARS: Readonly<Record<number, CalendarYear>> = {
  2025: {
    year: 2025,
    source: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
    provisional: false,
    transfers: [
      { from: '2025-01-04', to: '2025-05-02' },
      { from: '2025-01-05', to: '2025-12-31' },
      // The decree sends the weekend holidays of 23 Feb and 8 Mar to May and June
      // instead of the Mondays art. 112 would give: 24 Feb and 10 Mar are working days.
      { from: '2025-02-23', to: '2025-05-08' },
      { from: '2025-03-08', to: '2025-06-13' },
      { from: '2025-11-01', to: '2025-11-03' },
    ],
  },
  2026: {
    year: 2026,
    source: 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»',
    provisional: false,
    // 8 Mar (Sun) → 9 Mar and 9 May (Sat) → 11 May follow from art. 112 itself.
    transfers: [
      { from: '2026-01-03', to: '2026-01-09' },
      { from: '2026-01-04', to: '2026-12-31' },
    ],
  },
  2027: {
    year: 2027,
    source: `${LABOUR_CODE_SOURCE} (постановление о переносе выходных дней в 2027 году ещё не принято)`,
    provisional: true,
    note:
      'Предварительный календарь: выходные и праздники ст. 112 ТК РФ, перенос праздников с выходных на понедельник ' +
      '(3 и 10 мая, 14 июня). Перенос выходных 2 и 3 января будет установлен постановлением Правительства — ' +
      'после его принятия добавьте переносы и снимите отметку provisional.',
    transfers: [],
  },
};
