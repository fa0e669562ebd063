// The pure side of the open figures: the fast working-day counter equals the
// day-by-day count, quarters and power bands are cut where the report says.
import { describe, expect, it } from 'vitest';
import { addCalendarDays, SHIPPED_CALENDAR, workingDaysBetween } from '../../domain/calendar';
import { VOLTAGES_KV } from '../../domain/application';
import { percentileCont, powerBandOf, quarterOf, quarterRange, recentQuarters, voltageLevelLabel, voltageLevelOf, workingDayCounter } from '../../domain/transparency';

describe('workingDayCounter', () => {
  it('equals workingDaysBetween over years of pairs, across year ends and backwards', () => {
    const count = workingDayCounter(SHIPPED_CALENDAR);
    let from = '2024-11-20';
    for (let i = 0; i < 400; i++) {
      const to = addCalendarDays(from, (i * 37) % 420);
      expect(count(from, to)).toBe(workingDaysBetween(from, to, SHIPPED_CALENDAR));
      expect(count(to, from)).toBe(workingDaysBetween(to, from, SHIPPED_CALENDAR));
      from = addCalendarDays(from, 3);
    }
  });
});

describe('quarters', () => {
  it('cut at Moscow midnight and roll over the year', () => {
    expect(quarterRange('2026-Q4')).toMatchObject({ from: '2026-10-01', until: '2027-01-01', fromMs: Date.parse('2026-09-30T21:00:00Z') });
    expect(quarterOf(Date.parse('2026-03-31T21:30:00Z'))).toBe('2026-Q2');
    expect(recentQuarters(Date.parse('2026-02-10T00:00:00Z'), 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
  });
});

describe('statistics and bands', () => {
  it('interpolates percentiles like PostgreSQL and puts band edges in the lower band', () => {
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([10, 1, 5], 0.9)).toBeCloseTo(9);
    expect(percentileCont([], 0.5)).toBeNull();
    expect([15, 15.5, 150, 670, 671].map(powerBandOf)).toEqual(['upTo15', 'upTo150', 'upTo150', 'upTo670', 'over670']);
  });

  it('puts every voltage the form offers on the tariff level its label names', () => {
    expect(VOLTAGES_KV.map((kv) => [kv, voltageLevelLabel(voltageLevelOf(kv))])).toEqual([
      [0.23, 'НН (до 1 кВ)'],
      [0.4, 'НН (до 1 кВ)'],
      [6, 'СН-2 (от 1 до 20 кВ)'],
      [10, 'СН-2 (от 1 до 20 кВ)'],
      [20, 'СН-2 (от 1 до 20 кВ)'],
      [35, 'СН-1 (35 кВ)'],
      [110, 'ВН (110 кВ и выше)'],
    ]);
  });
});
