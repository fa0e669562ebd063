import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  addYears,
  calendarYearInfo,
  countWorkingDaysInYear,
  dayOfWeek,
  endOfMoscowWorkingDay,
  formatRuDate,
  isIsoDate,
  isProvisionalDeadline,
  isWorkingDay,
  labourCodeYear,
  moscowDate,
  nonWorkingReason,
  provisionalDeadlineNote,
  startOfMoscowDay,
  workingDayOnOrAfter,
  workingDaysBetween,
  type CalendarYear,
  type ProductionCalendar,
} from '../../domain/calendar';
import { SHIPPED_CALENDAR_YEARS } from '../../domain/calendar-data';

function datesOfYear(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

const isWeekend = (iso: string) => dayOfWeek(iso) >= 6;
const weekdaysOff = (year: number) => datesOfYear(year).filter((d) => !isWeekend(d) && !isWorkingDay(d));
const workingWeekends = (year: number) => datesOfYear(year).filter((d) => isWeekend(d) && isWorkingDay(d));

describe('plain dates', () => {
  it('knows weekdays without time zones', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2025-11-01')).toBe(6);
    expect(dayOfWeek('2026-01-01')).toBe(4);
    expect(dayOfWeek('2000-02-29')).toBe(2);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('validates dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(() => addCalendarDays('31.12.2025', 1)).toThrow(RangeError);
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2025-01-01', 365)).toBe('2026-01-01');
  });

  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-10-31', 4)).toBe('2026-02-28');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2025-06-11', 2)).toBe('2027-06-11');
  });

  it('formats dates the Russian way', () => {
    expect(formatRuDate('2026-01-09')).toBe('09.01.2026');
  });
});

describe('production calendar 2025 (ПП № 1335)', () => {
  it('has 247 working days', () => {
    expect(countWorkingDaysInYear(2025)).toBe(247);
  });

  it('has exactly the weekday days off of the decree', () => {
    expect(weekdaysOff(2025)).toEqual([
      '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08',
      '2025-05-01', '2025-05-02', '2025-05-08', '2025-05-09',
      '2025-06-12', '2025-06-13',
      '2025-11-03', '2025-11-04',
      '2025-12-31',
    ]);
  });

  it('makes Saturday 1 November a working day', () => {
    expect(workingWeekends(2025)).toEqual(['2025-11-01']);
    expect(isWorkingDay('2025-11-01')).toBe(true);
  });

  it('keeps 24 February and 10 March working: the decree moved those days off to May and June', () => {
    expect(isWorkingDay('2025-02-24')).toBe(true);
    expect(isWorkingDay('2025-03-10')).toBe(true);
    expect(nonWorkingReason('2025-05-08')).toBe('Перенесённый выходной день (с 23 февраля)');
  });

  it('names the holidays', () => {
    expect(nonWorkingReason('2025-01-07')).toBe('Рождество Христово');
    expect(nonWorkingReason('2025-06-12')).toBe('День России');
    expect(nonWorkingReason('2025-02-23')).toBe('День защитника Отечества');
    expect(nonWorkingReason('2025-11-02')).toBe('Выходной день');
    expect(nonWorkingReason('2025-11-05')).toBeNull();
  });

  it('reports its source', () => {
    expect(calendarYearInfo(2025)).toEqual({ year: 2025, source: SHIPPED_CALENDAR_YEARS[2025]!.source, provisional: false, decree: { number: '1335', date: '2024-10-04' } });
    expect(calendarYearInfo(2025).source).toContain('№ 1335');
  });
});

describe('production calendar 2026 (ПП № 1466)', () => {
  it('has 247 working days', () => {
    expect(countWorkingDaysInYear(2026)).toBe(247);
  });

  it('has exactly the weekday days off of the decree and art. 112', () => {
    expect(weekdaysOff(2026)).toEqual([
      '2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09',
      '2026-02-23',
      '2026-03-09',
      '2026-05-01', '2026-05-11',
      '2026-06-12',
      '2026-11-04',
      '2026-12-31',
    ]);
  });

  it('has no working Saturdays', () => {
    expect(workingWeekends(2026)).toEqual([]);
  });

  it('moves the weekend holidays by art. 112', () => {
    expect(nonWorkingReason('2026-03-09')).toBe('Перенесённый выходной день (Международный женский день)');
    expect(nonWorkingReason('2026-05-11')).toBe('Перенесённый выходной день (День Победы)');
  });

  it('reports its source', () => {
    expect(calendarYearInfo(2026)).toMatchObject({ provisional: false });
    expect(calendarYearInfo(2026).source).toContain('№ 1466');
  });
});

describe('years without a decree', () => {
  it('marks 2027 as provisional and applies art. 112 only', () => {
    const info = calendarYearInfo(2027);
    expect(info.provisional).toBe(true);
    expect(info.note).toMatch(/постановлением/);
    expect(weekdaysOff(2027)).toEqual([
      '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08',
      '2027-02-23',
      '2027-03-08',
      '2027-05-03', '2027-05-10',
      '2027-06-14',
      '2027-11-04',
    ]);
    expect(workingWeekends(2027)).toEqual([]);
  });

  it('falls back to art. 112 for a year with no data and says so', () => {
    const info = calendarYearInfo(2028);
    expect(info.provisional).toBe(true);
    expect(info.source).toContain('ст. 112');
    // 1 Jan 2028 is a Saturday: January weekend holidays move only by decree.
    expect(isWorkingDay('2028-01-10')).toBe(true);
    // 4 Nov 2028 is a Saturday → Monday 6 Nov off.
    expect(isWorkingDay('2028-11-06')).toBe(false);
    expect(isWorkingDay('2028-05-09')).toBe(false);
  });
});

describe('working-day arithmetic', () => {
  it('counts a term from the day after the start', () => {
    expect(addWorkingDays('2025-11-05', 1)).toBe('2025-11-06');
    expect(addWorkingDays('2025-11-07', 1)).toBe('2025-11-10'); // Friday → Monday
    expect(addWorkingDays('2025-11-08', 1)).toBe('2025-11-10'); // from a Saturday
    expect(addWorkingDays('2025-11-05', 0)).toBe('2025-11-05');
  });

  it('counts the working Saturday of 1 November 2025', () => {
    expect(addWorkingDays('2025-10-31', 1)).toBe('2025-11-01');
    expect(addWorkingDays('2025-10-31', 2)).toBe('2025-11-05');
  });

  it('steps over the New Year holidays', () => {
    // 31.12.2025 and 1–11.01.2026 are all days off.
    expect(addWorkingDays('2025-12-30', 1)).toBe('2026-01-12');
    expect(addWorkingDays('2025-12-26', 3)).toBe('2026-01-12');
    expect(addWorkingDays('2025-12-30', 5)).toBe('2026-01-16');
    expect(workingDaysBetween('2025-12-30', '2026-01-11')).toBe(0);
  });

  it('counts back for reminders', () => {
    expect(addWorkingDays('2026-01-12', -1)).toBe('2025-12-30');
    expect(addWorkingDays('2026-01-12', -2)).toBe('2025-12-29');
  });

  it('is the inverse of workingDaysBetween', () => {
    for (const start of ['2025-12-20', '2026-04-30', '2026-06-11', '2025-10-31']) {
      for (const n of [0, 1, 3, 5, 10, 20, 30]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
    expect(workingDaysBetween('2026-01-16', '2025-12-30')).toBe(-5);
  });

  it('finds the working day on or after a date', () => {
    expect(workingDayOnOrAfter('2026-05-01')).toBe('2026-05-04');
    expect(workingDayOnOrAfter('2026-05-04')).toBe('2026-05-04');
  });

  it('rejects fractional counts', () => {
    expect(() => addWorkingDays('2026-01-12', 1.5)).toThrow(RangeError);
  });
});

describe('Moscow time', () => {
  it('turns 21:00 UTC into the next day in Moscow', () => {
    expect(moscowDate(Date.UTC(2025, 11, 31, 21, 0, 0))).toBe('2026-01-01');
    expect(moscowDate(Date.UTC(2025, 11, 31, 20, 59, 59, 999))).toBe('2025-12-31');
    expect(moscowDate(Date.UTC(2026, 5, 15, 12))).toBe('2026-06-15');
  });

  it('ends a day at 23:59:59.999 Moscow time', () => {
    expect(endOfMoscowWorkingDay('2026-01-12')).toBe(Date.UTC(2026, 0, 12, 20, 59, 59, 999));
    expect(startOfMoscowDay('2026-01-12')).toBe(Date.UTC(2026, 0, 11, 21));
    expect(moscowDate(endOfMoscowWorkingDay('2026-01-12'))).toBe('2026-01-12');
    expect(moscowDate(endOfMoscowWorkingDay('2026-01-12') + 1)).toBe('2026-01-13');
  });
});

describe('a calendar loaded as data', () => {
  // The 2021 layout, which 2027 repeats (DOMAIN §9): a decree moving 2 Jan → 5 Nov and 3 Jan → 31 Dec.
  const decree2027: CalendarYear = {
    year: 2027,
    decree: { number: '9999', date: '2026-10-01' },
    source: 'Постановление-образец для теста',
    provisional: false,
    daysOff: [...SHIPPED_CALENDAR_YEARS[2027]!.daysOff, { date: '2027-11-05', note: 'с 2 января' }, { date: '2027-12-31', note: 'с 3 января' }],
    workingDays: [],
  };
  const loaded: ProductionCalendar = { years: { ...SHIPPED_CALENDAR_YEARS, 2027: decree2027 } };

  it('ships 2027 as exactly art. 112 alone, marked provisional', () => {
    expect(SHIPPED_CALENDAR_YEARS[2027]!.daysOff.map((d) => d.date)).toEqual(labourCodeYear(2027).daysOff.map((d) => d.date));
    expect(calendarYearInfo(2027).decree).toBeNull();
    expect(countWorkingDaysInYear(2027)).toBe(249);
  });

  it('computes on the loaded year, not on the shipped one', () => {
    expect(isWorkingDay('2027-11-05')).toBe(true);
    expect(isWorkingDay('2027-11-05', loaded)).toBe(false);
    expect(nonWorkingReason('2027-11-05', loaded)).toBe('с 2 января');
    expect(countWorkingDaysInYear(2027, loaded)).toBe(247);
    expect(addWorkingDays('2027-11-03', 2)).toBe('2027-11-08');
    expect(addWorkingDays('2027-11-03', 2, loaded)).toBe('2027-11-09');
    expect(calendarYearInfo(2027, loaded)).toMatchObject({ provisional: false, decree: { number: '9999' } });
    // The other years are untouched.
    expect(countWorkingDaysInYear(2026, loaded)).toBe(247);
  });

  it('marks a deadline in a provisional year, and only there', () => {
    const inProvisional = endOfMoscowWorkingDay('2027-03-01');
    expect(isProvisionalDeadline(inProvisional)).toBe(true);
    expect(provisionalDeadlineNote(inProvisional)).toBe(' (предварительно: производственный календарь 2027 года ещё не утверждён)');
    expect(isProvisionalDeadline(inProvisional, loaded)).toBe(false);
    expect(provisionalDeadlineNote(endOfMoscowWorkingDay('2026-12-30'))).toBe('');
    // 31.12.2026 23:59:59.999 MSK is still 2026 in Moscow though 2026-12-31T20:59Z.
    expect(isProvisionalDeadline(endOfMoscowWorkingDay('2026-12-31'))).toBe(false);
  });

  it('lets a decree make a Saturday working', () => {
    const withSaturday: ProductionCalendar = { years: { 2027: { ...decree2027, workingDays: [{ date: '2027-11-13' }] } } };
    expect(isWorkingDay('2027-11-13', withSaturday)).toBe(true);
    expect(workingDaysBetween('2027-11-12', '2027-11-15', withSaturday)).toBe(2);
  });
});

describe('the migration’s frozen copy of the shipped years', () => {
  it('equals the shipped calendar of pure code', async () => {
    const { SHIPPED_YEARS } = await import('../../db/migrations/0012_production_calendars');
    for (const row of SHIPPED_YEARS) {
      const shipped = SHIPPED_CALENDAR_YEARS[row.year]!;
      expect({ daysOff: row.days_off, workingDays: row.working_days, provisional: row.provisional, source: row.source }).toEqual({
        daysOff: shipped.daysOff,
        workingDays: shipped.workingDays,
        provisional: shipped.provisional,
        source: shipped.source,
      });
      expect(row.decree_number).toBe(shipped.decree?.number ?? null);
    }
  });
});
